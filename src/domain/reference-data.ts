import { z } from 'zod/mini';
import { gtinSchema } from './count-event.ts';

/**
 * The reference data a device needs to count: the catalog, sites and their locations, stock-takes
 * and (for guided counts) expected quantities. The server owns it; devices pull it (see
 * docs/sync-protocol.md) and keep a copy to work offline.
 */

const text = (max: number) => z.string().check(z.maxLength(max));
const code = z.string().check(z.minLength(1), z.maxLength(64));

export const productSchema = z.object({
  gtin: gtinSchema,
  nameSv: text(200),
  nameEn: text(200),
  strength: text(100),
  form: text(100),
  packSize: text(100),
  /** Units (ampoules, vials, pieces…) in one pack. */
  unitsPerPack: z.int().check(z.gte(1)),
  atc: text(16),
  /** Nordic article number (varunummer), when the product has one. */
  vnr: text(6),
  /** NATO stock number, when known. */
  nsn: text(13),
  category: z.enum(['medicine', 'consumable', 'other']),
  /**
   * Pack hierarchy: when this GTIN is a case (or another outer pack), what it contains — so that a
   * scanned case counts the right number of packs of the inner product.
   */
  contains: z.nullable(z.object({ gtin: gtinSchema, quantity: z.int().check(z.gte(1)) })),
});
export type Product = z.infer<typeof productSchema>;

export const siteKindSchema = z.enum(['state-stockpile', 'regional-store', 'hospital-pharmacy']);
export type SiteKind = z.infer<typeof siteKindSchema>;

export const siteSchema = z.object({
  code,
  name: text(200),
  kind: siteKindSchema,
  region: text(100),
});
export type Site = z.infer<typeof siteSchema>;

/** A room, shelf or bin within a site; `code` is also what its barcode label carries. */
export const locationSchema = z.object({
  code,
  siteCode: code,
  name: text(200),
});
export type Location = z.infer<typeof locationSchema>;

export const stockTakeModeSchema = z.enum(['blind', 'guided']);
export type StockTakeMode = z.infer<typeof stockTakeModeSchema>;
export const stockTakeStatusSchema = z.enum(['open', 'submitted', 'approved']);
export type StockTakeStatus = z.infer<typeof stockTakeStatusSchema>;

export const stockTakeSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  siteCode: code,
  name: text(200),
  mode: stockTakeModeSchema,
  /** The locations to count; all of the site's locations when empty. */
  locationCodes: z.array(code),
  status: stockTakeStatusSchema,
  createdAt: z.iso.datetime({ offset: false }),
  /**
   * Fields added by the coordinators' screens (issue 8); absent on stock-takes made before them, so
   * a device or server of either age reads the other's rows.
   */
  /** Devices that should count it; absent or empty: any enrolled device at the site. */
  assignedDeviceIds: z.optional(z.array(z.string().check(z.maxLength(64)))),
  /** Users who should count it; absent or empty: anyone. */
  assignedUserIds: z.optional(z.array(z.string().check(z.maxLength(64)))),
  /** Locations a supervisor asked to count again; the device shows them until they are recounted. */
  recounts: z.optional(
    z.array(
      z.object({
        locationCode: code,
        requestedAt: z.iso.datetime({ offset: false }),
        reason: text(500),
      }),
    ),
  ),
  submittedAt: z.optional(z.iso.datetime({ offset: false })),
  approvedAt: z.optional(z.iso.datetime({ offset: false })),
  /** The user id of the supervisor who approved it. */
  approvedBy: z.optional(z.string().check(z.maxLength(64))),
});
export type StockTake = z.infer<typeof stockTakeSchema>;

/** What the books say should be there, shown only in guided stock-takes. */
export const expectationSchema = z.object({
  /** Made by the server; unique within the stock-take. */
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  stockTakeId: z.string().check(z.minLength(1), z.maxLength(64)),
  locationCode: z.nullable(code),
  gtin: gtinSchema,
  batch: z.nullable(text(20)),
  quantity: z.int().check(z.gte(0)),
});
export type Expectation = z.infer<typeof expectationSchema>;

/** Target level in packs per site and product ("dimensionerande målbild"). */
export const targetLevelSchema = z.object({
  siteCode: code,
  gtin: gtinSchema,
  targetPacks: z.int().check(z.gte(0)),
});
export type TargetLevel = z.infer<typeof targetLevelSchema>;
