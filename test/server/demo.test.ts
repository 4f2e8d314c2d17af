import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATASETS, datasetRowSchemas } from '../../src/domain/reference-datasets.ts';
import { demoLoadedSchema, pullPageSchemas } from '../../src/domain/sync-protocol.ts';
import { demoReferenceChanges, GUIDED_DEMO_SITE } from '../../src/server/demo/demo-seed.ts';
import { versionHeaders } from '../support/events.ts';
import { bearer, createUserWithSession } from '../support/identity.ts';
import { inProcessServer } from '../support/server.ts';

describe('demo data', () => {
  let server: ReturnType<typeof inProcessServer>;
  /** Loading the demo needs an administrator (master-data:manage). */
  let load: () => Promise<Response>;
  beforeEach(async () => {
    server = inProcessServer();
    const { token } = await createUserWithSession(server.store, 'administrator');
    load = async () => server.app.request('/api/v1/demo', { method: 'POST', headers: bearer(token) });
  });
  afterEach(() => server.close());

  it('the committed generated file matches ../shared/demo (node scripts/generate-demo-data.mjs)', () => {
    execFileSync(process.execPath, ['scripts/generate-demo-data.mjs', '--check'], { stdio: 'pipe' });
  });

  it('every row is valid, and every name says it is demo data', () => {
    const changes = demoReferenceChanges(new Date('2026-11-22T10:00:00Z'));
    for (const change of changes) {
      expect('row' in change).toBe(true);
      if (!('row' in change)) continue;
      expect(datasetRowSchemas[change.dataset].safeParse(change.row).success).toBe(true);
      const row = change.row as Record<string, unknown>;
      for (const field of ['name', 'nameSv', 'nameEn'] as const) {
        if (typeof row[field] === 'string') expect(row[field]).toMatch(/demo/i);
      }
    }
  });

  it('POST /api/v1/demo loads an open stock-take per site, guided with expectations for one, once', async () => {
    const response = await load();
    expect(response.status).toBe(200);
    const { loaded } = demoLoadedSchema.parse(await response.json());
    expect(loaded).toMatchObject({ catalog: 36, sites: 7, locations: 28, 'stock-takes': 7 });
    expect(Object.keys(loaded).sort()).toEqual([...DATASETS].sort());

    const pulled = await server.fetch('/api/v1/sync/pull?dataset=stock-takes', { headers: versionHeaders });
    const stockTakes = pullPageSchemas['stock-takes'].parse(await pulled.json()).changes;
    const rows = stockTakes.flatMap((c) => (c.op === 'upsert' ? [c.row] : []));
    expect(rows.every((s) => s.status === 'open')).toBe(true);
    expect(rows.filter((s) => s.mode === 'guided').map((s) => s.siteCode)).toEqual([GUIDED_DEMO_SITE]);
    const expectations = demoReferenceChanges().filter((c) => c.dataset === 'expectations');
    expect(expectations.length).toBeGreaterThan(0);
    expect(
      expectations.every(
        (c) => 'row' in c && (c.row as { stockTakeId: string }).stockTakeId === `demo-${GUIDED_DEMO_SITE}`,
      ),
    ).toBe(true);

    const again = await load();
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'already_has_data' });
  });

  it('refuses to load into a server that already has reference data (the users of its accounts aside)', async () => {
    await server.store.writeReference([
      { dataset: 'sites', key: 'S1', row: { code: 'S1', name: 'Real', kind: 'regional-store', region: 'Gotland' } },
    ]);
    expect((await load()).status).toBe(409);
  });

  it('gives the demo users accounts without a password, and keeps an account that has their username', async () => {
    await createUserWithSession(server.store, 'counter', { username: 'demo-counter', name: 'Real person' });
    expect((await load()).status).toBe(200);
    const accounts = await server.store.auth.listAccounts();
    const demo = accounts.filter((a) => a.username.startsWith('demo-'));
    expect(demo.map((a) => [a.username, a.passwordHash === null])).toEqual(
      expect.arrayContaining([
        ['demo-counter', false],
        ['demo-supervisor', true],
        ['demo-admin', true],
      ]),
    );
    expect(accounts.find((a) => a.username === 'demo-counter')?.name).toBe('Real person');
    const [audit] = await server.store.auth.auditPage({ action: 'demo-loaded', limit: 5 });
    expect(audit?.details).toMatchObject({ loaded: { sites: 7 } });
  });
});
