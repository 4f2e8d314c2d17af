import type { TargetLevel } from '../reference-data.ts';
import { gtinCell } from './catalog-import.ts';
import { type ImportError, parseWholeNumber, readTable } from './table-import.ts';

export const TARGET_LEVEL_COLUMNS = { required: ['siteCode', 'gtin', 'targetPacks'], optional: [] } as const;

export interface TargetLevelImport {
  rowCount: number;
  targetLevels: Array<{ row: number; targetLevel: TargetLevel }>;
  errors: ImportError[];
}

/** What the server knows, to check the rows against. */
export interface TargetLevelContext {
  siteCodes: ReadonlySet<string>;
  /** GTIN-14s in the catalog. */
  gtins: ReadonlySet<string>;
}

/**
 * Validates a target-level table: a known site, a product in the catalog (GTIN check digit first),
 * a whole number of packs, and each site and product once. Every problem names its row and column.
 */
export function validateTargetLevels(
  cells: readonly (readonly string[])[],
  known: TargetLevelContext,
): TargetLevelImport {
  const table = readTable(cells, TARGET_LEVEL_COLUMNS);
  const errors = [...table.errors];
  const badRows = new Set(errors.map((e) => e.row));
  const firstRowOf = new Map<string, number>();
  const targetLevels: TargetLevelImport['targetLevels'] = [];
  for (const { row, values } of table.records) {
    const rowErrors: ImportError[] = [];
    const siteCode = values.siteCode ?? '';
    if (!known.siteCodes.has(siteCode))
      rowErrors.push({ row, column: 'siteCode', message: `There is no site "${siteCode}".` });
    const gtin = gtinCell(values.gtin ?? '', 'gtin', row, rowErrors);
    if (gtin !== null && !known.gtins.has(gtin))
      rowErrors.push({ row, column: 'gtin', message: `GTIN ${gtin} is not in the catalog: import the product first.` });
    const targetPacks = parseWholeNumber(values.targetPacks ?? '', 0);
    if (targetPacks === null)
      rowErrors.push({
        row,
        column: 'targetPacks',
        message: `"${values.targetPacks}" is not a whole number of packs.`,
      });
    if (gtin !== null) {
      const pair = JSON.stringify([siteCode, gtin]);
      const earlier = firstRowOf.get(pair);
      if (earlier !== undefined)
        rowErrors.push({
          row,
          column: 'gtin',
          message: `Site ${siteCode} and GTIN ${gtin} are also on row ${earlier}.`,
        });
      else firstRowOf.set(pair, row);
    }
    errors.push(...rowErrors);
    if (rowErrors.length === 0 && !badRows.has(row) && gtin !== null && targetPacks !== null)
      targetLevels.push({ row, targetLevel: { siteCode, gtin, targetPacks } });
  }
  return { rowCount: table.records.length, targetLevels, errors: errors.sort((a, b) => a.row - b.row) };
}
