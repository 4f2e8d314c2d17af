import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { CountEvent, CountEventV1 } from '../domain/count-event.ts';
import { upgradeCountEvent } from '../domain/count-event-upgrade.ts';
import type { Expectation, Location, Product, Site, StockTake, TargetLevel } from '../domain/reference-data.ts';
import type { User, UserRole } from '../domain/users.ts';

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

/** Key/value rows the device keeps about itself (its id, its next sequence number, settings…). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** How far the device has pulled one dataset from the server (an opaque server version). */
export interface SyncCursor {
  dataset: string;
  cursor: string;
}

/**
 * A PIN as the device keeps it: PBKDF2-SHA-256 of the PIN with its own random salt. The iteration
 * count is stored with it, so a later version can raise it (a PIN is rehashed at its next use).
 */
export interface PinHashRecord {
  /** Base64 of 16 random bytes. */
  salt: string;
  iterations: number;
  /** Base64 of the 32 derived bytes. */
  hash: string;
}

/**
 * A person who has signed in online on this device (issue 7): who they are, their PIN for offline
 * sign-in, and their last online session. Nothing here is ever needed to send a count.
 */
export interface KnownUser {
  userId: string;
  username: string;
  name: string;
  role: UserRole;
  /** null until the user chooses a PIN, and again after too many wrong PINs. */
  pin: PinHashRecord | null;
  /** When the server last confirmed this user (an online sign-in, or a check of their session). */
  lastOnlineAt: string;
  /** Wrong PINs in a row, counted before each check so that closing the app does not reset it. */
  failedPinAttempts: number;
  /** The session of the user's last online sign-in (for the coordinator screens), while it lasts. */
  sessionToken: string | null;
  sessionExpiresAt: string | null;
}

export const DEFAULT_DB_NAME = 'lagerkoll';

/**
 * The device's database. Versions are migrations: never change a version that has shipped; add the
 * next one with its upgrade (and a test in test/store/migrations.test.ts that upgrades a database
 * made by the version before).
 */
export class LagerkollDb extends Dexie {
  events!: EntityTable<StoredEvent, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  products!: EntityTable<Product, 'gtin'>;
  sites!: EntityTable<Site, 'code'>;
  locations!: EntityTable<Location, 'code'>;
  stockTakes!: EntityTable<StockTake, 'id'>;
  expectations!: EntityTable<Expectation, 'id'>;
  syncCursors!: EntityTable<SyncCursor, 'dataset'>;
  users!: EntityTable<User, 'id'>;
  targetLevels!: Table<TargetLevel, [string, string]>;
  knownUsers!: EntityTable<KnownUser, 'userId'>;

  constructor(name: string = DEFAULT_DB_NAME, options: ConstructorParameters<typeof Dexie>[1] = {}) {
    // Chromium commits IndexedDB with relaxed durability by default: a count acknowledged on the
    // screen could vanish in a power cut. Strict durability flushes each count to disk.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const [version, stores, upgrade] of SCHEMA) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

type Upgrade = (tx: Transaction) => Promise<unknown>;

/** Every schema version the device database has had, oldest first. */
export const SCHEMA: ReadonlyArray<readonly [number, Record<string, string | null>, Upgrade?]> = [
  [
    1,
    {
      // [sync+seq]: the outbox in order; countedAt: the newest counts for the list.
      events: 'id, seq, countedAt, [sync+seq]',
      meta: 'key',
    },
  ],
  [
    2,
    {
      // Stock-takes: a location's running list, and the serial check across the whole stock-take.
      events: 'id, seq, countedAt, [sync+seq], [stockTakeId+locationCode+countedAt], [stockTakeId+gtin+serial]',
      products: 'gtin, vnr',
      sites: 'code',
      locations: 'code, siteCode',
      stockTakes: 'id, siteCode, status',
      expectations: 'id, stockTakeId',
      syncCursors: 'dataset',
    },
    // Events stored in format 1 get the fields of format 2; their content otherwise stays as it was.
    (tx) =>
      tx
        .table('events')
        .toCollection()
        .modify((event: CountEventV1 & Partial<StoredEvent>) => {
          Object.assign(event, upgradeCountEvent(stripBookkeeping(event)));
        }),
  ],
  [
    3,
    {
      // Pulled from the server once these tables exist (see src/store/reference-data.ts).
      users: 'id',
      targetLevels: '[siteCode+gtin], gtin',
    },
  ],
  [
    4,
    {
      // Identity (issue 7): the people who have signed in on this device. The device credential
      // and who is signed in now are rows of `meta` (src/store/identity.ts).
      knownUsers: 'userId, username',
    },
  ],
];

function stripBookkeeping(event: CountEventV1 & Partial<StoredEvent>): CountEventV1 {
  const { id, deviceId, seq, countedAt, raw, gtin, quantity } = event;
  return { id, deviceId, seq, countedAt, raw, gtin, quantity };
}
