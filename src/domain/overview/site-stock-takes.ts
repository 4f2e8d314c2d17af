import type { StockTake } from '../reference-data.ts';

/** Which stock-takes a site's figures come from. */
export interface SiteStockTakes {
  siteCode: string;
  /** The latest approved stock-take: its standing counts are the site's counted stock. */
  approvedId: string | null;
  /** The latest open or submitted stock-take newer than the approved one: its counts so far are provisional. */
  provisionalId: string | null;
}

/**
 * Per site, the stock-takes the overview reads. "Latest" is by `createdAt`, then id, so the choice
 * is the same on every server whatever order the rows were written in. An open stock-take older than
 * the latest approved one is stale (its counts were overtaken) and is not shown.
 */
export function stockTakesPerSite(stockTakes: readonly StockTake[]): Map<string, SiteStockTakes> {
  const sites = new Map<string, SiteStockTakes>();
  const latest = (status: (s: StockTake) => boolean, siteCode: string) =>
    stockTakes.filter((s) => s.siteCode === siteCode && status(s)).sort(newestFirst)[0] ?? null;
  for (const siteCode of new Set(stockTakes.map((s) => s.siteCode))) {
    const approved = latest((s) => s.status === 'approved', siteCode);
    const inProgress = latest((s) => s.status !== 'approved', siteCode);
    const provisional = inProgress && (!approved || newestFirst(inProgress, approved) < 0) ? inProgress : null;
    sites.set(siteCode, { siteCode, approvedId: approved?.id ?? null, provisionalId: provisional?.id ?? null });
  }
  return sites;
}

function newestFirst(a: StockTake, b: StockTake): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}
