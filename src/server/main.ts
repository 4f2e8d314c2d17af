import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { describeStore, openStore } from './storage/open-store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const config = configFromEnv();
const store = await openStore(config);
const app = createApp({ store, distDir: config.distDir, minAppVersion: config.minAppVersion });

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  console.log(`Lagerkoll is running: open http://${host}:${info.port}/`);
  console.log(`Data: ${describeStore(config)}`);
});

// Tombstones are kept long enough for any device that syncs at all; one further behind reloads
// the dataset (410). Every instance may run this: it is one idempotent statement.
async function purgeOldTombstones(): Promise<void> {
  const before = new Date(Date.now() - config.tombstoneRetentionDays * DAY_MS).toISOString();
  try {
    await store.purgeTombstones(before);
  } catch (error) {
    console.error('[server] purging old tombstones failed:', error);
  }
}
void purgeOldTombstones();
const purgeTimer = setInterval(() => void purgeOldTombstones(), DAY_MS);
purgeTimer.unref();

let closing = false;
function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing…`);
  server.close(() => {
    void store.close().then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
