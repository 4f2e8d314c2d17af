/**
 * The coordinators' overview at national scale: sites × products × batches count events (default
 * 200 × 2,000 × 5 = 2,000,000, one count per site, product and batch, in one approved stock-take per
 * site), 400,000 target levels, on SQLite and on PostgreSQL.
 *
 *   npm run bench overview        (or: npx tsx test/bench/overview.bench.ts)
 *   BENCH_SITES=50 npm run bench overview      (a smaller run: 50 sites)
 *
 * Events go straight into the events table in large batches (the ingest path is measured by
 * sync-ingest.bench.ts), each stock-take marked as ingest marks it. Then it times:
 * - the first read after loading, which builds the precomputed tables from all events (once);
 * - the first screen (default filters, 50 rows, lowest coverage first): median of 5;
 * - the first screen right after a push of 500 counts to one site: median of 5 (the usual case);
 * - a filtered first screen (one region, one ATC group), the expiry chart and a drill-down.
 * Starts its own throwaway PostgreSQL cluster (fsync on, default settings).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import type { CountEvent } from '../../src/domain/count-event.ts';
import { gs1CheckDigit } from '../../src/domain/gs1/index.ts';
import { targetLevelKey } from '../../src/domain/reference-datasets.ts';
import { canonicalEventJson, type EventStore, type ReferenceChange } from '../../src/server/storage/event-store.ts';
import {
  INSERT_EVENTS,
  insertEventsParams,
  PostgresEventStore,
} from '../../src/server/storage/postgres-event-store.ts';
import { SqliteEventStore } from '../../src/server/storage/sqlite-event-store.ts';
import { startThrowawayCluster } from '../support/postgres-cluster.ts';
import { testProduct } from '../support/products.ts';

const SITES = Number(process.env.BENCH_SITES ?? 200);
const PRODUCTS = 2_000;
const BATCHES = 5;
const EVENTS = SITES * PRODUCTS * BATCHES;
const FIRST_SCREEN = { offset: 0, limit: 50 };
const RECEIVED_AT = '2026-11-22T12:00:00.000Z';

/** A deterministic pseudo-random sequence, so both backends get the same data. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const gtinOf = (p: number) => {
  const body = `0735${String(p).padStart(9, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};
const siteOf = (s: number) => `SITE-${String(s).padStart(3, '0')}`;
const REGIONS = 21;
const ATC_GROUPS = ['B05', 'B02', 'M01', 'N01', 'N02', 'J01', 'H02', 'R03', 'C01', 'V03'];

function referenceData(): ReferenceChange[] {
  const next = random(7);
  const changes: ReferenceChange[] = [];
  for (let s = 0; s < SITES; s++) {
    const code = siteOf(s);
    changes.push({
      dataset: 'sites',
      key: code,
      row: { code, name: `Site ${s}`, kind: 'regional-store', region: `Region ${s % REGIONS}` },
    });
    changes.push({
      dataset: 'stock-takes',
      key: `st-${code}`,
      row: {
        id: `st-${code}`,
        siteCode: code,
        name: 'Bench',
        mode: 'blind',
        locationCodes: [],
        status: 'approved',
        createdAt: '2026-11-01T08:00:00.000Z',
      },
    });
  }
  for (let p = 0; p < PRODUCTS; p++) {
    const gtin = gtinOf(p);
    const atc = `${ATC_GROUPS[p % ATC_GROUPS.length]}AA${String(p % 100).padStart(2, '0')}`;
    changes.push({
      dataset: 'catalog',
      key: gtin,
      row: testProduct(gtin, { nameSv: `Produkt ${p}`, nameEn: `Product ${p}`, atc }),
    });
  }
  for (let s = 0; s < SITES; s++) {
    for (let p = 0; p < PRODUCTS; p++) {
      const row = { siteCode: siteOf(s), gtin: gtinOf(p), targetPacks: 20 + Math.floor(next() * 200) };
      changes.push({ dataset: 'target-levels', key: targetLevelKey(row.siteCode, row.gtin), row });
    }
  }
  return changes;
}

/** The events of one site: one count per product and batch, by one device. */
function siteEvents(s: number, deviceId: string): CountEvent[] {
  const next = random(1000 + s);
  const events: CountEvent[] = [];
  let seq = 0;
  for (let p = 0; p < PRODUCTS; p++) {
    for (let b = 0; b < BATCHES; b++) {
      seq++;
      const month = 1 + Math.floor(next() * 48);
      const expiry = `${2026 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-28`;
      events.push({
        id: uuidv7(),
        deviceId,
        seq,
        countedAt: new Date(Date.UTC(2026, 10, 20, 8) + seq * 1000).toISOString(),
        raw: `01${gtinOf(p)}10B${b}`,
        gtin: gtinOf(p),
        quantity: 1 + Math.floor(next() * 30),
        schema: 2,
        kind: 'count',
        corrects: null,
        stockTakeId: `st-${siteOf(s)}`,
        locationCode: `R${b}`,
        batch: `B${p}-${b}`,
        expiry,
        serial: null,
        unitLevel: 'pack',
        userId: 'bench',
      });
    }
  }
  return events;
}

function loadSqlite(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // loading test data only; the store itself runs with FULL
  const insert = db.prepare(
    `INSERT INTO events (id, device_id, seq, counted_at, raw, gtin, quantity, kind, corrects, stock_take_id,
                         location_code, batch, expiry, serial, user_id, received_at, clock_skew_ms, payload)
     VALUES (@id, @deviceId, @seq, @countedAt, @raw, @gtin, @quantity, @kind, @corrects, @stockTakeId,
             @locationCode, @batch, @expiry, @serial, @userId, @receivedAt, NULL, @payload)`,
  );
  const mark = db.prepare('INSERT INTO stock_take_changes (stock_take_id) VALUES (?)');
  const loadSite = db.transaction((events: CountEvent[]) => {
    for (const e of events) {
      const { schema: _s, unitLevel: _u, ...columns } = e;
      insert.run({ ...columns, receivedAt: RECEIVED_AT, payload: canonicalEventJson(e) });
    }
    mark.run(events[0]?.stockTakeId);
  });
  for (let s = 0; s < SITES; s++) loadSite(siteEvents(s, uuidv4()));
  db.close();
}

async function loadPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (let s = 0; s < SITES; s++) {
    const events = siteEvents(s, uuidv4());
    await client.query('BEGIN');
    for (let i = 0; i < events.length; i += 5_000) {
      const chunk = events.slice(i, i + 5_000);
      await client.query(INSERT_EVENTS, insertEventsParams(chunk, RECEIVED_AT));
    }
    await client.query('INSERT INTO stock_take_changes (stock_take_id) VALUES ($1)', [`st-${siteOf(s)}`]);
    await client.query('COMMIT');
  }
  await client.query('ANALYZE');
  await client.end();
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

/** A push of 500 recounts to one site's stock-take, as a device sends them. */
async function pushTo(store: EventStore, s: number, round: number): Promise<void> {
  const deviceId = uuidv4();
  const events = siteEvents(s, deviceId)
    .slice(round * 500, round * 500 + 500)
    .map((e, i) => ({ ...e, id: uuidv7(), seq: i + 1 }));
  await store.ingest({
    deviceId,
    appVersion: 'bench',
    receivedAt: new Date().toISOString(),
    items: events.map((event) => ({ event, clockSkewMs: null })),
  });
}

async function measure(name: string, store: EventStore, loadMs: number, referenceMs: number): Promise<void> {
  const cold = await timed(() => store.overview({}, FIRST_SCREEN));
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await timed(() => store.overview({}, FIRST_SCREEN))).ms);
  const afterPush: number[] = [];
  for (let i = 0; i < 5; i++) {
    await pushTo(store, (i * 7) % SITES, i);
    afterPush.push((await timed(() => store.overview({}, FIRST_SCREEN))).ms);
  }
  const filtered: number[] = [];
  for (let i = 0; i < 5; i++)
    filtered.push((await timed(() => store.overview({ region: 'Region 3', atc: 'B05' }, FIRST_SCREEN))).ms);
  const expiries = await timed(() => store.overviewExpiries({}));
  const drill = await timed(() => store.overviewDrill(siteOf(1), gtinOf(1)));
  const first = cold.result.rows[0];
  console.log(
    `\n${name}: ${EVENTS.toLocaleString('en')} events loaded in ${fmt(loadMs)}, reference data (${(SITES * PRODUCTS).toLocaleString('en')} target levels) in ${fmt(referenceMs)}`,
  );
  console.log(
    `  rows: ${cold.result.total.toLocaleString('en')}; lowest coverage ${first?.siteCode}/${first?.gtin} ${first?.coveragePercent} %`,
  );
  console.log(`  first read after loading (builds the precomputed tables): ${fmt(cold.ms)}`);
  console.log(
    `  first screen, median of 5:                       ${fmt(median(warm))}  (all: ${warm.map(fmt).join(', ')})`,
  );
  console.log(
    `  first screen after a push of 500, median of 5:   ${fmt(median(afterPush))}  (all: ${afterPush.map(fmt).join(', ')})`,
  );
  console.log(`  first screen, one region and ATC group, median:  ${fmt(median(filtered))}`);
  console.log(
    `  expiry chart (all sites): ${fmt(expiries.ms)}, ${expiries.result.length} months; drill-down: ${fmt(drill.ms)}`,
  );
}

async function main(): Promise<void> {
  console.log(
    `Overview benchmark: ${SITES} sites × ${PRODUCTS} products × ${BATCHES} batches = ${EVENTS.toLocaleString('en')} events`,
  );
  const reference = referenceData();

  const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-overview-bench-'));
  try {
    const file = join(dir, 'bench.sqlite');
    await new SqliteEventStore(file).close(); // migrations
    const load = await timed(async () => loadSqlite(file));
    const store = new SqliteEventStore(file);
    const ref = await timed(() => store.writeReference(reference));
    await measure('SQLite (WAL, synchronous=FULL)', store, load.ms, ref.ms);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const cluster = await startThrowawayCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE overview_bench');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/overview_bench');
    await (await PostgresEventStore.open(url)).close(); // migrations
    const load = await timed(() => loadPostgres(url));
    const store = await PostgresEventStore.open(url);
    const ref = await timed(() => store.writeReference(reference));
    await measure('PostgreSQL (loopback, fsync on)', store, load.ms, ref.ms);
    await store.close();
  } finally {
    cluster.stop();
  }
}

await main();
