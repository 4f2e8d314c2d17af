import type { Context } from 'hono';
import { eventClockSkewMs } from '../../domain/clock-skew.ts';
import { type CountEvent, parseAnyCountEvent } from '../../domain/count-event.ts';
import {
  APP_VERSION_HEADER,
  PROTOCOL_VERSION,
  type PushResponse,
  type PushResult,
  pushRequestSchema,
} from '../../domain/sync-protocol.ts';
import type { AuthEnv } from '../auth/context.ts';
import type { EventStore, IngestItem } from '../storage/event-store.ts';
import { apiError, readJsonBody, summarizeIssues } from './errors.ts';

/**
 * POST /api/v1/sync/push — stores a batch of count events exactly once.
 * The envelope must be valid (else 400 and nothing is stored); each event is then judged on its
 * own, so a malformed event is rejected with its reason while the good ones are stored, and the
 * answer is 200 so that one bad event never blocks a device's queue. The good events go to the
 * store in one transaction: all of them or, if the store fails, none (500, safe to retry).
 *
 * Identity (issue 7): the envelope must speak for the device whose credential came with it (403
 * device_mismatch otherwise), and so must each event. An event naming a user (userId) is accepted
 * only if that user has signed in online on this device at least once: a device cannot put counts
 * in the name of someone who never used it. Events with userId null — counted before sign-in
 * existed, by an app that had no users — are accepted as before.
 */
export async function handlePush(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const body = await readJsonBody(c);
  if (!body.ok) return body.response;
  const request = pushRequestSchema.safeParse(body.value);
  if (!request.success) {
    return apiError(c, 400, 'invalid_request', `The push is not valid: ${summarizeIssues(request.error.issues)}`);
  }
  const { deviceId, sentAt, events } = request.data;
  const device = c.get('device');
  if (!device || device.deviceId !== deviceId) {
    return apiError(
      c,
      403,
      'device_mismatch',
      `The push speaks for device ${deviceId}, but the credential is another device's; nothing was stored.`,
    );
  }
  const receivedAtMs = Date.now();
  const serverTime = new Date(receivedAtMs).toISOString();
  const deviceSkewMs = Date.parse(sentAt) - receivedAtMs;

  const results: PushResult[] = new Array(events.length);
  const wellFormed: Array<{ index: number; event: CountEvent }> = [];
  for (const [index, candidate] of events.entries()) {
    const parsed = parseAnyCountEvent(candidate);
    const id = readId(candidate);
    if (!parsed.success) {
      results[index] = { index, id, status: 'rejected', reason: `Malformed event: ${summarizeIssues(parsed.issues)}` };
    } else if (parsed.data.deviceId !== deviceId) {
      results[index] = { index, id, status: 'rejected', reason: 'The event belongs to another device.' };
    } else {
      wellFormed.push({ index, event: parsed.data });
    }
  }
  const signedIn = await store.auth.usersSignedInOnDevice(
    deviceId,
    wellFormed.flatMap(({ event }) => (event.userId === null ? [] : [event.userId])),
  );
  const valid = wellFormed.filter(({ index, event }) => {
    if (event.userId === null || signedIn.has(event.userId)) return true;
    results[index] = {
      index,
      id: event.id,
      status: 'rejected',
      reason: `The user ${event.userId} has not signed in on this device; a first sign-in must be online.`,
    };
    return false;
  });

  const items: IngestItem[] = valid.map(({ event }) => ({
    event,
    clockSkewMs: eventClockSkewMs(event.countedAt, deviceSkewMs, receivedAtMs),
  }));
  const { outcomes, highestContiguousSeq } = await store.ingest({
    deviceId,
    appVersion: c.req.header(APP_VERSION_HEADER)?.slice(0, 64) ?? null,
    receivedAt: serverTime,
    items,
  });
  for (const [i, { index, event }] of valid.entries()) {
    const status = outcomes[i] ?? 'conflict';
    const result: PushResult =
      status === 'conflict'
        ? { index, id: event.id, status, reason: 'Another event with this id, with different content, is stored.' }
        : { index, id: event.id, status };
    if (status === 'accepted' && items[i]?.clockSkewMs !== null) result.clockSkewed = true;
    results[index] = result;
  }

  const response: PushResponse = {
    protocolVersion: PROTOCOL_VERSION,
    serverTime,
    highestContiguousSeq,
    clockSkewMs: Math.round(deviceSkewMs),
    results,
  };
  return c.json(response, 200);
}

function readId(candidate: unknown): string | null {
  if (candidate && typeof candidate === 'object' && 'id' in candidate && typeof candidate.id === 'string') {
    return candidate.id.slice(0, 64);
  }
  return null;
}
