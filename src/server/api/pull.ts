import type { Context } from 'hono';
import {
  DEFAULT_PULL_LIMIT,
  MAX_PULL_LIMIT,
  PROTOCOL_VERSION,
  type PullPage,
  pullQuerySchema,
} from '../../domain/sync-protocol.ts';
import type { EventStore } from '../storage/event-store.ts';
import { apiError, summarizeIssues } from './errors.ts';

/**
 * GET /api/v1/sync/pull?dataset=…&cursor=…&limit=… — the changes of one dataset after the cursor,
 * oldest first: rows put (upsert) and rows deleted (tombstones). The device applies a page and its
 * cursor in one transaction and asks again while `hasMore`. A cursor the server can no longer
 * serve gets 410: the device reloads the dataset from the start and swaps it in.
 */
export async function handlePull(c: Context, store: EventStore): Promise<Response> {
  const query = pullQuerySchema.safeParse(c.req.query());
  if (!query.success) {
    return apiError(c, 400, 'invalid_request', `The pull is not valid: ${summarizeIssues(query.error.issues)}`);
  }
  const { dataset, cursor, limit } = query.data;
  const pageSize = Math.min(limit === undefined ? DEFAULT_PULL_LIMIT : Number(limit), MAX_PULL_LIMIT);
  const page = await store.changesSince(dataset, cursor ?? null, pageSize);
  if (page.status === 'expired') {
    return apiError(
      c,
      410,
      'cursor_expired',
      `The server no longer has every change of ${dataset} since this cursor: reload the dataset from the start.`,
    );
  }
  const body: PullPage = {
    protocolVersion: PROTOCOL_VERSION,
    dataset,
    cursor: page.cursor,
    hasMore: page.hasMore,
    changes: page.changes.map((change) =>
      change.row === null
        ? { op: 'delete', key: change.key }
        : { op: 'upsert', key: change.key, row: change.row as never },
    ),
  } as PullPage;
  return c.json(body, 200);
}
