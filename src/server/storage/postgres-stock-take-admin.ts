import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { CountEvent } from '../../domain/count-event.ts';
import type { ResolutionRecord } from '../../domain/overview/conflict-views.ts';
import type { StockTake } from '../../domain/reference-data.ts';
import type { Dataset } from '../../domain/reference-datasets.ts';
import type { ReceivedEvent } from './event-store.ts';
import {
  checkSameStockTake,
  parseStockTakeRow,
  type ResolutionRow,
  resolutionFromRow,
} from './sqlite-stock-take-admin.ts';
import type { ReferenceRowFilter, StockTakeAdminStore, StockTakeDecision } from './stock-take-admin-store.ts';

type Transaction = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

/** Several instances may make the server device at once: the first insert wins, everyone reads it. */
const MAKE_SERVER_DEVICE = 'INSERT INTO server_device (id, device_id) VALUES (1, $1) ON CONFLICT (id) DO NOTHING';

/** The stock-take administration's tables (migration 6) in PostgreSQL. */
export class PostgresStockTakeAdmin implements StockTakeAdminStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly transaction: Transaction,
  ) {}

  async eventsOfStockTake(stockTakeId: string): Promise<ReceivedEvent[]> {
    const { rows } = await this.pool.query<{ payload: string; received_at: Date; clock_skew_ms: string | null }>(
      'SELECT payload, received_at, clock_skew_ms FROM events WHERE stock_take_id = $1 ORDER BY device_id, seq, id',
      [stockTakeId],
    );
    return rows.map((row) => ({
      event: JSON.parse(row.payload) as CountEvent,
      receivedAt: row.received_at.toISOString(),
      clockSkewMs: row.clock_skew_ms === null ? null : Number(row.clock_skew_ms),
    }));
  }

  async referenceRows(dataset: Dataset, filter: ReferenceRowFilter = {}): Promise<unknown[]> {
    if (filter.keys?.length === 0) return [];
    const { rows } = await this.pool.query<{ data: string }>(
      `SELECT data FROM reference_rows
        WHERE dataset = $1 AND data IS NOT NULL
          AND ($2::text[] IS NULL OR key = ANY($2::text[]))
          AND ($3::text IS NULL OR data::jsonb ->> 'siteCode' = $3)
          AND ($4::text IS NULL OR data::jsonb ->> 'stockTakeId' = $4)
        ORDER BY key COLLATE "C"`,
      [dataset, filter.keys ?? null, filter.siteCode ?? null, filter.stockTakeId ?? null],
    );
    return rows.map((r) => JSON.parse(r.data) as unknown);
  }

  async resolutions(stockTakeId: string): Promise<ResolutionRecord[]> {
    const { rows } = await this.pool.query<ResolutionRow>(
      `SELECT stock_take_id, conflict_id, kind, device_id::text AS device_id, decided_by, decided_at, reason, conflict
         FROM conflict_resolutions WHERE stock_take_id = $1 ORDER BY decided_at, conflict_id COLLATE "C"`,
      [stockTakeId],
    );
    return rows.map(resolutionFromRow);
  }

  async recordResolution(r: ResolutionRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO conflict_resolutions (stock_take_id, conflict_id, kind, device_id, decided_by, decided_at, reason, conflict)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (stock_take_id, conflict_id) DO UPDATE SET kind = EXCLUDED.kind, device_id = EXCLUDED.device_id,
         decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at, reason = EXCLUDED.reason,
         conflict = EXCLUDED.conflict`,
      [r.stockTakeId, r.conflictId, r.kind, r.deviceId, r.decidedBy, r.decidedAt, r.reason, JSON.stringify(r.conflict)],
    );
  }

  async serverDeviceId(): Promise<string> {
    await this.pool.query(MAKE_SERVER_DEVICE, [randomUUID()]);
    const { rows } = await this.pool.query<{ device_id: string }>(
      'SELECT device_id::text AS device_id FROM server_device WHERE id = 1',
    );
    const row = rows[0];
    if (!row) throw new Error('server_device has no row');
    return row.device_id;
  }

  async reserveServerSeqs(count: number): Promise<{ deviceId: string; firstSeq: number }> {
    if (!Number.isInteger(count) || count < 1) throw new Error(`Reserve at least one sequence number, not ${count}.`);
    await this.pool.query(MAKE_SERVER_DEVICE, [randomUUID()]);
    // One UPDATE takes the row lock: concurrent reservations (any instance) get runs one after the other.
    const { rows } = await this.pool.query<{ device_id: string; last_seq: string }>(
      'UPDATE server_device SET last_seq = last_seq + $1 WHERE id = 1 RETURNING device_id::text AS device_id, last_seq',
      [count],
    );
    const row = rows[0];
    if (!row) throw new Error('server_device has no row');
    return { deviceId: row.device_id, firstSeq: Number(row.last_seq) - count + 1 };
  }

  async updateStockTake<R>(id: string, decide: (current: StockTake | null) => StockTakeDecision<R>): Promise<R> {
    return this.transaction(async (client) => {
      // The reference clock's row lock, which every reference writer takes first: versions stay in
      // commit order, and no other change of this row can slip in between the read and the write.
      const clock = await client.query<{ version: string }>('SELECT version FROM reference_clock FOR UPDATE');
      const current = await client.query<{ data: string | null }>(
        "SELECT data FROM reference_rows WHERE dataset = 'stock-takes' AND key = $1",
        [id],
      );
      const decision = decide(parseStockTakeRow(current.rows[0]?.data));
      if (decision.row) {
        checkSameStockTake(id, decision.row);
        await client.query(
          `INSERT INTO reference_rows (dataset, key, version, data, changed_at) VALUES ('stock-takes', $1, $2, $3, now())
           ON CONFLICT (dataset, key) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data,
             changed_at = EXCLUDED.changed_at`,
          [id, Number(clock.rows[0]?.version ?? 0) + 1, JSON.stringify(decision.row)],
        );
        await client.query('UPDATE reference_clock SET version = version + 1');
      }
      return decision.result;
    });
  }
}
