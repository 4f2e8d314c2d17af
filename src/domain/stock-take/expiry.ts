/** Packs that expire within this many days are flagged amber (configurable in settings). */
export const DEFAULT_NEAR_EXPIRY_DAYS = 90;

export type ExpiryStatus = 'expired' | 'near' | 'ok' | 'unknown';

const DAY_MS = 86_400_000;

/**
 * How an expiry date stands on `today` (both YYYY-MM-DD). A pack is usable through its expiry day,
 * so it is expired from the day after.
 */
export function expiryStatus(
  expiry: string | null | undefined,
  today: string,
  nearDays: number = DEFAULT_NEAR_EXPIRY_DAYS,
): ExpiryStatus {
  if (!expiry) return 'unknown';
  const days = daysBetween(today, expiry);
  if (days < 0) return 'expired';
  return days <= nearDays ? 'near' : 'ok';
}

/** Whole days from `from` to `to` (YYYY-MM-DD, calendar dates, no time zones involved). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Today's calendar date where the device is (YYYY-MM-DD), not in UTC. */
export function localDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
