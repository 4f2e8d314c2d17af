import type { Context } from 'hono';
import { type CountEvent, parseAnyCountEvent } from '../../domain/count-event.ts';
import { PROTOCOL_VERSION, type PushResponse, type PushResult, pushRequestSchema } from '../../domain/sync-protocol.ts';
import type { EventStore } from '../storage/event-store.ts';
import { apiError, readJsonBody } from './errors.ts';

/**
 * POST /api/v1/sync/push — stores a batch of count events exactly once.
 * The envelope must be valid (else 400 and nothing is stored); each event is then judged on its
 * own, so a malformed event is rejected with its reason while the good ones are stored, and the
 * answer is 200 so that one bad event never blocks a device's queue.
 */
export async function handlePush(c: Context, store: EventStore): Promise<Response> {
  const body = await readJsonBody(c);
  if (!body.ok) return body.response;
  const request = pushRequestSchema.safeParse(body.value);
  if (!request.success) {
    return apiError(c, 400, 'invalid_request', `The push is not valid: ${summarize(request.error.issues)}`);
  }
  const { deviceId, events } = request.data;

  const results: PushResult[] = new Array(events.length);
  const valid: Array<{ index: number; event: CountEvent }> = [];
  for (const [index, candidate] of events.entries()) {
    const parsed = parseAnyCountEvent(candidate);
    const id = readId(candidate);
    if (!parsed.success) {
      results[index] = { index, id, status: 'rejected', reason: `Malformed event: ${summarize(parsed.issues)}` };
    } else if (parsed.data.deviceId !== deviceId) {
      results[index] = { index, id, status: 'rejected', reason: 'The event belongs to another device.' };
    } else {
      valid.push({ index, event: parsed.data });
    }
  }

  const serverTime = new Date().toISOString();
  const outcomes = await store.ingest(
    valid.map((v) => v.event),
    serverTime,
  );
  for (const [i, { index, event }] of valid.entries()) {
    const status = outcomes[i] ?? 'conflict';
    results[index] =
      status === 'conflict'
        ? { index, id: event.id, status, reason: 'Another event with this id, with different content, is stored.' }
        : { index, id: event.id, status };
  }

  const response: PushResponse = { protocolVersion: PROTOCOL_VERSION, serverTime, results };
  return c.json(response, 200);
}

function readId(candidate: unknown): string | null {
  if (candidate && typeof candidate === 'object' && 'id' in candidate && typeof candidate.id === 'string') {
    return candidate.id.slice(0, 64);
  }
  return null;
}

function summarize(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
