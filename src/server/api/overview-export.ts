import ExcelJS from 'exceljs';
import type { Context } from 'hono';
import { toExcelCsv } from '../../domain/csv.ts';
import type { OverviewRow } from '../../domain/overview/model.ts';
import type { EventStore } from '../storage/event-store.ts';
import { readFilter } from './overview.ts';
import { XLSX_TYPE } from './table-files.ts';

/** Rows fetched per query while exporting. */
const EXPORT_PAGE = 5000;

const COLUMNS: ReadonlyArray<{ header: string; value: (r: OverviewRow) => string | number | null }> = [
  { header: 'Lagerställe', value: (r) => r.siteCode },
  { header: 'Namn', value: (r) => r.siteName },
  { header: 'Region', value: (r) => r.region },
  { header: 'GTIN', value: (r) => r.gtin },
  { header: 'Produkt', value: (r) => r.productNameSv },
  { header: 'ATC', value: (r) => r.atc },
  { header: 'Målnivå', value: (r) => r.targetPacks },
  { header: 'Räknat (godkänt)', value: (r) => r.countedPacks },
  { header: 'Preliminärt', value: (r) => r.provisionalPacks },
  { header: 'Täckningsgrad %', value: (r) => r.coveragePercent },
  { header: 'Första utgångsdatum', value: (r) => r.earliestExpiry },
];

async function allRows(c: Context, store: EventStore): Promise<OverviewRow[] | Response> {
  const filter = readFilter(c);
  if (!filter.ok) return filter.response;
  const rows: OverviewRow[] = [];
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const page = await store.overview(filter.filter, { offset, limit: EXPORT_PAGE });
    rows.push(...page.rows);
    if (page.rows.length < EXPORT_PAGE) return rows;
  }
}

/**
 * GET /api/v1/overview/export.csv — the overview (same filters, same order) as CSV for Swedish Excel:
 * BOM, `;`, CRLF, ISO dates, decimal comma in the coverage.
 */
export async function handleOverviewCsv(c: Context, store: EventStore): Promise<Response> {
  const rows = await allRows(c, store);
  if (rows instanceof Response) return rows;
  const text = toExcelCsv([
    COLUMNS.map((col) => col.header),
    ...rows.map((r) => COLUMNS.map((col) => csvText(col.value(r)))),
  ]);
  return c.body(text, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="lagerkoll-oversikt.csv"',
  });
}

/** GET /api/v1/overview/export.xlsx — the same as a workbook, numbers as numbers. */
export async function handleOverviewXlsx(c: Context, store: EventStore): Promise<Response> {
  const rows = await allRows(c, store);
  if (rows instanceof Response) return rows;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Översikt');
  sheet.addRow(COLUMNS.map((col) => col.header)).font = { bold: true };
  for (const r of rows) sheet.addRow(COLUMNS.map((col) => col.value(r)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return c.body(new Uint8Array(buffer as ArrayBuffer), 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': 'attachment; filename="lagerkoll-oversikt.xlsx"',
  });
}

/** Swedish Excel reads `60,5` as a number and `60.5` as text (or a date). */
function csvText(value: string | number | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value).replace('.', ',') : value;
}
