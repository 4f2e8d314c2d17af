import { z } from 'zod/mini';
import {
  expectationSchema,
  locationSchema,
  productSchema,
  siteSchema,
  stockTakeSchema,
  targetLevelSchema,
} from './reference-data.ts';
import { userSchema } from './users.ts';

/**
 * The datasets a device pulls from the server (docs/sync-protocol.md). Each row of a dataset has a
 * key, unique within the dataset: a change to a row replaces the row with that key, a deletion
 * leaves a tombstone with that key.
 */
export const DATASETS = [
  'catalog',
  'sites',
  'locations',
  'stock-takes',
  'expectations',
  'target-levels',
  'users',
] as const;
export const datasetSchema = z.enum(DATASETS);
export type Dataset = z.infer<typeof datasetSchema>;

export const datasetRowSchemas = {
  catalog: productSchema,
  sites: siteSchema,
  locations: locationSchema,
  'stock-takes': stockTakeSchema,
  expectations: expectationSchema,
  'target-levels': targetLevelSchema,
  users: userSchema,
} as const;
export type DatasetRow<D extends Dataset> = z.infer<(typeof datasetRowSchemas)[D]>;

/** The key of a row within its dataset. A target level is keyed by site and product (a JSON pair). */
export function rowKey<D extends Dataset>(dataset: D, row: DatasetRow<D>): string {
  const r = row as Record<string, unknown>;
  switch (dataset) {
    case 'catalog':
      return String(r.gtin);
    case 'sites':
    case 'locations':
      return String(r.code);
    case 'target-levels':
      return targetLevelKey(String(r.siteCode), String(r.gtin));
    default:
      return String(r.id);
  }
}

export function targetLevelKey(siteCode: string, gtin: string): string {
  return JSON.stringify([siteCode, gtin]);
}
