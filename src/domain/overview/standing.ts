import type { CountEvent } from '../count-event.ts';
import { activeCounts } from '../stock-take/corrections.ts';

/** The fields of a count event the stock totals are made from. */
export type TotalledEvent = Pick<CountEvent, 'id' | 'kind' | 'corrects' | 'gtin' | 'batch' | 'expiry' | 'quantity'>;

/** Packs of one product, batch and expiry that stand in one stock-take. */
export interface BatchTotal {
  gtin: string;
  batch: string | null;
  expiry: string | null;
  quantity: number;
}

/**
 * The standing packs of one stock-take per product, batch and expiry: corrections applied by
 * `activeCounts` (so pass every event of the stock-take, voids and replacements included). Counts
 * whose scan named no product cannot be placed against a target and are left out. Sorted by GTIN,
 * expiry, batch.
 */
export function standingBatchTotals(events: readonly TotalledEvent[]): BatchTotal[] {
  const totals = new Map<string, BatchTotal>();
  for (const event of activeCounts(events)) {
    if (event.gtin === null) continue;
    const key = JSON.stringify([event.gtin, event.batch, event.expiry]);
    const total = totals.get(key);
    if (total) total.quantity += event.quantity;
    else totals.set(key, { gtin: event.gtin, batch: event.batch, expiry: event.expiry, quantity: event.quantity });
  }
  return [...totals.values()].sort(byGtinExpiryBatch);
}

function byGtinExpiryBatch(a: BatchTotal, b: BatchTotal): number {
  return (
    a.gtin.localeCompare(b.gtin) ||
    (a.expiry ?? '9999').localeCompare(b.expiry ?? '9999') ||
    (a.batch ?? '').localeCompare(b.batch ?? '')
  );
}
