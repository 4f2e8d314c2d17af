/// <reference path="../types/papaparse.d.ts" />
import ExcelJS from 'exceljs';
import type { Context } from 'hono';
import Papa from 'papaparse';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

export type TableFile =
  | { ok: true; format: 'csv' | 'xlsx'; cells: string[][] }
  | { ok: false; status: 400 | 415; message: string };

/**
 * An uploaded spreadsheet as a table of text cells, chosen by the Content-Type: CSV (any of `;`, `,`
 * or tab between fields, guessed by papaparse) or XLSX (the first worksheet, cells as Excel shows
 * them). CSV is decoded as UTF-8 without failing on bad bytes: they become U+FFFD, which the import
 * rules report with their row and column (a Latin-1 file) instead of refusing the whole file blind.
 */
export async function readTableFile(c: Context): Promise<TableFile> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (type === XLSX_TYPE) return readXlsx(bytes);
  if (CSV_TYPES.includes(type)) return readCsv(bytes);
  return { ok: false, status: 415, message: `Send the file as text/csv or ${XLSX_TYPE}.` };
}

export function readCsv(bytes: Uint8Array): TableFile {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const parsed = Papa.parse(text, { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    const row = broken.row === undefined ? '' : ` (row ${broken.row + 1})`;
    return { ok: false, status: 400, message: `The CSV file is malformed${row}: ${broken.message}.` };
  }
  return { ok: true, format: 'csv', cells: parsed.data };
}

async function readXlsx(bytes: Uint8Array): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, status: 400, message: `The file is not a readable XLSX workbook (${detail}).` };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, status: 400, message: 'The workbook has no worksheet.' };
  const cells: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const line: string[] = [];
    for (let col = 1; col <= sheet.columnCount; col++) line.push(row.getCell(col).text ?? '');
    cells.push(line);
  }
  return { ok: true, format: 'xlsx', cells };
}
