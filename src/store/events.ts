import { v7 as uuidv7 } from 'uuid';
import type { CountEvent } from '../domain/count-event.ts';
import type { PushResult } from '../domain/sync-protocol.ts';
import type { LagerkollDb, StoredEvent } from './db.ts';
import { readOrCreateDevice, saveDevice } from './device.ts';

/** What the caller decides about a count; the store adds the id, the device, the sequence and the time. */
export type NewCount = Pick<CountEvent, 'raw' | 'gtin' | 'quantity'> &
  Partial<Omit<CountEvent, 'id' | 'deviceId' | 'seq' | 'countedAt' | 'schema' | 'raw' | 'gtin' | 'quantity'>>;

/**
 * Stores one count as an immutable event. The id (UUIDv7) and the per-device sequence number are
 * given here, in one transaction with the write, so that a crash can never leave a gap or reuse one.
 */
export async function recordCount(db: LagerkollDb, count: NewCount, now: Date = new Date()): Promise<StoredEvent> {
  return db.transaction('rw', db.events, db.meta, async () => {
    const device = await readOrCreateDevice(db);
    const event: StoredEvent = {
      id: uuidv7({ msecs: now.getTime() }),
      deviceId: device.deviceId,
      seq: device.nextSeq,
      countedAt: now.toISOString(),
      raw: count.raw,
      gtin: count.gtin,
      quantity: count.quantity,
      schema: 2,
      kind: count.kind ?? 'count',
      corrects: count.corrects ?? null,
      stockTakeId: count.stockTakeId ?? null,
      locationCode: count.locationCode ?? null,
      batch: count.batch ?? null,
      expiry: count.expiry ?? null,
      serial: count.serial ?? null,
      unitLevel: count.unitLevel ?? 'pack',
      userId: count.userId ?? null,
      sync: 'pending',
    };
    await db.events.add(event);
    await saveDevice(db, { ...device, nextSeq: device.nextSeq + 1 });
    return event;
  });
}

/** The newest events first, for the list on screen. */
export function recentEvents(db: LagerkollDb, limit = 200): Promise<StoredEvent[]> {
  return db.events.orderBy('countedAt').reverse().limit(limit).toArray();
}

/** The oldest pending events, in sequence order: the next batch to send. */
export function pendingBatch(db: LagerkollDb, limit: number): Promise<StoredEvent[]> {
  return db.events
    .where('[sync+seq]')
    .between(['pending', 0], ['pending', Number.MAX_SAFE_INTEGER])
    .limit(limit)
    .toArray();
}

export function countPending(db: LagerkollDb): Promise<number> {
  return db.events.where('[sync+seq]').between(['pending', 0], ['pending', Number.MAX_SAFE_INTEGER]).count();
}

/** The event as it travels: the stored row without the device's own bookkeeping. */
export function toWireEvent(event: StoredEvent): CountEvent {
  const { sync: _sync, rejectReason: _reason, sentAt: _sentAt, ...wire } = event;
  return wire;
}

/**
 * Applies the server's answer. An event is marked sent only when the answer names it as stored
 * (accepted, or a duplicate of what is stored); a rejection is final and kept with its reason.
 * Events the answer does not name stay pending and go again with the next push.
 */
export async function applyPushResults(
  db: LagerkollDb,
  sent: readonly StoredEvent[],
  results: readonly PushResult[],
  now: Date = new Date(),
): Promise<{ sent: number; rejected: number }> {
  const byIndex = new Map(results.map((r) => [r.index, r]));
  const updates: Array<{ key: string; changes: Partial<StoredEvent> }> = [];
  let sentCount = 0;
  let rejected = 0;
  for (const [index, event] of sent.entries()) {
    const result = byIndex.get(index);
    if (!result || result.id !== event.id) continue;
    if (result.status === 'accepted' || result.status === 'duplicate') {
      updates.push({ key: event.id, changes: { sync: 'sent', sentAt: now.toISOString() } });
      sentCount++;
    } else {
      // 'conflict' and 'rejected' are both final answers from the server about this id.
      const reason = result.status === 'conflict' ? `conflict: ${result.reason ?? ''}`.trim() : result.reason;
      updates.push({ key: event.id, changes: { sync: 'rejected', rejectReason: reason ?? 'rejected' } });
      rejected++;
    }
  }
  // One short write for the whole batch: a scan made meanwhile waits for this transaction.
  await db.events.bulkUpdate(updates);
  return { sent: sentCount, rejected };
}
