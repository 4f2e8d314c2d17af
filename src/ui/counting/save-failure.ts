/**
 * Why a count or a correction could not be written to IndexedDB, in the terms the person holding the
 * device can act on. A full disk is the one failure with a cure they can apply on the spot.
 *
 * Chromium reports a full disk as a transaction aborted with a `QuotaExceededError` DOMException;
 * Dexie hands that on either as its own `QuotaExceededError` or as an `AbortError` whose `inner` is
 * the DOMException, so the whole chain of causes is searched.
 */
export type SaveFailure = { kind: 'storage-full' } | { kind: 'other'; detail: string };

export function saveFailureOf(error: unknown): SaveFailure {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (isStorageFull(cause)) return { kind: 'storage-full' };
    cause = (cause as { inner?: unknown; cause?: unknown }).inner ?? (cause as { cause?: unknown }).cause;
  }
  return { kind: 'other', detail: error instanceof Error ? error.message : String(error) };
}

function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  // Old engines name it by its legacy code; some only say it in the message.
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    (typeof message === 'string' && /QuotaExceeded/i.test(message))
  );
}

/** The words for a failed write: the full-disk text, or the other one with the failure's own message. */
export interface SaveFailureTexts {
  storageFull: string;
  other: (reason: string) => string;
}

export function saveFailureText(error: unknown, texts: SaveFailureTexts): string {
  const failure = saveFailureOf(error);
  return failure.kind === 'storage-full' ? texts.storageFull : texts.other(failure.detail);
}
