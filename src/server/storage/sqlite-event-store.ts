import Database from 'better-sqlite3';
import type { CountEvent } from '../../domain/count-event.ts';
import type { Drill, ExpiryMonth, OverviewFilter, OverviewPage } from '../../domain/overview/model.ts';
import type { Dataset } from '../../domain/reference-datasets.ts';
import { classifyOutcomes, encodeCursor, versionAfter } from './cursor.ts';
import {
  type ChangesPage,
  canonicalEventJson,
  type EventStore,
  type IngestBatch,
  type IngestResult,
  type ReceivedEvent,
  type ReferenceChange,
} from './event-store.ts';
import { latestChangePerKey } from './reference-changes.ts';
import { SqliteAuthStore } from './sqlite-auth-store.ts';
import { migrateSqlite } from './sqlite-migrations.ts';
import { SqliteOverview } from './sqlite-overview.ts';
import { SqliteStockTakeAdmin } from './sqlite-stock-take-admin.ts';

type Row = Record<string, string | number | null>;

/**
 * The embedded default: one SQLite file under the data directory, in WAL mode with
 * `synchronous=FULL` so that every acknowledged push is on disk before the answer leaves (in WAL
 * mode the default, NORMAL, does not fsync each commit, and a device would forget counts the server
 * then loses in a power cut). better-sqlite3 is synchronous: each transaction runs to its end
 * without interleaving, so the methods are async only to share the interface with PostgreSQL.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  readonly auth: SqliteAuthStore;
  readonly stockTakeAdmin: SqliteStockTakeAdmin;
  private readonly statements;
  private readonly overviewTables: SqliteOverview;
  private readonly ingestTransaction: (batch: IngestBatch) => IngestResult;
  private readonly writeReferenceTransaction: (changes: readonly ReferenceChange[], onlyIfEmpty: boolean) => boolean;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db);
    const db = this.db;
    this.statements = {
      insertEvent: db.prepare<[Row]>(
        `INSERT INTO events (id, device_id, seq, counted_at, raw, gtin, quantity, kind, corrects, stock_take_id,
                             location_code, batch, expiry, serial, user_id, received_at, clock_skew_ms, payload)
         VALUES (@id, @deviceId, @seq, @countedAt, @raw, @gtin, @quantity, @kind, @corrects, @stockTakeId,
                 @locationCode, @batch, @expiry, @serial, @userId, @receivedAt, @clockSkewMs, @payload)
         ON CONFLICT (id) DO NOTHING`,
      ),
      selectPayload: db.prepare<[string], { payload: string }>('SELECT payload FROM events WHERE id = ?'),
      upsertDevice: db.prepare<[{ deviceId: string; at: string; appVersion: string | null }]>(
        `INSERT INTO devices (device_id, last_push_at, app_version) VALUES (@deviceId, @at, @appVersion)
         ON CONFLICT (device_id) DO UPDATE SET last_push_at = @at, app_version = coalesce(@appVersion, app_version)`,
      ),
      selectWatermark: db.prepare<[string], { contiguous_seq: number }>(
        'SELECT contiguous_seq FROM devices WHERE device_id = ?',
      ),
      hasSeq: db.prepare<[string, number], { found: number }>(
        'SELECT 1 AS found FROM events WHERE device_id = ? AND seq = ? LIMIT 1',
      ),
      // The first stored seq after the watermark whose successor is missing (see nextWatermark).
      endOfRun: db.prepare<[string, number], { seq: number | null }>(
        `SELECT min(e.seq) AS seq FROM events e
          WHERE e.device_id = ? AND e.seq > ?
            AND NOT EXISTS (SELECT 1 FROM events n WHERE n.device_id = e.device_id AND n.seq = e.seq + 1)`,
      ),
      // The overview rebuilds this stock-take's totals on its next read (overview-refresh.ts).
      markStockTake: db.prepare<[string]>('INSERT INTO stock_take_changes (stock_take_id) VALUES (?)'),
      updateWatermark: db.prepare<[number, string]>('UPDATE devices SET contiguous_seq = ? WHERE device_id = ?'),
      countEvents: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM events'),
      eventsOfDevice: db.prepare<[string], { payload: string; received_at: string; clock_skew_ms: number | null }>(
        'SELECT payload, received_at, clock_skew_ms FROM events WHERE device_id = ? ORDER BY seq, id',
      ),
      clock: db.prepare<[], { epoch: string; version: number }>('SELECT epoch, version FROM reference_clock'),
      advanceClock: db.prepare<[number]>('UPDATE reference_clock SET version = version + ?'),
      anyReferenceRow: db.prepare<[], { found: number }>(
        'SELECT 1 AS found FROM reference_rows WHERE data IS NOT NULL LIMIT 1',
      ),
      putReferenceRow: db.prepare<[{ dataset: string; key: string; version: number; data: string | null; at: string }]>(
        `INSERT INTO reference_rows (dataset, key, version, data, changed_at) VALUES (@dataset, @key, @version, @data, @at)
         ON CONFLICT (dataset, key) DO UPDATE SET version = @version, data = @data, changed_at = @at`,
      ),
      purgedThrough: db.prepare<[string], { purged_through: number }>(
        'SELECT purged_through FROM reference_purges WHERE dataset = ?',
      ),
      changesAfter: db.prepare<[string, number, number], { key: string; version: number; data: string | null }>(
        'SELECT key, version, data FROM reference_rows WHERE dataset = ? AND version > ? ORDER BY version LIMIT ?',
      ),
      purgeableTombstones: db.prepare<[string], { dataset: string; through: number }>(
        `SELECT dataset, max(version) AS through FROM reference_rows
          WHERE data IS NULL AND changed_at < ? GROUP BY dataset`,
      ),
      deleteTombstones: db.prepare<[string, number]>(
        'DELETE FROM reference_rows WHERE dataset = ? AND data IS NULL AND version <= ?',
      ),
      recordPurge: db.prepare<[{ dataset: string; through: number }]>(
        `INSERT INTO reference_purges (dataset, purged_through) VALUES (@dataset, @through)
         ON CONFLICT (dataset) DO UPDATE SET purged_through = max(purged_through, @through)`,
      ),
    };
    this.overviewTables = new SqliteOverview(db);
    this.auth = new SqliteAuthStore(db);
    this.stockTakeAdmin = new SqliteStockTakeAdmin(db);
    this.ingestTransaction = db.transaction((batch: IngestBatch) => this.ingestNow(batch));
    this.writeReferenceTransaction = db.transaction((changes: readonly ReferenceChange[], onlyIfEmpty: boolean) =>
      this.writeReferenceNow(changes, onlyIfEmpty),
    );
  }

  /** The pragmas in force, for the durability test. */
  pragma(name: string): unknown {
    return this.db.pragma(name, { simple: true });
  }

  async ingest(batch: IngestBatch): Promise<IngestResult> {
    return this.ingestTransaction(batch);
  }

  private ingestNow({ deviceId, appVersion, receivedAt, items }: IngestBatch): IngestResult {
    const s = this.statements;
    s.upsertDevice.run({ deviceId, at: receivedAt, appVersion });
    const ids: string[] = [];
    const payloads: string[] = [];
    const inserted = new Set<string>();
    const stored = new Map<string, string>();
    for (const { event, clockSkewMs } of items) {
      const payload = canonicalEventJson(event);
      ids.push(event.id);
      payloads.push(payload);
      const { changes } = s.insertEvent.run({ ...eventColumns(event), receivedAt, clockSkewMs, payload });
      if (changes === 1) inserted.add(event.id);
      else if (!stored.has(event.id) && !inserted.has(event.id)) {
        stored.set(event.id, s.selectPayload.get(event.id)?.payload ?? '');
      }
    }
    const touched = new Set(items.filter((i) => inserted.has(i.event.id)).map((i) => i.event.stockTakeId));
    for (const stockTakeId of touched) if (stockTakeId !== null) s.markStockTake.run(stockTakeId);
    const outcomes = classifyOutcomes(ids, payloads, inserted, stored);
    const watermark = this.nextWatermark(deviceId, s.selectWatermark.get(deviceId)?.contiguous_seq ?? 0);
    s.updateWatermark.run(watermark, deviceId);
    return { outcomes, highestContiguousSeq: watermark };
  }

  /**
   * Advances the device's watermark: if seq w+1 is stored, the new watermark is the first stored
   * seq after w whose successor is missing (every seq between is then stored, or a smaller one
   * would qualify).
   */
  private nextWatermark(deviceId: string, watermark: number): number {
    if (!this.statements.hasSeq.get(deviceId, watermark + 1)) return watermark;
    return this.statements.endOfRun.get(deviceId, watermark)?.seq ?? watermark;
  }

  async countEvents(): Promise<number> {
    return this.statements.countEvents.get()?.n ?? 0;
  }

  async eventsOfDevice(deviceId: string): Promise<ReceivedEvent[]> {
    return this.statements.eventsOfDevice.all(deviceId).map((row) => ({
      event: JSON.parse(row.payload) as CountEvent,
      receivedAt: row.received_at,
      clockSkewMs: row.clock_skew_ms,
    }));
  }

  async writeReference(changes: readonly ReferenceChange[], options: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
    return this.writeReferenceTransaction(changes, options.onlyIfEmpty ?? false);
  }

  private writeReferenceNow(changes: readonly ReferenceChange[], onlyIfEmpty: boolean): boolean {
    const s = this.statements;
    if (onlyIfEmpty && s.anyReferenceRow.get()) return false;
    const latest = latestChangePerKey(changes);
    const first = (s.clock.get()?.version ?? 0) + 1;
    const changedAt = new Date().toISOString();
    for (const [i, change] of latest.entries()) {
      const data = 'deleted' in change ? null : JSON.stringify(change.row);
      s.putReferenceRow.run({ dataset: change.dataset, key: change.key, version: first + i, data, at: changedAt });
    }
    s.advanceClock.run(latest.length);
    return true;
  }

  async changesSince(dataset: Dataset, cursor: string | null, limit: number): Promise<ChangesPage> {
    // One read transaction, so the clock and the rows are seen at the same moment.
    return this.db.transaction((): ChangesPage => {
      const s = this.statements;
      const clock = s.clock.get() ?? { epoch: '', version: 0 };
      const after = versionAfter(cursor, {
        epoch: clock.epoch,
        currentVersion: clock.version,
        purgedThrough: s.purgedThrough.get(dataset)?.purged_through ?? 0,
      });
      if (after === 'expired') return { status: 'expired' };
      const rows = s.changesAfter.all(dataset, after, limit + 1);
      const page = rows.slice(0, limit).map((r) => ({
        key: r.key,
        version: r.version,
        row: r.data === null ? null : (JSON.parse(r.data) as unknown),
      }));
      const last = page.at(-1)?.version ?? after;
      return { status: 'ok', changes: page, cursor: encodeCursor(clock.epoch, last), hasMore: rows.length > limit };
    })();
  }

  async purgeTombstones(changedBefore: string): Promise<number> {
    return this.db.transaction(() => {
      const s = this.statements;
      let purged = 0;
      for (const { dataset, through } of s.purgeableTombstones.all(changedBefore)) {
        purged += s.deleteTombstones.run(dataset, through).changes;
        s.recordPurge.run({ dataset, through });
      }
      return purged;
    })();
  }

  async overview(filter: OverviewFilter, page: { offset: number; limit: number }): Promise<OverviewPage> {
    return this.overviewTables.page(filter, page.offset, page.limit);
  }

  async overviewExpiries(filter: OverviewFilter): Promise<ExpiryMonth[]> {
    return this.overviewTables.expiries(filter);
  }

  async overviewDrill(siteCode: string, gtin: string): Promise<Drill> {
    return this.overviewTables.drill(siteCode, gtin);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function eventColumns(event: CountEvent): Row {
  return {
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
  };
}
