import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CountEvent } from '../../../src/domain/count-event.ts';
import { deviceIdSchema } from '../../../src/domain/count-event.ts';
import type { ResolutionRecord } from '../../../src/domain/overview/conflict-views.ts';
import type { StockTake } from '../../../src/domain/reference-data.ts';
import type { EventStore } from '../../../src/server/storage/event-store.ts';
import type { StoreUnderTest } from './contract.ts';
import { CountingDevice, GTIN_A, GTIN_B, overviewReference, stockTake } from './overview-contract.ts';

const resolution = (fields: Partial<ResolutionRecord> = {}): ResolutionRecord => ({
  stockTakeId: 'norr-2',
  conflictId: '["location-totals","R1","07046261000017","L1"]',
  kind: 'separate-zones',
  deviceId: null,
  decidedBy: 'sara',
  decidedAt: '2026-11-23T09:00:00.000Z',
  reason: null,
  conflict: {
    id: '["location-totals","R1","07046261000017","L1"]',
    kind: 'location-totals',
    locationCode: 'R1',
    gtin: GTIN_A,
    batch: 'L1',
    serial: null,
    totals: [
      { deviceId: '0190f5d6-0000-4000-8000-000000000001', deviceLabel: 'Platta 1', quantity: 4, userIds: ['anna'] },
      { deviceId: '0190f5d6-0000-4000-8000-000000000002', deviceLabel: null, quantity: 5, userIds: [] },
    ],
  },
  ...fields,
});

/** Every version of the stock-takes dataset a device would pull, by key. */
async function pulledStockTakes(store: EventStore): Promise<Map<string, { version: number; row: unknown }>> {
  const page = await store.changesSince('stock-takes', null, 1000);
  if (page.status !== 'ok') throw new Error('expired');
  return new Map(page.changes.map((c) => [c.key, { version: c.version, row: c.row }]));
}

/**
 * Contract rules of the stock-take administration's storage (issue 8), numbered ST1…; each backend's
 * contract test file runs them with its own store.
 */
export function describeStockTakeAdminContract(backend: string, open: () => Promise<StoreUnderTest>): void {
  describe(`StockTakeAdminStore contract on ${backend}`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
      await store.writeReference(overviewReference());
    });
    afterEach(() => subject.dispose());

    it('ST1 the events of one stock-take: every kind, every device, with the time they arrived, by device and seq', async () => {
      const one = new CountingDevice();
      const two = new CountingDevice();
      const counted = one.count({ stockTakeId: 'norr-2', gtin: GTIN_A, quantity: 3 });
      const voided = one.count({ ...counted, kind: 'void', corrects: counted.id, quantity: 0 });
      const elsewhere = one.count({ stockTakeId: 'syd-1', gtin: GTIN_A });
      const other = two.count({ stockTakeId: 'norr-2', gtin: GTIN_B, userId: 'bo' });
      await one.push(store, [counted, voided, elsewhere]);
      await two.push(store, [other]);

      const received = await store.stockTakeAdmin.eventsOfStockTake('norr-2');
      const byDevice = (a: CountEvent, b: CountEvent) => a.deviceId.localeCompare(b.deviceId) || a.seq - b.seq;
      expect(received.map((r) => r.event)).toEqual([counted, voided, other].sort(byDevice));
      expect(received.every((r) => r.receivedAt === '2026-11-22T12:00:00.000Z' && r.clockSkewMs === null)).toBe(true);
      expect(await store.stockTakeAdmin.eventsOfStockTake('nothing')).toEqual([]);
    });

    it('ST2 a resolution is kept as recorded; a later one of the same conflict replaces it; stock-takes apart', async () => {
      const admin = store.stockTakeAdmin;
      expect(await admin.resolutions('norr-2')).toEqual([]);
      const first = resolution();
      const serial = resolution({
        conflictId: '["serial","07046261000017","S1"]',
        kind: 'accept-device',
        deviceId: '0190f5d6-0000-4000-8000-000000000002',
        decidedAt: '2026-11-23T09:05:00.000Z',
        reason: 'the tablet scanned the shelf twice',
      });
      await admin.recordResolution(first);
      await admin.recordResolution(serial);
      await admin.recordResolution(resolution({ stockTakeId: 'syd-1' }));
      expect(await admin.resolutions('norr-2')).toEqual([first, serial]);

      const changed = resolution({ kind: 'recount', decidedBy: 'per', decidedAt: '2026-11-23T10:00:00.000Z' });
      await admin.recordResolution(changed);
      expect(await admin.resolutions('norr-2')).toEqual([serial, changed]);
      expect(await admin.resolutions('syd-1')).toHaveLength(1);
    });

    it('ST3 the server device: one UUID for good; sequence runs never overlap, even reserved at once', async () => {
      const admin = store.stockTakeAdmin;
      const [id, again] = await Promise.all([admin.serverDeviceId(), admin.serverDeviceId()]);
      expect(deviceIdSchema.safeParse(id).success).toBe(true);
      expect(again).toBe(id);

      const sizes = [1, 3, 2, 5, 1, 4, 2, 2];
      const runs = await Promise.all(sizes.map((n) => admin.reserveServerSeqs(n)));
      expect(runs.every((r) => r.deviceId === id)).toBe(true);
      const seqs = runs.flatMap((r, i) => Array.from({ length: sizes[i] ?? 0 }, (_, k) => r.firstSeq + k));
      expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
      expect((await admin.reserveServerSeqs(1)).firstSeq).toBe(21);
      await expect(admin.reserveServerSeqs(0)).rejects.toThrow();
    });

    it('ST4 current reference rows: no tombstones, by key, by site or by stock-take', async () => {
      const admin = store.stockTakeAdmin;
      await store.writeReference([
        { dataset: 'locations', key: 'R1', row: { code: 'R1', siteCode: 'NORR', name: 'Rum 1' } },
        { dataset: 'locations', key: 'R2', row: { code: 'R2', siteCode: 'NORR', name: 'Rum 2' } },
        { dataset: 'locations', key: 'S1', row: { code: 'S1', siteCode: 'SYD', name: 'Syd 1' } },
        { dataset: 'expectations', key: 'e1', row: { id: 'e1', stockTakeId: 'norr-2', gtin: GTIN_A, quantity: 1 } },
        { dataset: 'expectations', key: 'e2', row: { id: 'e2', stockTakeId: 'syd-1', gtin: GTIN_A, quantity: 1 } },
      ]);
      await store.writeReference([{ dataset: 'locations', key: 'R2', deleted: true }]);
      const codes = (rows: unknown[]) =>
        rows.map((r) => (r as { code?: string; id?: string }).code ?? (r as { id: string }).id);
      expect(codes(await admin.referenceRows('locations'))).toEqual(['R1', 'S1']);
      expect(codes(await admin.referenceRows('locations', { siteCode: 'NORR' }))).toEqual(['R1']);
      expect(codes(await admin.referenceRows('locations', { keys: ['S1', 'R2', 'nope'] }))).toEqual(['S1']);
      expect(await admin.referenceRows('locations', { keys: [] })).toEqual([]);
      expect(codes(await admin.referenceRows('expectations', { stockTakeId: 'norr-2' }))).toEqual(['e1']);
      expect((await admin.referenceRows('stock-takes', { siteCode: 'NORR' })).map((r) => (r as StockTake).id)).toEqual([
        'norr-1',
        'norr-2',
      ]);
    });

    it('ST5 a stock-take change is read and written in one step with a new version devices pull; no change, no version', async () => {
      const admin = store.stockTakeAdmin;
      const before = await pulledStockTakes(store);
      const seen: Array<StockTake | null> = [];
      const result = await admin.updateStockTake('norr-2', (current) => {
        seen.push(current);
        return { row: current && { ...current, status: 'submitted' }, result: 'done' };
      });
      expect(result).toBe('done');
      expect(seen).toEqual([stockTake('norr-2', 'NORR', 'open', '2026-11-01T08:00:00.000Z')]);
      const after = await pulledStockTakes(store);
      expect(after.get('norr-2')?.row).toMatchObject({ id: 'norr-2', status: 'submitted' });
      const highest = Math.max(...[...before.values()].map((c) => c.version));
      expect(after.get('norr-2')?.version).toBeGreaterThan(highest);

      expect(await admin.updateStockTake('norr-2', () => ({ row: null, result: 1 }))).toBe(1);
      expect(await admin.updateStockTake('nothing', (current) => ({ row: null, result: current }))).toBeNull();
      expect(await pulledStockTakes(store)).toEqual(after);

      await expect(
        admin.updateStockTake('norr-2', (current) => ({ row: current && { ...current, id: 'syd-1' }, result: 0 })),
      ).rejects.toThrow(/syd-1/);
      expect(await pulledStockTakes(store)).toEqual(after);
    });

    it('ST6 changes of one stock-take made at the same time never overwrite each other', async () => {
      const admin = store.stockTakeAdmin;
      const locations = Array.from({ length: 12 }, (_, i) => `R${i + 1}`);
      await Promise.all(
        locations.map((locationCode) =>
          admin.updateStockTake('norr-2', (current) => ({
            row: current && {
              ...current,
              recounts: [
                ...(current.recounts ?? []),
                { locationCode, requestedAt: '2026-11-23T09:00:00.000Z', reason: '' },
              ],
            },
            result: null,
          })),
        ),
      );
      const [row] = (await admin.referenceRows('stock-takes', { keys: ['norr-2'] })) as StockTake[];
      expect(row?.recounts?.map((r) => r.locationCode).sort()).toEqual([...locations].sort());
      // The overview sees an approval written this way (it reads the versions like a device).
      await admin.updateStockTake('norr-2', (current) => ({
        row: current && { ...current, status: 'approved' },
        result: null,
      }));
      const page = await store.overview({ siteCode: 'NORR' }, { offset: 0, limit: 10 });
      expect(page.rows.map((r) => [r.countedStockTakeId, r.provisionalStockTakeId])).toEqual([
        ['norr-2', null],
        ['norr-2', null],
      ]);
    });
  });
}
