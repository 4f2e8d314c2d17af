import { z } from 'zod/mini';
import { gtinSchema } from '../count-event.ts';

/**
 * The coordinators' overview as the API answers it (docs/overview.md says what each number means).
 * One row per site and product: what the latest approved stock-take counted, what a stock-take still
 * in progress has counted so far (provisional), the target level and the coverage.
 */

const isoDate = z.iso.date();
const packs = z.int().check(z.gte(0));

export const overviewRowSchema = z.object({
  siteCode: z.string(),
  siteName: z.nullable(z.string()),
  region: z.nullable(z.string()),
  gtin: gtinSchema,
  productNameSv: z.nullable(z.string()),
  productNameEn: z.nullable(z.string()),
  atc: z.nullable(z.string()),
  /** null: no target level is set for this product at this site. */
  targetPacks: z.nullable(packs),
  /** From the site's latest approved stock-take; null when the site has none. */
  countedPacks: z.nullable(packs),
  /** From the site's latest stock-take still open or submitted (newer than the approved one); null when none. */
  provisionalPacks: z.nullable(packs),
  /** countedPacks / targetPacks in percent, one decimal; null without a target (or a target of 0) or a count. */
  coveragePercent: z.nullable(z.number()),
  /** The earliest expiry among the counted (approved) packs. */
  earliestExpiry: z.nullable(isoDate),
  countedStockTakeId: z.nullable(z.string()),
  provisionalStockTakeId: z.nullable(z.string()),
});
export type OverviewRow = z.infer<typeof overviewRowSchema>;

export const overviewPageSchema = z.object({
  rows: z.array(overviewRowSchema),
  /** Rows matching the filters, over all pages. */
  total: z.int(),
  offset: z.int(),
  limit: z.int(),
});
export type OverviewPage = z.infer<typeof overviewPageSchema>;

/** Filters shared by the overview, the expiry chart, the drill-down and the exports. */
export interface OverviewFilter {
  siteCode?: string;
  region?: string;
  /** An ATC code or the start of one (`B05` is the group of blood substitutes). */
  atc?: string;
}

export const expiryMonthSchema = z.object({
  /** YYYY-MM, or null for packs counted without an expiry date. */
  month: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}$/))),
  countedPacks: packs,
  provisionalPacks: packs,
});
export type ExpiryMonth = z.infer<typeof expiryMonthSchema>;
export const expiryChartSchema = z.object({ months: z.array(expiryMonthSchema) });

/** One standing count event behind a number: who counted it, when, on which device. */
export const drillEventSchema = z.object({
  eventId: z.string(),
  deviceId: z.string(),
  userId: z.nullable(z.string()),
  countedAt: z.string(),
  receivedAt: z.string(),
  locationCode: z.nullable(z.string()),
  serial: z.nullable(z.string()),
  quantity: packs,
});
export type DrillEvent = z.infer<typeof drillEventSchema>;

export const drillBatchSchema = z.object({
  batch: z.nullable(z.string()),
  expiry: z.nullable(isoDate),
  quantity: packs,
  events: z.array(drillEventSchema),
});
export type DrillBatch = z.infer<typeof drillBatchSchema>;

const drillStockTakeSchema = z.nullable(
  z.object({ stockTakeId: z.string(), status: z.string(), batches: z.array(drillBatchSchema) }),
);

export const drillSchema = z.object({
  siteCode: z.string(),
  gtin: gtinSchema,
  counted: drillStockTakeSchema,
  provisional: drillStockTakeSchema,
});
export type Drill = z.infer<typeof drillSchema>;
