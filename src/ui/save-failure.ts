import { isStorageFull } from '../store/storage-full.ts';

/** Why a count or a correction could not be written to the device, in the terms the person can act on. */
export type SaveFailure = { kind: 'storage-full' } | { kind: 'other'; detail: string };

export function saveFailureOf(error: unknown): SaveFailure {
  if (isStorageFull(error)) return { kind: 'storage-full' };
  return { kind: 'other', detail: error instanceof Error ? error.message : String(error) };
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
