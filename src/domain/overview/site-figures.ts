import type { BatchTotal } from './standing.ts';

/** The figures of one product at one site, before names and regions are joined in. */
export interface SiteProductFigures {
  gtin: string;
  targetPacks: number | null;
  countedPacks: number | null;
  provisionalPacks: number | null;
  coveragePercent: number | null;
  earliestExpiry: string | null;
}

export interface SiteFiguresInput {
  /** The approved stock-take's batch totals; null when the site has no approved stock-take. */
  counted: readonly BatchTotal[] | null;
  /** The provisional stock-take's batch totals; null when none is in progress. */
  provisional: readonly BatchTotal[] | null;
  /** Target level in packs per GTIN. */
  targets: ReadonlyMap<string, number>;
}

/**
 * Coverage in percent with one decimal: counted against target. Unknown (null) without a target, with
 * a target of 0 (nothing to cover) or without an approved count.
 */
export function coveragePercent(counted: number | null, target: number | null): number | null {
  if (counted === null || target === null || target === 0) return null;
  return Math.round((counted * 1000) / target) / 10;
}

/**
 * One site's rows: every product with a target level or with packs counted (approved or provisional).
 * A product with a target that the approved stock-take did not find has 0 counted (coverage 0 %),
 * not null: the stock-take looked and it was not there.
 */
export function siteProductFigures({ counted, provisional, targets }: SiteFiguresInput): SiteProductFigures[] {
  const countedByGtin = sumByGtin(counted ?? []);
  const provisionalByGtin = sumByGtin(provisional ?? []);
  const gtins = new Set([...targets.keys(), ...countedByGtin.keys(), ...provisionalByGtin.keys()]);
  return [...gtins].sort().map((gtin) => {
    const targetPacks = targets.get(gtin) ?? null;
    const countedPacks = counted === null ? null : (countedByGtin.get(gtin)?.packs ?? 0);
    return {
      gtin,
      targetPacks,
      countedPacks,
      provisionalPacks: provisional === null ? null : (provisionalByGtin.get(gtin)?.packs ?? 0),
      coveragePercent: coveragePercent(countedPacks, targetPacks),
      earliestExpiry: countedByGtin.get(gtin)?.earliestExpiry ?? null,
    };
  });
}

function sumByGtin(batches: readonly BatchTotal[]): Map<string, { packs: number; earliestExpiry: string | null }> {
  const sums = new Map<string, { packs: number; earliestExpiry: string | null }>();
  for (const batch of batches) {
    const sum = sums.get(batch.gtin) ?? { packs: 0, earliestExpiry: null };
    sum.packs += batch.quantity;
    if (
      batch.quantity > 0 &&
      batch.expiry !== null &&
      (sum.earliestExpiry === null || batch.expiry < sum.earliestExpiry)
    )
      sum.earliestExpiry = batch.expiry;
    sums.set(batch.gtin, sum);
  }
  return sums;
}
