import type { CountEvent } from '../../domain/count-event.ts';

/** What storing one event did. */
export type IngestOutcome = 'accepted' | 'duplicate' | 'conflict';

/**
 * The server's storage, behind one small interface so that the embedded SQLite default and
 * PostgreSQL (a region or the nation on one database) are interchangeable. One contract test
 * suite (test/server/storage) runs against every implementation.
 */
export interface EventStore {
  /**
   * Stores a batch of valid events in one transaction, keyed by event id: an id already stored is
   * never overwritten. Returns one outcome per event, in the order given: 'duplicate' when the
   * stored event is the same, 'conflict' when it differs. All or nothing: if it throws, nothing
   * of the batch is stored.
   */
  ingest(events: readonly CountEvent[], receivedAt: string): Promise<IngestOutcome[]>;
  /** How many events are stored (all devices). */
  countEvents(): Promise<number>;
  /** The stored events of one device, by sequence number. */
  eventsOfDevice(deviceId: string): Promise<CountEvent[]>;
  close(): Promise<void>;
}

/** The canonical JSON of an event: fixed key order, so that "same content" is a string comparison. */
export function canonicalEventJson(event: CountEvent): string {
  return JSON.stringify(event, Object.keys(event).sort());
}
