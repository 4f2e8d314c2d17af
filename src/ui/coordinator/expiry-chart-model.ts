import type { ExpiryMonth } from '../../domain/overview/model.ts';

/**
 * The expiry chart's bars from the API's months: one bar per calendar month from the first month
 * with packs, gaps filled with empty bars so that the axis is time; months past the window folded
 * into one "later" bar, and packs without an expiry date in a bar of their own at the end.
 */

/** At most this many month bars; later months are summed into one bar. */
export const MAX_MONTH_BARS = 36;

export type BarKind = 'month' | 'later' | 'undated';
export type BarStatus = 'expired' | 'near' | 'ok' | 'none';

export interface ExpiryBar {
  kind: BarKind;
  /** YYYY-MM for a month bar; the first month folded in for "later"; null for undated. */
  month: string | null;
  countedPacks: number;
  provisionalPacks: number;
  status: BarStatus;
}

/** YYYY-MM of a date, in local time. */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The month `n` months after `month` (YYYY-MM). */
export function addMonths(month: string, n: number): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Past months are expired; this month and the next three (about 90 days) are near. Whole months,
 * because a bar is a month: "near" errs on the early side.
 */
export function monthStatus(month: string, today: Date): BarStatus {
  const now = monthOf(today);
  if (month < now) return 'expired';
  return month <= addMonths(now, 3) ? 'near' : 'ok';
}

export function expiryBars(months: readonly ExpiryMonth[], today: Date, maxBars = MAX_MONTH_BARS): ExpiryBar[] {
  const dated = months.filter((m): m is ExpiryMonth & { month: string } => m.month !== null);
  const byMonth = new Map(dated.map((m) => [m.month, m]));
  const bars: ExpiryBar[] = [];
  const sorted = [...byMonth.keys()].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first !== undefined && last !== undefined) {
    const lastShown = last < addMonths(first, maxBars) ? last : addMonths(first, maxBars - 1);
    for (let month = first; month <= lastShown; month = addMonths(month, 1)) {
      const m = byMonth.get(month);
      bars.push({
        kind: 'month',
        month,
        countedPacks: m?.countedPacks ?? 0,
        provisionalPacks: m?.provisionalPacks ?? 0,
        status: monthStatus(month, today),
      });
    }
    const later = dated.filter((m) => m.month > lastShown);
    if (later.length > 0) {
      bars.push({
        kind: 'later',
        month: addMonths(lastShown, 1),
        countedPacks: sum(later.map((m) => m.countedPacks)),
        provisionalPacks: sum(later.map((m) => m.provisionalPacks)),
        status: 'ok',
      });
    }
  }
  const undated = months.filter((m) => m.month === null);
  if (undated.length > 0) {
    bars.push({
      kind: 'undated',
      month: null,
      countedPacks: sum(undated.map((m) => m.countedPacks)),
      provisionalPacks: sum(undated.map((m) => m.provisionalPacks)),
      status: 'none',
    });
  }
  return bars;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export interface Scale {
  /** The top of the axis: a round number at or above the largest bar. */
  max: number;
  /** Gridline values from 0 to max. */
  ticks: number[];
}

/** A round axis for values up to `largest`: steps of 1, 2 or 5 × 10ⁿ, about `steps` of them. */
export function niceScale(largest: number, steps = 4): Scale {
  if (largest <= 0) return { max: 1, ticks: [0, 1] };
  const rough = largest / steps;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power;
  const max = Math.max(step, Math.ceil(largest / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return { max, ticks };
}
