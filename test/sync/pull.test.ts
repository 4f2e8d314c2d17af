import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReferenceChange } from '../../src/server/storage/event-store.ts';
import { LagerkollDb } from '../../src/store/db.ts';
import { readCursor } from '../../src/store/reference-data.ts';
import { pullAll, pullDataset } from '../../src/sync/pull.ts';
import { inProcessServer } from '../support/server.ts';

let n = 0;
let db: LagerkollDb;
let server: ReturnType<typeof inProcessServer>;
beforeEach(() => {
  db = new LagerkollDb(`pull-test-${++n}`);
  server = inProcessServer();
});
afterEach(async () => {
  db.close();
  await db.delete();
  await server.close();
});

const site = (code: string, name = `DEMO ${code}`) => ({ code, name, kind: 'regional-store', region: 'Gotland' });
const putSites = (...codes: string[]) =>
  server.store.writeReference(codes.map((code): ReferenceChange => ({ dataset: 'sites', key: code, row: site(code) })));

describe('pull', () => {
  it('loads every dataset the device keeps, page by page, and stores the cursor with the data', async () => {
    expect((await server.requestAs('administrator', '/api/v1/demo', { method: 'POST' })).status).toBe(200);
    const summary = await pullAll(db, { fetch: server.fetch, limit: 10 });
    expect(summary.applied).toMatchObject({ catalog: 36, sites: 7, locations: 28, 'stock-takes': 7 });
    expect(await db.products.count()).toBe(36);
    expect(await db.locations.where('siteCode').equals('SSL-MITT').count()).toBeGreaterThan(0);
    expect(await db.stockTakes.where('status').equals('open').count()).toBe(7);
    expect(await db.expectations.count()).toBe(summary.applied.expectations);
    expect(await readCursor(db, 'catalog')).not.toBeNull();
    // Nothing new: nothing applied.
    expect((await pullAll(db, { fetch: server.fetch })).applied).toMatchObject({ catalog: 0, sites: 0 });
  });

  it('applies changes and tombstones after the cursor', async () => {
    await putSites('S1', 'S2', 'S3');
    await pullDataset(db, 'sites', { fetch: server.fetch });
    await server.store.writeReference([
      { dataset: 'sites', key: 'S2', deleted: true },
      { dataset: 'sites', key: 'S3', row: site('S3', 'DEMO renamed') },
    ]);
    expect(await pullDataset(db, 'sites', { fetch: server.fetch })).toEqual({ applied: 2, reloaded: false });
    expect(await db.sites.toArray()).toEqual([site('S1'), site('S3', 'DEMO renamed')]);
  });

  it('keeps the pages already applied when the connection drops mid-pull, and resumes after them', async () => {
    await putSites('S1', 'S2', 'S3', 'S4', 'S5');
    let requests = 0;
    const dropsAfterTwo = async (input: string, init?: RequestInit) => {
      if (++requests > 2) throw new TypeError('network lost');
      return server.fetch(input, init);
    };
    await expect(pullDataset(db, 'sites', { fetch: dropsAfterTwo, limit: 2 })).rejects.toMatchObject({
      retryable: true,
    });
    expect((await db.sites.toArray()).map((s) => s.code)).toEqual(['S1', 'S2', 'S3', 'S4']);
    const seen: string[] = [];
    const recording = (input: string, init?: RequestInit) => {
      seen.push(input);
      return server.fetch(input, init);
    };
    expect(await pullDataset(db, 'sites', { fetch: recording, limit: 2 })).toEqual({ applied: 1, reloaded: false });
    expect(seen).toHaveLength(1);
    expect(await db.sites.count()).toBe(5);
  });

  it('on 410 reloads the dataset from the start and swaps it in: rows deleted meanwhile disappear', async () => {
    await putSites('S1', 'S2');
    await pullDataset(db, 'sites', { fetch: server.fetch });
    await server.store.writeReference([
      { dataset: 'sites', key: 'S1', deleted: true },
      { dataset: 'sites', key: 'S9', row: site('S9') },
    ]);
    // The tombstone of S1 is purged before the device comes back: its cursor cannot be served.
    await server.store.purgeTombstones(new Date(Date.now() + 60_000).toISOString());
    expect(await pullDataset(db, 'sites', { fetch: server.fetch })).toEqual({ applied: 2, reloaded: true });
    expect((await db.sites.toArray()).map((s) => s.code).sort()).toEqual(['S2', 'S9']);
    expect((await pullDataset(db, 'sites', { fetch: server.fetch })).reloaded).toBe(false);
  });

  it('a device that met another server (a cursor of another database) reloads instead of skipping changes', async () => {
    await putSites('S1');
    await pullDataset(db, 'sites', { fetch: server.fetch });
    const other = inProcessServer();
    try {
      await other.store.writeReference([{ dataset: 'sites', key: 'X1', row: site('X1') }]);
      expect(await pullDataset(db, 'sites', { fetch: other.fetch })).toEqual({ applied: 1, reloaded: true });
      expect((await db.sites.toArray()).map((s) => s.code)).toEqual(['X1']);
    } finally {
      await other.close();
    }
  });
});
