import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_CREDENTIAL_HEADER, deviceListSchema, OLDEST_UNSENT_HEADER } from '../../src/domain/auth/api.ts';
import { LagerkollDb } from '../../src/store/db.ts';
import { getDeviceId } from '../../src/store/device.ts';
import { countPending, recordCount } from '../../src/store/events.ts';
import { readRevocation } from '../../src/store/identity.ts';
import type { FetchLike } from '../../src/sync/http.ts';
import { pullAll } from '../../src/sync/pull.ts';
import { pushPending } from '../../src/sync/push.ts';
import { SyncEngine } from '../../src/sync/sync-engine.ts';
import { simulateFullDisk } from '../support/full-disk.ts';
import { enrollDeviceDb } from '../support/identity.ts';
import { inProcessServer } from '../support/server.ts';

/**
 * The device side of issue 7 against the real server with authentication on: a device sends its
 * credential (and the age of its oldest unsent count) with every sync request, does not call the
 * server before it is enrolled, and stops — keeping every count — once the server says it is revoked.
 */
let n = 0;
let db: LagerkollDb;
let server: ReturnType<typeof inProcessServer>;
const engines: SyncEngine[] = [];
beforeEach(() => {
  db = new LagerkollDb(`sync-identity-${++n}`);
  server = inProcessServer();
});
afterEach(async () => {
  for (const engine of engines.splice(0)) engine.stop();
  db.close();
  await db.delete();
  await server.close();
});

/** The server's own fetch (no credential added by the test), recording each request's headers. */
function observed() {
  const requests: Array<{ path: string; headers: Headers }> = [];
  const fetch: FetchLike = (input, init) => {
    requests.push({ path: new URL(input, 'http://device.invalid').pathname, headers: new Headers(init?.headers) });
    return server.rawFetch(input, init);
  };
  return { fetch, requests };
}

function engine(fetch: FetchLike): SyncEngine {
  const created = new SyncEngine(db, { fetch, intervalMs: 3_600_000, random: () => 0.5 });
  engines.push(created);
  return created;
}

async function count(at: Date) {
  return recordCount(db, { raw: '0107046261000000', gtin: '07046261000000', quantity: 1 }, at);
}

describe('sync with device identity', () => {
  it('before enrollment, never calls the server and says why; the counts wait on the device', async () => {
    await count(new Date());
    const { fetch, requests } = observed();
    const sync = engine(fetch);
    await sync.syncNow();
    expect(requests).toEqual([]);
    expect(sync.getStatus()).toMatchObject({ phase: 'not-enrolled', pending: 1, lastError: null });
    expect(await countPending(db)).toBe(1);
  });

  it('sends the credential with every request, and the oldest unsent count while there is one', async () => {
    const credential = await enrollDeviceDb(server.store, db);
    const first = await count(new Date('2026-11-20T08:00:00Z'));
    await count(new Date('2026-11-20T09:00:00Z'));
    const { fetch, requests } = observed();
    await engine(fetch).syncNow();

    expect(requests.length).toBeGreaterThan(1);
    for (const request of requests) expect(request.headers.get(DEVICE_CREDENTIAL_HEADER)).toBe(credential);
    const [push, ...pulls] = requests;
    expect(push?.path).toBe('/api/v1/sync/push');
    expect(push?.headers.get(OLDEST_UNSENT_HEADER)).toBe(first.countedAt);
    // Pushed before the pulls: nothing is unsent any more, so they say nothing of it.
    for (const pull of pulls) expect(pull.headers.has(OLDEST_UNSENT_HEADER)).toBe(false);
    expect(await server.store.countEvents()).toBe(2);
  });

  it('tells the server of counts it has not sent: the device list shows when the oldest was made', async () => {
    await enrollDeviceDb(server.store, db);
    const oldest = await count(new Date('2026-11-20T08:00:00Z'));
    await count(new Date('2026-11-20T09:00:00Z'));
    // A pull alone (the push has not happened yet): the counts are still unsent, and the request says so.
    await pullAll(db, { fetch: server.rawFetch, datasets: ['sites'] });
    const list = deviceListSchema.parse(await (await server.requestAs('supervisor', '/api/v1/devices')).json());
    const device = list.devices.find((d) => d.deviceId === oldest.deviceId);
    expect(device?.oldestUnsentAt).toBe(oldest.countedAt);
    expect(device?.lastContactAt).not.toBeNull();
  });

  it('once revoked: stops asking, keeps every count, and remembers the server’s reason across restarts', async () => {
    await enrollDeviceDb(server.store, db);
    await count(new Date());
    await engine(server.rawFetch).syncNow();
    expect(await server.store.countEvents()).toBe(1);

    await count(new Date());
    await count(new Date());
    const deviceId = await getDeviceId(db);
    const revoked = await server.requestAs('supervisor', `/api/v1/devices/${deviceId}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Lost on the ward' }),
    });
    expect(revoked.status).toBe(200);

    // A direct push: refused for good (401, not retryable), with the server's error code.
    await expect(pushPending(db, { fetch: server.rawFetch })).rejects.toMatchObject({
      name: 'SyncError',
      status: 401,
      retryable: false,
      code: 'device_revoked',
    });

    const { fetch, requests } = observed();
    const sync = engine(fetch);
    await sync.syncNow();
    expect(requests).toHaveLength(1);
    expect(sync.getStatus()).toMatchObject({ phase: 'revoked', pending: 2 });
    expect(sync.getStatus().lastError).toContain('Lost on the ward');
    expect((await readRevocation(db))?.message).toContain('Lost on the ward');
    expect((await readRevocation(db))?.details).toMatchObject({
      reason: 'Lost on the ward',
      revokedBy: expect.any(String),
    });

    // Asked again, and after a restart: no request at all; nothing on the device changed.
    await sync.syncNow();
    const restarted = engine(fetch);
    await restarted.syncNow();
    expect(requests).toHaveLength(1);
    expect(restarted.getStatus().phase).toBe('revoked');
    expect(await db.events.count()).toBe(3);
    expect(await countPending(db)).toBe(2);
  });

  it('revoked while the disk is full: says so all the same, and asks again on the next start', async () => {
    await enrollDeviceDb(server.store, db);
    await count(new Date());
    const deviceId = await getDeviceId(db);
    await server.requestAs('supervisor', `/api/v1/devices/${deviceId}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Lost on the ward' }),
    });
    // Nothing can be written any more.
    const disk = await simulateFullDisk(db);

    const { fetch, requests } = observed();
    const sync = engine(fetch);
    await sync.syncNow();
    expect(sync.getStatus()).toMatchObject({ phase: 'revoked', pending: 1 });
    expect(sync.getStatus().lastError).toContain('Lost on the ward');
    expect(await readRevocation(db)).toBeNull();
    // Space again: the next start asks once more, hears the same, and keeps it this time.
    disk.full = false;
    await engine(fetch).syncNow();
    expect(requests).toHaveLength(2);
    expect((await readRevocation(db))?.details).toMatchObject({ reason: 'Lost on the ward' });
    expect(await countPending(db)).toBe(1);
  });

  it('a credential the server does not know is refused without retrying, and the counts stay', async () => {
    await enrollDeviceDb(server.store, db);
    await count(new Date());
    const other = inProcessServer(); // e.g. a server whose database was replaced
    try {
      const sync = engine(other.rawFetch);
      await sync.syncNow();
      expect(sync.getStatus()).toMatchObject({ phase: 'error', pending: 1 });
      expect(sync.getStatus().lastError).toMatch(/enroll the device again/);
      expect(await countPending(db)).toBe(1);
    } finally {
      await other.close();
    }
  });
});
