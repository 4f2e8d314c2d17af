import type { Dataset } from '../domain/reference-datasets.ts';
import { DEFAULT_PULL_LIMIT, type PullPage, pullPageSchemas } from '../domain/sync-protocol.ts';
import type { LagerkollDb } from '../store/db.ts';
import { applyPullPage, readCursor, StagedDataset, swapInDataset, syncedDatasets } from '../store/reference-data.ts';
import { withDeviceHeaders } from './device-headers.ts';
import { readJson, type ServerOptions, SyncError, syncRequest } from './http.ts';

export interface PullOptions extends ServerOptions {
  limit?: number;
  /** Only these datasets (default: every dataset the device's database has a table for). */
  datasets?: readonly Dataset[];
}

export interface PullSummary {
  /** Changes applied, per dataset. */
  applied: Partial<Record<Dataset, number>>;
  /** Datasets reloaded from the start because the server could no longer serve their cursor. */
  reloaded: Dataset[];
}

/** A page far beyond any real dataset means a server or cursor bug: stop instead of looping. */
const MAX_PAGES = 100_000;

/** Pulls every dataset the device keeps, one after the other. */
export async function pullAll(db: LagerkollDb, options: PullOptions = {}): Promise<PullSummary> {
  const summary: PullSummary = { applied: {}, reloaded: [] };
  for (const dataset of options.datasets ?? syncedDatasets(db)) {
    const result = await pullDataset(db, dataset, options);
    summary.applied[dataset] = result.applied;
    if (result.reloaded) summary.reloaded.push(dataset);
  }
  return summary;
}

/**
 * Brings one dataset up to date: pages of changes after the stored cursor, each applied with its
 * cursor in one transaction, until the server has no more. On 410 the dataset is reloaded from the
 * start into staging and swapped in at once.
 */
export async function pullDataset(
  db: LagerkollDb,
  dataset: Dataset,
  pullOptions: PullOptions = {},
): Promise<{ applied: number; reloaded: boolean }> {
  // Every request carries the device credential and the age of the oldest unsent count.
  const options = withDeviceHeaders(db, pullOptions);
  let applied = 0;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const cursor = await readCursor(db, dataset);
    const page = await fetchPage(dataset, cursor, options);
    if (page === 'expired')
      return { applied: applied + (await reloadDataset(db, dataset, pullOptions)), reloaded: true };
    if (await applyPullPage(db, dataset, cursor, page.changes, page.cursor)) applied += page.changes.length;
    if (!page.hasMore) return { applied, reloaded: false };
  }
  throw new SyncError(`Pulling ${dataset} did not end after ${MAX_PAGES} pages.`, true);
}

/** Loads a whole dataset from the start into staging, then swaps it in with its cursor in one transaction. */
export async function reloadDataset(db: LagerkollDb, dataset: Dataset, pullOptions: PullOptions = {}): Promise<number> {
  const options = withDeviceHeaders(db, pullOptions);
  // A cursor of this very reload can expire too (a purge or a restore meanwhile): start over, once.
  for (let attempt = 0; attempt < 2; attempt++) {
    const staged = new StagedDataset();
    let cursor: string | null = null;
    let expired = false;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await fetchPage(dataset, cursor, options);
      if (page === 'expired') {
        expired = true;
        break;
      }
      staged.apply(page.changes);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    if (!expired && cursor !== null) {
      await swapInDataset(db, dataset, staged, cursor);
      return staged.size;
    }
  }
  throw new SyncError(`The server kept expiring the cursor while ${dataset} was reloaded.`, true);
}

async function fetchPage(dataset: Dataset, cursor: string | null, options: PullOptions): Promise<PullPage | 'expired'> {
  const params = new URLSearchParams({ dataset, limit: String(options.limit ?? DEFAULT_PULL_LIMIT) });
  if (cursor !== null) params.set('cursor', cursor);
  const response = await syncRequest(options, `/api/v1/sync/pull?${params}`, { method: 'GET', acceptStatus: [410] });
  if (response.status === 410) return 'expired';
  const page = pullPageSchemas[dataset].safeParse(await readJson(response));
  if (!page.success)
    throw new SyncError(`The server sent a ${dataset} page the app cannot read.`, true, response.status);
  return page.data;
}
