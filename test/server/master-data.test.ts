import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../src/domain/auth/api.ts';
import { siteListSchema } from '../../src/domain/overview/master-data-api.ts';
import type { Product } from '../../src/domain/reference-data.ts';
import { targetLevelKey } from '../../src/domain/reference-datasets.ts';
import { demoReferenceChanges } from '../../src/server/demo/demo-seed.ts';
import { bearer, createUserWithSession } from '../support/identity.ts';
import { testProduct } from '../support/products.ts';
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

  const putProduct = (token: string, gtin: string, body: unknown) =>
    server.app.request(`/api/v1/catalog/${gtin}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify(body),
    });
  const UNKNOWN = '09506000199993'; // a valid check digit, not in the demo catalog
  const product = (changes: Partial<Product> = {}): Product =>
    testProduct(UNKNOWN, {
      nameSv: 'Hemostatiskt förband',
      nameEn: 'Haemostatic dressing',
      form: 'förband',
      packSize: '1 st',
      category: 'consumable',
      ...changes,
    });
  const catalogRow = async (gtin: string) => {
    const page = await server.store.changesSince('catalog', null, 100_000);
    if (page.status !== 'ok') throw new Error('expired');
    return page.changes.find((c) => c.key === gtin)?.row;
  };

  it('PUT /catalog/:gtin adds a product counted as unknown, then changes it; devices pull it; each change is audited', async () => {
    const added = await putProduct(admin, UNKNOWN, product());
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual(product());
    expect(await catalogRow(UNKNOWN)).toEqual(product());
    expect((await putProduct(admin, UNKNOWN, product({ nameSv: 'Hemostatiskt förband 10 cm' }))).status).toBe(200);
    expect(await catalogRow(UNKNOWN)).toMatchObject({ nameSv: 'Hemostatiskt förband 10 cm' });
    // The same product again writes nothing and logs nothing.
    expect((await putProduct(admin, UNKNOWN, product({ nameSv: 'Hemostatiskt förband 10 cm' }))).status).toBe(200);

    const audit = auditPageSchema.parse(
      await (
        await server.app.request(
          `/api/v1/audit?action=master-data-changed&subject=${encodeURIComponent(`product ${UNKNOWN}`)}`,
          {
            headers: bearer(admin),
          },
        )
      ).json(),
    );
    expect(audit.entries.map((e) => e.details.change)).toEqual(['changed', 'added']);
  });

  it('PUT /catalog/:gtin refuses a wrong check digit, another GTIN than the address, an empty name, a case of itself, a role below administrator', async () => {
    const refused = (token: string, gtin: string, body: unknown, status: number, message?: string) =>
      expectRefused(putProduct(token, gtin, body), status, message);
    await refused(admin, '09506000199994', product({ gtin: '09506000199994' }), 400, 'check digit');
    await refused(admin, GTIN, product(), 400, 'differ');
    await refused(admin, UNKNOWN, product({ nameSv: '  ' }), 400, 'Swedish name');
    await refused(admin, UNKNOWN, product({ contains: { gtin: UNKNOWN, quantity: 10 } }), 400, 'itself');
    await refused(admin, UNKNOWN, { ...product(), unitsPerPack: 0 }, 400, 'Invalid product');
    await refused(admin, UNKNOWN, { gtin: UNKNOWN, nameSv: 'x' }, 400, 'Invalid product');
    await refused(supervisor, UNKNOWN, product(), 403);
    expect(await catalogRow(UNKNOWN)).toBeUndefined();
  });

  const putLocation = (token: string, code: string, body: unknown) =>
    server.app.request(`/api/v1/locations/${encodeURIComponent(code)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify(body),
    });
  const locationRow = async (code: string) => {
    const page = await server.store.changesSince('locations', null, 100_000);
    if (page.status !== 'ok') throw new Error('expired');
    return page.changes.find((c) => c.key === code)?.row;
  };

  it('PUT /locations/:code adds a location to a site, then renames it; devices pull it; each change is audited', async () => {
    const shelf = { code: 'SSL-MITT-R9-H1', siteCode: 'SSL-MITT', name: 'Rum 9, hylla 1' };
    const added = await putLocation(admin, shelf.code, shelf);
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual(shelf);
    expect(await locationRow(shelf.code)).toEqual(shelf);
    // The name is stored trimmed; the same location again writes nothing.
    expect((await putLocation(admin, shelf.code, { ...shelf, name: ' Rum 9, hylla 1 (kyl) ' })).status).toBe(200);
    expect(await locationRow(shelf.code)).toEqual({ ...shelf, name: 'Rum 9, hylla 1 (kyl)' });
    expect((await putLocation(admin, shelf.code, { ...shelf, name: 'Rum 9, hylla 1 (kyl)' })).status).toBe(200);
    const { sites } = siteListSchema.parse(
      await (await server.app.request('/api/v1/sites', { headers: bearer(admin) })).json(),
    );
    expect(sites.find((site) => site.code === 'SSL-MITT')?.locations).toContainEqual({
      ...shelf,
      name: 'Rum 9, hylla 1 (kyl)',
    });

    const audit = auditPageSchema.parse(
      await (
        await server.app.request(
          `/api/v1/audit?action=master-data-changed&subject=${encodeURIComponent(`location ${shelf.code}`)}`,
          { headers: bearer(admin) },
        )
      ).json(),
    );
    expect(audit.entries.map((e) => e.details.change)).toEqual(['changed', 'added']);
  });

  it("PUT /locations/:code refuses a bad code, an unknown site, an empty name, another site's location, a role below administrator", async () => {
    const refused = (token: string, code: string, body: unknown, status: number, message?: string) =>
      expectRefused(putLocation(token, code, body), status, message);
    const shelf = { code: 'SSL-MITT-R9-H1', siteCode: 'SSL-MITT', name: 'Rum 9, hylla 1' };
    await refused(admin, 'R9 H1', { ...shelf, code: 'R9 H1' }, 400, 'not a usable code');
    await refused(admin, shelf.code, { ...shelf, siteCode: 'NOPE' }, 400, 'no site');
    await refused(admin, shelf.code, { ...shelf, name: '  ' }, 400, 'name is empty');
    await refused(admin, 'SSL-MITT-R9-H2', shelf, 400, 'differ');
    await refused(admin, 'SSL-SYD-R1-H1', { ...shelf, code: 'SSL-SYD-R1-H1' }, 400, 'belongs to site SSL-SYD');
    await refused(admin, shelf.code, { code: shelf.code }, 400, 'Invalid location');
    await refused(supervisor, shelf.code, shelf, 403);
    expect(await locationRow(shelf.code)).toBeUndefined();
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

/** The answer's status, and its message containing `message` when one is given. */
async function expectRefused(answer: Response | Promise<Response>, status: number, message?: string): Promise<void> {
  const response = await answer;
  expect(response.status).toBe(status);
  if (message) expect(await response.json()).toMatchObject({ message: expect.stringContaining(message) });
}
