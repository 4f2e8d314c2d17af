import type { Context } from 'hono';
import { z } from 'zod/mini';
import { type AuditPage, auditActionSchema } from '../../domain/auth/api.ts';
import type { EventStore } from '../storage/event-store.ts';
import { apiError, summarizeIssues } from './errors.ts';

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 500;

const wholeNumber = z.string().check(z.regex(/^[1-9]\d{0,15}$/, 'must be a whole number above 0'));
const auditQuerySchema = z.strictObject({
  before: z.optional(wholeNumber),
  action: z.optional(auditActionSchema),
  /** Only lines about this (a stock-take id, a device id, a user id…). */
  subject: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  limit: z.optional(wholeNumber),
});

/**
 * GET /api/v1/audit?before=&action=&subject=&limit= (audit:read): the audit log, newest first. `nextBefore`
 * is the `before` of the next (older) page, null on the last one.
 */
export async function handleAuditPage(c: Context, store: EventStore): Promise<Response> {
  const query = auditQuerySchema.safeParse(c.req.query());
  if (!query.success) {
    return apiError(c, 400, 'invalid_request', `Invalid audit query: ${summarizeIssues(query.error.issues)}`);
  }
  const { before, action, subject, limit } = query.data;
  const pageSize = Math.min(limit === undefined ? DEFAULT_AUDIT_LIMIT : Number(limit), MAX_AUDIT_LIMIT);
  const entries = await store.auth.auditPage({
    limit: pageSize,
    ...(before === undefined ? {} : { before: Number(before) }),
    ...(action === undefined ? {} : { action }),
    ...(subject === undefined ? {} : { subject }),
  });
  const last = entries.at(-1);
  const body: AuditPage = { entries, nextBefore: entries.length === pageSize && last ? last.id : null };
  return c.json(body, 200);
}
