import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LagerkollDb } from '../../src/store/db.ts';
import { countPending, recentEvents, recordCount } from '../../src/store/events.ts';
import { parseRetryAfter, pushPending, SyncError } from '../../src/sync/push.ts';
import { inProcessServer } from '../support/server.ts';

let n = 0;
let db: LagerkollDb;
let server: ReturnType<typeof inProcessServer>;
beforeEach(() => {
  db = new LagerkollDb(`push-test-${++n}`);
  server = inProcessServer();
});
afterEach(async () => {
  db.close();
  await db.delete();
  await server.close();
});

async function saveCounts(count: number) {
  for (let i = 0; i < count; i++)
    await recordCount(db, { raw: `0107046261000000 ${i}`, gtin: '07046261000000', quantity: 1 });
}

describe('pushPending against the real server', () => {
  it('sends every pending event in batches and marks them sent', async () => {
    await saveCounts(12);
    const summary = await pushPending(db, { fetch: server.fetch, batchSize: 5 });
    expect(summary).toMatchObject({ sent: 12, rejected: 0, batches: 3, resent: 0, highestContiguousSeq: 12 });
    expect(await countPending(db)).toBe(0);
    expect(await server.store.countEvents()).toBe(12);
  });

  it('leaves events pending when the server cannot be reached, and sends them exactly once later', async () => {
    await saveCounts(3);
    const down = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(pushPending(db, { fetch: down })).rejects.toMatchObject({ name: 'SyncError', retryable: true });
    expect(await countPending(db)).toBe(3);
    await pushPending(db, { fetch: server.fetch });
    await pushPending(db, { fetch: server.fetch });
    expect(await server.store.countEvents()).toBe(3);
  });

  it('when the answer is lost after the server stored the batch, the retry is answered duplicate and nothing doubles', async () => {
    await saveCounts(4);
    const loseAnswer = async (input: string, init?: RequestInit) => {
      await server.fetch(input, init); // committed on the server…
      throw new TypeError('network connection lost'); // …but the device never hears it
    };
    await expect(pushPending(db, { fetch: loseAnswer })).rejects.toBeInstanceOf(SyncError);
    expect(await countPending(db)).toBe(4);
    await pushPending(db, { fetch: server.fetch });
    expect(await countPending(db)).toBe(0);
    expect(await server.store.countEvents()).toBe(4);
  });

  it('treats 5xx and 429 as retryable (with Retry-After) and keeps the events pending', async () => {
    await saveCounts(1);
    const busy = async () => new Response('{}', { status: 429, headers: { 'retry-after': '7' } });
    await expect(pushPending(db, { fetch: busy })).rejects.toMatchObject({
      retryable: true,
      status: 429,
      retryAfterMs: 7000,
    });
    const broken = async () => new Response('oops', { status: 503 });
    await expect(pushPending(db, { fetch: broken })).rejects.toMatchObject({ retryable: true, status: 503 });
    expect(await countPending(db)).toBe(1);
  });

  it('keeps a rejected event out of the queue with its reason, and sends the rest', async () => {
    await saveCounts(2);
    // A corrupt row (e.g. written by a buggy older version): the server refuses it, the queue moves on.
    const [first] = await recentEvents(db);
    if (!first) throw new Error('no event');
    await db.events.update(first.id, { quantity: -1 });
    const summary = await pushPending(db, { fetch: server.fetch });
    expect(summary).toMatchObject({ sent: 1, rejected: 1 });
    expect((await db.events.get(first.id))?.sync).toBe('rejected');
    expect((await db.events.get(first.id))?.rejectReason).toMatch(/quantity/);
  });
});

describe('pushPending: what the server lost comes back', () => {
  it('sends again the events a server restored from an older backup no longer holds, exactly once', async () => {
    await saveCounts(10);
    await pushPending(db, { fetch: server.fetch, batchSize: 4 });
    expect(await countPending(db)).toBe(0);
    // The server is replaced by one restored from a backup taken before any of these arrived.
    const restored = inProcessServer();
    try {
      await saveCounts(1);
      const summary = await pushPending(db, { fetch: restored.fetch });
      expect(summary).toMatchObject({ resent: 10, highestContiguousSeq: 11 });
      expect(await restored.store.countEvents()).toBe(11);
      expect(await countPending(db)).toBe(0);
    } finally {
      await restored.close();
    }
  });

  it('does not resend past a rejected event: the gap it leaves is explained', async () => {
    await saveCounts(3);
    const second = await db.events.where('seq').equals(2).first();
    if (!second) throw new Error('no event');
    await db.events.update(second.id, { quantity: -1 }); // seq 2 will be rejected
    const summary = await pushPending(db, { fetch: server.fetch });
    expect(summary).toMatchObject({ sent: 2, rejected: 1, resent: 0, highestContiguousSeq: 1 });
    expect(await server.store.countEvents()).toBe(2);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
