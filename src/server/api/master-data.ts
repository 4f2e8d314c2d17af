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
import type { EventStore, ReferenceChange } from '../storage/event-store.ts';
import { currentRows } from './current-reference.ts';
import { apiError, readBody } from './errors.ts';

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
  const body = await readBody(c, setTargetLevelSchema, 'target level');
  if (!body.ok) return body.response;
  const level: SetTargetLevel = body.value;
  const [sites, catalog] = await Promise.all([currentRows(store, 'sites'), currentRows(store, 'catalog')]);
  if (!sites.some((site) => site.code === level.siteCode)) {
    return apiError(c, 400, 'invalid_request', `There is no site ${level.siteCode}.`);
  }
  if (!catalog.some((product) => product.gtin === level.gtin)) {
    return apiError(c, 400, 'invalid_request', `The product ${level.gtin} is not in the catalog.`);
  }
  const key = targetLevelKey(level.siteCode, level.gtin);
  await storeAndAudit(
    c,
    store,
    level.targetPacks === null
      ? { dataset: 'target-levels', key, deleted: true }
      : {
          dataset: 'target-levels',
          key,
          row: { siteCode: level.siteCode, gtin: level.gtin, targetPacks: level.targetPacks },
        },
    `target-level ${level.siteCode} ${level.gtin}`,
    { siteCode: level.siteCode, gtin: level.gtin, targetPacks: level.targetPacks },
  );
  return c.json(level);
}

/**
 * PUT /api/v1/catalog/:gtin — adds one product to the catalog or replaces it: how a product that
 * was counted as unknown gets its name without a catalog file. Devices and the overview get it like
 * an imported one (the reference-data path), and the audit log says who changed what.
 */
export async function handleSetProduct(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const body = await readBody(c, setProductSchema, 'product');
  if (!body.ok) return body.response;
  const product = body.value;
  const problem = addressMismatch('GTIN', c.req.param('gtin'), product.gtin, 'product') ?? productProblem(product);
  if (problem) return apiError(c, 400, 'invalid_request', problem);
  const before = (await currentRows(store, 'catalog')).find((p) => p.gtin === product.gtin);
  if (!sameRow(before, product)) {
    await storeAndAudit(
      c,
      store,
      { dataset: 'catalog', key: rowKey('catalog', product), row: product },
      `product ${product.gtin}`,
      {
        gtin: product.gtin,
        change: before ? 'changed' : 'added',
        nameSv: product.nameSv,
      },
    );
  }
  return c.json(product);
}

/**
 * PUT /api/v1/locations/:code — adds a location (a room, shelf or bin) to a site, or renames one,
 * without a locations file: a new shelf gets its label printed at once. A location never moves to
 * another site (its label and the counts made there would move with it). Devices get it like an
 * imported one, and the audit log says who changed what.
 */
export async function handleSetLocation(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const body = await readBody(c, setLocationSchema, 'location');
  if (!body.ok) return body.response;
  const location = { ...body.value, name: body.value.name.trim() };
  const [sites, locations] = await Promise.all([currentRows(store, 'sites'), currentRows(store, 'locations')]);
  const problem =
    addressMismatch('code', c.req.param('code'), location.code, 'location') ??
    locationProblem(location, {
      siteCodes: new Set(sites.map((site) => site.code)),
      siteOfLocation: new Map(locations.map((l) => [l.code, l.siteCode])),
    });
  if (problem) return apiError(c, 400, 'invalid_request', problem);
  const before = locations.find((l) => l.code === location.code);
  if (!sameRow(before, location)) {
    await storeAndAudit(
      c,
      store,
      { dataset: 'locations', key: rowKey('locations', location), row: location },
      `location ${location.code}`,
      {
        code: location.code,
        siteCode: location.siteCode,
        change: before ? 'changed' : 'added',
        name: location.name,
      },
    );
  }
  return c.json(location);
}

/** The key in the address and the one in the body must name the same row. */
function addressMismatch(what: string, inAddress: string | undefined, inBody: string, row: string): string | null {
  return inAddress === inBody
    ? null
    : `The ${what} in the address (${inAddress}) and in the ${row} (${inBody}) differ.`;
}

/** Nothing to write when the row is stored already, as it is: no new version for devices, no audit line. */
function sameRow(before: object | undefined, after: object): boolean {
  return before !== undefined && JSON.stringify(before) === JSON.stringify(after);
}

/** One master-data change made on screen: written through the reference-data path, then audited. */
async function storeAndAudit(
  c: Context<AuthEnv>,
  store: EventStore,
  change: ReferenceChange,
  subject: string,
  details: Record<string, unknown>,
): Promise<void> {
  await store.writeReference([change]);
  await store.auth.appendAudit({
    action: 'master-data-changed',
    userId: currentUser(c).id,
    deviceId: c.get('device')?.deviceId ?? null,
    subject,
    details: { dataset: change.dataset, ...details },
  });
}
