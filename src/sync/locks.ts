/**
 * One tab syncs at a time: every tab shares the same IndexedDB, so two tabs pushing together would
 * send the same events twice (harmless, but wasteful) and race on pull cursors. The Web Locks API
 * (`navigator.locks`) gives an exclusive lock across the tabs of an origin; where it is missing
 * (old browsers, Node in tests) a lock within this page stands in.
 */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export const SYNC_LOCK_NAME = 'lagerkoll-sync';

export function defaultLockManager(): LockManagerLike {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : new InPageLocks();
}

/** Exclusive locks by name within one JavaScript realm: each request waits for the one before. */
export class InPageLocks implements LockManagerLike {
  private readonly tails = new Map<string, Promise<unknown>>();

  request<T>(name: string, callback: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    const run = previous.then(callback, callback);
    const tail = run.catch(() => undefined);
    this.tails.set(name, tail);
    void tail.then(() => {
      if (this.tails.get(name) === tail) this.tails.delete(name);
    });
    return run;
  }
}
