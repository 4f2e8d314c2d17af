import { z } from 'zod/mini';

/**
 * The answer to a master-data import (catalog, target levels, sites, locations) (POST /api/v1/admin/…/import?dryRun=…): what the
 * file would change (dry run) or changed, and every row error with its row (header = 1) and column.
 * A real import with errors answers 422 with this same body (plus `error` and `message`).
 */
export const importRowErrorSchema = z.object({
  row: z.int(),
  /** null: the problem is with the whole row or file. */
  column: z.nullable(z.string()),
  message: z.string(),
});

export const importPreviewSchema = z.object({
  dryRun: z.boolean(),
  written: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  /** Data rows in the file. */
  rows: z.int(),
  new: z.int(),
  changed: z.int(),
  unchanged: z.int(),
  /** All errors; `errors` lists at most the first thousand. */
  errorCount: z.int(),
  errors: z.array(importRowErrorSchema),
});
export type ImportPreviewAnswer = z.infer<typeof importPreviewSchema>;
