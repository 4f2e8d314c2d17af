import { type Dataset, type DatasetRow, datasetRowSchemas } from '../../domain/reference-datasets.ts';
import type { EventStore } from '../storage/event-store.ts';

const PAGE = 5_000;

/**
 * Every current row of a dataset (tombstones left out), read through the same change feed the
 * devices pull, so the screens see exactly what the devices get. Rows that do not parse with the
 * dataset's schema are skipped rather than breaking a coordinator screen (they were validated on write).
 */
export async function currentRows<D extends Dataset>(store: EventStore, dataset: D): Promise<DatasetRow<D>[]> {
  const schema = datasetRowSchemas[dataset];
  const rows: DatasetRow<D>[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = await store.changesSince(dataset, cursor, PAGE);
    if (page.status !== 'ok') throw new Error(`The change feed of ${dataset} could not be read from the start.`);
    for (const change of page.changes) {
      if (change.row === null) continue;
      const parsed = schema.safeParse(change.row);
      if (parsed.success) rows.push(parsed.data as DatasetRow<D>);
    }
    if (!page.hasMore) return rows;
    cursor = page.cursor;
  }
}
