import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { CountEvent } from '../../src/domain/count-event.ts';
import { type AppOptions, createApp } from '../../src/server/app.ts';
import type { EventStore } from '../../src/server/storage/event-store.ts';
import { SqliteEventStore } from '../../src/server/storage/sqlite-event-store.ts';

/** A real server with a real SQLite database in a temporary directory, in this process. */
export function inProcessServer(options: Omit<AppOptions, 'store'> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-server-'));
  const store = new SqliteEventStore(join(dir, 'test.sqlite'));
  const app = createApp({ store, ...options });
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
export async function listeningServer(options: Omit<AppOptions, 'store'> = {}) {
  const server = inProcessServer(options);
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

/** The events the server holds for a device, in sequence order. */
export async function storedEvents(store: EventStore, deviceId: string): Promise<CountEvent[]> {
  return (await store.eventsOfDevice(deviceId)).map((received) => received.event);
}
