const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How worried the person should be about counts that have not reached the server: a warning when
 * the oldest unsent count is over a day old, a stronger one after three days (the field asks for
 * exactly these two steps; NOTES "Lessons").
 */
export type PendingAgeLevel = 'none' | 'day' | 'three-days';

export function pendingAgeLevel(oldestPendingAt: string | null, now: Date): PendingAgeLevel {
  if (!oldestPendingAt) return 'none';
  const age = now.getTime() - Date.parse(oldestPendingAt);
  if (age >= 3 * DAY_MS) return 'three-days';
  if (age >= DAY_MS) return 'day';
  return 'none';
}

/**
 * - not-enrolled: the device has no credential yet, so nothing is sent (the counts wait on it);
 * - revoked: the server refused this device for good (`lastError` holds its reason); the counts stay;
 * - storage-full: the device could not write what the sync brought (its storage is full); retried
 *   with backoff, since the person may free up space. Not "offline": the network is not the problem.
 */
export type SyncPhase =
  | 'idle'
  | 'syncing'
  | 'offline'
  | 'error'
  | 'update-required'
  | 'not-enrolled'
  | 'revoked'
  | 'storage-full';

export interface SyncStatus {
  phase: SyncPhase;
  /** Counts not yet on the server. */
  pending: number;
  /** Last time a sync with the server succeeded (ISO), kept across reloads. */
  lastContact: string | null;
  /** What went wrong last, in words for the person holding the device. */
  lastError: string | null;
  /** When the oldest count not yet on the server was made (ISO), or null. */
  oldestPendingAt: string | null;
  /** Warn when unsent counts are older than a day ('day'), and again at three days. */
  pendingAge: PendingAgeLevel;
  /** Counts the server refused for good (shown with their reason). */
  rejected: number;
  /** Server clock minus device clock (ms), from the last answer's Date header; null before any answer. */
  clockOffsetMs: number | null;
  /** The device clock is more than five minutes off: the server flags the times of its counts. */
  clockSkewed: boolean;
}

/** Where sync stands before the engine has read anything. */
export const INITIAL_SYNC_STATUS: SyncStatus = {
  phase: 'idle',
  pending: 0,
  lastContact: null,
  lastError: null,
  oldestPendingAt: null,
  pendingAge: 'none',
  rejected: 0,
  clockOffsetMs: null,
  clockSkewed: false,
};
