import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/app.ts';
import { SqliteEventStore } from '../../src/server/storage/sqlite-event-store.ts';

/** A real server with a real SQLite database in a temporary directory, in this process. */
export function inProcessServer() {
  const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-server-'));
  const store = new SqliteEventStore(join(dir, 'test.sqlite'));
  const app = createApp({ store });
  return {
    app,
    store,
    dir,
    /** The app's fetch, usable where a `fetch` is expected (no socket). */
    fetch: (input: string, init?: RequestInit) => Promise.resolve(app.request(input, init)),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The same app listening on a real loopback socket on a free port. */
export async function listeningServer() {
  const server = inProcessServer();
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: server.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = http.address() as AddressInfo;
  return {
    ...server,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
    },
  };
}
