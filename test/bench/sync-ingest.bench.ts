/**
 * Server ingest on SQLite and PostgreSQL, next to a raw insert of the same rows into the same kind of
 * database in the same run; and 10,000 events from one device to the server over loopback.
 *
 *   npm run bench sync-ingest        (or: npx tsx test/bench/sync-ingest.bench.ts)
 *
 * Starts its own throwaway PostgreSQL cluster (fsync on, default settings) and server processes.
 * Results go to stdout; docs/benchmarks.md ("Sync and server") records them.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { CountEvent } from '../../src/domain/count-event.ts';
import { canonicalEventJson, type EventStore } from '../../src/server/storage/event-store.ts';
import {
  INSERT_EVENTS,
  insertEventsParams,
  PostgresEventStore,
} from '../../src/server/storage/postgres-event-store.ts';
import { SqliteEventStore } from '../../src/server/storage/sqlite-event-store.ts';
import { LagerkollDb } from '../../src/store/db.ts';
import { getDeviceId } from '../../src/store/device.ts';
import { countPending, recordCount } from '../../src/store/events.ts';
import { pushPending } from '../../src/sync/push.ts';
import { makeDeviceId, makeEvents } from '../support/events.ts';
import { administratorSession, enrollOverHttp, withDeviceCredential } from '../support/identity.ts';
import { pushFromManyDevices } from '../support/load.ts';
import { startThrowawayCluster } from '../support/postgres-cluster.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';

const DEVICES = 50;
const PER_DEVICE = 2_000;
const BATCH = 500;
const TOTAL = DEVICES * PER_DEVICE;

function workload(): Array<{ deviceId: string; events: CountEvent[] }> {
  return Array.from({ length: DEVICES }, () => {
    const deviceId = makeDeviceId();
    return { deviceId, events: makeEvents(deviceId, PER_DEVICE) };
  });
}

function batches(work: ReturnType<typeof workload>): Array<{ deviceId: string; events: CountEvent[] }> {
  return work.flatMap(({ deviceId, events }) =>
    Array.from({ length: PER_DEVICE / BATCH }, (_, i) => ({
      deviceId,
      events: events.slice(i * BATCH, (i + 1) * BATCH),
    })),
  );
}

const rate = (events: number, ms: number) => Math.round((events / ms) * 1000);

/** The store's own INSERT, row by row in one transaction per batch: nothing else. */
function rawSqlite(file: string, work: ReturnType<typeof workload>): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare(
    `INSERT INTO events (id, device_id, seq, counted_at, raw, gtin, quantity, kind, corrects, stock_take_id,
                         location_code, batch, expiry, serial, user_id, received_at, clock_skew_ms, payload)
     VALUES (@id, @deviceId, @seq, @countedAt, @raw, @gtin, @quantity, @kind, @corrects, @stockTakeId,
             @locationCode, @batch, @expiry, @serial, @userId, @receivedAt, NULL, @payload)
     ON CONFLICT (id) DO NOTHING`,
  );
  const insertBatch = db.transaction((events: CountEvent[], receivedAt: string) => {
    for (const e of events) {
      const { schema: _s, unitLevel: _u, ...columns } = e;
      insert.run({ ...columns, receivedAt, payload: canonicalEventJson(e) });
    }
  });
  const started = performance.now();
  for (const batch of batches(work)) insertBatch(batch.events, new Date().toISOString());
  const ms = performance.now() - started;
  db.close();
  return ms;
}

/** The store's own unnest INSERT statement, one transaction per batch: nothing else. */
async function rawPostgres(url: string, work: ReturnType<typeof workload>): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  for (const { events } of batches(work)) {
    await client.query('BEGIN');
    await client.query(INSERT_EVENTS, insertEventsParams(events, new Date().toISOString()));
    await client.query('COMMIT');
  }
  const ms = performance.now() - started;
  await client.end();
  return ms;
}

/** The EventStore interface, batch after batch (what the push handler calls). */
async function viaStore(store: EventStore, work: ReturnType<typeof workload>): Promise<number> {
  const started = performance.now();
  for (const { deviceId, events } of batches(work)) {
    await store.ingest({
      deviceId,
      appVersion: 'bench',
      receivedAt: new Date().toISOString(),
      items: events.map((event) => ({ event, clockSkewMs: null })),
    });
  }
  return performance.now() - started;
}

/** One device, 10,000 counts in its IndexedDB (fake-indexeddb), pushed by the app's own code. */
async function oneDevice(server: ServerProcess): Promise<number> {
  const db = new LagerkollDb(`bench-device-${Date.now()}`);
  for (let i = 0; i < 10_000; i++)
    await recordCount(db, { raw: `010704626100000021S${i}`, gtin: '07046261000000', quantity: 1 });
  const credential = await enrollOverHttp(server.url, await administratorSession(server), await getDeviceId(db));
  const started = performance.now();
  await pushPending(db, {
    baseUrl: server.url,
    fetch: withDeviceCredential((input, init) => fetch(input, init), credential),
  });
  const ms = performance.now() - started;
  if ((await countPending(db)) !== 0) throw new Error('events left pending');
  db.close();
  await db.delete();
  return ms;
}

async function freshPgDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function httpIngest(env: Record<string, string>): Promise<{ ms: number; deviceMs: number }> {
  const server = new ServerProcess(await freePort(), { distDir: null, env });
  try {
    await server.start();
    // 4 devices at a time, each pushing its batches one after the other.
    const result = await pushFromManyDevices(server, { devices: 4, eventsPerDevice: TOTAL / 4, batchSize: BATCH });
    if (result.retries) throw new Error(`${result.retries} pushes failed`);
    const deviceMs = await oneDevice(server);
    return { ms: result.wallMs, deviceMs };
  } finally {
    await server.dispose();
  }
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const report = (backend: string, raw: number, store: number, http: number, device: number) => {
    rows.push(
      `| ${backend} | ${rate(TOTAL, raw).toLocaleString('en')} | ${rate(TOTAL, store).toLocaleString('en')} (${(raw / store).toFixed(2)}) | ${rate(TOTAL, http).toLocaleString('en')} (${(raw / http).toFixed(2)}) | ${(device / 1000).toFixed(2)} s |`,
    );
  };

  const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-bench-'));
  try {
    const rawFile = join(dir, 'raw.sqlite');
    await new SqliteEventStore(rawFile).close(); // the same schema, by the same migrations
    const rawMs = rawSqlite(rawFile, workload());
    const store = new SqliteEventStore(join(dir, 'store.sqlite'));
    const storeMs = await viaStore(store, workload());
    await store.close();
    const http = await httpIngest({});
    report('SQLite (WAL, synchronous=FULL)', rawMs, storeMs, http.ms, http.deviceMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const cluster = await startThrowawayCluster();
  try {
    const rawUrl = await freshPgDatabase(cluster.url, 'bench_raw');
    await (await PostgresEventStore.open(rawUrl)).close();
    const rawMs = await rawPostgres(rawUrl, workload());
    const store = await PostgresEventStore.open(await freshPgDatabase(cluster.url, 'bench_store'));
    const storeMs = await viaStore(store, workload());
    await store.close();
    const http = await httpIngest({ DATABASE_URL: await freshPgDatabase(cluster.url, 'bench_http') });
    report('PostgreSQL 15 (loopback, fsync on)', rawMs, storeMs, http.ms, http.deviceMs);
  } finally {
    cluster.stop();
  }

  console.log(`${TOTAL.toLocaleString('en')} events in batches of ${BATCH}; events/s (ratio to raw)\n`);
  console.log('| Database | Raw insert | EventStore.ingest | HTTP push, 4 devices | 10,000 events, one device |');
  console.log('|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

await main();
