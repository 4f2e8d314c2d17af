import type { MiddlewareHandler } from 'hono';
import type { EventStore } from '../storage/event-store.ts';
import { actorOf } from './authenticate.ts';
import type { AuthEnv } from './context.ts';

/**
 * Audits an import after it ran, when it wrote something (a dry run, or a file with errors, writes
 * nothing and is not audited): which dataset, the file's format and how many rows were new or changed.
 */
export function auditImport(store: EventStore, dataset: string): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    const answer = (await c.res
      .clone()
      .json()
      .catch(() => null)) as {
      written?: boolean;
      format?: string;
      rows?: number;
      new?: number;
      changed?: number;
    } | null;
    if (!answer?.written) return;
    await store.auth.appendAudit({
      action: 'imported',
      ...actorOf(c),
      subject: dataset,
      details: { dataset, format: answer.format, rows: answer.rows, new: answer.new, changed: answer.changed },
    });
  };
}

/** Audits an export that was delivered: what, in which format, with which filter. */
export function auditExport(store: EventStore, what: string): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    const format = c.req.path.split('.').at(-1) ?? '';
    await store.auth.appendAudit({
      action: 'exported',
      ...actorOf(c),
      subject: what,
      details: { what, format, filter: c.req.query() },
    });
  };
}
