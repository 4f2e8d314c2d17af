import type { Context } from 'hono';
import { locationProblem } from '../../domain/overview/location-check.ts';
import {
  type SetTargetLevel,
  type SiteWithLocations,
  setLocationSchema,
  setProductSchema,
  setTargetLevelSchema,
} from '../../domain/overview/master-data-api.ts';
import { productProblem } from '../../domain/overview/product-check.ts';
import { rowKey, targetLevelKey } from '../../domain/reference-datasets.ts';
import { type AuthEnv, currentUser } from '../auth/context.ts';
import type { EventStore } from '../storage/event-store.ts';
import { currentRows } from './current-reference.ts';
import { apiError, readJsonBody, summarizeIssues } from './errors.ts';

/** GET /api/v1/sites — every site with its locations, by code (labels, stock-take creation, filters). */
export async function handleListSites(c: Context, store: EventStore): Promise<Response> {
  const [sites, locations] = await Promise.all([currentRows(store, 'sites'), currentRows(store, 'locations')]);
  const bySite = new Map<string, SiteWithLocations>();
  for (const site of [...sites].sort((a, b) => a.code.localeCompare(b.code))) {
    bySite.set(site.code, { ...site, locations: [] });
  }
  for (const location of [...locations].sort((a, b) => a.code.localeCompare(b.code))) {
    bySite.get(location.siteCode)?.locations.push(location);
  }
  return c.json({ sites: [...bySite.values()] });
}

/**
 * PUT /api/v1/target-levels — sets (or with `targetPacks: null` removes) one target level, for a
 * known site and a product in the catalog. Devices and the overview get it like an imported one.
 */
export async function handleSetTargetLevel(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const body = await readJsonBody(c);
  if (!body.ok) return body.response;
  const request = setTargetLevelSchema.safeParse(body.value);
  if (!request.success) {
    return apiError(c, 400, 'invalid_request', `Invalid target level: ${summarizeIssues(request.error.issues)}`);
  }
  const level: SetTargetLevel = request.data;
  const [sites, catalog] = await Promise.all([currentRows(store, 'sites'), currentRows(store, 'catalog')]);
  if (!sites.some((site) => site.code === level.siteCode)) {
    return apiError(c, 400, 'invalid_request', `There is no site ${level.siteCode}.`);
  }
  if (!catalog.some((product) => product.gtin === level.gtin)) {
    return apiError(c, 400, 'invalid_request', `The product ${level.gtin} is not in the catalog.`);
  }
  const key = targetLevelKey(level.siteCode, level.gtin);
  await store.writeReference([
    level.targetPacks === null
      ? { dataset: 'target-levels', key, deleted: true }
      : {
          dataset: 'target-levels',
          key,
          row: { siteCode: level.siteCode, gtin: level.gtin, targetPacks: level.targetPacks },
        },
  ]);
  const user = currentUser(c);
  await store.auth.appendAudit({
    action: 'master-data-changed',
    userId: user.id,
    deviceId: c.get('device')?.deviceId ?? null,
    subject: `target-level ${level.siteCode} ${level.gtin}`,
    details: { dataset: 'target-levels', siteCode: level.siteCode, gtin: level.gtin, targetPacks: level.targetPacks },
  });
  return c.json(level);
}

/**
 * PUT /api/v1/catalog/:gtin — adds one product to the catalog or replaces it: how a product that
 * was counted as unknown gets its name without a catalog file. Devices and the overview get it like
 * an imported one (the reference-data path), and the audit log says who changed what.
 */
export async function handleSetProduct(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const body = await readJsonBody(c);
  if (!body.ok) return body.response;
  const request = setProductSchema.safeParse(body.value);
  if (!request.success) {
    return apiError(c, 400, 'invalid_request', `Invalid product: ${summarizeIssues(request.error.issues)}`);
  }
  const product = request.data;
  const inAddress = c.req.param('gtin');
  if (product.gtin !== inAddress) {
    return apiError(
      c,
      400,
      'invalid_request',
      `The GTIN in the address (${inAddress}) and in the product (${product.gtin}) differ.`,
    );
  }
  const problem = productProblem(product);
  if (problem) return apiError(c, 400, 'invalid_request', problem);
  const catalog = await currentRows(store, 'catalog');
  const before = catalog.find((p) => p.gtin === product.gtin);
  if (before && JSON.stringify(before) === JSON.stringify(product)) return c.json(product);
  await store.writeReference([{ dataset: 'catalog', key: rowKey('catalog', product), row: product }]);
  await store.auth.appendAudit({
    action: 'master-data-changed',
    userId: currentUser(c).id,
    deviceId: c.get('device')?.deviceId ?? null,
    subject: `product ${product.gtin}`,
    details: { dataset: 'catalog', gtin: product.gtin, change: before ? 'changed' : 'added', nameSv: product.nameSv },
  });
  return c.json(product);
}

/**
 * PUT /api/v1/locations/:code — adds a location (a room, shelf or bin) to a site, or renames one,
 * without a locations file: a new shelf gets its label printed at once. A location never moves to
 * another site (its label and the counts made there would move with it). Devices get it like an
 * imported one, and the audit log says who changed what.
 */
export async function handleSetLocation(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const body = await readJsonBody(c);
  if (!body.ok) return body.response;
  const request = setLocationSchema.safeParse(body.value);
  if (!request.success) {
    return apiError(c, 400, 'invalid_request', `Invalid location: ${summarizeIssues(request.error.issues)}`);
  }
  const location = { ...request.data, name: request.data.name.trim() };
  const inAddress = c.req.param('code');
  if (location.code !== inAddress) {
    return apiError(
      c,
      400,
      'invalid_request',
      `The code in the address (${inAddress}) and in the location (${location.code}) differ.`,
    );
  }
  const [sites, locations] = await Promise.all([currentRows(store, 'sites'), currentRows(store, 'locations')]);
  const problem = locationProblem(location, {
    siteCodes: new Set(sites.map((site) => site.code)),
    siteOfLocation: new Map(locations.map((l) => [l.code, l.siteCode])),
  });
  if (problem) return apiError(c, 400, 'invalid_request', problem);
  const before = locations.find((l) => l.code === location.code);
  if (before && JSON.stringify(before) === JSON.stringify(location)) return c.json(location);
  await store.writeReference([{ dataset: 'locations', key: rowKey('locations', location), row: location }]);
  await store.auth.appendAudit({
    action: 'master-data-changed',
    userId: currentUser(c).id,
    deviceId: c.get('device')?.deviceId ?? null,
    subject: `location ${location.code}`,
    details: {
      dataset: 'locations',
      code: location.code,
      siteCode: location.siteCode,
      change: before ? 'changed' : 'added',
      name: location.name,
    },
  });
  return c.json(location);
}
