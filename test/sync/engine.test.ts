import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LagerkollDb } from '../../src/store/db.ts';
import { countPending, recordCount } from '../../src/store/events.ts';
import type { FetchLike } from '../../src/sync/http.ts';
import { InPageLocks } from '../../src/sync/locks.ts';
import { SyncEngine, type SyncEngineOptions } from '../../src/sync/sync-engine.ts';
import { expectServerHoldsExactly } from '../support/exactly-once.ts';
import { concurrencyProbe, recordingFetch, unreachable, withServerClock } from '../support/fetch-wrappers.ts';
import { simulateFullDisk } from '../support/full-disk.ts';
import { enrollDeviceDb } from '../support/identity.ts';
import { inProcessServer } from '../support/server.ts';

const DAY = 24 * 60 * 60 * 1000;
let n = 0;
let dbName: string;
let db: LagerkollDb;
let server: ReturnType<typeof inProcessServer>;
const engines: SyncEngine[] = [];
const extraDbs: LagerkollDb[] = [];

beforeEach(async () => {
  dbName = `engine-test-${++n}`;
  db = new LagerkollDb(dbName);
  server = inProcessServer();
  await enrollDeviceDb(server.store, db);
});
afterEach(async () => {
  for (const engine of engines.splice(0)) engine.stop();
  for (const other of extraDbs.splice(0)) other.close();
  db.close();
  await db.delete();
  await server.close();
});

function engine(options: SyncEngineOptions, on: LagerkollDb = db): SyncEngine {
  const created = new SyncEngine(on, { intervalMs: 3_600_000, random: () => 0.5, ...options });
  engines.push(created);
  return created;
}

async function saveCounts(count: number, at: Date = new Date()) {
  for (let i = 0; i < count; i++)
    await recordCount(db, { raw: `0107046261000000-${i}`, gtin: '07046261000000', quantity: 1 }, at);
}

describe('SyncEngine', () => {
  it('pushes before it pulls', async () => {
    await server.requestAs('administrator', '/api/v1/demo', { method: 'POST' });
    await saveCounts(2);
    const recorder = recordingFetch(server.fetch);
    await engine({ fetch: recorder.fetch }).syncNow();
    expect(recorder.calls[0]).toBe('POST /api/v1/sync/push');
    expect(recorder.calls.slice(1).every((c) => c.startsWith('GET /api/v1/sync/pull'))).toBe(true);
    expect(recorder.calls).toContain('GET /api/v1/sync/pull catalog');
    expect(await db.products.count()).toBe(36);
    expect(engine({ fetch: server.fetch }).getStatus().pending).toBe(0);
  });

  it('after a save, pushes only (the pull waits for the next full sync)', async () => {
    const recorder = recordingFetch(server.fetch);
    const sync = engine({ fetch: recorder.fetch, afterSaveDelayMs: 0 });
    await saveCounts(1);
    await sync.noteSaved();
    await vi.waitFor(async () => expect(await countPending(db)).toBe(0));
    expect(recorder.calls).toEqual(['POST /api/v1/sync/push']);
  });

  it('lets one tab sync at a time: two tabs on one database never send at once, and nothing doubles', async () => {
    await saveCounts(30);
    const probe = concurrencyProbe(server.fetch);
    const locks = new InPageLocks(); // stands in for navigator.locks, shared by the tabs of an origin
    const secondTab = new LagerkollDb(dbName);
    extraDbs.push(secondTab);
    const tabs = [
      engine({ fetch: probe.fetch, locks, batchSize: 5 }),
      engine({ fetch: probe.fetch, locks, batchSize: 5 }, secondTab),
    ];
    await Promise.all([...tabs.map((t) => t.syncNow()), ...tabs.map((t) => t.syncNow())]);
    expect(probe.max).toBe(1);
    expect(await server.store.countEvents()).toBe(30);
    expect(await countPending(db)).toBe(0);
  });

  it('reports the age of the oldest unsent count: a warning after a day, a stronger one after three', async () => {
    let now = new Date('2026-11-22T08:00:00Z');
    await saveCounts(3, new Date(now.getTime() - 2 * DAY));
    const sync = engine({ fetch: unreachable, now: () => now });
    await sync.syncNow();
    expect(sync.getStatus()).toMatchObject({
      phase: 'offline',
      pending: 3,
      oldestPendingAt: new Date(now.getTime() - 2 * DAY).toISOString(),
      pendingAge: 'day',
    });
    now = new Date(now.getTime() + 2 * DAY);
    await sync.syncNow();
    expect(sync.getStatus().pendingAge).toBe('three-days');
  });

  it('retries with backoff by itself and says so while counts wait for the network', async () => {
    await saveCounts(2);
    let down = true;
    const flaky: FetchLike = (input, init) => (down ? unreachable(input, init) : server.fetch(input, init));
    const waiting = vi.fn();
    const sync = engine({ fetch: flaky, random: () => 0, onWaitingForNetwork: waiting });
    await sync.syncNow();
    expect(sync.getStatus().phase).toBe('offline');
    expect(waiting).toHaveBeenCalled();
    down = false;
    await vi.waitFor(() => expect(sync.getStatus()).toMatchObject({ phase: 'idle', pending: 0, pendingAge: 'none' }));
    expect(await server.store.countEvents()).toBe(2);
  });

  it('says the storage is full, not offline, when it cannot write what the sync brought; retries once there is space', async () => {
    await saveCounts(2);
    // A full disk: marking the pushed counts as sent cannot be stored.
    const disk = await simulateFullDisk(db, ['events']);
    const waiting = vi.fn();
    const sync = engine({ fetch: server.fetch, random: () => 0, onWaitingForNetwork: waiting });
    await sync.syncNow();
    expect(sync.getStatus()).toMatchObject({ phase: 'storage-full', pending: 2 });
    // Not a network problem: Background Sync is not asked to wait for one.
    expect(waiting).not.toHaveBeenCalled();
    disk.full = false;
    await vi.waitFor(() => expect(sync.getStatus()).toMatchObject({ phase: 'idle', pending: 0 }));
    // The server took the first push already; the second is taken by the events' ids, not doubled.
    await expectServerHoldsExactly(server.store, [db]);
  });

  it('estimates the clock offset from the Date header, flags a clock that is minutes off, and keeps it', async () => {
    const sync = engine({ fetch: withServerClock(server.fetch, 10 * 60_000) });
    await sync.syncNow();
    const { clockOffsetMs, clockSkewed } = sync.getStatus();
    expect(clockSkewed).toBe(true);
    expect(Math.abs((clockOffsetMs ?? 0) - 10 * 60_000)).toBeLessThan(2_000);
    const restarted = engine({ fetch: unreachable });
    await restarted.start();
    expect(restarted.getStatus().clockOffsetMs).toBe(clockOffsetMs);
  });

  it('stops at 426, keeps every count, and says the app must be updated', async () => {
    await server.close();
    server = inProcessServer({ minAppVersion: '2.0.0' });
    await enrollDeviceDb(server.store, db);
    await saveCounts(2);
    const sync = engine({ fetch: server.fetch, appVersion: '1.9.0' });
    await sync.syncNow();
    expect(sync.getStatus()).toMatchObject({ phase: 'update-required', pending: 2 });
    expect(sync.getStatus().lastError).toMatch(/update/i);
    const updated = engine({ fetch: server.fetch, appVersion: '2.0.0' });
    await updated.syncNow();
    expect(updated.getStatus()).toMatchObject({ phase: 'idle', pending: 0 });
    expect(await server.store.countEvents()).toBe(2);
  });
});
