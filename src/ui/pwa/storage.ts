/**
 * Persistent storage: with it the browser does not evict the origin's IndexedDB (the counts) under
 * storage pressure, and Safari's seven-day deletion does not apply. Chromium grants it silently to
 * installed or much-used sites, Firefox asks the person, Safari decides by itself.
 */
export interface StorageReport {
  /** Whether the origin's storage is persistent; null when the browser has no such API. */
  persisted: boolean | null;
  usageBytes: number | null;
  /** What the origin may still use: the quota minus the usage. */
  availableBytes: number | null;
}

const storageManager = (): StorageManager | undefined =>
  typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined;

/** Asks for persistent storage unless it is already granted; resolves to whether it now is. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager();
  if (!storage?.persist || !storage.persisted) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch (error) {
    console.warn('[pwa] persistent storage request failed', error);
    return false;
  }
}

/**
 * Asks at the first use of the app (the first tap or key press in this visit) rather than on load, so
 * that a browser that asks the person (Firefox) does so when they are using the app. Asked again at
 * each visit until granted: Chromium's answer changes once the app is installed.
 */
export function requestPersistentStorageOnFirstUse(): void {
  const events = ['pointerdown', 'keydown'] as const;
  const onFirstUse = () => {
    for (const type of events) removeEventListener(type, onFirstUse, true);
    void requestPersistentStorage();
  };
  for (const type of events) addEventListener(type, onFirstUse, true);
}

export async function readStorageReport(): Promise<StorageReport> {
  const storage = storageManager();
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  const usageBytes = estimate?.usage ?? null;
  const quota = estimate?.quota ?? null;
  return {
    persisted,
    usageBytes,
    availableBytes: quota === null || usageBytes === null ? null : Math.max(0, quota - usageBytes),
  };
}
