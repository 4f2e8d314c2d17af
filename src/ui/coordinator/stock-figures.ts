/**
 * How the overview judges a number: whether a coverage is under target, whether an expiry is past
 * or near. Pure, so the table, the drill-down and the chart agree.
 */

/** Packs expiring within this many days are flagged (the counting app warns at 90 by default too). */
export const NEAR_EXPIRY_DAYS = 90;
/** Under this coverage a row is marked as critical rather than just under target. */
export const CRITICAL_COVERAGE_PERCENT = 50;

export type CoverageTone = 'none' | 'critical' | 'under' | 'ok';

export function coverageTone(percent: number | null): CoverageTone {
  if (percent === null) return 'none';
  if (percent < CRITICAL_COVERAGE_PERCENT) return 'critical';
  if (percent < 100) return 'under';
  return 'ok';
}

export type ExpiryStatus = 'none' | 'expired' | 'near' | 'ok';

/** A date's calendar day in the reader's time zone, as ISO (2026-11-22). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Expired: before today. Near: within NEAR_EXPIRY_DAYS from today. */
export function expiryStatus(expiry: string | null, today: Date, nearDays = NEAR_EXPIRY_DAYS): ExpiryStatus {
  if (expiry === null) return 'none';
  const todayIso = isoDay(today);
  if (expiry < todayIso) return 'expired';
  const limit = new Date(today.getFullYear(), today.getMonth(), today.getDate() + nearDays);
  return expiry <= isoDay(limit) ? 'near' : 'ok';
}

export type TargetInput = { ok: true; targetPacks: number | null } | { ok: false };

export const MAX_TARGET_PACKS = 10_000_000;

/**
 * A target level as an administrator types it: a whole number of packs (`1 200` allowed), or
 * nothing to remove the target.
 */
export function parseTargetInput(text: string): TargetInput {
  const compact = text.replace(/[\s\u00A0\u202F]/g, '');
  if (compact === '') return { ok: true, targetPacks: null };
  if (!/^\d{1,8}$/.test(compact)) return { ok: false };
  const value = Number(compact);
  return value <= MAX_TARGET_PACKS ? { ok: true, targetPacks: value } : { ok: false };
}
