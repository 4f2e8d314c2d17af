import { z } from 'zod/mini';
import { deviceIdSchema } from './count-event.ts';

/**
 * The sync protocol between a device and the central server, shared by both sides.
 * See docs/architecture.md. Every body that crosses the network is parsed with these schemas.
 */

export const PROTOCOL_VERSION = 1;
/** Events per push; the device sends its outbox in batches of at most this many. */
export const MAX_EVENTS_PER_PUSH = 500;
/** A push body larger than this is refused with 413 before it is parsed. */
export const MAX_PUSH_BODY_BYTES = 2 * 1024 * 1024;

/**
 * The envelope is checked strictly; each event is checked on its own on the server, so that one
 * malformed event is rejected with a reason while the good events of the same batch are stored.
 */
export const pushRequestSchema = z.strictObject({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  deviceId: deviceIdSchema,
  events: z.array(z.unknown()).check(z.maxLength(MAX_EVENTS_PER_PUSH)),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * - accepted: stored now.
 * - duplicate: the same event (same id, same content) was stored before: nothing changed.
 * - conflict: an event with this id but different content is stored: the stored one is kept.
 * - rejected: the event is malformed or not allowed; final, never retried.
 */
export const pushStatusSchema = z.enum(['accepted', 'duplicate', 'conflict', 'rejected']);
export type PushStatus = z.infer<typeof pushStatusSchema>;

export const pushResultSchema = z.strictObject({
  /** Position of the event in the request's `events`. */
  index: z.int().check(z.gte(0)),
  /** The event's id, when one could be read from it. */
  id: z.nullable(z.string()),
  status: pushStatusSchema,
  reason: z.optional(z.string()),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.strictObject({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  serverTime: z.iso.datetime({ offset: false }),
  results: z.array(pushResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Every 4xx/5xx answer of the API has this shape. */
export const apiErrorSchema = z.strictObject({
  error: z.string(),
  message: z.string(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
