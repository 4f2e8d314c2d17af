import type { CountEvent } from '../count-event.ts';
import type { Expectation } from '../reference-data.ts';
import { activeCounts } from '../stock-take/corrections.ts';

type ResultEvent = Pick<
  CountEvent,
  'id' | 'kind' | 'corrects' | 'locationCode' | 'gtin' | 'batch' | 'expiry' | 'quantity'
>;

/** Standing packs of one product, batch and expiry at one location of a stock-take. */
export interface ResultLine {
  locationCode: string | null;
  gtin: string;
  batch: string | null;
  expiry: string | null;
  packs: number;
}

/**
 * The result of a stock-take: its standing counts (corrections applied) added up per location,
 * product, batch and expiry. Counts whose scan named no product are left out. Sorted by location,
 * GTIN, expiry (none last) and batch.
 */
export function stockTakeResult(events: readonly ResultEvent[]): ResultLine[] {
  const lines = new Map<string, ResultLine>();
  for (const e of activeCounts(events)) {
    if (e.gtin === null) continue;
    const key = JSON.stringify([e.locationCode, e.gtin, e.batch, e.expiry]);
    const line = lines.get(key);
    if (line) line.packs += e.quantity;
    else
      lines.set(key, {
        locationCode: e.locationCode,
        gtin: e.gtin,
        batch: e.batch,
        expiry: e.expiry,
        packs: e.quantity,
      });
  }
  return [...lines.values()].sort(
    (a, b) =>
      (a.locationCode ?? '').localeCompare(b.locationCode ?? '') ||
      a.gtin.localeCompare(b.gtin) ||
      (a.expiry ?? '9999').localeCompare(b.expiry ?? '9999') ||
      (a.batch ?? '').localeCompare(b.batch ?? ''),
  );
}

/**
 * What a new guided stock-take expects: the standing packs of the site's latest approved
 * stock-take per location, product and batch (expiries of one batch added up). With a scope, only
 * its locations. Ids are the new stock-take's id and a running number, unique within it.
 */
export function expectationsFrom(
  stockTakeId: string,
  approvedEvents: readonly ResultEvent[],
  scope: readonly string[],
): Expectation[] {
  const packs = new Map<
    string,
    { locationCode: string | null; gtin: string; batch: string | null; quantity: number }
  >();
  for (const line of stockTakeResult(approvedEvents)) {
    if (scope.length > 0 && (line.locationCode === null || !scope.includes(line.locationCode))) continue;
    const key = JSON.stringify([line.locationCode, line.gtin, line.batch]);
    const entry = packs.get(key) ?? {
      locationCode: line.locationCode,
      gtin: line.gtin,
      batch: line.batch,
      quantity: 0,
    };
    entry.quantity += line.packs;
    packs.set(key, entry);
  }
  return [...packs.values()].map((p, i) => ({ id: `${stockTakeId}-e${i + 1}`, stockTakeId, ...p }));
}
