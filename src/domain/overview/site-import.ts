import { type Location, type Site, type SiteKind, siteKindSchema } from '../reference-data.ts';
import { type ImportError, type ImportRecord, readTable } from './table-import.ts';

export const SITE_COLUMNS = { required: ['code', 'name', 'kind', 'region'], optional: [] } as const;
export const LOCATION_COLUMNS = { required: ['code', 'siteCode', 'name'], optional: [] } as const;

/** A site's or location's code as a label's barcode can carry it: 1–64 letters, digits and . _ / - . */
export const CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const MAX_NAME = 200;
const MAX_REGION = 100;

export interface SiteImport {
  rowCount: number;
  sites: Array<{ row: number; site: Site }>;
  errors: ImportError[];
}

export interface LocationImport {
  rowCount: number;
  locations: Array<{ row: number; location: Location }>;
  errors: ImportError[];
}

/**
 * Validates a table of sites: a code (what labels and filters use: letters, digits and . _ / -),
 * a name, a kind (state-stockpile, regional-store, hospital-pharmacy) and a region; each code once.
 */
export function validateSites(cells: readonly (readonly string[])[]): SiteImport {
  const sites: SiteImport['sites'] = [];
  const result = validateRows(cells, SITE_COLUMNS, (row, values, errors) => {
    const code = codeCell(values.code ?? '', 'code', row, errors);
    const name = textCell(values.name ?? '', 'name', MAX_NAME, row, errors);
    const region = textCell(values.region ?? '', 'region', MAX_REGION, row, errors);
    const kind = siteKindSchema.safeParse(values.kind);
    if (!kind.success) {
      errors.push({
        row,
        column: 'kind',
        message: `"${values.kind}" is not a kind of site: use ${siteKindSchema.options.join(', ')}.`,
      });
    }
    if (code === null || name === null || region === null || !kind.success) return null;
    return {
      key: code,
      accept: () => sites.push({ row, site: { code, name, kind: kind.data as SiteKind, region } }),
    };
  });
  return { ...result, sites };
}

/**
 * Validates a table of locations: a code unique over all sites (it is what the label carries), a
 * known site, a name. A code that already belongs to a location of another site is an error: moving
 * a labelled shelf to another site by import would silently move its counts' place too.
 */
export function validateLocations(
  cells: readonly (readonly string[])[],
  known: { siteCodes: ReadonlySet<string>; siteOfLocation?: ReadonlyMap<string, string> },
): LocationImport {
  const locations: LocationImport['locations'] = [];
  const result = validateRows(cells, LOCATION_COLUMNS, (row, values, errors) => {
    const code = codeCell(values.code ?? '', 'code', row, errors);
    const siteCode = values.siteCode ?? '';
    if (!known.siteCodes.has(siteCode)) {
      errors.push({ row, column: 'siteCode', message: `There is no site "${siteCode}": import the site first.` });
    }
    const name = textCell(values.name ?? '', 'name', MAX_NAME, row, errors);
    const siteBefore = code === null ? undefined : known.siteOfLocation?.get(code);
    if (siteBefore !== undefined && siteBefore !== siteCode) {
      errors.push({
        row,
        column: 'siteCode',
        message: `The location ${code} belongs to site ${siteBefore}; a location code is unique over all sites.`,
      });
      return null;
    }
    if (code === null || name === null || !known.siteCodes.has(siteCode)) return null;
    return { key: code, accept: () => locations.push({ row, location: { code, siteCode, name } }) };
  });
  return { ...result, locations };
}

/**
 * The loop every keyed table shares: each row is checked by `check` (which adds its own errors and
 * answers the row's key), a key seen on an earlier row is an error naming that row, and a row is
 * accepted only when it has no error at all. Errors come sorted by row.
 */
function validateRows(
  cells: readonly (readonly string[])[],
  columns: { required: readonly string[]; optional: readonly string[] },
  check: (
    row: number,
    values: ImportRecord['values'],
    errors: ImportError[],
  ) => { key: string; accept: () => void } | null,
): { rowCount: number; errors: ImportError[] } {
  const table = readTable(cells, columns);
  const errors = [...table.errors];
  const badRows = new Set(errors.map((e) => e.row));
  const firstRowOf = new Map<string, number>();
  for (const { row, values } of table.records) {
    const rowErrors: ImportError[] = [];
    const checked = check(row, values, rowErrors);
    if (checked) {
      const earlier = firstRowOf.get(checked.key);
      if (earlier !== undefined) {
        rowErrors.push({ row, column: 'code', message: `The code ${checked.key} is also on row ${earlier}.` });
      } else firstRowOf.set(checked.key, row);
    }
    errors.push(...rowErrors);
    if (checked && rowErrors.length === 0 && !badRows.has(row)) checked.accept();
  }
  return { rowCount: table.records.length, errors: errors.sort((a, b) => a.row - b.row) };
}

function codeCell(text: string, column: string, row: number, errors: ImportError[]): string | null {
  if (CODE.test(text)) return text;
  errors.push({
    row,
    column,
    message: text
      ? `"${text}" is not a usable code: 1–64 letters, digits and . _ / - (no spaces).`
      : 'The code is empty.',
  });
  return null;
}

function textCell(text: string, column: string, max: number, row: number, errors: ImportError[]): string | null {
  if (text.length > 0 && text.length <= max) return text;
  errors.push({
    row,
    column,
    message: text ? `The text is longer than ${max} characters.` : `The ${column} is empty.`,
  });
  return null;
}
