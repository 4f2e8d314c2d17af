import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StockTake } from '../../../src/domain/reference-data.ts';
import { readCsv } from '../../../src/server/api/table-files.ts';
import { GTIN_A, GTIN_B, GTIN_C, type StockTakeServer, stockTakeServer } from './support.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('exports of stock-take results and expiries', () => {
  let server: StockTakeServer;
  let norr: StockTake;
  let syd: StockTake;
  beforeEach(async () => {
    server = await stockTakeServer();
    norr = await server.create();
    syd = await server.create({ siteCode: 'SYD' });
    const anna = await server.device('anna', 'Platta 1');
    const wrong = anna.count({ stockTakeId: norr.id, gtin: GTIN_A, batch: 'L1', expiry: '2027-03-31', quantity: 99 });
    await anna.push(server, [
      anna.count({ stockTakeId: norr.id, gtin: GTIN_A, batch: 'L1', expiry: '2027-03-31', quantity: 30 }),
      anna.count({
        stockTakeId: norr.id,
        locationCode: 'N-R3',
        gtin: GTIN_A,
        batch: 'L1',
        expiry: '2027-03-31',
        quantity: 5,
      }),
      anna.count({
        stockTakeId: norr.id,
        locationCode: 'N-R3',
        gtin: GTIN_B,
        batch: 'T-9',
        expiry: '2026-12-31',
        quantity: 4,
      }),
      anna.count({ stockTakeId: norr.id, locationCode: 'N-R2', gtin: GTIN_C, batch: null, expiry: null, quantity: 12 }),
      wrong,
      anna.correct(wrong, { void: true }),
      anna.count({
        stockTakeId: syd.id,
        locationCode: 'S-R1',
        gtin: GTIN_A,
        batch: 'S1',
        expiry: '2026-11-30',
        quantity: 7,
      }),
    ]);
  });
  afterEach(() => server.close());

  const download = async (path: string) => {
    const response = await server.call('GET', path, 'supervisor');
    expect(response.status, await response.clone().text()).toBe(200);
    return response;
  };
  const csvCells = async (response: Response) => {
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads å, ä, ö right
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]?.split(';').length).toBeGreaterThan(5); // `;`: Swedish Excel's separator
    const table = readCsv(bytes);
    if (!table.ok) throw new Error(table.message);
    return table.cells;
  };
  const sheetOf = async (response: Response) => {
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    return sheet;
  };

  it('a stock-take’s result per location, product, batch and expiry as CSV that parses back', async () => {
    const response = await download(`/stock-takes/${norr.id}/export.csv`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="lagerkoll-inventering-${norr.id}.csv"`,
    );
    expect(await csvCells(response)).toEqual([
      [
        'Inventering',
        'Lagerställe',
        'Lagerplats',
        'Lagerplatsnamn',
        'GTIN',
        'Produkt',
        'Batch',
        'Utgångsdatum',
        'Antal förpackningar',
      ],
      [norr.id, 'NORR', 'N-R1', 'Rum 1', GTIN_A, 'Ringer-acetat', 'L1', '2027-03-31', '30'],
      [norr.id, 'NORR', 'N-R2', 'Rum 2', GTIN_C, "'=Förband", '', '', '12'],
      [norr.id, 'NORR', 'N-R3', 'Rum 3; hylla "A"', GTIN_A, 'Ringer-acetat', 'L1', '2027-03-31', '5'],
      [norr.id, 'NORR', 'N-R3', 'Rum 3; hylla "A"', GTIN_B, 'Tranexamsyra Åäö', 'T-9', '2026-12-31', '4'],
    ]);
    const [audit] = await server.store.auth.auditPage({ action: 'exported', limit: 1 });
    expect(audit).toMatchObject({
      userId: server.userId('supervisor'),
      subject: norr.id,
      details: { what: 'stock-take', format: 'csv', rows: 4 },
    });
    expect((await server.call('GET', '/stock-takes/st-none/export.csv', 'supervisor')).status).toBe(404);
  });

  it('the same as an XLSX workbook: numbers as numbers, expiry dates as dates', async () => {
    const sheet = await sheetOf(await download(`/stock-takes/${norr.id}/export.xlsx`));
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(9).value).toBe('Antal förpackningar');
    const first = sheet.getRow(2);
    expect([first.getCell(3).value, first.getCell(6).value, first.getCell(9).value]).toEqual([
      'N-R1',
      'Ringer-acetat',
      30,
    ]);
    expect(first.getCell(8).value).toEqual(new Date('2027-03-31T00:00:00.000Z'));
    expect(sheet.getRow(3).getCell(8).value).toBeNull();
  });

  it('expiries: approved packs per site, product, batch and expiry, earliest first, with the overview’s filters', async () => {
    // Nothing approved yet: the counts so far are provisional and not in the export.
    expect(await csvCells(await download('/overview/expiries/export.csv'))).toHaveLength(1);
    for (const stockTake of [norr, syd]) {
      expect((await server.call('POST', `/stock-takes/${stockTake.id}/approve`, 'supervisor')).status).toBe(200);
    }
    const cells = await csvCells(await download('/overview/expiries/export.csv'));
    expect(cells).toEqual([
      [
        'Utgångsdatum',
        'Lagerställe',
        'Namn',
        'Region',
        'GTIN',
        'Produkt',
        'ATC',
        'Batch',
        'Antal förpackningar',
        'Inventering',
      ],
      ['2026-11-30', 'SYD', 'Syd', 'Skåne', GTIN_A, 'Ringer-acetat', 'B05BB01', 'S1', '7', syd.id],
      ['2026-12-31', 'NORR', 'Norr', 'Norrbotten', GTIN_B, 'Tranexamsyra Åäö', 'B02AA02', 'T-9', '4', norr.id],
      ['2027-03-31', 'NORR', 'Norr', 'Norrbotten', GTIN_A, 'Ringer-acetat', 'B05BB01', 'L1', '35', norr.id],
      ['', 'NORR', 'Norr', 'Norrbotten', GTIN_C, "'=Förband", '', '', '12', norr.id],
    ]);
    const column = async (query: string) =>
      (await csvCells(await download(`/overview/expiries/export.csv${query}`)))
        .slice(1)
        .map((row) => `${row[1]}/${row[7]}`);
    expect(await column('?site=SYD')).toEqual(['SYD/S1']);
    expect(await column('?region=Norrbotten')).toEqual(['NORR/T-9', 'NORR/L1', 'NORR/']);
    expect(await column('?atc=b05')).toEqual(['SYD/S1', 'NORR/L1']);
    expect((await server.call('GET', '/overview/expiries/export.csv?atc=B05;x', 'supervisor')).status).toBe(400);

    const sheet = await sheetOf(await download('/overview/expiries/export.xlsx?site=NORR'));
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(1).value).toEqual(new Date('2026-12-31T00:00:00.000Z'));
    expect(sheet.getRow(4).getCell(9).value).toBe(12);
    const [audit] = await server.store.auth.auditPage({ action: 'exported', limit: 1 });
    expect(audit).toMatchObject({
      subject: 'expiries',
      details: { what: 'expiries', format: 'xlsx', rows: 3, filter: { siteCode: 'NORR' } },
    });
  });
});
