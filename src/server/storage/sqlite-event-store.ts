import Database from 'better-sqlite3';
import type { CountEvent } from '../../domain/count-event.ts';
import { canonicalEventJson, type EventStore, type IngestOutcome } from './event-store.ts';
import { migrateSqlite } from './sqlite-migrations.ts';

/**
 * The embedded default: one SQLite file under the data directory, in WAL mode with
 * `synchronous=FULL` so that every acknowledged push is on disk before the answer leaves (in WAL
 * mode the default, NORMAL, does not fsync each commit, and a device would forget counts the server
 * then loses in a power cut).
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[Record<string, string | number | null>]>;
  private readonly selectPayload: Database.Statement<[string], { payload: string }>;
  private readonly ingestTransaction: (events: readonly CountEvent[], receivedAt: string) => IngestOutcome[];

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db);
    this.insert = this.db.prepare(
      `INSERT INTO events (id, device_id, seq, counted_at, raw, gtin, quantity, kind, corrects, stock_take_id,
                           location_code, batch, expiry, serial, user_id, received_at, payload)
       VALUES (@id, @deviceId, @seq, @countedAt, @raw, @gtin, @quantity, @kind, @corrects, @stockTakeId,
               @locationCode, @batch, @expiry, @serial, @userId, @receivedAt, @payload)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.selectPayload = this.db.prepare('SELECT payload FROM events WHERE id = ?');
    this.ingestTransaction = this.db.transaction((events: readonly CountEvent[], receivedAt: string) =>
      events.map((event) => this.ingestOne(event, receivedAt)),
    );
  }

  /** The pragmas in force, for the durability test. */
  pragma(name: string): unknown {
    return this.db.pragma(name, { simple: true });
  }

  async ingest(events: readonly CountEvent[], receivedAt: string): Promise<IngestOutcome[]> {
    return this.ingestTransaction(events, receivedAt);
  }

  private ingestOne(event: CountEvent, receivedAt: string): IngestOutcome {
    const payload = canonicalEventJson(event);
    const { changes } = this.insert.run({
      id: event.id,
      deviceId: event.deviceId,
      seq: event.seq,
      countedAt: event.countedAt,
      raw: event.raw,
      gtin: event.gtin,
      quantity: event.quantity,
      kind: event.kind,
      corrects: event.corrects,
      stockTakeId: event.stockTakeId,
      locationCode: event.locationCode,
      batch: event.batch,
      expiry: event.expiry,
      serial: event.serial,
      userId: event.userId,
      receivedAt,
      payload,
    });
    if (changes === 1) return 'accepted';
    return this.selectPayload.get(event.id)?.payload === payload ? 'duplicate' : 'conflict';
  }

  async countEvents(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  }

  async eventsOfDevice(deviceId: string): Promise<CountEvent[]> {
    const rows = this.db.prepare('SELECT payload FROM events WHERE device_id = ? ORDER BY seq').all(deviceId) as Array<{
      payload: string;
    }>;
    return rows.map((row) => JSON.parse(row.payload) as CountEvent);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
