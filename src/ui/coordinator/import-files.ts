import { type ImportPreviewAnswer, importPreviewSchema } from '../../domain/overview/import-preview.ts';
import { ApiCallError } from '../api-client.ts';

/** What an administrator can import, and where the file goes. */
export type ImportKind = 'catalog' | 'target-levels' | 'sites' | 'locations';

export const IMPORT_PATHS: Record<ImportKind, string> = {
  catalog: '/admin/catalog/import',
  'target-levels': '/admin/target-levels/import',
  sites: '/admin/sites/import',
  locations: '/admin/locations/import',
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

/**
 * The content type to send a picked file with, by its name first: browsers give a CSV file all sorts
 * of types (`application/vnd.ms-excel` on Windows with Excel installed, '' elsewhere), and the server
 * reads the body by the type. null: neither CSV nor XLSX.
 */
export function importContentType(file: { name: string; type: string }): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx') || file.type === XLSX_TYPE) return XLSX_TYPE;
  if (name.endsWith('.csv') || name.endsWith('.txt') || name.endsWith('.tsv') || file.type === CSV_TYPE)
    return CSV_TYPE;
  return null;
}

/** The import path with the dry-run flag. */
export function importPath(kind: ImportKind, dryRun: boolean): string {
  return `${IMPORT_PATHS[kind]}?dryRun=${dryRun}`;
}

/** Why a file was not taken, in terms the screen explains (each has its own sentence and advice). */
export type ImportFailure =
  | { kind: 'row-errors'; preview: ImportPreviewAnswer }
  | { kind: 'no-rows' }
  | { kind: 'too-large' }
  | { kind: 'unsupported-type' }
  | { kind: 'unreadable'; message: string }
  | { kind: 'not-allowed' }
  | { kind: 'offline' }
  | { kind: 'other'; message: string };

/** Sorts an upload's error into what the person can do about it. */
export function classifyImportError(error: unknown): ImportFailure {
  if (!(error instanceof ApiCallError)) return { kind: 'other', message: String(error) };
  switch (error.status) {
    case 0:
      return { kind: 'offline' };
    case 401:
    case 403:
      return { kind: 'not-allowed' };
    case 413:
      return { kind: 'too-large' };
    case 415:
      return { kind: 'unsupported-type' };
    case 400:
      return { kind: 'unreadable', message: error.message };
    case 422: {
      const preview = importPreviewSchema.safeParse(error.body);
      if (!preview.success) return { kind: 'other', message: error.message };
      return preview.data.errorCount > 0 ? { kind: 'row-errors', preview: preview.data } : { kind: 'no-rows' };
    }
    default:
      return { kind: 'other', message: error.message };
  }
}
