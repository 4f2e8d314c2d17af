import type { OverviewFilter } from '../../domain/overview/model.ts';
import { stockTakesPerSite } from '../../domain/overview/site-stock-takes.ts';
import { standingBatchTotals } from '../../domain/overview/standing.ts';
import { type ResultLine, stockTakeResult } from '../../domain/overview/stock-take-result.ts';
import {
  locationSchema,
  type Product,
  productSchema,
  type Site,
  type StockTake,
  siteSchema,
} from '../../domain/reference-data.ts';
import type { EventStore } from '../storage/event-store.ts';
import { listStockTakes } from './stock-take-service.ts';
import type { ExportColumn } from './table-export.ts';

/** One line of a stock-take's result with the names a person reads. */
export interface ResultRow extends ResultLine {
  stockTakeId: string;
  siteCode: string;
  locationName: string | null;
  productName: string | null;
}

export const RESULT_COLUMNS: readonly ExportColumn<ResultRow>[] = [
  { header: 'Inventering', value: (r) => r.stockTakeId },
  { header: 'Lagerställe', value: (r) => r.siteCode },
  { header: 'Lagerplats', value: (r) => r.locationCode },
  { header: 'Lagerplatsnamn', value: (r) => r.locationName },
  { header: 'GTIN', value: (r) => r.gtin },
  { header: 'Produkt', value: (r) => r.productName },
  { header: 'Batch', value: (r) => r.batch },
  { header: 'Utgångsdatum', value: (r) => (r.expiry ? { date: r.expiry } : null) },
  { header: 'Antal förpackningar', value: (r) => r.packs },
];

/** One product, batch and expiry at a site, from its latest approved stock-take. */
export interface ExpiryRow {
  siteCode: string;
  siteName: string | null;
  region: string | null;
  gtin: string;
  productName: string | null;
  atc: string | null;
  batch: string | null;
  expiry: string | null;
  packs: number;
  stockTakeId: string;
}

export const EXPIRY_COLUMNS: readonly ExportColumn<ExpiryRow>[] = [
  { header: 'Utgångsdatum', value: (r) => (r.expiry ? { date: r.expiry } : null) },
  { header: 'Lagerställe', value: (r) => r.siteCode },
  { header: 'Namn', value: (r) => r.siteName },
  { header: 'Region', value: (r) => r.region },
  { header: 'GTIN', value: (r) => r.gtin },
  { header: 'Produkt', value: (r) => r.productName },
  { header: 'ATC', value: (r) => r.atc },
  { header: 'Batch', value: (r) => r.batch },
  { header: 'Antal förpackningar', value: (r) => r.packs },
  { header: 'Inventering', value: (r) => r.stockTakeId },
];

async function products(store: EventStore, gtins: readonly string[]): Promise<Map<string, Product>> {
  const rows = await store.stockTakeAdmin.referenceRows('catalog', { keys: [...new Set(gtins)] });
  return new Map(
    rows.flatMap((row) => {
      const parsed = productSchema.safeParse(row);
      return parsed.success ? [[parsed.data.gtin, parsed.data] as const] : [];
    }),
  );
}

/** The standing packs of a stock-take per location, product, batch and expiry, with names. */
export async function stockTakeResultRows(store: EventStore, stockTake: StockTake): Promise<ResultRow[]> {
  const admin = store.stockTakeAdmin;
  const lines = stockTakeResult((await admin.eventsOfStockTake(stockTake.id)).map((r) => r.event));
  const codes = [...new Set(lines.flatMap((l) => (l.locationCode ? [l.locationCode] : [])))];
  const locations = new Map(
    (await admin.referenceRows('locations', { keys: codes })).flatMap((row) => {
      const parsed = locationSchema.safeParse(row);
      return parsed.success ? [[parsed.data.code, parsed.data] as const] : [];
    }),
  );
  const catalog = await products(
    store,
    lines.map((l) => l.gtin),
  );
  return lines.map((line) => ({
    ...line,
    stockTakeId: stockTake.id,
    siteCode: stockTake.siteCode,
    locationName: line.locationCode ? (locations.get(line.locationCode)?.name ?? null) : null,
    productName: catalog.get(line.gtin)?.nameSv ?? null,
  }));
}

/**
 * Packs per site, product, batch and expiry from each site's latest approved stock-take (the
 * overview's counted stock, docs/overview.md), with the overview's filters; earliest expiry first,
 * packs without an expiry last. Read from the events of those stock-takes, corrections applied.
 */
export async function expiryRows(store: EventStore, filter: OverviewFilter): Promise<ExpiryRow[]> {
  const admin = store.stockTakeAdmin;
  const sites = new Map(
    (await admin.referenceRows('sites', filter.siteCode ? { keys: [filter.siteCode] } : {})).flatMap((row) => {
      const parsed = siteSchema.safeParse(row);
      return parsed.success ? [[parsed.data.code, parsed.data] as const] : [];
    }),
  );
  const stockTakes = await listStockTakes(store, filter.siteCode ? { siteCode: filter.siteCode } : {});
  const rows: ExpiryRow[] = [];
  for (const { siteCode, approvedId } of stockTakesPerSite(stockTakes).values()) {
    const site: Site | undefined = sites.get(siteCode);
    if (!approvedId || (filter.region !== undefined && site?.region !== filter.region)) continue;
    const events = (await admin.eventsOfStockTake(approvedId)).map((r) => r.event);
    for (const batch of standingBatchTotals(events)) {
      rows.push({
        siteCode,
        siteName: site?.name ?? null,
        region: site?.region ?? null,
        gtin: batch.gtin,
        productName: null,
        atc: null,
        batch: batch.batch,
        expiry: batch.expiry,
        packs: batch.quantity,
        stockTakeId: approvedId,
      });
    }
  }
  const catalog = await products(
    store,
    rows.map((r) => r.gtin),
  );
  const atc = filter.atc?.toUpperCase();
  return rows
    .map((r) => ({ ...r, productName: catalog.get(r.gtin)?.nameSv ?? null, atc: catalog.get(r.gtin)?.atc ?? null }))
    .filter((r) => atc === undefined || (r.atc ?? '').toUpperCase().startsWith(atc))
    .filter((r) => r.packs > 0)
    .sort(
      (a, b) =>
        (a.expiry ?? '9999').localeCompare(b.expiry ?? '9999') ||
        a.siteCode.localeCompare(b.siteCode) ||
        a.gtin.localeCompare(b.gtin) ||
        (a.batch ?? '').localeCompare(b.batch ?? ''),
    );
}
