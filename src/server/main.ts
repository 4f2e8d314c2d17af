import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { prepareSetup } from './auth/setup-code.ts';
import { configFromEnv } from './config.ts';
import { describeStore, openStore } from './storage/open-store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const config = configFromEnv();
const store = await openStore(config);
// While no administrator exists, each start makes a one-time set-up code: printed here, and nowhere else.
const setup = await prepareSetup(store.auth);
const app = createApp({
  store,
  distDir: config.distDir,
  minAppVersion: config.minAppVersion,
  setup: setup.gate,
  trustProxy: config.trustProxy,
});

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  console.log(`Lagerkoll is running: open http://${host}:${info.port}/`);
  console.log(`Data: ${describeStore(config)}`);
  if (setup.code) console.log(setupCodeBox(setup.code, `http://${host}:${info.port}/setup`));
});

/** The set-up code in a box that stands out in a terminal full of log lines. */
function setupCodeBox(code: string, url: string): string {
  const lines = [
    `Set-up code: ${code} — enter it at ${url} to create the first administrator.`,
    'It is shown only here.',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  return [`┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`].join('\n');
}

// Tombstones are kept long enough for any device that syncs at all; one further behind reloads
// the dataset (410). Every instance may run this: it is one idempotent statement.
async function purgeOldTombstones(): Promise<void> {
  const before = new Date(Date.now() - config.tombstoneRetentionDays * DAY_MS).toISOString();
  try {
    await store.purgeTombstones(before);
    // Sessions and unused enrollment codes a week past their end (until then a session answers session_expired).
    await store.auth.purgeExpired(new Date(Date.now() - 7 * DAY_MS).toISOString());
  } catch (error) {
    console.error('[server] purging old tombstones and sessions failed:', error);
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
