import { LagerkollDb } from '../store/db.ts';
import { BACKGROUND_SYNC_TAG } from '../sync/background-sync.ts';
import { defaultLockManager, SYNC_LOCK_NAME } from '../sync/locks.ts';
import { pushPending } from '../sync/push.ts';

/**
 * Background Sync: the browser wakes the worker once the network is back, even when no tab is open.
 * The worker sends the outbox with the same push as the app (same ids, so nothing is doubled), under
 * the same lock, so a tab and the worker never push at once. A failure rejects, and the browser
 * retries later with its own backoff. Returns null for tags that are not ours.
 */
export function pushInBackground(tag: string): Promise<void> | null {
  if (tag !== BACKGROUND_SYNC_TAG) return null;
  return defaultLockManager().request(SYNC_LOCK_NAME, async () => {
    const db = new LagerkollDb();
    try {
      await pushPending(db);
    } finally {
      db.close();
    }
  });
}
