import type { OverviewFilter, OverviewRow } from '../../domain/overview/model.ts';
import { type SiteStockTakes, stockTakesPerSite } from '../../domain/overview/site-stock-takes.ts';
import { type StockTake, stockTakeSchema } from '../../domain/reference-data.ts';

/**
 * What both backends share to keep the overview's precomputed tables up to date (docs/overview.md,
 * "How it stays fast"). The tables are a cache of the events and the reference data, rebuilt in
 * small pieces when something changed:
 * - `stock_take_batches`: standing packs per stock-take, product, batch and expiry (corrections
 *   applied with the domain's `activeCounts`), rebuilt for each stock-take that got events since;
 *   ingest leaves a mark in `stock_take_changes`.
 * - `overview_targets` and `overview_sites`: typed copies of the target levels and of which
 *   stock-takes each site's figures come from, brought up to date from the reference data changed
 *   since the version recorded in `overview_state`.
 * - `overview_rows`: one row per site and product, rebuilt for each site whose inputs changed.
 * Reading the overview first applies what changed since the last read (usually nothing, or one
 * stock-take), then reads the rows with an index on coverage.
 */

/** A target-level reference row or tombstone, as the typed table wants it. */
export function targetChange(
  key: string,
  data: string | null,
): { siteCode: string; gtin: string; targetPacks: number | null } {
  const [siteCode, gtin] = JSON.parse(key) as [string, string];
  const row = data === null ? null : (JSON.parse(data) as { targetPacks?: unknown });
  const targetPacks = row && typeof row.targetPacks === 'number' ? row.targetPacks : null;
  return { siteCode, gtin, targetPacks };
}

/** The stock-take rows that parse (anything else cannot be placed at a site). */
export function parseStockTakes(data: readonly string[]): StockTake[] {
  return data.flatMap((text) => {
    const parsed = stockTakeSchema.safeParse(JSON.parse(text));
    return parsed.success ? [parsed.data] : [];
  });
}

/** The new choice of stock-takes per site, and the sites whose choice differs from the stored one. */
export function siteChoiceChanges(
  stored: readonly SiteStockTakes[],
  stockTakes: readonly StockTake[],
): { choices: SiteStockTakes[]; changedSites: string[] } {
  const next = stockTakesPerSite(stockTakes);
  const before = new Map(stored.map((c) => [c.siteCode, c]));
  const changedSites = new Set<string>();
  for (const choice of next.values()) {
    const old = before.get(choice.siteCode);
    if (!old || old.approvedId !== choice.approvedId || old.provisionalId !== choice.provisionalId)
      changedSites.add(choice.siteCode);
  }
  for (const siteCode of before.keys()) if (!next.has(siteCode)) changedSites.add(siteCode);
  return { choices: [...next.values()], changedSites: [...changedSites] };
}

/**
 * The sort key for "lowest coverage first": unknown coverage (no target, or nothing approved yet)
 * after every known one. Stored beside the row so one index serves the first screen.
 */
export function coverageSortKey(coverage: number | null): number {
  return coverage ?? 1e12;
}

/** A filter as bind parameters: null means "any". */
export function filterParams(filter: OverviewFilter): {
  site: string | null;
  region: string | null;
  atc: string | null;
} {
  return { site: filter.siteCode ?? null, region: filter.region ?? null, atc: filter.atc?.toUpperCase() ?? null };
}

/** An overview row from the database's columns (both backends select the same names). */
export interface OverviewDbRow {
  site_code: string;
  site_name: string | null;
  region: string | null;
  gtin: string;
  name_sv: string | null;
  name_en: string | null;
  atc: string | null;
  target_packs: number | string | null;
  counted_packs: number | string | null;
  provisional_packs: number | string | null;
  coverage: number | null;
  earliest_expiry: string | null;
  approved_id: string | null;
  provisional_id: string | null;
}

const intOrNull = (v: number | string | null) => (v === null ? null : Number(v));

export function overviewRowFrom(r: OverviewDbRow): OverviewRow {
  return {
    siteCode: r.site_code,
    siteName: r.site_name,
    region: r.region,
    gtin: r.gtin,
    productNameSv: r.name_sv,
    productNameEn: r.name_en,
    atc: r.atc,
    targetPacks: intOrNull(r.target_packs),
    countedPacks: intOrNull(r.counted_packs),
    provisionalPacks: intOrNull(r.provisional_packs),
    coveragePercent: r.coverage === null ? null : Number(r.coverage),
    earliestExpiry: r.earliest_expiry,
    countedStockTakeId: r.counted_packs === null ? null : r.approved_id,
    provisionalStockTakeId: r.provisional_packs === null ? null : r.provisional_id,
  };
}
