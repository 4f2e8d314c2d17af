/**
 * Whether a failed IndexedDB write failed because the device's storage is full: the one failure
 * the person holding the device can cure on the spot (free up space), so the app names it.
 *
 * Chromium reports it as a transaction aborted with a `QuotaExceededError` DOMException; Dexie hands
 * that on either as its own `QuotaExceededError` or as an `AbortError` whose `inner` is the
 * DOMException, so the whole chain of causes is searched (a few links deep: a chain may loop).
 */
export function isStorageFull(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (namesFullStorage(cause)) return true;
    cause = (cause as { inner?: unknown }).inner ?? (cause as { cause?: unknown }).cause;
  }
  return false;
}

function namesFullStorage(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  // Firefox's legacy name; some engines only say it in the message.
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    (typeof message === 'string' && /QuotaExceeded/i.test(message))
  );
}
