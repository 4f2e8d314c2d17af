// zod/mini: the same schemas on device and server, and only what is used lands in the app bundle.
import { z } from 'zod/mini';

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

export const countEventSchema = z.strictObject({
  id: eventIdSchema,
  deviceId: deviceIdSchema,
  /** Per-device sequence number, given in the same transaction as the event is stored: 1, 2, 3… */
  seq: z.int().check(z.gte(1)),
  /** When the person counted, by the device's clock (ISO 8601, UTC). */
  countedAt: z.iso.datetime({ offset: false }),
  /** The scan exactly as it arrived (GS separators as U+001D), or what was typed. */
  raw: z.string().check(z.minLength(1), z.maxLength(MAX_RAW_SCAN_LENGTH)),
  /** The GTIN-14 the scan names, when one could be read. */
  gtin: z.nullable(gtinSchema),
  quantity: z.int().check(z.gte(0), z.lte(MAX_QUANTITY)),
});

export type CountEvent = z.infer<typeof countEventSchema>;
