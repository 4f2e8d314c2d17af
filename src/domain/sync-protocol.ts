import { z } from 'zod/mini';
import { deviceIdSchema } from './count-event.ts';
import { type Dataset, datasetRowSchemas, datasetSchema } from './reference-datasets.ts';

/**
 * The sync protocol between a device and the central server, shared by both sides
 * (docs/sync-protocol.md). Every body that crosses the network is parsed with these schemas.
 */

/** The protocol this code speaks. Bump it when a request or an answer changes incompatibly. */
export const PROTOCOL_VERSION = 2;
/** The oldest protocol the server still serves; an older device gets 426 and must update the app. */
export const MIN_PROTOCOL_VERSION = 2;
/** Every request carries these headers. A request without the protocol header is taken as protocol 1. */
export const PROTOCOL_VERSION_HEADER = 'Lagerkoll-Protocol-Version';
export const APP_VERSION_HEADER = 'Lagerkoll-App-Version';

/** Events per push; the device sends its outbox in batches of at most this many. */
export const MAX_EVENTS_PER_PUSH = 500;
/** A push body larger than this is refused with 413 before it is parsed. */
export const MAX_PUSH_BODY_BYTES = 2 * 1024 * 1024;
/** A device clock further than this from the server's marks the events it pushes as clock-skewed. */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;

const isoInstant = z.iso.datetime({ offset: false });

/**
 * The envelope is checked strictly; each event is checked on its own on the server, so that one
 * malformed event is rejected with a reason while the good events of the same batch are stored.
 */
export const pushRequestSchema = z.strictObject({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  deviceId: deviceIdSchema,
  /** The device's clock when it sent the push: the server compares it with its own. */
  sentAt: isoInstant,
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
  /** Set on an event stored now whose time cannot be trusted: the device clock was off by more than 5 minutes. */
  clockSkewed: z.optional(z.literal(true)),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.strictObject({
  protocolVersion: z.literal(PROTOCOL_VERSION),
  /** When the server received the push; stored with each event as `receivedAt`. */
  serverTime: isoInstant,
  /**
   * The highest n such that the server holds events 1…n of this device: every event the device
   * counted up to n has arrived. A lower figure than the device expects means an event is missing.
   */
  highestContiguousSeq: z.int().check(z.gte(0)),
  /** The device clock minus the server clock when the push arrived (ms; positive = device ahead). */
  clockSkewMs: z.int(),
  results: z.array(pushResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Rows per pull page unless the device asks for fewer; and the most it may ask for. */
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;
/** The longest cursor a device may send back. Cursors are opaque: only the server reads them. */
export const MAX_CURSOR_LENGTH = 100;

export const pullQuerySchema = z.strictObject({
  dataset: datasetSchema,
  /** The `cursor` of the last page applied; absent to start from the beginning. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_CURSOR_LENGTH))),
  limit: z.optional(z.string().check(z.regex(/^[1-9]\d{0,3}$/, 'must be a whole number from 1'))),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

function pullPageSchema<D extends Dataset>(dataset: D) {
  return z.strictObject({
    protocolVersion: z.literal(PROTOCOL_VERSION),
    dataset: z.literal(dataset),
    /** Send it back to get the changes after this page. Opaque, assigned by the server (never a clock). */
    cursor: z.string().check(z.minLength(1), z.maxLength(MAX_CURSOR_LENGTH)),
    /** More changes wait after this page: ask again at once. */
    hasMore: z.boolean(),
    /** In the order they happened; each key appears at most once per page. */
    changes: z.array(
      z.discriminatedUnion('op', [
        z.strictObject({ op: z.literal('upsert'), key: z.string(), row: datasetRowSchemas[dataset] }),
        /** A tombstone: the row with this key was deleted. */
        z.strictObject({ op: z.literal('delete'), key: z.string() }),
      ]),
    ),
  });
}

export const pullPageSchemas = {
  catalog: pullPageSchema('catalog'),
  sites: pullPageSchema('sites'),
  locations: pullPageSchema('locations'),
  'stock-takes': pullPageSchema('stock-takes'),
  expectations: pullPageSchema('expectations'),
  'target-levels': pullPageSchema('target-levels'),
  users: pullPageSchema('users'),
} as const;
export type PullPage<D extends Dataset = Dataset> = z.infer<(typeof pullPageSchemas)[D]>;
export type PullChange<D extends Dataset = Dataset> = PullPage<D>['changes'][number];

/** Every error code the API answers with. */
export const apiErrorCodeSchema = z.enum([
  'invalid_json',
  'unsupported_media_type',
  'invalid_request',
  'payload_too_large',
  'not_found',
  'internal_error',
  /** 426: the device's protocol or app is too old: update the app, nothing was stored. */
  'upgrade_required',
  /** 400: the device speaks a newer protocol than this server (a server being upgraded): try later. */
  'protocol_too_new',
  /** 410: the server no longer has every change since this cursor: reload the dataset from the start. */
  'cursor_expired',
  /** 401/403/429 (issue 7): see AUTH_ERRORS in domain/auth/api.ts. */
  'unauthenticated',
  'session_expired',
  'device_revoked',
  'user_revoked',
  'forbidden',
  'device_mismatch',
  'rate_limited',
  /** 409: the request conflicts with the current state (e.g. approving a stock-take with open conflicts). */
  'conflict',
  /** 410: a one-time code that was used or has expired. */
  'code_expired',
  /** 409: the demo data can only be loaded into a server without reference data. */
  'already_has_data',
]);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

/** Every 4xx/5xx answer of the API has this shape. */
export const apiErrorSchema = z.object({
  error: apiErrorCodeSchema,
  message: z.string(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** The body of a 426 answer: which versions the server serves, so the app can say what to do. */
export const upgradeRequiredSchema = z.strictObject({
  error: z.literal('upgrade_required'),
  message: z.string(),
  /** The protocol the device sent (1 when it sent none). */
  clientProtocolVersion: z.int(),
  minProtocolVersion: z.int(),
  serverProtocolVersion: z.int(),
  /** The oldest app version the server accepts, when the operator has set one. */
  minAppVersion: z.nullable(z.string()),
});
export type UpgradeRequired = z.infer<typeof upgradeRequiredSchema>;

/** The answer to POST /api/v1/demo: how many rows of each dataset were loaded. */
export const demoLoadedSchema = z.strictObject({
  loaded: z.record(datasetSchema, z.int()),
});
export type DemoLoaded = z.infer<typeof demoLoadedSchema>;
