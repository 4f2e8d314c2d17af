import type { CountEvent } from '../count-event.ts';
import type { Expectation, StockTakeMode } from '../reference-data.ts';
import { activeCounts } from './corrections.ts';
import { type ExpiryStatus, expiryStatus } from './expiry.ts';

/** One batch (batch + expiry) of one product, summed over the standing counts. */
export interface BatchLine {
  batch: string | null;
  expiry: string | null;
  expiryStatus: ExpiryStatus;
  quantity: number;
  /** Where it was counted, in the order first counted. */
  locationCodes: string[];
  /** The standing count events behind the number (for recount and drill-down). */
  eventIds: string[];
}

export interface ProductLine {
  /** null: counts whose scan named no GTIN. */
  gtin: string | null;
  quantity: number;
  batches: BatchLine[];
}

export interface GuidedBatchLine extends BatchLine {
  expected: number | null;
  difference: number | null;
}
export interface GuidedProductLine extends ProductLine {
  batches: GuidedBatchLine[];
  expected: number;
  difference: number;
}

export interface ExpiredPack {
  gtin: string | null;
  batch: string | null;
  expiry: string;
  quantity: number;
  locationCodes: string[];
}

/**
 * A blind review has no expected quantities anywhere — not even a zero line for a product that was
 * expected and not found, which would itself tell the counter what to look for.
 */
export interface BlindReview {
  mode: 'blind';
  lines: ProductLine[];
  totalPacks: number;
  expired: ExpiredPack[];
  nearExpiry: ExpiredPack[];
}
export interface GuidedReview {
  mode: 'guided';
  lines: GuidedProductLine[];
  totalPacks: number;
  totalExpected: number;
  expired: ExpiredPack[];
  nearExpiry: ExpiredPack[];
}
export type Review = BlindReview | GuidedReview;

export interface ReviewOptions {
  mode: StockTakeMode;
  /** Used only in guided mode; ignored in blind mode whatever is passed. */
  expectations?: readonly Expectation[];
  /** Only this location (a location summary); all locations when absent. */
  locationCode?: string;
  today: string;
  nearExpiryDays?: number;
}

const batchKey = (batch: string | null, expiry: string | null) => `${batch ?? ''}\u0000${expiry ?? ''}`;

/** Groups a stock-take's standing counts by product, then batch and expiry. */
export function buildReview(events: readonly CountEvent[], options: ReviewOptions): Review {
  const counts = activeCounts(events).filter(
    (e) => options.locationCode === undefined || e.locationCode === options.locationCode,
  );
  const products = new Map<string, { gtin: string | null; batches: Map<string, BatchLine> }>();
  for (const event of counts) {
    const productKey = event.gtin ?? '';
    let product = products.get(productKey);
    if (!product) {
      product = { gtin: event.gtin, batches: new Map() };
      products.set(productKey, product);
    }
    const key = batchKey(event.batch, event.expiry);
    let line = product.batches.get(key);
    if (!line) {
      line = {
        batch: event.batch,
        expiry: event.expiry,
        expiryStatus: expiryStatus(event.expiry, options.today, options.nearExpiryDays),
        quantity: 0,
        locationCodes: [],
        eventIds: [],
      };
      product.batches.set(key, line);
    }
    line.quantity += event.quantity;
    line.eventIds.push(event.id);
    if (event.locationCode && !line.locationCodes.includes(event.locationCode))
      line.locationCodes.push(event.locationCode);
  }

  const lines: ProductLine[] = [...products.values()]
    .map(({ gtin, batches }) => {
      const sorted = [...batches.values()].sort(byExpiryThenBatch);
      return { gtin, quantity: sum(sorted.map((b) => b.quantity)), batches: sorted };
    })
    .sort(byGtin);
  const expired = packsWithStatus(lines, 'expired');
  const nearExpiry = packsWithStatus(lines, 'near');
  const totalPacks = sum(lines.map((l) => l.quantity));

  if (options.mode === 'blind') return { mode: 'blind', lines, totalPacks, expired, nearExpiry };

  const expectations = (options.expectations ?? []).filter(
    (x) => options.locationCode === undefined || x.locationCode === null || x.locationCode === options.locationCode,
  );
  const guided = withExpectations(lines, expectations);
  return {
    mode: 'guided',
    lines: guided,
    totalPacks,
    totalExpected: sum(guided.map((l) => l.expected)),
    expired,
    nearExpiry,
  };
}

function withExpectations(lines: readonly ProductLine[], expectations: readonly Expectation[]): GuidedProductLine[] {
  const expectedByGtin = new Map<string, Expectation[]>();
  for (const x of expectations) expectedByGtin.set(x.gtin, [...(expectedByGtin.get(x.gtin) ?? []), x]);
  const result: GuidedProductLine[] = lines.map((line) => {
    const expected = line.gtin ? (expectedByGtin.get(line.gtin) ?? []) : [];
    const batches = line.batches.map((b) => {
      const forBatch = expected.filter((x) => x.batch !== null && x.batch === b.batch);
      const batchExpected = forBatch.length ? sum(forBatch.map((x) => x.quantity)) : null;
      return { ...b, expected: batchExpected, difference: batchExpected === null ? null : b.quantity - batchExpected };
    });
    const total = sum(expected.map((x) => x.quantity));
    return { gtin: line.gtin, quantity: line.quantity, batches, expected: total, difference: line.quantity - total };
  });
  // Expected but not found at all: a line with 0 counted, so the difference is visible.
  const counted = new Set(lines.map((l) => l.gtin));
  for (const [gtin, xs] of expectedByGtin) {
    if (counted.has(gtin)) continue;
    const total = sum(xs.map((x) => x.quantity));
    result.push({ gtin, quantity: 0, batches: [], expected: total, difference: -total });
  }
  return result.sort(byGtin);
}

function packsWithStatus(lines: readonly ProductLine[], status: ExpiryStatus): ExpiredPack[] {
  return lines.flatMap((line) =>
    line.batches
      .filter((b) => b.expiryStatus === status && b.expiry !== null)
      .map((b) => ({
        gtin: line.gtin,
        batch: b.batch,
        expiry: b.expiry as string,
        quantity: b.quantity,
        locationCodes: b.locationCodes,
      })),
  );
}

function byExpiryThenBatch(a: BatchLine, b: BatchLine): number {
  return (a.expiry ?? '9999').localeCompare(b.expiry ?? '9999') || (a.batch ?? '').localeCompare(b.batch ?? '');
}

function byGtin(a: { gtin: string | null }, b: { gtin: string | null }): number {
  return (a.gtin ?? '~').localeCompare(b.gtin ?? '~');
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
