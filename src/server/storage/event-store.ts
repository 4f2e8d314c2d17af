import type { CountEvent } from '../../domain/count-event.ts';
import type { Drill, ExpiryMonth, OverviewFilter, OverviewPage } from '../../domain/overview/model.ts';
import type { Dataset } from '../../domain/reference-datasets.ts';
import type { AuthStore } from './auth-store.ts';
import type { StockTakeAdminStore } from './stock-take-admin-store.ts';

/** What storing one event did. */
export type IngestOutcome = 'accepted' | 'duplicate' | 'conflict';

export interface IngestItem {
  event: CountEvent;
  /** How far off the device clock was when this event was counted or pushed (ms), when over the tolerance. */
  clockSkewMs: number | null;
}

/** One push of one device: its valid events, already upgraded to the current format. */
export interface IngestBatch {
  deviceId: string;
  appVersion: string | null;
  /** The server's time when the push arrived (ISO 8601), stored with each new event. */
  receivedAt: string;
  items: readonly IngestItem[];
}

export interface IngestResult {
  /** One per item, in the order given. */
  outcomes: IngestOutcome[];
  /** The highest n such that events 1…n of the device are all stored (0 when seq 1 is missing). */
  highestContiguousSeq: number;
}

/** A stored event with what the server noted when it arrived. */
export interface ReceivedEvent {
  event: CountEvent;
  receivedAt: string;
  clockSkewMs: number | null;
}

/** A change to the reference data: a row put under its key, or the row with that key deleted. */
export type ReferenceChange =
  | { dataset: Dataset; key: string; row: unknown }
  | { dataset: Dataset; key: string; deleted: true };

/** A row as a pull sees it: the latest state of the key, `row: null` for a tombstone. */
export interface VersionedRow {
  key: string;
  version: number;
  row: unknown;
}

export type ChangesPage =
  | { status: 'ok'; changes: VersionedRow[]; cursor: string; hasMore: boolean }
  /** The cursor cannot be served (tombstones since purged, another database, a restored backup). */
  | { status: 'expired' };

/**
 * The server's storage, behind one small interface so that the embedded SQLite default and
 * PostgreSQL (a region or the nation on one database, several server instances) are
 * interchangeable. The numbered rules in test/server/storage/contract.ts hold for every
 * implementation; the server keeps no state anywhere else.
 */
export interface EventStore {
  /** Accounts, sessions, device enrollments and the audit log (issue 7), in the same database. */
  readonly auth: AuthStore;
  /** Conflict resolutions and the server's own device for the stock-take administration (issue 8). */
  readonly stockTakeAdmin: StockTakeAdminStore;

  /**
   * Stores a batch of valid events in one transaction, keyed by event id: an id already stored is
   * never overwritten — 'duplicate' when the stored event is the same, 'conflict' when it differs.
   * All or nothing: if it throws, nothing of the batch is stored.
   */
  ingest(batch: IngestBatch): Promise<IngestResult>;
  /** How many events are stored (all devices). */
  countEvents(): Promise<number>;
  /** The stored events of one device, by sequence number. */
  eventsOfDevice(deviceId: string): Promise<ReceivedEvent[]>;

  /**
   * Applies reference-data changes in one transaction, each with the next server version (versions
   * are assigned in commit order, so a cursor never skips a change committed later). With
   * `onlyIfEmpty`, writes nothing and returns false when any reference row exists.
   */
  writeReference(changes: readonly ReferenceChange[], options?: { onlyIfEmpty?: boolean }): Promise<boolean>;
  /** The changes of a dataset after `cursor` (null: from the beginning), oldest first, at most `limit`. */
  changesSince(dataset: Dataset, cursor: string | null, limit: number): Promise<ChangesPage>;
  /** Forgets tombstones changed before the given time; cursors older than them then expire. */
  purgeTombstones(changedBefore: string): Promise<number>;

  /**
   * The coordinators' overview (docs/overview.md): one row per site and product matching the filter,
   * lowest coverage first (unknown coverage last), then by site and GTIN; `total` counts every match.
   * Reflects every event and reference change committed before the call. Never writes events.
   */
  overview(filter: OverviewFilter, page: { offset: number; limit: number }): Promise<OverviewPage>;
  /** Packs per month of expiry over the same rows (counted and provisional), oldest month first. */
  overviewExpiries(filter: OverviewFilter): Promise<ExpiryMonth[]>;
  /** The batches of one product at one site, and the standing count events behind each. */
  overviewDrill(siteCode: string, gtin: string): Promise<Drill>;

  close(): Promise<void>;
}

/**
 * The canonical JSON of an event: keys in sorted order, so that "same content" is a string
 * comparison — and the same string for events stored since the first release. A current event is
 * written out field by field (about three times faster than a replacer list, and this runs for
 * every event pushed); anything else takes the general path.
 */
export function canonicalEventJson(event: CountEvent): string {
  if (Object.keys(event).length !== CURRENT_EVENT_KEY_COUNT) return JSON.stringify(event, Object.keys(event).sort());
  const e = event;
  // Sorted as Array.prototype.sort sorts them (UTF-16 code units).
  return JSON.stringify({
    batch: e.batch,
    corrects: e.corrects,
    countedAt: e.countedAt,
    deviceId: e.deviceId,
    expiry: e.expiry,
    gtin: e.gtin,
    id: e.id,
    kind: e.kind,
    locationCode: e.locationCode,
    quantity: e.quantity,
    raw: e.raw,
    schema: e.schema,
    seq: e.seq,
    serial: e.serial,
    stockTakeId: e.stockTakeId,
    unitLevel: e.unitLevel,
    userId: e.userId,
  });
}
const CURRENT_EVENT_KEY_COUNT = 17;
