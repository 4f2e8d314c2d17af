import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../src/domain/gs1/index.ts';
import type { Dataset } from '../../src/domain/reference-datasets.ts';
import type { EventStore } from '../../src/server/storage/event-store.ts';
import { bearer, createUserWithSession } from '../support/identity.ts';
import { inProcessServer } from '../support/server.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A valid GTIN-13 made from a 12-digit body. */
const gtin13 = (body: string) => `${body}${gs1CheckDigit(body)}`;
const A = gtin13('704626100001');
const B = gtin13('704626100002');

const csv = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;
/** The session of an administrator (imports need master-data:manage), signed in by each suite's beforeEach. */
let administrator = '';
const post = (body: BodyInit, type = 'text/csv; charset=utf-8') => ({
  method: 'POST',
  headers: { 'content-type': type, ...bearer(administrator) },
  body,
});

async function keysOf(store: EventStore, dataset: Dataset): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await store.changesSince(dataset, cursor, 1000);
    if (page.status !== 'ok') throw new Error('expired');
    keys.push(...page.changes.filter((c) => c.row !== null).map((c) => c.key));
    cursor = page.cursor;
    if (!page.hasMore) return keys;
  }
}

describe('POST /api/v1/admin/catalog/import', () => {
  let server: ReturnType<typeof inProcessServer>;
  beforeEach(async () => {
    server = inProcessServer();
    administrator = (await createUserWithSession(server.store, 'administrator')).token;
  });
  afterEach(() => server.close());
  const importCatalog = (body: BodyInit, dryRun: boolean, type?: string) =>
    server.app.request(`/api/v1/admin/catalog/import?dryRun=${dryRun}`, post(body, type));

  const good = csv([
    'gtin;nameSv;nameEn;category;atc;unitsPerPack',
    `${A};Tranexamsyra 100 mg/ml;Tranexamic acid;medicine;b02aa02;10`,
    `${B};Förband;Dressing;consumable;;1`,
  ]);

  it('a dry run previews the counts and writes nothing; the real import writes through the reference data', async () => {
    const preview = await importCatalog(good, true);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      dryRun: true,
      written: false,
      format: 'csv',
      rows: 2,
      new: 2,
      errorCount: 0,
    });
    expect(await keysOf(server.store, 'catalog')).toEqual([]);

    const done = await importCatalog(good, false);
    expect(await done.json()).toMatchObject({ written: true, new: 2, changed: 0 });
    expect((await keysOf(server.store, 'catalog')).sort()).toEqual([`0${A}`, `0${B}`]);

    const again = await importCatalog(good.replace('Förband', 'Förband, stort'), true);
    expect(await again.json()).toMatchObject({ new: 0, changed: 1, unchanged: 1 });
  });

  it('reports every bad row with its row and column, and writes nothing when any row is bad', async () => {
    const bad = csv([
      'gtin;nameSv;category',
      `${A};Tranexamsyra;medicine`,
      `${A.slice(0, -1)}${(Number(A.at(-1)) + 1) % 10};Fel kontrollsiffra;medicine`,
      `${A};Dubblett;medicine`,
      `${B};Okänd kategori;drug`,
      '12345;För kort;medicine',
    ]);
    const response = await importCatalog(bad, false);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: string; written: boolean; errors: unknown[] };
    expect(body.error).toBe('invalid_request');
    expect(body.written).toBe(false);
    expect(body.errors).toEqual([
      { row: 3, column: 'gtin', message: expect.stringContaining('wrong check digit') },
      { row: 4, column: 'gtin', message: expect.stringContaining('also on row 2') },
      { row: 5, column: 'category', message: expect.stringContaining('not a category') },
      { row: 6, column: 'gtin', message: expect.stringContaining('not a GTIN') },
    ]);
    expect(await keysOf(server.store, 'catalog')).toEqual([]);
  });

  it('a Latin-1 file is reported as a wrong encoding at the row and column of the bad text', async () => {
    const latin1 = Buffer.from(['gtin;nameSv;category', `${A};Förband;consumable`].join('\r\n'), 'latin1');
    const body = (await (await importCatalog(latin1, true)).json()) as { errors: unknown[] };
    expect(body.errors).toEqual([{ row: 2, column: 'nameSv', message: expect.stringContaining('not valid UTF-8') }]);
    const mojibake = csv(['gtin;nameSv;category', `${A};FÃ¶rband;consumable`]);
    const body2 = (await (await importCatalog(mojibake, true)).json()) as { errors: unknown[] };
    expect(body2.errors).toEqual([{ row: 2, column: 'nameSv', message: expect.stringContaining('read as Latin-1') }]);
  });

  it('a missing required column is one error for the file', async () => {
    const body = (await (await importCatalog(csv(['gtin;nameSv', `${A};X`]), true)).json()) as { errors: unknown[] };
    expect(body.errors).toEqual([{ row: 1, column: 'category', message: expect.stringContaining('missing') }]);
  });

  it('reads XLSX (first worksheet) and refuses other content types', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Katalog');
    sheet.addRow(['GTIN', 'nameSv', 'Category']);
    sheet.addRow([A, 'Tranexamsyra', 'medicine']);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const response = await importCatalog(bytes, false, XLSX);
    expect(await response.json()).toMatchObject({ format: 'xlsx', rows: 1, new: 1, written: true });
    expect((await importCatalog('{}', true, 'application/json')).status).toBe(415);
    expect((await importCatalog(new Uint8Array([1, 2, 3]), true, XLSX)).status).toBe(400);
  });

  it('imports a 50,000-row file in one transaction', async () => {
    const lines = ['gtin;nameSv;category;atc'];
    for (let i = 0; i < 50_000; i++)
      lines.push(`${gtin13(`7350000${String(i).padStart(5, '0')}`)};Produkt ${i};medicine;B05`);
    const response = await importCatalog(csv(lines), false);
    expect(await response.json()).toMatchObject({ rows: 50_000, new: 50_000, errorCount: 0, written: true });
    expect((await keysOf(server.store, 'catalog')).length).toBe(50_000);
  }, 60_000);
});

describe('POST /api/v1/admin/target-levels/import', () => {
  let server: ReturnType<typeof inProcessServer>;
  beforeEach(async () => {
    server = inProcessServer();
    administrator = (await createUserWithSession(server.store, 'administrator')).token;
    await server.app.request(
      '/api/v1/admin/catalog/import?dryRun=false',
      post(csv(['gtin;nameSv;category', `${A};A;medicine`, `${B};B;medicine`])),
    );
    await server.store.writeReference([
      {
        dataset: 'sites',
        key: 'NORR',
        row: { code: 'NORR', name: 'Norr', kind: 'regional-store', region: 'Norrbotten' },
      },
    ]);
  });
  afterEach(() => server.close());
  const importTargets = (body: string, dryRun: boolean) =>
    server.app.request(`/api/v1/admin/target-levels/import?dryRun=${dryRun}`, post(body));

  it('checks sites, products, numbers and duplicates, then writes target levels the overview uses', async () => {
    const bad = csv([
      'siteCode;gtin;targetPacks',
      `NORR;${A};1 200`,
      `SYD;${A};5`,
      `NORR;07350000000000;5`,
      `NORR;${B};-3`,
      `NORR;${A};7`,
    ]);
    const body = (await (await importTargets(bad, false)).json()) as { errors: Array<{ row: number; column: string }> };
    expect(body.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'siteCode'],
      [4, 'gtin'],
      [5, 'targetPacks'],
      [6, 'gtin'],
    ]);
    expect(await keysOf(server.store, 'target-levels')).toEqual([]);

    const good = csv(['siteCode;gtin;targetPacks', `NORR;${A};1 200`, `NORR;${B};0`]);
    expect(await (await importTargets(good, false)).json()).toMatchObject({ new: 2, written: true });
    const overview = await server.store.overview({}, { offset: 0, limit: 10 });
    expect(overview.rows.map((r) => [r.gtin, r.targetPacks])).toEqual([
      [`0${A}`, 1200],
      [`0${B}`, 0],
    ]);
  });
});

describe('POST /api/v1/admin/sites/import and /admin/locations/import', () => {
  let server: ReturnType<typeof inProcessServer>;
  beforeEach(async () => {
    server = inProcessServer();
    administrator = (await createUserWithSession(server.store, 'administrator')).token;
  });
  afterEach(() => server.close());
  const importFile = (dataset: 'sites' | 'locations', body: string, dryRun: boolean) =>
    server.app.request(`/api/v1/admin/${dataset}/import?dryRun=${dryRun}`, post(body));

  it('imports sites, then locations of those sites, which devices then pull', async () => {
    const sites = csv(['code;name;kind;region', 'RF-LULEA;Regionförråd Luleå;regional-store;Norrbotten']);
    expect(await (await importFile('sites', sites, true)).json()).toMatchObject({ new: 1, written: false });
    expect(await keysOf(server.store, 'sites')).toEqual([]);
    expect(await (await importFile('sites', sites, false)).json()).toMatchObject({ new: 1, written: true });

    const locations = csv(['code;siteCode;name', 'LUL-A-01;RF-LULEA;Hylla A1', 'LUL-A-02;RF-LULEA;Hylla A2']);
    expect(await (await importFile('locations', locations, false)).json()).toMatchObject({ new: 2, written: true });
    expect((await keysOf(server.store, 'locations')).sort()).toEqual(['LUL-A-01', 'LUL-A-02']);
  });

  it('writes nothing when a location names an unknown site', async () => {
    const response = await importFile('locations', csv(['code;siteCode;name', 'X-1;NOWHERE;Hylla']), false);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errorCount: 1, errors: [{ row: 2, column: 'siteCode' }] });
    expect(await keysOf(server.store, 'locations')).toEqual([]);
  });
});
