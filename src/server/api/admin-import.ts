import type { Context } from 'hono';
import { validateCatalog } from '../../domain/overview/catalog-import.ts';
import { validateLocations, validateSites } from '../../domain/overview/site-import.ts';
import type { ImportError } from '../../domain/overview/table-import.ts';
import { validateTargetLevels } from '../../domain/overview/target-level-import.ts';
import { type Dataset, type DatasetRow, rowKey } from '../../domain/reference-datasets.ts';
import type { EventStore, ReferenceChange } from '../storage/event-store.ts';
import { apiError } from './errors.ts';
import { readTableFile } from './table-files.ts';

/** At most this many errors are listed in an answer; `errorCount` gives them all. */
const MAX_LISTED_ERRORS = 1000;

export interface ImportPreview {
  dryRun: boolean;
  written: boolean;
  format: 'csv' | 'xlsx';
  /** Data rows in the file. */
  rows: number;
  /** Rows that would be (or were) new, changed, or already so. */
  new: number;
  changed: number;
  unchanged: number;
  errorCount: number;
  errors: ImportError[];
}

/**
 * POST /api/v1/admin/catalog/import?dryRun=true|false — a catalog file (CSV or XLSX). A dry run (the
 * default) only answers what would happen. Otherwise the new and changed products are written through
 * the reference-data path in one transaction — devices pull them like any change — and only if no
 * row has an error: with errors, nothing is written and the answer is 422 with the same preview.
 * Products not in the file are left as they are (an import never deletes).
 */
export function handleCatalogImport(c: Context, store: EventStore): Promise<Response> {
  return importTable(c, store, 'catalog', async (cells) => {
    const result = validateCatalog(cells);
    return { rows: result.rowCount, errors: result.errors, valid: result.products.map((p) => p.product) };
  });
}

/** POST /api/v1/admin/target-levels/import?dryRun=true|false — the same for target levels per site and product. */
export function handleTargetLevelImport(c: Context, store: EventStore): Promise<Response> {
  return importTable(c, store, 'target-levels', async (cells) => {
    const [sites, catalog] = await Promise.all([currentRows(store, 'sites'), currentRows(store, 'catalog')]);
    const result = validateTargetLevels(cells, { siteCodes: new Set(sites.keys()), gtins: new Set(catalog.keys()) });
    return { rows: result.rowCount, errors: result.errors, valid: result.targetLevels.map((t) => t.targetLevel) };
  });
}

/** POST /api/v1/admin/sites/import?dryRun=true|false — sites (code, name, kind, region). */
export function handleSiteImport(c: Context, store: EventStore): Promise<Response> {
  return importTable(c, store, 'sites', async (cells) => {
    const result = validateSites(cells);
    return { rows: result.rowCount, errors: result.errors, valid: result.sites.map((s) => s.site) };
  });
}

/** POST /api/v1/admin/locations/import?dryRun=true|false — locations (code, siteCode, name) of known sites. */
export function handleLocationImport(c: Context, store: EventStore): Promise<Response> {
  return importTable(c, store, 'locations', async (cells) => {
    const [sites, locations] = await Promise.all([currentRows(store, 'sites'), currentRows(store, 'locations')]);
    const siteOfLocation = new Map(
      [...locations].map(([code, json]) => [code, (JSON.parse(json) as { siteCode: string }).siteCode]),
    );
    const result = validateLocations(cells, { siteCodes: new Set(sites.keys()), siteOfLocation });
    return { rows: result.rowCount, errors: result.errors, valid: result.locations.map((l) => l.location) };
  });
}

async function importTable<D extends Dataset>(
  c: Context,
  store: EventStore,
  dataset: D,
  validate: (cells: string[][]) => Promise<{ rows: number; errors: ImportError[]; valid: DatasetRow<D>[] }>,
): Promise<Response> {
  const dryRunParam = c.req.query('dryRun') ?? 'true';
  if (dryRunParam !== 'true' && dryRunParam !== 'false') {
    return apiError(c, 400, 'invalid_request', 'dryRun must be true or false.');
  }
  const dryRun = dryRunParam === 'true';
  const file = await readTableFile(c);
  if (!file.ok)
    return apiError(c, file.status, file.status === 415 ? 'unsupported_media_type' : 'invalid_request', file.message);

  const { rows, errors, valid } = await validate(file.cells);
  const existing = await currentRows(store, dataset);
  const changes: ReferenceChange[] = [];
  let added = 0;
  let unchanged = 0;
  for (const row of valid) {
    const key = rowKey(dataset, row);
    const before = existing.get(key);
    if (before === undefined) added++;
    else if (before === JSON.stringify(row)) {
      unchanged++;
      continue;
    }
    changes.push({ dataset, key, row });
  }
  const write = !dryRun && errors.length === 0 && rows > 0;
  if (write && changes.length > 0) await store.writeReference(changes);
  const preview: ImportPreview = {
    dryRun,
    written: write,
    format: file.format,
    rows,
    new: added,
    changed: changes.length - added,
    unchanged,
    errorCount: errors.length,
    errors: errors.slice(0, MAX_LISTED_ERRORS),
  };
  if (!dryRun && errors.length > 0) {
    const message = `Nothing was imported: ${errors.length} row error(s); fix them and import again.`;
    return c.json({ error: 'invalid_request', message, ...preview }, 422);
  }
  if (!dryRun && rows === 0)
    return c.json({ error: 'invalid_request', message: 'The file has no data rows.', ...preview }, 422);
  return c.json(preview, 200);
}

/** The current rows of a dataset as canonical JSON by key (what a device holds after a full pull). */
async function currentRows(store: EventStore, dataset: Dataset): Promise<Map<string, string>> {
  const rows = new Map<string, string>();
  let cursor: string | null = null;
  for (;;) {
    const page = await store.changesSince(dataset, cursor, 1000);
    if (page.status !== 'ok') throw new Error(`Reading ${dataset} from the start cannot expire.`);
    for (const change of page.changes) {
      if (change.row === null) rows.delete(change.key);
      else rows.set(change.key, JSON.stringify(change.row));
    }
    cursor = page.cursor;
    if (!page.hasMore) return rows;
  }
}
