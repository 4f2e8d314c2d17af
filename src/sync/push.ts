import { MAX_EVENTS_PER_PUSH, PROTOCOL_VERSION, pushResponseSchema } from '../domain/sync-protocol.ts';
import type { LagerkollDb } from '../store/db.ts';
import { getDeviceId } from '../store/device.ts';
import { applyPushResults, pendingBatch, toWireEvent } from '../store/events.ts';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface PushOptions {
  /** Base URL of the server ('' for the same origin the app came from). */
  baseUrl?: string;
  fetch?: FetchLike;
  batchSize?: number;
  /** Give up on a request that has not answered within this many milliseconds. */
  timeoutMs?: number;
}

export interface PushSummary {
  sent: number;
  rejected: number;
  batches: number;
}

/**
 * A push that did not get a usable answer: the network failed, the server answered 5xx or 429, or
 * the answer could not be read. Nothing was marked sent; the same events go again with the same ids.
 */
export class PushError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'PushError';
  }
}

/**
 * Sends the device's pending events to the server in batches, oldest first, until none is left.
 * Each batch's events are marked sent only when the server's answer names them.
 */
export async function pushPending(db: LagerkollDb, options: PushOptions = {}): Promise<PushSummary> {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const batchSize = Math.min(options.batchSize ?? MAX_EVENTS_PER_PUSH, MAX_EVENTS_PER_PUSH);
  const deviceId = await getDeviceId(db);
  const summary: PushSummary = { sent: 0, rejected: 0, batches: 0 };

  for (;;) {
    const batch = await pendingBatch(db, batchSize);
    if (batch.length === 0) return summary;
    const body = JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId, events: batch.map(toWireEvent) });
    const response = await send(
      doFetch,
      `${options.baseUrl ?? ''}/api/v1/sync/push`,
      body,
      options.timeoutMs ?? 30_000,
    );
    const answer = pushResponseSchema.safeParse(await readJson(response));
    if (!answer.success) throw new PushError('The server sent an answer the app cannot read.', true, response.status);
    const applied = await applyPushResults(db, batch, answer.data.results);
    summary.sent += applied.sent;
    summary.rejected += applied.rejected;
    summary.batches++;
    // A batch of which nothing could be settled would loop for ever: stop and let the next trigger retry.
    if (applied.sent + applied.rejected === 0) {
      throw new PushError('The server answered without settling any event of the batch.', true, response.status);
    }
  }
}

async function send(doFetch: FetchLike, url: string, body: string, timeoutMs: number): Promise<Response> {
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new PushError(`No connection to the server (${describe(error)}).`, true);
  }
  if (response.ok) return response;
  const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
  const detail = await readJson(response).catch(() => null);
  const message =
    detail && typeof detail === 'object' && 'message' in detail ? String(detail.message) : response.statusText;
  throw new PushError(
    `The server answered ${response.status}: ${message}`,
    retryable,
    response.status,
    parseRetryAfter(response.headers.get('retry-after')),
  );
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
