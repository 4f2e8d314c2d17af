import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../src/domain/auth/api.ts';
import { siteListSchema } from '../../src/domain/overview/master-data-api.ts';
import { targetLevelKey } from '../../src/domain/reference-datasets.ts';
import { demoReferenceChanges } from '../../src/server/demo/demo-seed.ts';
import { bearer, createUserWithSession } from '../support/identity.ts';
import { inProcessServer } from '../support/server.ts';

const GTIN = '07046261000000';

describe('master data for the coordinators’ screens', () => {
  let server: ReturnType<typeof inProcessServer>;
  let admin: string;
  let supervisor: string;
  beforeEach(async () => {
    server = inProcessServer();
    await server.store.writeReference(demoReferenceChanges());
    admin = (await createUserWithSession(server.store, 'administrator')).token;
    supervisor = (await createUserWithSession(server.store, 'supervisor')).token;
  });
  afterEach(() => server.close());

  const put = (token: string, body: unknown) =>
    server.app.request('/api/v1/target-levels', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify(body),
    });
  const targetOf = async (siteCode: string, gtin: string) => {
    const page = await server.store.changesSince('target-levels', null, 100_000);
    if (page.status !== 'ok') throw new Error('expired');
    return page.changes.find((c) => c.key === targetLevelKey(siteCode, gtin))?.row;
  };

  it('GET /sites answers every site with its own locations, sorted by code', async () => {
    const response = await server.app.request('/api/v1/sites', { headers: bearer(supervisor) });
    expect(response.status).toBe(200);
    const { sites } = siteListSchema.parse(await response.json());
    expect(sites.length).toBeGreaterThan(1);
    expect(sites.map((s) => s.code)).toEqual([...sites.map((s) => s.code)].sort((a, b) => a.localeCompare(b)));
    for (const site of sites) {
      expect(site.locations.length).toBeGreaterThan(0);
      for (const location of site.locations) expect(location.siteCode).toBe(site.code);
    }
  });

  it('PUT /target-levels sets, changes and removes a target, and audits each change', async () => {
    const { sites } = siteListSchema.parse(
      await (await server.app.request('/api/v1/sites', { headers: bearer(admin) })).json(),
    );
    const siteCode = sites[0]?.code as string;
    expect((await put(admin, { siteCode, gtin: GTIN, targetPacks: 1200 })).status).toBe(200);
    expect(await targetOf(siteCode, GTIN)).toEqual({ siteCode, gtin: GTIN, targetPacks: 1200 });
    expect((await put(admin, { siteCode, gtin: GTIN, targetPacks: null })).status).toBe(200);
    expect(await targetOf(siteCode, GTIN)).toBeNull();

    const audit = auditPageSchema.parse(
      await (await server.app.request('/api/v1/audit?action=master-data-changed', { headers: bearer(admin) })).json(),
    );
    expect(audit.entries.map((e) => e.details.targetPacks)).toEqual([null, 1200]);
  });

  it('refuses an unknown site, an unknown product, a bad number, and a role below administrator', async () => {
    const unknownSite = await put(admin, { siteCode: 'NOPE', gtin: GTIN, targetPacks: 1 });
    expect(unknownSite.status).toBe(400);
    expect(await unknownSite.json()).toMatchObject({ message: expect.stringContaining('NOPE') });
    const unknownProduct = await put(admin, { siteCode: 'SA-VISBY', gtin: '09506000134352', targetPacks: 1 });
    expect(unknownProduct.status).toBe(400);
    expect(await unknownProduct.json()).toMatchObject({ message: expect.stringContaining('not in the catalog') });
    expect((await put(admin, { siteCode: 'SA-VISBY', gtin: GTIN, targetPacks: -1 })).status).toBe(400);
    expect((await put(admin, { siteCode: 'SA-VISBY', gtin: GTIN, targetPacks: 1.5 })).status).toBe(400);
    expect((await put(supervisor, { siteCode: 'SA-VISBY', gtin: GTIN, targetPacks: 1 })).status).toBe(403);
  });
});
