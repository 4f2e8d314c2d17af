// zod/mini: the same schemas on device and server, and only what is used lands in the app bundle.
import { z } from 'zod/mini';
import { upgradeCountEvent } from './count-event-upgrade.ts';

/**
 * A count event: one immutable fact, "this device counted this many of what this scan names".
 * It is made on the device with an id that is never regenerated, so sending it twice can never
 * count it twice. A correction is a new event, never an edit.
 */

/** UUIDv7: time-ordered, made on the device. Lower-case canonical form. */
export const eventIdSchema = z
  .string()
  .check(
    z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a lower-case UUIDv7'),
  );

/** A device id: any lower-case UUID (made once per installation). */
export const deviceIdSchema = z
  .string()
  .check(
    z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a lower-case UUID'),
  );

/** The longest raw scan we keep. Real GS1 DataMatrix payloads stay far below this. */
export const MAX_RAW_SCAN_LENGTH = 2048;
/** No single count line is larger than this; anything bigger is a typing slip. */
export const MAX_QUANTITY = 1_000_000;

export const gtinSchema = z.string().check(z.regex(/^\d{14}$/, 'must be 14 digits'));

const v1Fields = {
  id: eventIdSchema,
  deviceId: deviceIdSchema,
  /** Per-device sequence number, given in the same transaction as the event is stored: 1, 2, 3… */
  seq: z.int().check(z.gte(1)),
  /** When the person counted, by the device's clock (ISO 8601, UTC). */
  countedAt: z.iso.datetime({ offset: false }),
  /** The scan exactly as it arrived (GS separators as U+001D), or what was typed. */
  raw: z.string().check(z.minLength(1), z.maxLength(MAX_RAW_SCAN_LENGTH)),
  /** The GTIN-14 of the product counted, when one could be read. */
  gtin: z.nullable(gtinSchema),
  /** How many packs of `gtin` (a case scan counts the packs it contains). */
  quantity: z.int().check(z.gte(0), z.lte(MAX_QUANTITY)),
};

/** The first event format (the walking skeleton): a scan and a quantity. Still accepted and upgraded. */
export const countEventV1Schema = z.strictObject(v1Fields);
export type CountEventV1 = z.infer<typeof countEventV1Schema>;

const shortText = z.nullable(z.string().check(z.maxLength(64)));

/**
 * The current event format. A correction is never an edit: `kind: 'void'` cancels the event named by
 * `corrects`; a `count` with `corrects` set supersedes that earlier count (its quantity replaces it).
 */
export const countEventSchema = z.strictObject({
  ...v1Fields,
  schema: z.literal(2),
  kind: z.enum(['count', 'void']),
  corrects: z.nullable(eventIdSchema),
  stockTakeId: shortText,
  locationCode: shortText,
  batch: z.nullable(z.string().check(z.maxLength(20))),
  /** Expiry as printed, normalised to YYYY-MM-DD (day 00 already resolved to the month's last day). */
  expiry: z.nullable(z.iso.date()),
  serial: z.nullable(z.string().check(z.maxLength(20))),
  /** What the person scanned: a single pack, or a case whose content was counted. */
  unitLevel: z.enum(['pack', 'case']),
  /** Who counted (set once users sign in on the device). */
  userId: shortText,
});
export type CountEvent = z.infer<typeof countEventSchema>;

/** Any event format the server accepts, upgraded to the current one. */
export function parseAnyCountEvent(
  candidate: unknown,
):
  | { success: true; data: CountEvent }
  | { success: false; issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } {
  const isV1 = !!candidate && typeof candidate === 'object' && !('schema' in candidate);
  const parsed = (isV1 ? countEventV1Schema : countEventSchema).safeParse(candidate);
  return parsed.success
    ? { success: true, data: upgradeCountEvent(parsed.data) }
    : { success: false, issues: parsed.error.issues };
}
