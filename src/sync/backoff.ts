/**
 * Exponential backoff with full jitter: the n-th retry waits a random time between 0 and
 * min(cap, base·2ⁿ), so that hundreds of devices coming back online at once do not hammer the
 * server in lock-step. A server's Retry-After is a floor.
 */
export function retryDelayMs(
  attempt: number,
  { baseMs = 2_000, capMs = 300_000, retryAfterMs, random = Math.random }: BackoffOptions = {},
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  retryAfterMs?: number | undefined;
  random?: () => number;
}
