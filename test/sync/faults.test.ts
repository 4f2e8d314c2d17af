import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PostgresEventStore } from '../../src/server/storage/postgres-event-store.ts';
import { SqliteEventStore } from '../../src/server/storage/sqlite-event-store.ts';
import { LagerkollDb } from '../../src/store/db.ts';
import { countPending, recordCount } from '../../src/store/events.ts';
import type { FetchLike } from '../../src/sync/http.ts';
import { pushPending, SyncError } from '../../src/sync/push.ts';
import { SyncEngine } from '../../src/sync/sync-engine.ts';
import { expectServerHoldsExactly, pushUntilDone } from '../support/exactly-once.ts';
import { unreachable } from '../support/fetch-wrappers.ts';
import { enrollDeviceDb, enrollDeviceDbOverHttp } from '../support/identity.ts';
import { freshPostgresDatabase } from '../support/postgres.ts';
import { inProcessServer } from '../support/server.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';

const DAY = 24 * 60 * 60 * 1000;
let n = 0;
let db: LagerkollDb;
beforeEach(() => {
  db = new LagerkollDb(`faults-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function saveCounts(count: number, at: (i: number) => Date = () => new Date()) {
  for (let i = 0; i < count; i++) {
    await recordCount(db, { raw: `0107046261000000-${i}`, gtin: '07046261000000', quantity: 1 + (i % 9) }, at(i));
  }
}

describe.each(['SQLite', 'PostgreSQL'] as const)('the server SIGKILLed during pushes and restarted (%s)', (backend) => {
  it('loses nothing and doubles nothing', { timeout: 120_000 }, async () => {
    const database = backend === 'PostgreSQL' ? await freshPostgresDatabase() : null;
    const server = new ServerProcess(await freePort(), {
      distDir: null,
      env: database ? { DATABASE_URL: database.url } : {},
    });
    try {
      await server.start();
      await enrollDeviceDbOverHttp(server, db);
      await saveCounts(1_200);
      const options = { baseUrl: server.url, batchSize: 100, timeoutMs: 10_000 };
      // Kill the server while a push is in flight, at a different moment each time: before it
      // reads the body, while it stores, or after it committed but before the answer arrives.
      for (const killAfterMs of [0, 3, 8, 15]) {
        let requests = 0;
        const killing: FetchLike = (input, init) => {
          const pending = fetch(input, init);
          if (++requests === 2) setTimeout(() => void server.kill(), killAfterMs);
          return pending;
        };
        await expect(pushPending(db, { ...options, fetch: killing })).rejects.toBeInstanceOf(SyncError);
        await server.kill();
        await server.start();
      }
      await pushUntilDone(db, options);
      await server.kill();
      const store = database
        ? await PostgresEventStore.open(database.url)
        : new SqliteEventStore(join(server.dataDir, 'lagerkoll.sqlite'));
      try {
        await expectServerHoldsExactly(store, [db]);
      } finally {
        await store.close();
      }
    } finally {
      await server.dispose();
      await database?.drop();
    }
  });
});

describe('faults on the way (in-process server)', () => {
  let server: ReturnType<typeof inProcessServer>;
  beforeEach(async () => {
    server = inProcessServer();
    await enrollDeviceDb(server.store, db);
  });
  afterEach(() => server.close());

  it('the answer lost after the commit, batch after batch: the retries are duplicates', async () => {
    await saveCounts(300);
    let i = 0;
    const losesEveryOtherAnswer: FetchLike = async (input, init) => {
      const response = await server.fetch(input, init);
      if (i++ % 2 === 0) throw new TypeError('connection reset after the server answered');
      return response;
    };
    await pushUntilDone(db, { fetch: losesEveryOtherAnswer, batchSize: 50 });
    await expectServerHoldsExactly(server.store, [db]);
  });

  it('batches duplicated and arriving out of order (a proxy replaying requests late)', async () => {
    await saveCounts(200);
    const seen: Array<[string, RequestInit | undefined]> = [];
    const replaying: FetchLike = async (input, init) => {
      seen.push([input, init]);
      // Every earlier request arrives once more, newest first, before this one.
      for (const [oldInput, oldInit] of [...seen].reverse()) await server.fetch(oldInput, oldInit);
      const [first, second] = await Promise.all([server.fetch(input, init), server.fetch(input, init)]);
      return seen.length % 2 ? first : second;
    };
    await pushUntilDone(db, { fetch: replaying, batchSize: 40 });
    await expectServerHoldsExactly(server.store, [db]);
  });

  it('500 before or after the commit, 429 with Retry-After, and time-outs', async () => {
    await saveCounts(250);
    const faults = ['500-before', '500-after', '429', 'timeout-before', 'timeout-after', 'ok'] as const;
    let i = 0;
    const retryAfters: number[] = [];
    const faulty: FetchLike = async (input, init) => {
      const fault = faults[i++ % faults.length];
      const hang = () =>
        new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true }),
        );
      switch (fault) {
        case '500-before':
          return new Response('{"error":"internal_error","message":"boom"}', { status: 500 });
        case '500-after':
          await server.fetch(input, init);
          return new Response('{"error":"internal_error","message":"boom"}', { status: 500 });
        case '429':
          return new Response('{"error":"internal_error","message":"slow down"}', {
            status: 429,
            headers: { 'retry-after': '2' },
          });
        case 'timeout-before':
          return hang();
        case 'timeout-after':
          await server.fetch(input, init);
          return hang();
        default:
          return server.fetch(input, init);
      }
    };
    for (let attempt = 0; (await countPending(db)) > 0; attempt++) {
      expect(attempt).toBeLessThan(100);
      try {
        await pushPending(db, { fetch: faulty, batchSize: 30, timeoutMs: 20 });
      } catch (error) {
        expect(error).toBeInstanceOf(SyncError);
        expect((error as SyncError).retryable).toBe(true);
        if ((error as SyncError).status === 429) retryAfters.push((error as SyncError).retryAfterMs ?? -1);
      }
    }
    expect(retryAfters.length).toBeGreaterThan(0);
    expect(retryAfters.every((ms) => ms === 2_000)).toBe(true);
    await expectServerHoldsExactly(server.store, [db]);
  });

  it('a device offline for 7 days with 5,000 counts: warned, then everything arrives exactly once', {
    timeout: 120_000,
  }, async () => {
    const start = Date.parse('2026-11-15T07:00:00Z');
    let now = new Date(start);
    // 5,000 counts over a week of simulated time, the clock moving on with each.
    await saveCounts(5_000, (i) => {
      now = new Date(start + Math.floor((i * 7 * DAY) / 5_000));
      return now;
    });
    now = new Date(start + 7 * DAY);
    let online = false;
    const network: FetchLike = (input, init) => (online ? server.fetch(input, init) : unreachable(input, init));
    const sync = new SyncEngine(db, { fetch: network, now: () => now, intervalMs: 3_600_000, random: () => 0.5 });
    try {
      await sync.syncNow();
      expect(sync.getStatus()).toMatchObject({ phase: 'offline', pending: 5_000, pendingAge: 'three-days' });
      expect(sync.getStatus().oldestPendingAt).toBe(new Date(start).toISOString());
      online = true;
      await sync.syncNow();
      expect(sync.getStatus()).toMatchObject({ phase: 'idle', pending: 0, pendingAge: 'none', oldestPendingAt: null });
    } finally {
      sync.stop();
    }
    await expectServerHoldsExactly(server.store, [db]);
    // Counted long ago is not a skewed clock: nothing is flagged.
    const deviceId = (await db.events.toCollection().first())?.deviceId ?? '';
    expect((await server.store.eventsOfDevice(deviceId)).filter((r) => r.clockSkewMs !== null)).toEqual([]);
  });
});
