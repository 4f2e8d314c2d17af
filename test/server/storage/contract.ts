import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CountEvent } from '../../../src/domain/count-event.ts';
import type { Dataset } from '../../../src/domain/reference-datasets.ts';
import type {
  EventStore,
  IngestBatch,
  ReferenceChange,
  VersionedRow,
} from '../../../src/server/storage/event-store.ts';
import { makeDeviceId, makeEvents } from '../../support/events.ts';
import { testProduct } from '../../support/products.ts';
import { describeOverviewContract } from './overview-contract.ts';

export interface StoreUnderTest {
  store: EventStore;
  /** Closes the store and removes its database. */
  dispose: () => Promise<void>;
}

/** A batch of one device's events as the push handler hands it to the store. */
export function batchOf(deviceId: string, events: readonly CountEvent[], receivedAt = new Date()): IngestBatch {
  return {
    deviceId,
    appVersion: '1.0.0',
    receivedAt: receivedAt.toISOString(),
    items: events.map((event) => ({ event, clockSkewMs: null })),
  };
}

const product = (gtin: string, name = 'Produkt') =>
  testProduct(gtin, { nameSv: name, nameEn: name, category: 'consumable' });
const put = (dataset: Dataset, key: string, row: unknown = product(key)): ReferenceChange => ({ dataset, key, row });
const del = (dataset: Dataset, key: string): ReferenceChange => ({ dataset, key, deleted: true });

/** Every change of a dataset after `cursor`, page by page, and the final cursor. */
async function pullAll(store: EventStore, dataset: Dataset, cursor: string | null = null, limit = 3) {
  const changes: VersionedRow[] = [];
  for (let pages = 0; pages < 10_000; pages++) {
    const page = await store.changesSince(dataset, cursor, limit);
    if (page.status !== 'ok') throw new Error(`cursor ${cursor} expired`);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
  throw new Error('pulling never ended');
}

/**
 * The storage contract: numbered rules every EventStore keeps (tldraw sync-core style). Each
 * backend's test file runs this with its own store; a rule broken on one backend names itself.
 */
export function describeStoreContract(backend: string, open: () => Promise<StoreUnderTest>): void {
  describe(`EventStore contract on ${backend}`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.dispose();
    });

    describe('events', () => {
      it('R1 an id is stored at most once: a batch sent again is answered duplicate and stores nothing', async () => {
        const device = makeDeviceId();
        const events = makeEvents(device, 5);
        expect((await store.ingest(batchOf(device, events))).outcomes).toEqual(Array(5).fill('accepted'));
        expect((await store.ingest(batchOf(device, events))).outcomes).toEqual(Array(5).fill('duplicate'));
        expect(await store.countEvents()).toBe(5);
        expect((await store.eventsOfDevice(device)).map((r) => r.event)).toEqual(events);
      });

      it('R2 the same event twice in one batch is accepted once, then duplicate', async () => {
        const device = makeDeviceId();
        const [event] = makeEvents(device, 1) as [CountEvent];
        expect((await store.ingest(batchOf(device, [event, event, event]))).outcomes).toEqual([
          'accepted',
          'duplicate',
          'duplicate',
        ]);
        expect(await store.countEvents()).toBe(1);
      });

      it('R3 the same id with other content is a conflict and never overwrites, within a batch or later', async () => {
        const device = makeDeviceId();
        const [event] = makeEvents(device, 1) as [CountEvent];
        const changed = { ...event, quantity: event.quantity + 7 };
        expect((await store.ingest(batchOf(device, [event, changed]))).outcomes).toEqual(['accepted', 'conflict']);
        expect((await store.ingest(batchOf(device, [changed]))).outcomes).toEqual(['conflict']);
        expect((await store.eventsOfDevice(device)).map((r) => r.event)).toEqual([event]);
      });

      it('R4 outcomes come in the order of the batch, whatever mix it holds', async () => {
        const device = makeDeviceId();
        const [a, b, c, d] = makeEvents(device, 4) as [CountEvent, CountEvent, CountEvent, CountEvent];
        await store.ingest(batchOf(device, [b, d]));
        const mixed = [d, a, { ...b, raw: 'changed' }, c, b];
        expect((await store.ingest(batchOf(device, mixed))).outcomes).toEqual([
          'duplicate',
          'accepted',
          'conflict',
          'accepted',
          'duplicate',
        ]);
      });

      it('R5 receivedAt and the clock flag are those of the first arrival; a duplicate changes nothing', async () => {
        const device = makeDeviceId();
        const [event] = makeEvents(device, 1) as [CountEvent];
        const first = new Date('2026-11-22T10:00:00.000Z');
        await store.ingest({ ...batchOf(device, [event], first), items: [{ event, clockSkewMs: 400_000 }] });
        await store.ingest(batchOf(device, [event], new Date('2026-11-23T10:00:00.000Z')));
        expect(await store.eventsOfDevice(device)).toEqual([
          { event, receivedAt: first.toISOString(), clockSkewMs: 400_000 },
        ]);
      });

      it('R6 all or nothing: a batch the database refuses stores none of its events and moves no watermark', async () => {
        const device = makeDeviceId();
        const events = makeEvents(device, 4);
        const broken = { ...events[2], raw: null } as unknown as CountEvent; // NOT NULL in both schemas
        await expect(
          store.ingest(batchOf(device, [events[0], events[1], broken, events[3]] as CountEvent[])),
        ).rejects.toThrow();
        expect(await store.countEvents()).toBe(0);
        expect((await store.ingest(batchOf(device, []))).highestContiguousSeq).toBe(0);
      });

      it('R7 the watermark is the longest run of seqs from 1: a gap holds it, filling the gap moves it past all after', async () => {
        const device = makeDeviceId();
        const events = makeEvents(device, 10);
        const pick = (...seqs: number[]) => seqs.map((s) => events[s - 1] as CountEvent);
        expect((await store.ingest(batchOf(device, pick(2, 3)))).highestContiguousSeq).toBe(0);
        expect((await store.ingest(batchOf(device, pick(1)))).highestContiguousSeq).toBe(3);
        expect((await store.ingest(batchOf(device, pick(5, 6, 7)))).highestContiguousSeq).toBe(3);
        expect((await store.ingest(batchOf(device, pick(10, 9)))).highestContiguousSeq).toBe(3);
        expect((await store.ingest(batchOf(device, pick(4)))).highestContiguousSeq).toBe(7);
        expect((await store.ingest(batchOf(device, pick(8)))).highestContiguousSeq).toBe(10);
        expect((await store.ingest(batchOf(device, []))).highestContiguousSeq).toBe(10);
        expect((await store.ingest(batchOf(device, pick(3)))).highestContiguousSeq).toBe(10);
      });

      it('R8 watermarks are per device', async () => {
        const one = makeDeviceId();
        const two = makeDeviceId();
        await store.ingest(batchOf(one, makeEvents(one, 3)));
        expect((await store.ingest(batchOf(two, makeEvents(two, 2, 2)))).highestContiguousSeq).toBe(0);
        expect((await store.ingest(batchOf(one, []))).highestContiguousSeq).toBe(3);
      });

      it('R9 concurrent pushes of overlapping batches accept each id exactly once in total', async () => {
        const devices = [makeDeviceId(), makeDeviceId()];
        const events = devices.map((d) => makeEvents(d, 60));
        // Each device sends its events in three overlapping batches, twice, all at the same time.
        const calls = devices.flatMap((device, i) => {
          const mine = events[i] as CountEvent[];
          const batches = [mine.slice(0, 30), mine.slice(20, 50), mine.slice(40, 60)];
          return [...batches, ...batches].map((batch) => store.ingest(batchOf(device, batch)));
        });
        const results = await Promise.all(calls);
        const accepted = results.flatMap((r) => r.outcomes).filter((o) => o === 'accepted').length;
        expect(accepted).toBe(120);
        expect(await store.countEvents()).toBe(120);
        for (const device of devices) expect((await store.ingest(batchOf(device, []))).highestContiguousSeq).toBe(60);
      });
    });

    describe('reference data', () => {
      it('R10 every change gets a higher version; pages return them in order until hasMore is false', async () => {
        await store.writeReference(['a', 'b', 'c', 'd', 'e'].map((k) => put('catalog', k)));
        await store.writeReference([put('catalog', 'f'), put('catalog', 'g')]);
        const { changes } = await pullAll(store, 'catalog', null, 2);
        expect(changes.map((c) => c.key)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
        const versions = changes.map((c) => c.version);
        expect(versions).toEqual([...versions].sort((x, y) => x - y));
        expect(new Set(versions).size).toBe(versions.length);
      });

      it('R11 a cursor returns only what changed after it; a changed row comes once, in its latest state', async () => {
        await store.writeReference([put('catalog', 'a'), put('catalog', 'b'), put('catalog', 'c')]);
        const { cursor } = await pullAll(store, 'catalog');
        await store.writeReference([
          put('catalog', 'b', product('b', 'Ny')),
          put('catalog', 'b', product('b', 'Nyast')),
        ]);
        await store.writeReference([put('catalog', 'd')]);
        const after = await pullAll(store, 'catalog', cursor);
        expect(after.changes.map((c) => [c.key, (c.row as { nameSv: string }).nameSv])).toEqual([
          ['b', 'Nyast'],
          ['d', 'Produkt'],
        ]);
        expect((await pullAll(store, 'catalog', after.cursor)).changes).toEqual([]);
      });

      it('R12 a deletion arrives as a tombstone (row null) and a key can come back after it', async () => {
        await store.writeReference([put('sites', 'S1', { code: 'S1' }), put('sites', 'S2', { code: 'S2' })]);
        const { cursor } = await pullAll(store, 'sites');
        await store.writeReference([del('sites', 'S1')]);
        const afterDelete = await pullAll(store, 'sites', cursor);
        expect(afterDelete.changes.map((c) => [c.key, c.row])).toEqual([['S1', null]]);
        await store.writeReference([put('sites', 'S1', { code: 'S1', again: true })]);
        expect((await pullAll(store, 'sites', afterDelete.cursor)).changes.map((c) => c.row)).toEqual([
          { code: 'S1', again: true },
        ]);
      });

      it('R13 datasets are separate: a change shows in its own dataset only', async () => {
        await store.writeReference([put('catalog', 'x'), put('users', 'u1', { id: 'u1' })]);
        expect((await pullAll(store, 'catalog')).changes.map((c) => c.key)).toEqual(['x']);
        expect((await pullAll(store, 'users')).changes.map((c) => c.key)).toEqual(['u1']);
        expect((await pullAll(store, 'sites')).changes).toEqual([]);
      });

      it('R14 onlyIfEmpty writes into a store without reference rows, and otherwise writes nothing', async () => {
        expect(await store.writeReference([put('catalog', 'a')], { onlyIfEmpty: true })).toBe(true);
        expect(await store.writeReference([put('catalog', 'b')], { onlyIfEmpty: true })).toBe(false);
        expect((await pullAll(store, 'catalog')).changes.map((c) => c.key)).toEqual(['a']);
        await store.writeReference([del('catalog', 'a')]);
        expect(await store.writeReference([put('catalog', 'c')], { onlyIfEmpty: true })).toBe(true);
      });

      it('R15 two loads racing with onlyIfEmpty: exactly one writes', async () => {
        const results = await Promise.all([
          store.writeReference([put('catalog', 'a')], { onlyIfEmpty: true }),
          store.writeReference([put('catalog', 'b')], { onlyIfEmpty: true }),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await pullAll(store, 'catalog')).changes).toHaveLength(1);
      });

      it('R16 a cursor that is unreadable, from another database or ahead of this one expires', async () => {
        await store.writeReference([put('catalog', 'a')]);
        const { cursor } = await pullAll(store, 'catalog');
        const [epoch, version] = cursor.split('.') as [string, string];
        expect((await store.changesSince('catalog', 'garbage', 10)).status).toBe('expired');
        expect((await store.changesSince('catalog', `ffff${epoch.slice(4)}0.${version}`, 10)).status).toBe('expired');
        expect((await store.changesSince('catalog', `${epoch}.${Number(version) + 5}`, 10)).status).toBe('expired');
        expect((await store.changesSince('catalog', cursor, 10)).status).toBe('ok');
      });

      it('R17 purging tombstones expires the cursors that could miss them, and only those', async () => {
        await store.writeReference([put('catalog', 'a'), put('catalog', 'b'), put('catalog', 'c')]);
        const early = (await store.changesSince('catalog', null, 1)) as { cursor: string };
        await store.writeReference([del('catalog', 'b')]);
        const { cursor: current } = await pullAll(store, 'catalog');
        expect(await store.purgeTombstones(new Date(Date.now() + 60_000).toISOString())).toBe(1);
        expect((await store.changesSince('catalog', early.cursor, 10)).status).toBe('expired');
        expect((await store.changesSince('catalog', current, 10)).status).toBe('ok');
        const fresh = await pullAll(store, 'catalog');
        expect(fresh.changes.map((c) => c.key)).toEqual(['a', 'c']);
        expect(await store.purgeTombstones(new Date(Date.now() + 60_000).toISOString())).toBe(0);
        // Other datasets are untouched by the purge mark of this one.
        await store.writeReference([put('users', 'u', { id: 'u' })]);
        const users = (await store.changesSince('users', null, 1)) as { cursor: string };
        expect((await store.changesSince('users', users.cursor, 10)).status).toBe('ok');
      });

      it('R18 a reader pulling while writers commit concurrently never skips a change', async () => {
        const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
        const seen = new Set<string>();
        let cursor: string | null = null;
        let writing = true;
        const reader = (async () => {
          while (writing || cursor === null) {
            const page = await store.changesSince('catalog', cursor, 5);
            if (page.status !== 'ok') throw new Error('expired');
            for (const change of page.changes) seen.add(change.key);
            cursor = page.cursor;
          }
        })();
        await Promise.all(keys.map((key) => store.writeReference([put('catalog', key)])));
        writing = false;
        await reader;
        for (const change of (await pullAll(store, 'catalog', cursor)).changes) seen.add(change.key);
        expect([...seen].sort()).toEqual([...keys].sort());
      });
    });

    describeOverviewContract(() => store);
  });
}
