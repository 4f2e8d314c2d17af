import type { IndexableType, Table } from 'dexie';
import { DATASETS, type Dataset } from '../domain/reference-datasets.ts';
import type { PullChange } from '../domain/sync-protocol.ts';
import type { LagerkollDb } from './db.ts';

/**
 * The device's copy of the reference data it pulls (docs/sync-protocol.md): which table holds each
 * dataset, and the two ways it changes — a page of changes with its cursor, or a whole dataset
 * swapped in after a reload. Each is one Dexie transaction with the cursor, so the cursor never
 * runs ahead of the data (a crash between the two would skip changes for good).
 */
const TABLE_OF: Record<Dataset, string> = {
  catalog: 'products',
  sites: 'sites',
  locations: 'locations',
  'stock-takes': 'stockTakes',
  expectations: 'expectations',
  // Not in the database before schema version 3; pulled from the version that adds them.
  'target-levels': 'targetLevels',
  users: 'users',
};

/** The datasets this device's database has a table for, in the order they are pulled. */
export function syncedDatasets(db: LagerkollDb): Dataset[] {
  const names = new Set(db.tables.map((table) => table.name));
  return DATASETS.filter((dataset) => names.has(TABLE_OF[dataset]));
}

function tableOf(db: LagerkollDb, dataset: Dataset): Table<unknown, IndexableType> {
  return db.table(TABLE_OF[dataset]);
}

/** The Dexie primary key of a row from its key in the protocol (a target level's is a [site, gtin] pair). */
function primaryKey(dataset: Dataset, key: string): IndexableType {
  return dataset === 'target-levels' ? (JSON.parse(key) as [string, string]) : key;
}

/** Where the device stands in a dataset: the cursor of the last page applied, or null. */
export async function readCursor(db: LagerkollDb, dataset: Dataset): Promise<string | null> {
  return (await db.syncCursors.get(dataset))?.cursor ?? null;
}

/**
 * Applies one page of changes and moves the dataset's cursor to the page's, in one transaction —
 * only if the cursor is still the one the page was asked with (else another writer got there
 * first; the page is dropped and the next pull starts from the stored cursor). Returns whether
 * the page was applied.
 */
export async function applyPullPage(
  db: LagerkollDb,
  dataset: Dataset,
  askedWith: string | null,
  changes: readonly PullChange[],
  cursor: string,
): Promise<boolean> {
  const table = tableOf(db, dataset);
  return db.transaction('rw', table, db.syncCursors, async () => {
    if ((await readCursor(db, dataset)) !== askedWith) return false;
    const puts = changes.flatMap((c) => (c.op === 'upsert' ? [c.row] : []));
    const deletes = changes.flatMap((c) => (c.op === 'delete' ? [primaryKey(dataset, c.key)] : []));
    // A page holds each key once, so the order of puts and deletes within it does not matter.
    if (puts.length) await table.bulkPut(puts);
    if (deletes.length) await table.bulkDelete(deletes);
    await db.syncCursors.put({ dataset, cursor });
    return true;
  });
}

/**
 * A dataset being reloaded from the start (after 410): the rows collect here, away from the table
 * the app reads, and go in with `swapInDataset`. Reference datasets are small (a catalog of
 * thousands), so memory is the staging area.
 */
export class StagedDataset {
  private readonly rows = new Map<string, unknown>();

  apply(changes: readonly PullChange[]): void {
    for (const change of changes) {
      if (change.op === 'upsert') this.rows.set(change.key, change.row);
      else this.rows.delete(change.key);
    }
  }

  get size(): number {
    return this.rows.size;
  }

  values(): unknown[] {
    return [...this.rows.values()];
  }
}

/** Replaces a dataset's whole table and its cursor in one transaction: the app sees the old data or the new, never a mix. */
export async function swapInDataset(
  db: LagerkollDb,
  dataset: Dataset,
  staged: StagedDataset,
  cursor: string,
): Promise<void> {
  const table = tableOf(db, dataset);
  await db.transaction('rw', table, db.syncCursors, async () => {
    await table.clear();
    await table.bulkPut(staged.values());
    await db.syncCursors.put({ dataset, cursor });
  });
}
