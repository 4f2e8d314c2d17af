import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { auditExport, auditImport } from '../auth/audit-trail.ts';
import { type AuthEnv, requirePermission } from '../auth/context.ts';
import type { EventStore } from '../storage/event-store.ts';
import {
  handleCatalogImport,
  handleLocationImport,
  handleSiteImport,
  handleTargetLevelImport,
} from './admin-import.ts';
import { apiError } from './errors.ts';
import { handleListSites, handleSetLocation, handleSetProduct, handleSetTargetLevel } from './master-data.ts';
import { handleDrill, handleExpiries, handleOverview } from './overview.ts';
import { handleOverviewCsv, handleOverviewXlsx } from './overview-export.ts';
import { createStockTakeApi } from './stock-takes.ts';

/** A catalog of 50,000 rows is ~5 MB as CSV; this leaves room without letting anything through. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * Every route for coordinators and administrators (issue 8): master-data imports under /admin and
 * the overview under /overview, in one sub-app. Every route has its permission (issue 7,
 * domain/auth/roles.ts); imports that write and exports are audited.
 */
export function createCoordinatorApi(store: EventStore): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const importLimit = bodyLimit({
    maxSize: MAX_IMPORT_BYTES,
    onError: (c) => apiError(c, 413, 'payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES} bytes.`),
  });
  const manage = requirePermission('master-data:manage');
  api.post('/admin/catalog/import', manage, auditImport(store, 'catalog'), importLimit, (c) =>
    handleCatalogImport(c, store),
  );
  api.post('/admin/target-levels/import', manage, auditImport(store, 'target-levels'), importLimit, (c) =>
    handleTargetLevelImport(c, store),
  );
  api.post('/admin/sites/import', manage, auditImport(store, 'sites'), importLimit, (c) => handleSiteImport(c, store));
  api.post('/admin/locations/import', manage, auditImport(store, 'locations'), importLimit, (c) =>
    handleLocationImport(c, store),
  );
  const overview = requirePermission('overview:read');
  api.get('/overview', overview, (c) => handleOverview(c, store));
  api.get('/overview/expiries', overview, (c) => handleExpiries(c, store));
  api.get('/overview/drill', overview, (c) => handleDrill(c, store));
  const exports = requirePermission('exports:read');
  api.get('/overview/export.csv', exports, auditExport(store, 'overview'), (c) => handleOverviewCsv(c, store));
  api.get('/overview/export.xlsx', exports, auditExport(store, 'overview'), (c) => handleOverviewXlsx(c, store));
  api.get('/sites', requirePermission('stock-takes:read'), (c) => handleListSites(c, store));
  api.put('/target-levels', manage, (c) => handleSetTargetLevel(c, store));
  api.put('/catalog/:gtin', manage, (c) => handleSetProduct(c, store));
  api.put('/locations/:code', manage, (c) => handleSetLocation(c, store));
  api.route('/', createStockTakeApi(store));
  return api;
}
