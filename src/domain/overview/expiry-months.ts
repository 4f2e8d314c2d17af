import type { ExpiryMonth } from './model.ts';

/** Packs with one expiry date, counted (approved) or provisional. */
export interface PacksByExpiry {
  expiry: string | null;
  countedPacks: number;
  provisionalPacks: number;
}

/**
 * Packs per calendar month of expiry (YYYY-MM), oldest month first; packs without an expiry date
 * come last under `month: null`. Months without packs are left out (the chart draws the gaps).
 */
export function expiryMonths(packs: readonly PacksByExpiry[]): ExpiryMonth[] {
  const months = new Map<string | null, ExpiryMonth>();
  for (const { expiry, countedPacks, provisionalPacks } of packs) {
    const month = expiry === null ? null : expiry.slice(0, 7);
    const bucket = months.get(month) ?? { month, countedPacks: 0, provisionalPacks: 0 };
    bucket.countedPacks += countedPacks;
    bucket.provisionalPacks += provisionalPacks;
    months.set(month, bucket);
  }
  return [...months.values()]
    .filter((m) => m.countedPacks > 0 || m.provisionalPacks > 0)
    .sort((a, b) => (a.month ?? '9999-99').localeCompare(b.month ?? '9999-99'));
}
