import { isValidGtin, toGtin14 } from '../gs1/index.ts';
import { type Product, productSchema } from '../reference-data.ts';
import { type ImportError, type ImportRecord, parseWholeNumber, readTable } from './table-import.ts';

/** The columns of a catalog file, named as the product fields (case does not matter). */
export const CATALOG_COLUMNS = {
  required: ['gtin', 'nameSv', 'category'],
  optional: [
    'nameEn',
    'strength',
    'form',
    'packSize',
    'unitsPerPack',
    'atc',
    'vnr',
    'nsn',
    'containsGtin',
    'containsQuantity',
  ],
} as const;

export interface CatalogImport {
  /** Data rows read (blank rows not counted). */
  rowCount: number;
  /** The products of the rows without errors, in file order, GTINs as GTIN-14. */
  products: Array<{ row: number; product: Product }>;
  errors: ImportError[];
}

/**
 * Validates a catalog table (first row: column names). Every problem is reported with its row and
 * column, so one pass shows all of them: GTIN check digits (GTIN-8/12/13/14, stored as GTIN-14), the
 * same GTIN on two rows, missing required columns or values, numbers, text that was not UTF-8, and
 * the product schema itself. The caller writes the products only when `errors` is empty.
 */
export function validateCatalog(cells: readonly (readonly string[])[]): CatalogImport {
  const table = readTable(cells, CATALOG_COLUMNS);
  const errors = [...table.errors];
  const badRows = new Set(errors.map((e) => e.row));
  const firstRowOf = new Map<string, number>();
  const products: CatalogImport['products'] = [];
  for (const record of table.records) {
    const rowErrors: ImportError[] = [];
    const product = productFrom(record, rowErrors);
    if (product) {
      const earlier = firstRowOf.get(product.gtin);
      if (earlier !== undefined) {
        rowErrors.push({
          row: record.row,
          column: 'gtin',
          message: `GTIN ${product.gtin} is also on row ${earlier}.`,
        });
      } else firstRowOf.set(product.gtin, record.row);
    }
    errors.push(...rowErrors);
    if (product && rowErrors.length === 0 && !badRows.has(record.row)) products.push({ row: record.row, product });
  }
  return { rowCount: table.records.length, products, errors: errors.sort((a, b) => a.row - b.row) };
}

function productFrom({ row, values }: ImportRecord, errors: ImportError[]): Product | null {
  const fail = (column: string, message: string) => {
    errors.push({ row, column, message });
    return null;
  };
  const gtin = gtinCell(values.gtin ?? '', 'gtin', row, errors);
  const containsGtinText = values.containsGtin ?? '';
  const containsGtin = containsGtinText === '' ? null : gtinCell(containsGtinText, 'containsGtin', row, errors);
  const unitsPerPack = values.unitsPerPack ? parseWholeNumber(values.unitsPerPack, 1) : 1;
  if (unitsPerPack === null) fail('unitsPerPack', `"${values.unitsPerPack}" is not a whole number of at least 1.`);
  const containsQuantity = values.containsQuantity ? parseWholeNumber(values.containsQuantity, 1) : null;
  if (values.containsQuantity && containsQuantity === null)
    fail('containsQuantity', `"${values.containsQuantity}" is not a whole number of at least 1.`);
  if ((containsGtinText === '') !== (values.containsQuantity === ''))
    fail('containsGtin', 'A case needs both containsGtin and containsQuantity (or neither).');
  if (errors.length > 0 || gtin === null || unitsPerPack === null) return null;

  const candidate = {
    gtin,
    nameSv: values.nameSv ?? '',
    nameEn: values.nameEn || (values.nameSv ?? ''),
    strength: values.strength ?? '',
    form: values.form ?? '',
    packSize: values.packSize ?? '',
    unitsPerPack,
    atc: (values.atc ?? '').toUpperCase(),
    vnr: values.vnr ?? '',
    nsn: values.nsn ?? '',
    category: (values.category ?? '').toLowerCase(),
    contains: containsGtin && containsQuantity ? { gtin: containsGtin, quantity: containsQuantity } : null,
  };
  if (candidate.nameSv === '') return fail('nameSv', 'The Swedish name is empty.');
  const parsed = productSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    fail(
      field,
      field === 'category' ? `"${values.category}" is not a category: medicine, consumable or other.` : issue.message,
    );
  }
  return null;
}

/** A GTIN cell as GTIN-14, or null with the error recorded. */
export function gtinCell(text: string, column: string, row: number, errors: ImportError[]): string | null {
  const digits = text.replace(/\s/g, '');
  if (!/^\d+$/.test(digits) || ![8, 12, 13, 14].includes(digits.length)) {
    errors.push({ row, column, message: `"${text}" is not a GTIN (8, 12, 13 or 14 digits).` });
    return null;
  }
  if (!isValidGtin(digits)) {
    errors.push({ row, column, message: `GTIN ${digits} has a wrong check digit.` });
    return null;
  }
  return toGtin14(digits);
}
