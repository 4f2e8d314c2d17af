/**
 * Background Sync (Chromium only, NOTES "Offline-first web"): a service worker can be woken to
 * sync once the network returns, even after the tab is closed. It is a bonus on top of the page's
 * own triggers, and it needs a service worker that handles the `sync` event with this tag by
 * running the same push (src/sync/push.ts) — wire it there when the service worker exists.
 */
export const BACKGROUND_SYNC_TAG = 'lagerkoll-push';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** Asks the browser to wake the service worker for a sync when online; false where unsupported. */
export async function requestBackgroundSync(registration: { sync?: SyncManagerLike } | undefined): Promise<boolean> {
  if (!registration?.sync) return false;
  try {
    await registration.sync.register(BACKGROUND_SYNC_TAG);
    return true;
  } catch {
    // Permission denied or the browser refused: the page's own triggers still sync.
    return false;
  }
}
