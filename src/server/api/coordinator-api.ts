import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { EventStore } from '../storage/event-store.ts';
import { handleCatalogImport, handleTargetLevelImport } from './admin-import.ts';
import { apiError } from './errors.ts';
import { handleDrill, handleExpiries, handleOverview } from './overview.ts';
import { handleOverviewCsv, handleOverviewXlsx } from './overview-export.ts';

/** A catalog of 50,000 rows is ~5 MB as CSV; this leaves room without letting anything through. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * Every route for coordinators and administrators (issue 8): master-data imports under /admin and
 * the overview under /overview, in one sub-app. Roles (issue 7) are not built yet: their
 * authorization middleware goes in front of this sub-app (createApp mounts it), so that none of
 * these routes can be reached without it once it exists.
 */
export function createCoordinatorApi(store: EventStore): Hono {
  const api = new Hono();
  const importLimit = bodyLimit({
    maxSize: MAX_IMPORT_BYTES,
    onError: (c) => apiError(c, 413, 'payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES} bytes.`),
  });
  api.post('/admin/catalog/import', importLimit, (c) => handleCatalogImport(c, store));
  api.post('/admin/target-levels/import', importLimit, (c) => handleTargetLevelImport(c, store));
  api.get('/overview', (c) => handleOverview(c, store));
  api.get('/overview/expiries', (c) => handleExpiries(c, store));
  api.get('/overview/drill', (c) => handleDrill(c, store));
  api.get('/overview/export.csv', (c) => handleOverviewCsv(c, store));
  api.get('/overview/export.xlsx', (c) => handleOverviewXlsx(c, store));
  return api;
}
