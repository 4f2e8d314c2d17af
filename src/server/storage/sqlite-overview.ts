import type Database from 'better-sqlite3';
import { type DrillInput, drillBatches } from '../../domain/overview/drill.ts';
import { expiryMonths } from '../../domain/overview/expiry-months.ts';
import type { Drill, ExpiryMonth, OverviewFilter, OverviewPage } from '../../domain/overview/model.ts';
import { siteProductFigures } from '../../domain/overview/site-figures.ts';
import type { SiteStockTakes } from '../../domain/overview/site-stock-takes.ts';
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

/** Sites and products as the filters and rows need them, from the reference data's JSON. */
const REFERENCE_VIEWS = `
  sites AS (SELECT key AS code, json_extract(data, '$.name') AS name, json_extract(data, '$.region') AS region
              FROM reference_rows WHERE dataset = 'sites' AND data IS NOT NULL),
  products AS (SELECT key AS gtin, json_extract(data, '$.nameSv') AS name_sv, json_extract(data, '$.nameEn') AS name_en,
                      json_extract(data, '$.atc') AS atc
                 FROM reference_rows WHERE dataset = 'catalog' AND data IS NOT NULL)`;
const FILTERS = `(@site IS NULL OR o.site_code = @site) AND (@region IS NULL OR s.region = @region)
  AND (@atc IS NULL OR substr(p.atc, 1, length(@atc)) = @atc)`;

type Choice = { site_code: string; approved_id: string | null; provisional_id: string | null };

/**
 * The coordinators' overview on SQLite: the precomputed tables of overview-refresh.ts, refreshed
 * in one write transaction before each read (better-sqlite3 runs it to its end without
 * interleaving, so a refresh never races another).
 */
export class SqliteOverview {
  private readonly s;
  private readonly refreshTransaction: () => void;

  constructor(db: Database.Database) {
    this.s = {
      clock: db.prepare<[], { version: number }>('SELECT version FROM reference_clock'),
      builtVersion: db.prepare<[], { reference_version: number }>('SELECT reference_version FROM overview_state'),
      setBuiltVersion: db.prepare<[number]>('UPDATE overview_state SET reference_version = ?'),
      changedReference: db.prepare<[string, number], { key: string; data: string | null }>(
        'SELECT key, data FROM reference_rows WHERE dataset = ? AND version > ? ORDER BY version',
      ),
      statusOf: db.prepare<[string], { status: string }>(
        "SELECT json_extract(data, '$.status') AS status FROM reference_rows WHERE dataset = 'stock-takes' AND key = ?",
      ),
      stockTakeRows: db.prepare<[], { data: string }>(
        "SELECT data FROM reference_rows WHERE dataset = 'stock-takes' AND data IS NOT NULL",
      ),
      putTarget: db.prepare<[string, string, number]>(
        `INSERT INTO overview_targets (site_code, gtin, target_packs) VALUES (?, ?, ?)
         ON CONFLICT (site_code, gtin) DO UPDATE SET target_packs = excluded.target_packs`,
      ),
      deleteTarget: db.prepare<[string, string]>('DELETE FROM overview_targets WHERE site_code = ? AND gtin = ?'),
      choices: db.prepare<[], Choice>('SELECT site_code, approved_id, provisional_id FROM overview_sites'),
      choiceOf: db.prepare<[string], Choice>(
        'SELECT site_code, approved_id, provisional_id FROM overview_sites WHERE site_code = ?',
      ),
      clearChoices: db.prepare('DELETE FROM overview_sites'),
      putChoice: db.prepare<[string, string | null, string | null]>(
        'INSERT INTO overview_sites (site_code, approved_id, provisional_id) VALUES (?, ?, ?)',
      ),
      sitesUsing: db.prepare<[string, string], { site_code: string }>(
        'SELECT site_code FROM overview_sites WHERE approved_id = ? OR provisional_id = ?',
      ),
      pendingChanges: db.prepare<[], { id: number; stock_take_id: string }>(
        'SELECT id, stock_take_id FROM stock_take_changes ORDER BY id',
      ),
      consumeChanges: db.prepare<[number]>('DELETE FROM stock_take_changes WHERE id <= ?'),
      eventsOfStockTake: db.prepare<[string], TotalledEvent>(
        'SELECT id, kind, corrects, gtin, batch, expiry, quantity FROM events WHERE stock_take_id = ?',
      ),
      drillEvents: db.prepare<[string], DrillInput>(
        `SELECT id, kind, corrects, device_id AS deviceId, user_id AS userId, counted_at AS countedAt,
                received_at AS receivedAt, location_code AS locationCode, serial, gtin, batch, expiry, quantity
           FROM events WHERE stock_take_id = ?`,
      ),
      clearBatches: db.prepare<[string]>('DELETE FROM stock_take_batches WHERE stock_take_id = ?'),
      putBatch: db.prepare<[string, string, string | null, string | null, number]>(
        'INSERT INTO stock_take_batches (stock_take_id, gtin, batch, expiry, quantity) VALUES (?, ?, ?, ?, ?)',
      ),
      batchesOf: db.prepare<[string], BatchTotal>(
        'SELECT gtin, batch, expiry, quantity FROM stock_take_batches WHERE stock_take_id = ?',
      ),
      targetsOf: db.prepare<[string], { gtin: string; target_packs: number }>(
        'SELECT gtin, target_packs FROM overview_targets WHERE site_code = ?',
      ),
      clearRows: db.prepare<[string]>('DELETE FROM overview_rows WHERE site_code = ?'),
      putRow: db.prepare<[Record<string, string | number | null>]>(
        `INSERT INTO overview_rows (site_code, gtin, target_packs, counted_packs, provisional_packs, coverage,
                                    earliest_expiry, sort_coverage)
         VALUES (@siteCode, @gtin, @targetPacks, @countedPacks, @provisionalPacks, @coveragePercent,
                 @earliestExpiry, @sortCoverage)`,
      ),
      page: db.prepare<[Record<string, string | number | null>], OverviewDbRow>(
        `WITH ${REFERENCE_VIEWS}
         SELECT o.site_code, s.name AS site_name, s.region, o.gtin, p.name_sv, p.name_en, p.atc, o.target_packs,
                o.counted_packs, o.provisional_packs, o.coverage, o.earliest_expiry, c.approved_id, c.provisional_id
           FROM overview_rows o
           LEFT JOIN sites s ON s.code = o.site_code
           LEFT JOIN products p ON p.gtin = o.gtin
           LEFT JOIN overview_sites c ON c.site_code = o.site_code
          WHERE ${FILTERS}
          ORDER BY o.sort_coverage, o.site_code, o.gtin
          LIMIT @limit OFFSET @offset`,
      ),
      total: db.prepare<[Record<string, string | null>], { n: number }>(
        `WITH ${REFERENCE_VIEWS}
         SELECT count(*) AS n FROM overview_rows o
           LEFT JOIN sites s ON s.code = o.site_code LEFT JOIN products p ON p.gtin = o.gtin
          WHERE ${FILTERS}`,
      ),
      packsByExpiry: db.prepare<
        [Record<string, string | null>],
        { expiry: string | null; counted: number; provisional: number }
      >(
        `WITH ${REFERENCE_VIEWS}
         SELECT b.expiry,
                sum(CASE WHEN b.stock_take_id = c.approved_id THEN b.quantity ELSE 0 END) AS counted,
                sum(CASE WHEN b.stock_take_id = c.provisional_id THEN b.quantity ELSE 0 END) AS provisional
           FROM overview_sites c
           JOIN stock_take_batches b ON b.stock_take_id IN (c.approved_id, c.provisional_id)
           LEFT JOIN sites s ON s.code = c.site_code
           LEFT JOIN products p ON p.gtin = b.gtin
          WHERE (@site IS NULL OR c.site_code = @site) AND (@region IS NULL OR s.region = @region)
            AND (@atc IS NULL OR substr(p.atc, 1, length(@atc)) = @atc)
          GROUP BY b.expiry`,
      ),
    };
    this.refreshTransaction = db.transaction(() => this.refreshNow());
  }

  page(filter: OverviewFilter, offset: number, limit: number): OverviewPage {
    this.refreshTransaction();
    const params = filterParams(filter);
    const rows = this.s.page.all({ ...params, limit, offset }).map(overviewRowFrom);
    return { rows, total: this.s.total.get(params)?.n ?? 0, offset, limit };
  }

  expiries(filter: OverviewFilter): ExpiryMonth[] {
    this.refreshTransaction();
    return expiryMonths(
      this.s.packsByExpiry
        .all(filterParams(filter))
        .map((r) => ({ expiry: r.expiry, countedPacks: r.counted, provisionalPacks: r.provisional })),
    );
  }

  drill(siteCode: string, gtin: string): Drill {
    this.refreshTransaction();
    const choice = this.s.choiceOf.get(siteCode);
    const part = (stockTakeId: string | null | undefined) =>
      stockTakeId
        ? {
            stockTakeId,
            status: this.s.statusOf.get(stockTakeId)?.status ?? 'unknown',
            batches: drillBatches(this.s.drillEvents.all(stockTakeId), gtin),
          }
        : null;
    return { siteCode, gtin, counted: part(choice?.approved_id), provisional: part(choice?.provisional_id) };
  }

  private refreshNow(): void {
    const stale = new Set<string>();
    this.applyReferenceChanges(stale);
    this.rebuildChangedStockTakes(stale);
    for (const siteCode of stale) this.rebuildSite(siteCode);
  }

  private applyReferenceChanges(stale: Set<string>): void {
    const current = this.s.clock.get()?.version ?? 0;
    const built = this.s.builtVersion.get()?.reference_version ?? 0;
    if (current <= built) return;
    for (const { key, data } of this.s.changedReference.all('target-levels', built)) {
      const { siteCode, gtin, targetPacks } = targetChange(key, data);
      if (targetPacks === null) this.s.deleteTarget.run(siteCode, gtin);
      else this.s.putTarget.run(siteCode, gtin, targetPacks);
      stale.add(siteCode);
    }
    if (this.s.changedReference.all('stock-takes', built).length > 0) {
      const stored = this.s.choices.all().map(choiceFrom);
      const stockTakes = parseStockTakes(this.s.stockTakeRows.all().map((r) => r.data));
      const { choices, changedSites } = siteChoiceChanges(stored, stockTakes);
      this.s.clearChoices.run();
      for (const c of choices) this.s.putChoice.run(c.siteCode, c.approvedId, c.provisionalId);
      for (const siteCode of changedSites) stale.add(siteCode);
    }
    this.s.setBuiltVersion.run(current);
  }

  private rebuildChangedStockTakes(stale: Set<string>): void {
    const pending = this.s.pendingChanges.all();
    const last = pending.at(-1);
    if (!last) return;
    for (const stockTakeId of new Set(pending.map((p) => p.stock_take_id))) {
      this.s.clearBatches.run(stockTakeId);
      for (const b of standingBatchTotals(this.s.eventsOfStockTake.all(stockTakeId)))
        this.s.putBatch.run(stockTakeId, b.gtin, b.batch, b.expiry, b.quantity);
      for (const { site_code } of this.s.sitesUsing.all(stockTakeId, stockTakeId)) stale.add(site_code);
    }
    this.s.consumeChanges.run(last.id);
  }

  private rebuildSite(siteCode: string): void {
    const choice = this.s.choiceOf.get(siteCode);
    const batches = (id: string | null | undefined) => (id ? this.s.batchesOf.all(id) : null);
    const figures = siteProductFigures({
      counted: batches(choice?.approved_id),
      provisional: batches(choice?.provisional_id),
      targets: new Map(this.s.targetsOf.all(siteCode).map((t) => [t.gtin, t.target_packs])),
    });
    this.s.clearRows.run(siteCode);
    for (const f of figures) this.s.putRow.run({ siteCode, ...f, sortCoverage: coverageSortKey(f.coveragePercent) });
  }
}

function choiceFrom(c: Choice): SiteStockTakes {
  return { siteCode: c.site_code, approvedId: c.approved_id, provisionalId: c.provisional_id };
}
