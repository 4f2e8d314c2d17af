import Dexie, { type EntityTable } from 'dexie';
import type { CountEvent } from '../domain/count-event.ts';

/** Where an event stands on its way to the server. */
export type SyncState = 'pending' | 'sent' | 'rejected';

/** A count event as the device keeps it: the immutable event plus its sync bookkeeping. */
export interface StoredEvent extends CountEvent {
  sync: SyncState;
  /** Why the server refused it (only when `sync` is 'rejected'). */
  rejectReason?: string;
  /** When the server's answer named it (device clock). */
  sentAt?: string;
}

/** Key/value rows the device keeps about itself (its id, its next sequence number, …). */
export interface MetaRow {
  key: string;
  value: unknown;
}

export const DEFAULT_DB_NAME = 'lagerkoll';

export class LagerkollDb extends Dexie {
  events!: EntityTable<StoredEvent, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = DEFAULT_DB_NAME, options: ConstructorParameters<typeof Dexie>[1] = {}) {
    // Chromium commits IndexedDB with relaxed durability by default: a count acknowledged on the
    // screen could vanish in a power cut. Strict durability flushes each count to disk.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      // [sync+seq]: the outbox in order; countedAt: the newest counts for the list.
      events: 'id, seq, countedAt, [sync+seq]',
      meta: 'key',
    });
  }
}
