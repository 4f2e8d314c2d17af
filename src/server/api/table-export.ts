import ExcelJS from 'exceljs';
import type { Context } from 'hono';
import { toExcelCsv } from '../../domain/csv.ts';
import { XLSX_TYPE } from './table-files.ts';

/** A cell: text, a whole or decimal number, a calendar date (YYYY-MM-DD), or empty. */
export type Cell = string | number | { date: string } | null;

export interface ExportColumn<R> {
  header: string;
  value: (row: R) => Cell;
}

/** A file name safe in a Content-Disposition header. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * A table as CSV for Swedish Excel (src/domain/csv.ts: BOM, `;`, CRLF, formula-safe text): dates as
 * ISO, numbers with a decimal comma (Swedish Excel reads `60.5` as text or a date).
 */
export function csvExport<R>(c: Context, fileName: string, columns: readonly ExportColumn<R>[], rows: readonly R[]) {
  const text = toExcelCsv([
    columns.map((col) => col.header),
    ...rows.map((row) => columns.map((col) => csvCell(col.value(row)))),
  ]);
  return c.body(text, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${safeFileName(fileName)}.csv"`,
  });
}

/** The same table as a workbook: numbers as numbers, dates as dates, the header row frozen. */
export async function xlsxExport<R>(
  c: Context,
  fileName: string,
  sheetName: string,
  columns: readonly ExportColumn<R>[],
  rows: readonly R[],
): Promise<Response> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns.map((col) => col.header)).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(columns.map((col) => xlsxCell(col.value(row))));
    columns.forEach((col, i) => {
      const value = col.value(row);
      if (value !== null && typeof value === 'object') added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return c.body(new Uint8Array(buffer as ArrayBuffer), 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename="${safeFileName(fileName)}.xlsx"`,
  });
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return typeof value === 'string' ? value : value.date;
}

function xlsxCell(value: Cell): string | number | Date | null {
  if (value === null || typeof value !== 'object') return value;
  // Midnight UTC: Excel shows the calendar date the count named, whatever the server's time zone.
  return new Date(`${value.date}T00:00:00.000Z`);
}
