import { afterEach, describe, expect, it } from 'vitest';
import { countEventSchema } from '../../src/domain/count-event.ts';
import { LagerkollDb } from '../../src/store/db.ts';
import { getDeviceId } from '../../src/store/device.ts';
import {
  applyPushResults,
  countPending,
  pendingBatch,
  recentEvents,
  recordCount,
  toWireEvent,
} from '../../src/store/events.ts';

let n = 0;
const open: LagerkollDb[] = [];
function freshDb(name = `store-test-${++n}`) {
  const db = new LagerkollDb(name);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('recordCount', () => {
  it('stores a valid, pending event with a UUIDv7 id and the next sequence number', async () => {
    const db = freshDb();
    const a = await recordCount(db, { raw: '07046261000000', gtin: '07046261000000', quantity: 2 });
    const b = await recordCount(db, { raw: '12345670', gtin: '00000012345670', quantity: 1 });
    expect(countEventSchema.parse(toWireEvent(a))).toEqual(toWireEvent(a));
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a.deviceId).toBe(b.deviceId);
    expect(a.deviceId).toBe(await getDeviceId(db));
    expect(a.id).not.toBe(b.id);
    expect(a.sync).toBe('pending');
  });

  it('gives unique, gap-free sequence numbers to concurrent saves', async () => {
    const db = freshDb();
    const saved = await Promise.all(
      Array.from({ length: 25 }, (_, i) => recordCount(db, { raw: `scan-${i}`, gtin: null, quantity: 1 })),
    );
    expect(saved.map((e) => e.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('survives closing and reopening the database (a reload), keeping the device id and counter', async () => {
    const name = `store-reopen-${++n}`;
    const first = new LagerkollDb(name);
    const event = await recordCount(first, { raw: 'x', gtin: null, quantity: 3 });
    first.close();
    const second = freshDb(name);
    expect(await second.events.get(event.id)).toEqual(event);
    const next = await recordCount(second, { raw: 'y', gtin: null, quantity: 1 });
    expect(next.deviceId).toBe(event.deviceId);
    expect(next.seq).toBe(2);
  });
});

describe('the outbox', () => {
  it('hands out pending events oldest first, in batches', async () => {
    const db = freshDb();
    for (let i = 0; i < 7; i++) await recordCount(db, { raw: `s${i}`, gtin: null, quantity: 1 });
    const batch = await pendingBatch(db, 5);
    expect(batch.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await countPending(db)).toBe(7);
  });

  it('marks sent only what the answer names as stored; rejected stays with its reason; the rest stays pending', async () => {
    const db = freshDb();
    for (let i = 0; i < 4; i++) await recordCount(db, { raw: `s${i}`, gtin: null, quantity: 1 });
    const batch = await pendingBatch(db, 4);
    const [e0, e1, e2] = batch;
    if (!e0 || !e1 || !e2) throw new Error('missing events');
    const result = await applyPushResults(db, batch, [
      { index: 0, id: e0.id, status: 'accepted' },
      { index: 1, id: e1.id, status: 'duplicate' },
      { index: 2, id: e2.id, status: 'rejected', reason: 'Malformed event: quantity' },
      // index 3 not named: stays pending
    ]);
    expect(result).toEqual({ sent: 2, rejected: 1 });
    const byId = new Map((await recentEvents(db)).map((e) => [e.id, e]));
    expect(byId.get(e0.id)?.sync).toBe('sent');
    expect(byId.get(e1.id)?.sync).toBe('sent');
    expect(byId.get(e2.id)).toMatchObject({ sync: 'rejected', rejectReason: 'Malformed event: quantity' });
    expect(await countPending(db)).toBe(1);
  });

  it('ignores an answer whose id does not match the event at that index', async () => {
    const db = freshDb();
    await recordCount(db, { raw: 's', gtin: null, quantity: 1 });
    const batch = await pendingBatch(db, 1);
    await applyPushResults(db, batch, [{ index: 0, id: 'someone-else', status: 'accepted' }]);
    expect(await countPending(db)).toBe(1);
  });
});
