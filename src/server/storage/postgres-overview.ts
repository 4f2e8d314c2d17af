import type pg from 'pg';
import { type DrillInput, drillBatches } from '../../domain/overview/drill.ts';
import { expiryMonths } from '../../domain/overview/expiry-months.ts';
import type { Drill, ExpiryMonth, OverviewFilter, OverviewPage } from '../../domain/overview/model.ts';
import { siteProductFigures } from '../../domain/overview/site-figures.ts';
import { type BatchTotal, standingBatchTotals, type TotalledEvent } from '../../domain/overview/standing.ts';
import {
  coverageSortKey,
  filterParams,
  type OverviewDbRow,
  overviewRowFrom,
  parseStockTakes,
  siteChoiceChanges,
  targetChange,
} from './overview-refresh.ts';

/** Any fixed number: the key of the advisory lock held while refreshing (one refresher at a time). */
const REFRESH_LOCK = 7_306_012;

const REFERENCE_VIEWS = `
  sites AS (SELECT key AS code, data::json->>'name' AS name, data::json->>'region' AS region
              FROM reference_rows WHERE dataset = 'sites' AND data IS NOT NULL),
  products AS (SELECT key AS gtin, data::json->>'nameSv' AS name_sv, data::json->>'nameEn' AS name_en,
                      data::json->>'atc' AS atc
                 FROM reference_rows WHERE dataset = 'catalog' AND data IS NOT NULL)`;
/** $1 site, $2 region, $3 ATC prefix; null means any. */
const FILTERS = `($1::text IS NULL OR o.site_code = $1) AND ($2::text IS NULL OR s.region = $2)
  AND ($3::text IS NULL OR left(p.atc, length($3)) = $3)`;

const PAGE = `
  WITH ${REFERENCE_VIEWS}
  SELECT o.site_code, s.name AS site_name, s.region, o.gtin, p.name_sv, p.name_en, p.atc, o.target_packs,
         o.counted_packs, o.provisional_packs, o.coverage, to_char(o.earliest_expiry, 'YYYY-MM-DD') AS earliest_expiry,
         c.approved_id, c.provisional_id
    FROM overview_rows o
    LEFT JOIN sites s ON s.code = o.site_code
    LEFT JOIN products p ON p.gtin = o.gtin
    LEFT JOIN overview_sites c ON c.site_code = o.site_code
   WHERE ${FILTERS}
   ORDER BY o.sort_coverage, o.site_code COLLATE "C", o.gtin COLLATE "C"
   LIMIT $4 OFFSET $5`;

const TOTAL = `
  WITH ${REFERENCE_VIEWS}
  SELECT count(*)::integer AS n FROM overview_rows o
    LEFT JOIN sites s ON s.code = o.site_code LEFT JOIN products p ON p.gtin = o.gtin
   WHERE ${FILTERS}`;

const PACKS_BY_EXPIRY = `
  WITH ${REFERENCE_VIEWS}
  SELECT to_char(b.expiry, 'YYYY-MM-DD') AS expiry,
         sum(CASE WHEN b.stock_take_id = c.approved_id THEN b.quantity ELSE 0 END)::bigint AS counted,
         sum(CASE WHEN b.stock_take_id = c.provisional_id THEN b.quantity ELSE 0 END)::bigint AS provisional
    FROM overview_sites c
    JOIN stock_take_batches b ON b.stock_take_id IN (c.approved_id, c.provisional_id)
    LEFT JOIN sites s ON s.code = c.site_code
    LEFT JOIN products p ON p.gtin = b.gtin
   WHERE ($1::text IS NULL OR c.site_code = $1) AND ($2::text IS NULL OR s.region = $2)
     AND ($3::text IS NULL OR left(p.atc, length($3)) = $3)
   GROUP BY b.expiry`;

const DRILL_EVENTS = `
  SELECT id::text, kind, corrects::text, device_id::text AS "deviceId", user_id AS "userId",
         to_char(counted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "countedAt",
         to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "receivedAt",
         location_code AS "locationCode", serial, gtin, batch, to_char(expiry, 'YYYY-MM-DD') AS expiry, quantity
    FROM events WHERE stock_take_id = $1`;

type Choice = { site_code: string; approved_id: string | null; provisional_id: string | null };

/**
 * The coordinators' overview on PostgreSQL: the precomputed tables of overview-refresh.ts,
 * refreshed in one transaction before each read. Several server instances may read at once: the
 * refresh takes an advisory lock, so one refreshes while the others wait and then find nothing to do.
 */
export class PostgresOverview {
  constructor(
    private readonly pool: pg.Pool,
    private readonly transaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>,
  ) {}

  async page(filter: OverviewFilter, offset: number, limit: number): Promise<OverviewPage> {
    await this.refresh();
    const { site, region, atc } = filterParams(filter);
    const [rows, total] = await Promise.all([
      this.pool.query<OverviewDbRow>(PAGE, [site, region, atc, limit, offset]),
      this.pool.query<{ n: number }>(TOTAL, [site, region, atc]),
    ]);
    return { rows: rows.rows.map(overviewRowFrom), total: total.rows[0]?.n ?? 0, offset, limit };
  }

  async expiries(filter: OverviewFilter): Promise<ExpiryMonth[]> {
    await this.refresh();
    const { site, region, atc } = filterParams(filter);
    const { rows } = await this.pool.query<{ expiry: string | null; counted: string; provisional: string }>(
      PACKS_BY_EXPIRY,
      [site, region, atc],
    );
    return expiryMonths(
      rows.map((r) => ({ expiry: r.expiry, countedPacks: Number(r.counted), provisionalPacks: Number(r.provisional) })),
    );
  }

  async drill(siteCode: string, gtin: string): Promise<Drill> {
    await this.refresh();
    const { rows } = await this.pool.query<Choice>('SELECT * FROM overview_sites WHERE site_code = $1', [siteCode]);
    const part = async (stockTakeId: string | null | undefined) => {
      if (!stockTakeId) return null;
      const status = await this.pool.query<{ status: string }>(
        "SELECT data::json->>'status' AS status FROM reference_rows WHERE dataset = 'stock-takes' AND key = $1",
        [stockTakeId],
      );
      const events = await this.pool.query<DrillInput>(DRILL_EVENTS, [stockTakeId]);
      return {
        stockTakeId,
        status: status.rows[0]?.status ?? 'unknown',
        batches: drillBatches(events.rows, gtin),
      };
    };
    return {
      siteCode,
      gtin,
      counted: await part(rows[0]?.approved_id),
      provisional: await part(rows[0]?.provisional_id),
    };
  }

  private async refresh(): Promise<void> {
    // Nothing changed (the usual case): no lock, no transaction.
    const { rows } = await this.pool.query<{ behind: boolean }>(
      `SELECT (SELECT version FROM reference_clock) > (SELECT reference_version FROM overview_state)
              OR EXISTS (SELECT 1 FROM stock_take_changes) AS behind`,
    );
    if (!rows[0]?.behind) return;
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [REFRESH_LOCK]);
      const stale = new Set<string>();
      await this.applyReferenceChanges(client, stale);
      await this.rebuildChangedStockTakes(client, stale);
      for (const siteCode of stale) await this.rebuildSite(client, siteCode);
    });
  }

  private async applyReferenceChanges(client: pg.PoolClient, stale: Set<string>): Promise<void> {
    const { rows } = await client.query<{ current: string; built: string }>(
      'SELECT (SELECT version FROM reference_clock) AS current, reference_version AS built FROM overview_state',
    );
    const current = Number(rows[0]?.current ?? 0);
    const built = Number(rows[0]?.built ?? 0);
    if (current <= built) return;
    const changed = (dataset: string) =>
      client.query<{ key: string; data: string | null }>(
        'SELECT key, data FROM reference_rows WHERE dataset = $1 AND version > $2 ORDER BY version',
        [dataset, built],
      );
    const targets = (await changed('target-levels')).rows.map((r) => targetChange(r.key, r.data));
    if (targets.length > 0) {
      await client.query(
        `DELETE FROM overview_targets t USING unnest($1::text[], $2::text[]) AS u(site_code, gtin)
          WHERE t.site_code = u.site_code AND t.gtin = u.gtin`,
        [targets.map((t) => t.siteCode), targets.map((t) => t.gtin)],
      );
      const kept = targets.filter((t) => t.targetPacks !== null);
      await client.query(
        `INSERT INTO overview_targets (site_code, gtin, target_packs)
         SELECT * FROM unnest($1::text[], $2::text[], $3::integer[])`,
        [kept.map((t) => t.siteCode), kept.map((t) => t.gtin), kept.map((t) => t.targetPacks)],
      );
      for (const t of targets) stale.add(t.siteCode);
    }
    if ((await changed('stock-takes')).rows.length > 0) {
      const stored = await client.query<Choice>('SELECT site_code, approved_id, provisional_id FROM overview_sites');
      const all = await client.query<{ data: string }>(
        "SELECT data FROM reference_rows WHERE dataset = 'stock-takes' AND data IS NOT NULL",
      );
      const { choices, changedSites } = siteChoiceChanges(
        stored.rows.map((c) => ({ siteCode: c.site_code, approvedId: c.approved_id, provisionalId: c.provisional_id })),
        parseStockTakes(all.rows.map((r) => r.data)),
      );
      await client.query('DELETE FROM overview_sites');
      await client.query(
        `INSERT INTO overview_sites (site_code, approved_id, provisional_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
        [choices.map((c) => c.siteCode), choices.map((c) => c.approvedId), choices.map((c) => c.provisionalId)],
      );
      for (const siteCode of changedSites) stale.add(siteCode);
    }
    await client.query('UPDATE overview_state SET reference_version = $1', [current]);
  }

  private async rebuildChangedStockTakes(client: pg.PoolClient, stale: Set<string>): Promise<void> {
    // Marks and their events commit together, so every event of a mark read here is visible to
    // the reads below; marks made after this read stay for the next refresh.
    const pending = await client.query<{ id: string; stock_take_id: string }>(
      'SELECT id, stock_take_id FROM stock_take_changes',
    );
    if (pending.rows.length === 0) return;
    for (const stockTakeId of new Set(pending.rows.map((p) => p.stock_take_id))) {
      const events = await client.query<TotalledEvent>(
        `SELECT id::text, kind, corrects::text, gtin, batch, to_char(expiry, 'YYYY-MM-DD') AS expiry, quantity
           FROM events WHERE stock_take_id = $1`,
        [stockTakeId],
      );
      const totals = standingBatchTotals(events.rows);
      await client.query('DELETE FROM stock_take_batches WHERE stock_take_id = $1', [stockTakeId]);
      await client.query(
        `INSERT INTO stock_take_batches (stock_take_id, gtin, batch, expiry, quantity)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::date[], $5::integer[])`,
        [
          stockTakeId,
          totals.map((t) => t.gtin),
          totals.map((t) => t.batch),
          totals.map((t) => t.expiry),
          totals.map((t) => t.quantity),
        ],
      );
      const using = await client.query<{ site_code: string }>(
        'SELECT site_code FROM overview_sites WHERE approved_id = $1 OR provisional_id = $1',
        [stockTakeId],
      );
      for (const { site_code } of using.rows) stale.add(site_code);
    }
    await client.query('DELETE FROM stock_take_changes WHERE id = ANY($1::bigint[])', [pending.rows.map((p) => p.id)]);
  }

  private async rebuildSite(client: pg.PoolClient, siteCode: string): Promise<void> {
    const choice = (await client.query<Choice>('SELECT * FROM overview_sites WHERE site_code = $1', [siteCode]))
      .rows[0];
    const batches = async (id: string | null | undefined): Promise<BatchTotal[] | null> =>
      id
        ? (
            await client.query<BatchTotal>(
              `SELECT gtin, batch, to_char(expiry, 'YYYY-MM-DD') AS expiry, quantity
                 FROM stock_take_batches WHERE stock_take_id = $1`,
              [id],
            )
          ).rows
        : null;
    const targets = await client.query<{ gtin: string; target_packs: number }>(
      'SELECT gtin, target_packs FROM overview_targets WHERE site_code = $1',
      [siteCode],
    );
    const figures = siteProductFigures({
      counted: await batches(choice?.approved_id),
      provisional: await batches(choice?.provisional_id),
      targets: new Map(targets.rows.map((t) => [t.gtin, t.target_packs])),
    });
    await client.query('DELETE FROM overview_rows WHERE site_code = $1', [siteCode]);
    await client.query(
      `INSERT INTO overview_rows (site_code, gtin, target_packs, counted_packs, provisional_packs, coverage,
                                  earliest_expiry, sort_coverage)
       SELECT $1, * FROM unnest($2::text[], $3::integer[], $4::integer[], $5::integer[], $6::float8[], $7::date[],
                                $8::float8[])`,
      [
        siteCode,
        figures.map((f) => f.gtin),
        figures.map((f) => f.targetPacks),
        figures.map((f) => f.countedPacks),
        figures.map((f) => f.provisionalPacks),
        figures.map((f) => f.coveragePercent),
        figures.map((f) => f.earliestExpiry),
        figures.map((f) => coverageSortKey(f.coveragePercent)),
      ],
    );
  }
}
