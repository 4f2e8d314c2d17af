import { matchPrecache } from 'workbox-precaching';
import { LagerkollDb } from '../store/db.ts';
import { readDeviceCredential, readRevocation, saveRevocation } from '../store/identity.ts';
import { BACKGROUND_SYNC_TAG } from '../sync/background-sync.ts';
import { defaultLockManager, SYNC_LOCK_NAME } from '../sync/locks.ts';
import { pushPending, SyncError } from '../sync/push.ts';

/**
 * Background Sync: the browser wakes the worker once the network is back, even when no tab is open.
 * The worker sends the outbox with the same push as the app (same ids, so nothing is doubled), under
 * the same lock, so a tab and the worker never push at once. A failure rejects, and the browser
 * retries later with its own backoff. Returns null for tags that are not ours. Like the app, the
 * worker sends with the device credential (pushPending adds it), and never asks the server for a
 * device that is not enrolled or was revoked; a revocation it learns is kept for the app to show.
 */
export function pushInBackground(tag: string): Promise<void> | null {
  if (tag !== BACKGROUND_SYNC_TAG) return null;
  return defaultLockManager().request(SYNC_LOCK_NAME, async () => {
    const db = new LagerkollDb();
    try {
      if (!(await readDeviceCredential(db)) || (await readRevocation(db))) return;
      await pushPending(db, { appVersion: await precachedBuildId() });
    } catch (error) {
      if (!(error instanceof SyncError && error.code === 'device_revoked')) throw error;
      await saveRevocation(db, { message: error.message, at: new Date().toISOString(), details: error.revocation });
    } finally {
      db.close();
    }
  });
}

/**
 * The version of the app this worker belongs to, read from its own precached index.html (the build
 * writes it there), so the server judges the worker's pushes like the app's.
 */
async function precachedBuildId(): Promise<string> {
  const html = (await (await matchPrecache('index.html'))?.text()) ?? '';
  return /<meta name="lagerkoll-build" content="([^"]+)"/.exec(html)?.[1] ?? 'dev';
}
