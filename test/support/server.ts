import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { CountEvent } from '../../src/domain/count-event.ts';
import type { UserRole } from '../../src/domain/users.ts';
import { type AppOptions, createApp } from '../../src/server/app.ts';
import type { EventStore } from '../../src/server/storage/event-store.ts';
import { SqliteEventStore } from '../../src/server/storage/sqlite-event-store.ts';
import { autoEnrollingFetch, bearer, createUserWithSession } from './identity.ts';

/** A real server with a real SQLite database in a temporary directory, in this process. */
export function inProcessServer(options: Omit<AppOptions, 'store'> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-server-'));
  const store = new SqliteEventStore(join(dir, 'test.sqlite'));
  const app = createApp({ store, ...options });
  const sessions = new Map<UserRole, Promise<string>>();
  /** The app's own fetch (no socket, no credential added). */
  const rawFetch = (input: string, init?: RequestInit) => Promise.resolve(app.request(input, init));
  return {
    app,
    store,
    dir,
    rawFetch,
    /**
     * The fetch of enrolled devices (no socket): a sync request without a device credential goes with
     * the credential of the device it speaks for, enrolled on first use (test/support/identity.ts).
     */
    fetch: autoEnrollingFetch(store, rawFetch),
    /** A request as a signed-in user with this role (one account per role, made on first use). */
    async requestAs(role: UserRole, path: string, init: RequestInit = {}): Promise<Response> {
      let token = sessions.get(role);
      if (!token) {
        token = createUserWithSession(store, role).then((created) => created.token);
        sessions.set(role, token);
      }
      const headers = new Headers(init.headers);
      for (const [name, value] of Object.entries(bearer(await token))) headers.set(name, value);
      return app.request(path, { ...init, headers });
    },
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
