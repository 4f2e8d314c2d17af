import { type Context, Hono } from 'hono';
import { z } from 'zod/mini';
import { createStockTakeSchema, resolveConflictSchema } from '../../domain/overview/stock-take-admin.ts';
import { stockTakeStatusSchema } from '../../domain/reference-data.ts';
import { type AuthEnv, currentUser, requirePermission } from '../auth/context.ts';
import type { EventStore } from '../storage/event-store.ts';
import { apiError, invalidRequest, readBody } from './errors.ts';
import { readFilter } from './overview.ts';
import { EXPIRY_COLUMNS, expiryRows, RESULT_COLUMNS, stockTakeResultRows } from './stock-take-export.ts';
import { resolveConflict } from './stock-take-resolutions.ts';
import {
  type Actor,
  approveStockTake,
  createStockTake,
  listStockTakes,
  type Outcome,
  readProgress,
  readStockTake,
  submitStockTake,
} from './stock-take-service.ts';
import { csvExport, xlsxExport } from './table-export.ts';

type Ctx = Context<AuthEnv>;

const listQuerySchema = z.strictObject({
  site: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  status: z.optional(stockTakeStatusSchema),
});

/**
 * The coordinators' stock-take routes (issue 8; contract in src/domain/overview/stock-take-admin.ts),
 * each behind its permission (domain/auth/roles.ts). Mounted in the coordinator sub-app.
 */
export function createStockTakeApi(store: EventStore): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  api.post('/stock-takes', requirePermission('stock-takes:create'), async (c) => {
    const body = await readBody(c, createStockTakeSchema, 'stock-take');
    return body.ok ? answer(c, await createStockTake(store, body.value, actor(c)), 201) : body.response;
  });
  api.get('/stock-takes', requirePermission('stock-takes:read'), async (c) => {
    const query = listQuerySchema.safeParse(c.req.query());
    if (!query.success) return invalidRequest(c, 'Invalid stock-take list request', query.error.issues);
    const { site, status } = query.data;
    const stockTakes = await listStockTakes(store, {
      ...(site === undefined ? {} : { siteCode: site }),
      ...(status === undefined ? {} : { status }),
    });
    return c.json({ stockTakes }, 200);
  });
  api.get('/stock-takes/:id', requirePermission('stock-takes:read'), async (c) =>
    answer(c, await readProgress(store, c.req.param('id'))),
  );
  api.post('/stock-takes/:id/resolutions', requirePermission('stock-takes:resolve'), async (c) => {
    const body = await readBody(c, resolveConflictSchema, 'resolution');
    if (!body.ok) return body.response;
    return answer(c, await resolveConflict(store, c.req.param('id'), body.value, actor(c)));
  });
  api.post('/stock-takes/:id/submit', requirePermission('stock-takes:submit'), async (c) =>
    answer(c, await submitStockTake(store, c.req.param('id'), actor(c))),
  );
  api.post('/stock-takes/:id/approve', requirePermission('stock-takes:approve'), async (c) =>
    answer(c, await approveStockTake(store, c.req.param('id'), actor(c))),
  );
  for (const format of ['csv', 'xlsx'] as const) {
    api.get(`/stock-takes/:id/export.${format}`, requirePermission('exports:read'), (c) =>
      exportStockTake(c, store, format),
    );
    api.get(`/overview/expiries/export.${format}`, requirePermission('exports:read'), (c) =>
      exportExpiries(c, store, format),
    );
  }
  return api;
}

function actor(c: Ctx): Actor {
  return { userId: currentUser(c).id, deviceId: c.get('device')?.deviceId ?? null };
}

function answer<T>(c: Ctx, outcome: Outcome<T>, status: 200 | 201 = 200): Response {
  if (outcome.ok) return c.json(outcome.value as object, status);
  if (outcome.openConflicts) {
    return c.json(
      { error: outcome.error, message: outcome.message, openConflicts: outcome.openConflicts },
      outcome.status,
    );
  }
  return apiError(c, outcome.status, outcome.error, outcome.message);
}

/** GET /stock-takes/:id/export.csv|.xlsx — the result per location, product, batch and expiry. */
async function exportStockTake(c: Ctx, store: EventStore, format: 'csv' | 'xlsx'): Promise<Response> {
  const id = c.req.param('id') ?? '';
  const stockTake = await readStockTake(store, id);
  if (!stockTake) return apiError(c, 404, 'not_found', `No stock-take ${id}.`);
  const rows = await stockTakeResultRows(store, stockTake);
  await audit(c, store, id, { what: 'stock-take', format, rows: rows.length });
  const name = `lagerkoll-inventering-${id}`;
  return format === 'csv'
    ? csvExport(c, name, RESULT_COLUMNS, rows)
    : xlsxExport(c, name, 'Inventering', RESULT_COLUMNS, rows);
}

/** GET /overview/expiries/export.csv|.xlsx — approved packs per site, product, batch and expiry. */
async function exportExpiries(c: Ctx, store: EventStore, format: 'csv' | 'xlsx'): Promise<Response> {
  const filter = readFilter(c);
  if (!filter.ok) return filter.response;
  const rows = await expiryRows(store, filter.filter);
  await audit(c, store, 'expiries', { what: 'expiries', format, rows: rows.length, filter: filter.filter });
  return format === 'csv'
    ? csvExport(c, 'lagerkoll-utgangsdatum', EXPIRY_COLUMNS, rows)
    : xlsxExport(c, 'lagerkoll-utgangsdatum', 'Utgångsdatum', EXPIRY_COLUMNS, rows);
}

async function audit(c: Ctx, store: EventStore, subject: string, details: Record<string, unknown>): Promise<void> {
  const { userId, deviceId } = actor(c);
  await store.auth.appendAudit({ action: 'exported', userId, deviceId, subject, details });
}
