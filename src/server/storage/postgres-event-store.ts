import pg from 'pg';
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
import { PostgresAuthStore } from './postgres-auth-store.ts';
import { migratePostgres } from './postgres-migrations.ts';
import { PostgresOverview } from './postgres-overview.ts';
import { PostgresStockTakeAdmin } from './postgres-stock-take-admin.ts';
import { inTransaction } from './postgres-transaction.ts';
import { latestChangePerKey } from './reference-changes.ts';

/**
 * Events of a batch go in with one statement whatever the batch size: one array per column,
 * turned back into rows by `unnest` (NOTES: ~55k rows/s on loopback, against ~40k with multi-row
 * VALUES and ~6k with one statement per row). Exported for the benchmark's raw-insert baseline.
 */
export const INSERT_EVENTS = `
  INSERT INTO events (id, device_id, seq, counted_at, raw, gtin, quantity, kind, corrects, stock_take_id,
                      location_code, batch, expiry, serial, user_id, received_at, clock_skew_ms, payload)
  SELECT u.id, u.device_id, u.seq, u.counted_at, u.raw, u.gtin, u.quantity, u.kind, u.corrects, u.stock_take_id,
         u.location_code, u.batch, u.expiry, u.serial, u.user_id, $1::timestamptz, u.clock_skew_ms, u.payload
    FROM unnest($2::uuid[], $3::uuid[], $4::bigint[], $5::timestamptz[], $6::text[], $7::text[], $8::integer[],
                $9::text[], $10::uuid[], $11::text[], $12::text[], $13::text[], $14::date[], $15::text[], $16::text[],
                $17::bigint[], $18::text[])
      AS u(id, device_id, seq, counted_at, raw, gtin, quantity, kind, corrects, stock_take_id, location_code, batch,
           expiry, serial, user_id, clock_skew_ms, payload)
  ON CONFLICT (id) DO NOTHING
  RETURNING id`;

/**
 * The parameters of INSERT_EVENTS: the receive time, then one array per column, in its order.
 * Exported for the benchmarks, which insert the same rows as the store does.
 */
export function insertEventsParams(
  events: readonly CountEvent[],
  receivedAt: string,
  clockSkewMs: readonly (number | null)[] = events.map(() => null),
  payloads: readonly string[] = events.map(canonicalEventJson),
): unknown[] {
  const column = <K extends keyof CountEvent>(key: K) => events.map((e) => e[key]);
  return [
    receivedAt,
    column('id'),
    column('deviceId'),
    column('seq'),
    column('countedAt'),
    column('raw'),
    column('gtin'),
    column('quantity'),
    column('kind'),
    column('corrects'),
    column('stockTakeId'),
    column('locationCode'),
    column('batch'),
    column('expiry'),
    column('serial'),
    column('userId'),
    clockSkewMs,
    payloads,
  ];
}

/**
 * Takes the device's row lock (so pushes of one device, through any instance, run one after the
 * other and its watermark is computed over everything committed before) and reads the watermark.
 */
const LOCK_DEVICE = `
  INSERT INTO devices (device_id, last_push_at, app_version) VALUES ($1, $2, $3)
  ON CONFLICT (device_id) DO UPDATE
    SET last_push_at = EXCLUDED.last_push_at, app_version = coalesce(EXCLUDED.app_version, devices.app_version)
  RETURNING contiguous_seq`;

/** The watermark rule of sqlite-event-store.ts `nextWatermark`, in one statement. */
const ADVANCE_WATERMARK = `
  UPDATE devices SET contiguous_seq = CASE
      WHEN EXISTS (SELECT 1 FROM events WHERE device_id = $1 AND seq = $2 + 1)
      THEN (SELECT min(e.seq) FROM events e
             WHERE e.device_id = $1 AND e.seq > $2
               AND NOT EXISTS (SELECT 1 FROM events n WHERE n.device_id = e.device_id AND n.seq = e.seq + 1))
      ELSE $2 END
   WHERE device_id = $1
  RETURNING contiguous_seq`;

/** The clock, the purge mark and a page of rows in one statement, so one snapshot sees them all. */
const CHANGES_AFTER = `
  SELECT c.epoch, c.version AS current_version, coalesce(p.purged_through, 0) AS purged_through,
         (SELECT coalesce(json_agg(r ORDER BY r.version), '[]'::json)
            FROM (SELECT key, version, data FROM reference_rows
                   WHERE dataset = $1 AND version > $2 ORDER BY version LIMIT $3) r) AS rows
    FROM reference_clock c LEFT JOIN reference_purges p ON p.dataset = $1`;

const PURGE_TOMBSTONES = `
  WITH marks AS (SELECT dataset, max(version) AS through FROM reference_rows
                  WHERE data IS NULL AND changed_at < $1 GROUP BY dataset),
       purged AS (DELETE FROM reference_rows r USING marks m
                   WHERE r.dataset = m.dataset AND r.data IS NULL AND r.version <= m.through RETURNING 1),
       recorded AS (INSERT INTO reference_purges (dataset, purged_through) SELECT dataset, through FROM marks
                    ON CONFLICT (dataset) DO UPDATE
                      SET purged_through = greatest(reference_purges.purged_through, EXCLUDED.purged_through))
  SELECT count(*)::integer AS n FROM purged`;

/**
 * PostgreSQL, for a region or the nation on one database, chosen with DATABASE_URL. The server
 * keeps no state outside the database, so several instances can share it behind a load balancer.
 */
export class PostgresEventStore implements EventStore {
  private readonly overviewTables: PostgresOverview;
  readonly auth: PostgresAuthStore;
  readonly stockTakeAdmin: PostgresStockTakeAdmin;

  private constructor(private readonly pool: pg.Pool) {
    this.overviewTables = new PostgresOverview(pool, (work) => this.transaction(work));
    this.auth = new PostgresAuthStore(pool);
    this.stockTakeAdmin = new PostgresStockTakeAdmin(pool, (work) => this.transaction(work));
  }

  static async open(connectionString: string, poolSize = 10): Promise<PostgresEventStore> {
    const pool = new pg.Pool({ connectionString, max: poolSize });
    // An idle client that loses its connection must not crash the server; the next query reconnects.
    pool.on('error', (error) => console.error('[postgres] idle client error:', error.message));
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool);
  }

  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  async ingest({ deviceId, appVersion, receivedAt, items }: IngestBatch): Promise<IngestResult> {
    return this.transaction(async (client) => {
      const locked = await client.query<{ contiguous_seq: string }>(LOCK_DEVICE, [deviceId, receivedAt, appVersion]);
      const watermark = Number(locked.rows[0]?.contiguous_seq ?? 0);
      const ids = items.map((item) => item.event.id);
      const payloads = items.map((item) => canonicalEventJson(item.event));
      const inserted = new Set<string>();
      const stored = new Map<string, string>();
      if (items.length > 0) {
        const events = items.map((item) => item.event);
        const params = insertEventsParams(
          events,
          receivedAt,
          items.map((item) => item.clockSkewMs),
          payloads,
        );
        const result = await client.query<{ id: string }>(INSERT_EVENTS, params);
        for (const row of result.rows) inserted.add(row.id);
        // The overview rebuilds these stock-takes' totals on its next read (overview-refresh.ts).
        const touched = new Set(events.filter((e) => inserted.has(e.id) && e.stockTakeId).map((e) => e.stockTakeId));
        if (touched.size > 0)
          await client.query('INSERT INTO stock_take_changes (stock_take_id) SELECT unnest($1::text[])', [
            [...touched],
          ]);
        const others = ids.filter((id) => !inserted.has(id));
        if (others.length > 0) {
          const existing = await client.query<{ id: string; payload: string }>(
            'SELECT id, payload FROM events WHERE id = ANY($1::uuid[])',
            [others],
          );
          for (const row of existing.rows) stored.set(row.id, row.payload);
        }
      }
      const advanced = await client.query<{ contiguous_seq: string }>(ADVANCE_WATERMARK, [deviceId, watermark]);
      return {
        outcomes: classifyOutcomes(ids, payloads, inserted, stored),
        highestContiguousSeq: Number(advanced.rows[0]?.contiguous_seq ?? watermark),
      };
    });
  }

  async countEvents(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::integer AS n FROM events');
    return rows[0]?.n ?? 0;
  }

  async eventsOfDevice(deviceId: string): Promise<ReceivedEvent[]> {
    const { rows } = await this.pool.query<{ payload: string; received_at: Date; clock_skew_ms: string | null }>(
      'SELECT payload, received_at, clock_skew_ms FROM events WHERE device_id = $1 ORDER BY seq, id',
      [deviceId],
    );
    return rows.map((row) => ({
      event: JSON.parse(row.payload),
      receivedAt: row.received_at.toISOString(),
      clockSkewMs: row.clock_skew_ms === null ? null : Number(row.clock_skew_ms),
    }));
  }

  async writeReference(changes: readonly ReferenceChange[], options: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
    return this.transaction(async (client) => {
      // Every writer takes the clock's row lock first: versions are handed out and committed in
      // the same order, so a reader that has seen version n has seen every version below n.
      const clock = await client.query<{ version: string }>('SELECT version FROM reference_clock FOR UPDATE');
      if (options.onlyIfEmpty) {
        const any = await client.query('SELECT 1 FROM reference_rows WHERE data IS NOT NULL LIMIT 1');
        if (any.rowCount) return false;
      }
      const latest = latestChangePerKey(changes);
      const first = Number(clock.rows[0]?.version ?? 0) + 1;
      await client.query(
        `INSERT INTO reference_rows (dataset, key, version, data, changed_at)
         SELECT u.dataset, u.key, u.version, u.data, now()
           FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) AS u(dataset, key, version, data)
         ON CONFLICT (dataset, key) DO UPDATE
           SET version = EXCLUDED.version, data = EXCLUDED.data, changed_at = EXCLUDED.changed_at`,
        [
          latest.map((c) => c.dataset),
          latest.map((c) => c.key),
          latest.map((_, i) => first + i),
          latest.map((c) => ('deleted' in c ? null : JSON.stringify(c.row))),
        ],
      );
      await client.query('UPDATE reference_clock SET version = version + $1', [latest.length]);
      return true;
    });
  }

  async changesSince(dataset: Dataset, cursor: string | null, limit: number): Promise<ChangesPage> {
    const tentative = cursor === null ? 0 : Number(cursor.split('.')[1]) || 0;
    const { rows } = await this.pool.query<{
      epoch: string;
      current_version: string;
      purged_through: string;
      rows: Array<{ key: string; version: number; data: string | null }>;
    }>(CHANGES_AFTER, [dataset, tentative, limit + 1]);
    const state = rows[0];
    if (!state) throw new Error('The reference clock is missing: the database was not migrated.');
    const after = versionAfter(cursor, {
      epoch: state.epoch,
      currentVersion: Number(state.current_version),
      purgedThrough: Number(state.purged_through),
    });
    if (after === 'expired' || after !== tentative) return { status: 'expired' };
    const page = state.rows.slice(0, limit).map((r) => ({
      key: r.key,
      version: Number(r.version),
      row: r.data === null ? null : (JSON.parse(r.data) as unknown),
    }));
    const last = page.at(-1)?.version ?? after;
    return {
      status: 'ok',
      changes: page,
      cursor: encodeCursor(state.epoch, last),
      hasMore: state.rows.length > limit,
    };
  }

  async purgeTombstones(changedBefore: string): Promise<number> {
    return this.transaction(async (client) => {
      await client.query('SELECT version FROM reference_clock FOR UPDATE');
      const { rows } = await client.query<{ n: number }>(PURGE_TOMBSTONES, [changedBefore]);
      return rows[0]?.n ?? 0;
    });
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
    await this.pool.end();
  }
}
