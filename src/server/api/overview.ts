import type { Context } from 'hono';
import { z } from 'zod/mini';
import { gtinSchema } from '../../domain/count-event.ts';
import type { OverviewFilter } from '../../domain/overview/model.ts';
import type { EventStore } from '../storage/event-store.ts';
import { apiError, summarizeIssues } from './errors.ts';

export const DEFAULT_OVERVIEW_LIMIT = 50;
export const MAX_OVERVIEW_LIMIT = 1000;

const filterQuery = {
  site: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  region: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  atc: z.optional(z.string().check(z.regex(/^[A-Za-z0-9]{1,7}$/, 'must be an ATC code or the start of one'))),
};
const overviewQuerySchema = z.strictObject({
  ...filterQuery,
  offset: z.optional(z.string().check(z.regex(/^\d{1,9}$/))),
  limit: z.optional(z.string().check(z.regex(/^\d{1,4}$/))),
});
const expiriesQuerySchema = z.strictObject(filterQuery);
const drillQuerySchema = z.strictObject({ site: z.string().check(z.minLength(1), z.maxLength(64)), gtin: gtinSchema });

function toFilter(query: { site?: string; region?: string; atc?: string }): OverviewFilter {
  return {
    ...(query.site ? { siteCode: query.site } : {}),
    ...(query.region ? { region: query.region } : {}),
    ...(query.atc ? { atc: query.atc } : {}),
  };
}

/** The filter of an overview request, or the 400 answer. Shared with the exports. */
export function readFilter(c: Context): { ok: true; filter: OverviewFilter } | { ok: false; response: Response } {
  const query = expiriesQuerySchema.safeParse(c.req.query());
  if (!query.success) {
    return {
      ok: false,
      response: apiError(c, 400, 'invalid_request', `Invalid filter: ${summarizeIssues(query.error.issues)}`),
    };
  }
  return { ok: true, filter: toFilter(query.data) };
}

/**
 * GET /api/v1/overview?site=&region=&atc=&offset=&limit= — per site and product: counted (latest
 * approved stock-take), provisional (newer stock-take in progress), target, coverage, earliest expiry;
 * lowest coverage first. See docs/overview.md.
 */
export async function handleOverview(c: Context, store: EventStore): Promise<Response> {
  const query = overviewQuerySchema.safeParse(c.req.query());
  if (!query.success) {
    return apiError(c, 400, 'invalid_request', `Invalid overview request: ${summarizeIssues(query.error.issues)}`);
  }
  const limit = Math.min(Number(query.data.limit ?? DEFAULT_OVERVIEW_LIMIT), MAX_OVERVIEW_LIMIT);
  const offset = Number(query.data.offset ?? 0);
  return c.json(await store.overview(toFilter(query.data), { offset, limit }), 200);
}

/** GET /api/v1/overview/expiries?site=&region=&atc= — packs per month of expiry, for the chart. */
export async function handleExpiries(c: Context, store: EventStore): Promise<Response> {
  const filter = readFilter(c);
  if (!filter.ok) return filter.response;
  return c.json({ months: await store.overviewExpiries(filter.filter) }, 200);
}

/** GET /api/v1/overview/drill?site=&gtin= — the batches behind a number and the count events behind each. */
export async function handleDrill(c: Context, store: EventStore): Promise<Response> {
  const query = drillQuerySchema.safeParse(c.req.query());
  if (!query.success) {
    return apiError(c, 400, 'invalid_request', `Invalid drill-down: ${summarizeIssues(query.error.issues)}`);
  }
  return c.json(await store.overviewDrill(query.data.site, query.data.gtin), 200);
}
