import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drillSchema, expiryChartSchema, overviewPageSchema } from '../../src/domain/overview/model.ts';
import { bearer, createUserWithSession } from '../support/identity.ts';
import { inProcessServer } from '../support/server.ts';
import { CountingDevice, GTIN_A, GTIN_B, overviewReference } from './storage/overview-contract.ts';

describe('the overview API', () => {
  let server: ReturnType<typeof inProcessServer>;
  let supervisor: string;
  beforeEach(async () => {
    server = inProcessServer();
    supervisor = (await createUserWithSession(server.store, 'supervisor')).token;
    await server.store.writeReference(overviewReference());
    const device = new CountingDevice();
    await device.push(server.store, [
      device.count({ stockTakeId: 'norr-1', gtin: GTIN_A, batch: 'L1', expiry: '2027-03-31', quantity: 61 }),
      device.count({ stockTakeId: 'syd-1', gtin: GTIN_A, batch: 'L9', expiry: '2026-12-24', quantity: 25 }),
    ]);
  });
  afterEach(() => server.close());
  const get = (path: string) => server.app.request(path, { headers: bearer(supervisor) });

  it('GET /overview answers a page, lowest coverage first, with filters and paging', async () => {
    const page = overviewPageSchema.parse(await (await get('/api/v1/overview')).json());
    expect(page.rows.map((r) => [r.siteCode, r.gtin, r.coveragePercent])).toEqual([
      ['NORR', GTIN_B, 0],
      ['SYD', GTIN_A, 50],
      ['NORR', GTIN_A, 61],
    ]);
    expect(page).toMatchObject({ total: 3, offset: 0, limit: 50 });
    const filtered = overviewPageSchema.parse(
      await (await get('/api/v1/overview?region=Norrbotten&atc=B05&limit=1')).json(),
    );
    expect(filtered.rows.map((r) => r.gtin)).toEqual([GTIN_A]);
    expect((await get('/api/v1/overview?atc=B05;drop')).status).toBe(400);
    expect((await get('/api/v1/overview?colour=red')).status).toBe(400);
  });

  it('GET /overview/expiries and /overview/drill', async () => {
    const chart = expiryChartSchema.parse(await (await get('/api/v1/overview/expiries?site=NORR')).json());
    expect(chart.months).toEqual([{ month: '2027-03', countedPacks: 61, provisionalPacks: 0 }]);
    const drill = drillSchema.parse(await (await get(`/api/v1/overview/drill?site=NORR&gtin=${GTIN_A}`)).json());
    expect(drill.counted?.batches.map((b) => [b.batch, b.quantity, b.events.length])).toEqual([['L1', 61, 1]]);
    expect((await get('/api/v1/overview/drill?site=NORR&gtin=123')).status).toBe(400);
  });

  it('exports CSV for Swedish Excel and XLSX with the same rows', async () => {
    const csv = await get('/api/v1/overview/export.csv?site=NORR');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
    expect(text.startsWith('Lagerställe;Namn;Region;GTIN;')).toBe(true);
    expect(text.split('\r\n')).toEqual([
      expect.any(String),
      `NORR;Norr;Norrbotten;${GTIN_B};Produkt ${GTIN_B};M01AE01;40;0;0;0;`,
      `NORR;Norr;Norrbotten;${GTIN_A};Produkt ${GTIN_A};B05BB01;100;61;0;61;2027-03-31`,
      '',
    ]);

    const xlsx = await get('/api/v1/overview/export.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(4);
    expect(sheet?.getRow(3).getCell(10).value).toBe(50);
  });
});
