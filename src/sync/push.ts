import { MAX_EVENTS_PER_PUSH, PROTOCOL_VERSION, pushResponseSchema } from '../domain/sync-protocol.ts';
import type { LagerkollDb } from '../store/db.ts';
import { getDeviceId } from '../store/device.ts';
import { applyPushResults, pendingBatch, toWireEvent } from '../store/events.ts';
import { withDeviceHeaders } from './device-headers.ts';
import { readJson, type ServerOptions, SyncError, syncRequest } from './http.ts';

export type { FetchLike } from './http.ts';
export { parseRetryAfter, SyncError } from './http.ts';

export interface PushOptions extends ServerOptions {
  batchSize?: number;
}

export interface PushSummary {
  sent: number;
  rejected: number;
  batches: number;
  /** Events marked sent that the server turned out not to hold (e.g. restored from a backup): sent again. */
  resent: number;
  /** The server's answer: every event of this device up to this seq has arrived (null: nothing pushed). */
  highestContiguousSeq: number | null;
  /** Device clock minus server clock at the last push (ms), as the server measured it. */
  clockSkewMs: number | null;
}

/**
 * Sends the device's pending events to the server in batches, oldest first, until none is left.
 * Each batch's events are marked sent only when the server's answer names them as stored. After
 * each answer the server's watermark is checked: an event the device holds as sent just above it
 * was lost by the server, and goes again (its id makes that safe).
 */
export async function pushPending(db: LagerkollDb, pushOptions: PushOptions = {}): Promise<PushSummary> {
  // Every request carries the device credential and the age of the oldest unsent count, read afresh.
  const options = withDeviceHeaders(db, pushOptions);
  const batchSize = Math.min(options.batchSize ?? MAX_EVENTS_PER_PUSH, MAX_EVENTS_PER_PUSH);
  const deviceId = await getDeviceId(db);
  const summary: PushSummary = {
    sent: 0,
    rejected: 0,
    batches: 0,
    resent: 0,
    highestContiguousSeq: null,
    clockSkewMs: null,
  };
  const resentSeqs = new Set<number>();

  for (;;) {
    const batch = await pendingBatch(db, batchSize);
    if (batch.length === 0) return summary;
    const body = JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      deviceId,
      sentAt: new Date().toISOString(),
      events: batch.map(toWireEvent),
    });
    const response = await syncRequest(options, '/api/v1/sync/push', { method: 'POST', body });
    const answer = pushResponseSchema.safeParse(await readJson(response));
    if (!answer.success) throw new SyncError('The server sent an answer the app cannot read.', true, response.status);
    const applied = await applyPushResults(db, batch, answer.data.results);
    summary.sent += applied.sent;
    summary.rejected += applied.rejected;
    summary.batches++;
    summary.highestContiguousSeq = answer.data.highestContiguousSeq;
    summary.clockSkewMs = answer.data.clockSkewMs;
    // A batch of which nothing could be settled would loop for ever: stop and let the next trigger retry.
    if (applied.sent + applied.rejected === 0) {
      throw new SyncError('The server answered without settling any event of the batch.', true, response.status);
    }
    const settledNow = new Set(batch.map((event) => event.id));
    summary.resent += await requeueLostEvents(db, answer.data.highestContiguousSeq, settledNow, resentSeqs);
  }
}

/**
 * The server holds every event up to `watermark` and not the next one. If the device has that next
 * event as sent, the server lost it: the run of sent events from there is put back in the outbox
 * (up to a pending or rejected event, which explain a gap by themselves), except the events the
 * answer just named as stored. Each seq is put back at
 * most once per push, so a server that keeps losing events cannot make the device loop.
 */
async function requeueLostEvents(
  db: LagerkollDb,
  watermark: number,
  justSettled: ReadonlySet<string>,
  alreadyResent: Set<number>,
): Promise<number> {
  return db.transaction('rw', db.events, async () => {
    // The usual case, answered by one lookup: the next event is pending (or not made yet).
    const next = await db.events
      .where('seq')
      .equals(watermark + 1)
      .first();
    if (next?.sync !== 'sent') return 0;
    const after = await db.events.where('seq').above(watermark).limit(MAX_EVENTS_PER_PUSH).toArray();
    let expected = watermark + 1;
    const lost: string[] = [];
    for (const event of after) {
      if (event.seq !== expected || event.sync !== 'sent' || alreadyResent.has(event.seq)) break;
      expected++;
      // Named as stored in the answer just received: the server holds it, whatever the watermark says.
      if (justSettled.has(event.id)) continue;
      lost.push(event.id);
      alreadyResent.add(event.seq);
    }
    for (const id of lost) await db.events.update(id, { sync: 'pending', sentAt: undefined });
    return lost.length;
  });
}
