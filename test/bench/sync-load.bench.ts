/**
 * Load on loopback: 100 simulated devices each pushing 1,000 events (two batches of 500) at once to
 * the real server process, on SQLite and on PostgreSQL; push latency p50/p99, and an audit of the
 * database afterwards (0 lost, 0 doubled).
 *
 *   npm run bench sync-load        (or: npx tsx test/bench/sync-load.bench.ts)
 */
import { join } from 'node:path';
import pg from 'pg';
import type { EventStore } from '../../src/server/storage/event-store.ts';
import { PostgresEventStore } from '../../src/server/storage/postgres-event-store.ts';
import { SqliteEventStore } from '../../src/server/storage/sqlite-event-store.ts';
import { auditStore, percentile, pushFromManyDevices } from '../support/load.ts';
import { startThrowawayCluster } from '../support/postgres-cluster.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';

const DEVICES = 100;
const PER_DEVICE = 1_000;

async function run(label: string, env: Record<string, string>, openStore: (dataDir: string) => Promise<EventStore>) {
  const server = new ServerProcess(await freePort(), { distDir: null, env });
  try {
    await server.start();
    const result = await pushFromManyDevices(server, { devices: DEVICES, eventsPerDevice: PER_DEVICE });
    await server.kill();
    const store = await openStore(server.dataDir);
    const audit = await auditStore(store, result.events);
    await store.close();
    const total = DEVICES * PER_DEVICE;
    console.log(
      `| ${label} | ${percentile(result.latenciesMs, 50).toFixed(0)} ms | ${percentile(result.latenciesMs, 99).toFixed(0)} ms | ${(result.wallMs / 1000).toFixed(1)} s | ${Math.round((total / result.wallMs) * 1000).toLocaleString('en')} | ${result.retries} | ${audit.lost} | ${audit.doubled} |`,
    );
  } finally {
    await server.dispose();
  }
}

console.log(`${DEVICES} devices × ${PER_DEVICE.toLocaleString('en')} events, all at once, batches of 500\n`);
console.log('| Server | p50 push | p99 push | Wall | events/s | Retries | Lost | Doubled |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
await run('SQLite', {}, async (dataDir) => new SqliteEventStore(join(dataDir, 'lagerkoll.sqlite')));
const cluster = await startThrowawayCluster();
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench_load TEMPLATE template0');
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = '/bench_load';
  await run('PostgreSQL', { DATABASE_URL: url.toString() }, () => PostgresEventStore.open(url.toString()));
} finally {
  cluster.stop();
}
