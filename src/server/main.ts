import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { SqliteEventStore } from './storage/sqlite-event-store.ts';

const config = configFromEnv();
mkdirSync(config.dataDir, { recursive: true });
const store = new SqliteEventStore(join(config.dataDir, 'lagerkoll.sqlite'));
const app = createApp({ store, distDir: config.distDir });

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const host = info.address.includes(':') ? `[${info.address}]` : info.address;
  console.log(`Lagerkoll is running: open http://${host}:${info.port}/`);
  console.log(`Data directory: ${config.dataDir}`);
});

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
