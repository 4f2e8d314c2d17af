import { z } from 'zod/mini';
import { gtinSchema } from '../count-event.ts';
import { stockTakeModeSchema, stockTakeSchema } from '../reference-data.ts';

/**
 * The coordinators' stock-take API (issue 8), shared by the app and the server: create a stock-take,
 * follow its progress per location, resolve its conflicts, approve it.
 *
 * - POST /api/v1/stock-takes                      create (supervisor)            → StockTake
 * - GET  /api/v1/stock-takes?site=&status=        list (supervisor)              → { stockTakes }
 * - GET  /api/v1/stock-takes/:id                  progress + conflicts           → StockTakeProgress
 * - POST /api/v1/stock-takes/:id/resolutions      resolve one conflict           → StockTakeProgress
 * - POST /api/v1/stock-takes/:id/submit           counted, ready (counter)       → StockTake
 * - POST /api/v1/stock-takes/:id/approve          approve (supervisor); 409 while a conflict is open
 * - GET  /api/v1/stock-takes/:id/export.csv|.xlsx the result per location, product and batch
 */

const code = z.string().check(z.minLength(1), z.maxLength(64));
const isoInstant = z.iso.datetime({ offset: false });

export const createStockTakeSchema = z.strictObject({
  siteCode: code,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  mode: stockTakeModeSchema,
  /** Empty: every location of the site. */
  locationCodes: z.array(code),
  assignedDeviceIds: z.array(code),
  assignedUserIds: z.array(code),
});
export type CreateStockTake = z.infer<typeof createStockTakeSchema>;

export const stockTakeListSchema = z.object({ stockTakes: z.array(stockTakeSchema) });

export const locationProgressSchema = z.object({
  locationCode: z.string(),
  locationName: z.nullable(z.string()),
  /** Standing count lines (after corrections) and the packs they add up to. */
  lines: z.int(),
  packs: z.int(),
  /** Devices with standing counts here. */
  deviceIds: z.array(z.string()),
  lastCountedAt: z.nullable(isoInstant),
  /** A recount was requested and no count has been made here since. */
  recountRequested: z.boolean(),
});
export type LocationProgress = z.infer<typeof locationProgressSchema>;

/**
 * How a supervisor settles a conflict:
 * - accept-device: the named device's counts stand; the other devices' standing counts there (or of
 *   that serial) are voided by correction events the server records in the supervisor's name;
 * - separate-zones: both counts stand (they were different shelves of one location) — location conflicts only;
 * - recount: the location is sent back to the devices to count again; the conflict stays open until
 *   the new counts agree or another resolution is chosen.
 */
export const resolutionKindSchema = z.enum(['accept-device', 'separate-zones', 'recount']);
export type ResolutionKind = z.infer<typeof resolutionKindSchema>;

export const conflictViewSchema = z.object({
  /** Stable while the conflict exists; what a resolution names. */
  id: z.string(),
  kind: z.enum(['location-totals', 'serial']),
  locationCode: z.nullable(z.string()),
  gtin: gtinSchema,
  batch: z.nullable(z.string()),
  serial: z.nullable(z.string()),
  /** Each device's standing total there (packs), and who counted. */
  totals: z.array(
    z.object({
      deviceId: z.string(),
      deviceLabel: z.nullable(z.string()),
      quantity: z.int(),
      userIds: z.array(z.string()),
    }),
  ),
  /** null while open. A recount request leaves the conflict open. */
  resolution: z.nullable(
    z.object({
      kind: resolutionKindSchema,
      deviceId: z.nullable(z.string()),
      decidedBy: z.string(),
      decidedAt: isoInstant,
    }),
  ),
});
export type ConflictView = z.infer<typeof conflictViewSchema>;

export const stockTakeProgressSchema = z.object({
  stockTake: stockTakeSchema,
  locations: z.array(locationProgressSchema),
  conflicts: z.array(conflictViewSchema),
  /** Conflicts without a resolution that settles them (approval waits for 0). */
  openConflicts: z.int(),
  /**
   * Count events (corrections included) the server received after the approval: made on a device
   * that was offline, say. They are kept and they change the figures — the supervisor must see that.
   */
  countsAfterApproval: z.int(),
  /** The names of the products the conflicts name (a coordinator's browser holds no catalog). */
  products: z.array(z.object({ gtin: gtinSchema, nameSv: z.string(), nameEn: z.string() })),
  totals: z.object({ lines: z.int(), packs: z.int(), countedLocations: z.int(), locations: z.int() }),
});
export type StockTakeProgress = z.infer<typeof stockTakeProgressSchema>;

export const resolveConflictSchema = z.strictObject({
  conflictId: z.string().check(z.minLength(1), z.maxLength(1000)),
  kind: resolutionKindSchema,
  /** For accept-device: whose counts stand. */
  deviceId: z.optional(code),
  /** For recount: what the device shows the counter. */
  reason: z.optional(z.string().check(z.maxLength(500))),
});
export type ResolveConflict = z.infer<typeof resolveConflictSchema>;
