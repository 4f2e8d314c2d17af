import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CountEvent } from '../../domain/count-event.ts';
import type { ResolutionRecord } from '../../domain/overview/conflict-views.ts';
import { type StockTake, stockTakeSchema } from '../../domain/reference-data.ts';
import type { Dataset } from '../../domain/reference-datasets.ts';
import type { ReceivedEvent } from './event-store.ts';
import type { ReferenceRowFilter, StockTakeAdminStore, StockTakeDecision } from './stock-take-admin-store.ts';

export interface ResolutionRow {
  stock_take_id: string;
  conflict_id: string;
  kind: string;
  device_id: string | null;
  decided_by: string;
  decided_at: string | Date;
  reason: string | null;
  conflict: string;
}

/** A stored resolution as the domain wants it (both backends select the same columns). */
export function resolutionFromRow(row: ResolutionRow): ResolutionRecord {
  return {
    stockTakeId: row.stock_take_id,
    conflictId: row.conflict_id,
    kind: row.kind as ResolutionRecord['kind'],
    deviceId: row.device_id,
    decidedBy: row.decided_by,
    decidedAt: new Date(row.decided_at).toISOString(),
    reason: row.reason,
    conflict: JSON.parse(row.conflict) as ResolutionRecord['conflict'],
  };
}

/** The stock-take row of the reference data, when it parses. */
export function parseStockTakeRow(data: string | null | undefined): StockTake | null {
  if (!data) return null;
  const parsed = stockTakeSchema.safeParse(JSON.parse(data));
  return parsed.success ? parsed.data : null;
}

/** A decision may change a stock-take row, never turn it into another one. */
export function checkSameStockTake(id: string, row: StockTake): void {
  if (row.id !== id) throw new Error(`A change of stock-take ${id} returned the row of ${row.id}.`);
}

/** The stock-take administration's tables (migration 6) in the embedded SQLite database. */
export class SqliteStockTakeAdmin implements StockTakeAdminStore {
  private readonly s;
  private readonly reserveTransaction: (count: number) => { deviceId: string; firstSeq: number };

  constructor(private readonly db: Database.Database) {
    this.s = {
      events: db.prepare<[string], { payload: string; received_at: string; clock_skew_ms: number | null }>(
        'SELECT payload, received_at, clock_skew_ms FROM events WHERE stock_take_id = ? ORDER BY device_id, seq, id',
      ),
      resolutions: db.prepare<[string], ResolutionRow>(
        'SELECT * FROM conflict_resolutions WHERE stock_take_id = ? ORDER BY decided_at, conflict_id',
      ),
      putResolution: db.prepare<[Record<string, string | null>]>(
        `INSERT INTO conflict_resolutions (stock_take_id, conflict_id, kind, device_id, decided_by, decided_at, reason, conflict)
         VALUES (@stockTakeId, @conflictId, @kind, @deviceId, @decidedBy, @decidedAt, @reason, @conflict)
         ON CONFLICT (stock_take_id, conflict_id) DO UPDATE SET kind = excluded.kind, device_id = excluded.device_id,
           decided_by = excluded.decided_by, decided_at = excluded.decided_at, reason = excluded.reason,
           conflict = excluded.conflict`,
      ),
      makeServerDevice: db.prepare<[string]>(
        'INSERT INTO server_device (id, device_id) VALUES (1, ?) ON CONFLICT (id) DO NOTHING',
      ),
      serverDevice: db.prepare<[], { device_id: string }>('SELECT device_id FROM server_device WHERE id = 1'),
      reserveSeqs: db.prepare<[number], { device_id: string; last_seq: number }>(
        'UPDATE server_device SET last_seq = last_seq + ? WHERE id = 1 RETURNING device_id, last_seq',
      ),
      stockTakeRow: db.prepare<[string], { data: string | null }>(
        "SELECT data FROM reference_rows WHERE dataset = 'stock-takes' AND key = ?",
      ),
      clock: db.prepare<[], { version: number }>('SELECT version FROM reference_clock'),
      advanceClock: db.prepare('UPDATE reference_clock SET version = version + 1'),
      putStockTake: db.prepare<[{ key: string; version: number; data: string; at: string }]>(
        `INSERT INTO reference_rows (dataset, key, version, data, changed_at) VALUES ('stock-takes', @key, @version, @data, @at)
         ON CONFLICT (dataset, key) DO UPDATE SET version = @version, data = @data, changed_at = @at`,
      ),
    };
    this.reserveTransaction = db.transaction((count: number) => {
      this.s.makeServerDevice.run(randomUUID());
      const row = this.s.reserveSeqs.get(count);
      if (!row) throw new Error('server_device has no row');
      return { deviceId: row.device_id, firstSeq: row.last_seq - count + 1 };
    });
  }

  async eventsOfStockTake(stockTakeId: string): Promise<ReceivedEvent[]> {
    return this.s.events.all(stockTakeId).map((row) => ({
      event: JSON.parse(row.payload) as CountEvent,
      receivedAt: row.received_at,
      clockSkewMs: row.clock_skew_ms,
    }));
  }

  async referenceRows(dataset: Dataset, filter: ReferenceRowFilter = {}): Promise<unknown[]> {
    const where = ['dataset = ?', 'data IS NOT NULL'];
    const params: string[] = [dataset];
    if (filter.keys) {
      if (filter.keys.length === 0) return [];
      // json_each takes the keys as one parameter, however many there are.
      where.push('key IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.keys));
    }
    if (filter.siteCode !== undefined) {
      where.push("json_extract(data, '$.siteCode') = ?");
      params.push(filter.siteCode);
    }
    if (filter.stockTakeId !== undefined) {
      where.push("json_extract(data, '$.stockTakeId') = ?");
      params.push(filter.stockTakeId);
    }
    const rows = this.db
      .prepare<string[], { data: string }>(`SELECT data FROM reference_rows WHERE ${where.join(' AND ')} ORDER BY key`)
      .all(...params);
    return rows.map((r) => JSON.parse(r.data) as unknown);
  }

  async resolutions(stockTakeId: string): Promise<ResolutionRecord[]> {
    return this.s.resolutions.all(stockTakeId).map(resolutionFromRow);
  }

  async recordResolution(record: ResolutionRecord): Promise<void> {
    this.s.putResolution.run({
      stockTakeId: record.stockTakeId,
      conflictId: record.conflictId,
      kind: record.kind,
      deviceId: record.deviceId,
      decidedBy: record.decidedBy,
      decidedAt: record.decidedAt,
      reason: record.reason,
      conflict: JSON.stringify(record.conflict),
    });
  }

  async serverDeviceId(): Promise<string> {
    this.s.makeServerDevice.run(randomUUID());
    const row = this.s.serverDevice.get();
    if (!row) throw new Error('server_device has no row');
    return row.device_id;
  }

  async reserveServerSeqs(count: number): Promise<{ deviceId: string; firstSeq: number }> {
    if (!Number.isInteger(count) || count < 1) throw new Error(`Reserve at least one sequence number, not ${count}.`);
    return this.reserveTransaction(count);
  }

  async updateStockTake<R>(id: string, decide: (current: StockTake | null) => StockTakeDecision<R>): Promise<R> {
    // better-sqlite3 runs the transaction to its end without interleaving: one writer at a time.
    return this.db.transaction((): R => {
      const decision = decide(parseStockTakeRow(this.s.stockTakeRow.get(id)?.data));
      if (decision.row) {
        checkSameStockTake(id, decision.row);
        // The next reference version, as writeReference hands it out.
        const version = (this.s.clock.get()?.version ?? 0) + 1;
        this.s.putStockTake.run({ key: id, version, data: JSON.stringify(decision.row), at: new Date().toISOString() });
        this.s.advanceClock.run();
      }
      return decision.result;
    })();
  }
}
