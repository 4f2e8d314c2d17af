import { beforeEach, describe, expect, it } from 'vitest';
import type { CountEvent } from '../../../src/domain/count-event.ts';
import { overviewPageSchema } from '../../../src/domain/overview/model.ts';
import type { StockTake } from '../../../src/domain/reference-data.ts';
import { targetLevelKey } from '../../../src/domain/reference-datasets.ts';
import type { EventStore, ReferenceChange } from '../../../src/server/storage/event-store.ts';
import { makeDeviceId, makeEvents } from '../../support/events.ts';
import { testProduct } from '../../support/products.ts';

export const GTIN_A = '07046261000017';
export const GTIN_B = '07046261000024';

const product = (gtin: string, atc: string) => testProduct(gtin, { atc });
export const stockTake = (id: string, siteCode: string, status: StockTake['status'], createdAt: string): StockTake => ({
  id,
  siteCode,
  name: id,
  mode: 'blind',
  locationCodes: [],
  status,
  createdAt,
});
const target = (siteCode: string, gtin: string, targetPacks: number): ReferenceChange => ({
  dataset: 'target-levels',
  key: targetLevelKey(siteCode, gtin),
  row: { siteCode, gtin, targetPacks },
});
const put = (dataset: ReferenceChange['dataset'], key: string, row: unknown): ReferenceChange => ({
  dataset,
  key,
  row,
});

/**
 * Two sites in two regions, two products in two ATC groups. NORR has an approved stock-take and a
 * newer open one; SYD an approved one only and no target for product B.
 */
export function overviewReference(): ReferenceChange[] {
  return [
    put('sites', 'NORR', { code: 'NORR', name: 'Norr', kind: 'regional-store', region: 'Norrbotten' }),
    put('sites', 'SYD', { code: 'SYD', name: 'Syd', kind: 'regional-store', region: 'Skåne' }),
    put('catalog', GTIN_A, product(GTIN_A, 'B05BB01')),
    put('catalog', GTIN_B, product(GTIN_B, 'M01AE01')),
    put('stock-takes', 'norr-1', stockTake('norr-1', 'NORR', 'approved', '2026-09-01T08:00:00.000Z')),
    put('stock-takes', 'norr-2', stockTake('norr-2', 'NORR', 'open', '2026-11-01T08:00:00.000Z')),
    put('stock-takes', 'syd-1', stockTake('syd-1', 'SYD', 'approved', '2026-10-01T08:00:00.000Z')),
    target('NORR', GTIN_A, 100),
    target('NORR', GTIN_B, 40),
    target('SYD', GTIN_A, 50),
  ];
}

/** One device's count events in a stock-take (seq numbers continue per device). */
export class CountingDevice {
  readonly deviceId = makeDeviceId();
  private seq = 0;
  readonly pushed: CountEvent[] = [];

  count(fields: Partial<CountEvent>): CountEvent {
    this.seq++;
    const [base] = makeEvents(this.deviceId, 1, this.seq) as [CountEvent];
    // Fields may be copied from another event (a correction): the identity is always this device's next.
    const identity = { id: base.id, seq: base.seq, deviceId: base.deviceId, countedAt: base.countedAt };
    const event: CountEvent = { ...base, serial: null, locationCode: 'R1', userId: 'anna', ...fields, ...identity };
    this.pushed.push(event);
    return event;
  }

  async push(store: EventStore, events: readonly CountEvent[]): Promise<void> {
    await store.ingest({
      deviceId: this.deviceId,
      appVersion: '1.0.0',
      receivedAt: '2026-11-22T12:00:00.000Z',
      items: events.map((event) => ({ event, clockSkewMs: null })),
    });
  }
}

const all = { offset: 0, limit: 100 };

/** Contract rules of the overview (numbered after the event and reference rules). */
export function describeOverviewContract(getStore: () => EventStore): void {
  describe('overview', () => {
    let store: EventStore;
    let device: CountingDevice;
    beforeEach(async () => {
      store = getStore();
      device = new CountingDevice();
      await store.writeReference(overviewReference());
    });

    /** NORR approved: 60 of A (two batches, one count voided, one replaced); open: 7 of A. SYD: 25 of A. */
    async function countSomeStock() {
      const d = device;
      const a1 = d.count({ stockTakeId: 'norr-1', gtin: GTIN_A, batch: 'L1', expiry: '2027-03-31', quantity: 30 });
      const a2 = d.count({ stockTakeId: 'norr-1', gtin: GTIN_A, batch: 'L2', expiry: '2027-01-15', quantity: 10 });
      const wrong = d.count({ stockTakeId: 'norr-1', gtin: GTIN_A, batch: 'L2', expiry: '2027-01-15', quantity: 99 });
      const voided = d.count({ ...wrong, kind: 'void', corrects: wrong.id, quantity: 0 });
      const recount = d.count({
        stockTakeId: 'norr-1',
        gtin: GTIN_A,
        batch: 'L1',
        expiry: '2027-03-31',
        quantity: 50,
        corrects: a1.id,
      });
      const open = d.count({ stockTakeId: 'norr-2', gtin: GTIN_A, batch: 'L3', expiry: '2028-05-01', quantity: 7 });
      const syd = d.count({ stockTakeId: 'syd-1', gtin: GTIN_A, batch: 'L9', expiry: '2026-12-24', quantity: 25 });
      await d.push(store, [a1, a2, wrong, voided, recount, open, syd]);
      return { a2, recount, syd };
    }

    it('R19 counted is the latest approved stock-take with corrections applied; provisional the newer open one; coverage and earliest expiry per site and product', async () => {
      await countSomeStock();
      const page = overviewPageSchema.parse(await store.overview({}, all));
      const figures = page.rows.map((r) => [
        r.siteCode,
        r.gtin,
        r.targetPacks,
        r.countedPacks,
        r.provisionalPacks,
        r.coveragePercent,
        r.earliestExpiry,
      ]);
      // Lowest coverage first; unknown coverage (no target) last.
      expect(figures).toEqual([
        ['NORR', GTIN_B, 40, 0, 0, 0, null],
        ['SYD', GTIN_A, 50, 25, null, 50, '2026-12-24'],
        ['NORR', GTIN_A, 100, 60, 7, 60, '2027-01-15'],
      ]);
      expect(page.total).toBe(3);
      const norrA = page.rows.find((r) => r.siteCode === 'NORR' && r.gtin === GTIN_A);
      expect(norrA).toMatchObject({
        siteName: 'Norr',
        region: 'Norrbotten',
        productNameSv: `Produkt ${GTIN_A}`,
        atc: 'B05BB01',
        countedStockTakeId: 'norr-1',
        provisionalStockTakeId: 'norr-2',
      });
    });

    it('R20 filters by site, region and ATC group; pages keep the order and the total', async () => {
      await countSomeStock();
      const keys = async (filter: Parameters<EventStore['overview']>[0], page = all) =>
        (await store.overview(filter, page)).rows.map((r) => `${r.siteCode}/${r.gtin}`);
      expect(await keys({ siteCode: 'SYD' })).toEqual([`SYD/${GTIN_A}`]);
      expect(await keys({ region: 'Norrbotten' })).toEqual([`NORR/${GTIN_B}`, `NORR/${GTIN_A}`]);
      expect(await keys({ atc: 'b05' })).toEqual([`SYD/${GTIN_A}`, `NORR/${GTIN_A}`]);
      expect(await keys({ atc: 'M01AE' })).toEqual([`NORR/${GTIN_B}`]);
      expect(await keys({ region: 'Nowhere' })).toEqual([]);
      const second = await store.overview({}, { offset: 1, limit: 1 });
      expect(second.rows.map((r) => r.siteCode)).toEqual(['SYD']);
      expect(second.total).toBe(3);
    });

    it('R21 what changes after a read shows on the next read: new counts, an approval, a changed or deleted target', async () => {
      await countSomeStock();
      await store.overview({}, all);
      const later = device.count({
        stockTakeId: 'norr-2',
        gtin: GTIN_B,
        batch: 'B1',
        expiry: '2029-01-01',
        quantity: 4,
      });
      await device.push(store, [later]);
      const row = async (site: string, gtin: string) =>
        (await store.overview({ siteCode: site }, all)).rows.find((r) => r.gtin === gtin);
      expect(await row('NORR', GTIN_B)).toMatchObject({ countedPacks: 0, provisionalPacks: 4 });

      await store.writeReference([
        put('stock-takes', 'norr-2', stockTake('norr-2', 'NORR', 'approved', '2026-11-01T08:00:00.000Z')),
      ]);
      expect(await row('NORR', GTIN_A)).toMatchObject({
        countedPacks: 7,
        provisionalPacks: null,
        countedStockTakeId: 'norr-2',
        coveragePercent: 7,
      });
      expect(await row('NORR', GTIN_B)).toMatchObject({ countedPacks: 4, coveragePercent: 10 });

      await store.writeReference([
        target('NORR', GTIN_B, 3),
        { dataset: 'target-levels', key: targetLevelKey('SYD', GTIN_A), deleted: true },
      ]);
      expect(await row('NORR', GTIN_B)).toMatchObject({ targetPacks: 3, coveragePercent: 133.3 });
      expect(await row('SYD', GTIN_A)).toMatchObject({ targetPacks: null, coveragePercent: null, countedPacks: 25 });
    });

    it('R22 expiries: packs per month of expiry, counted and provisional, with the same filters', async () => {
      await countSomeStock();
      expect(await store.overviewExpiries({})).toEqual([
        { month: '2026-12', countedPacks: 25, provisionalPacks: 0 },
        { month: '2027-01', countedPacks: 10, provisionalPacks: 0 },
        { month: '2027-03', countedPacks: 50, provisionalPacks: 0 },
        { month: '2028-05', countedPacks: 0, provisionalPacks: 7 },
      ]);
      expect(await store.overviewExpiries({ region: 'Skåne' })).toEqual([
        { month: '2026-12', countedPacks: 25, provisionalPacks: 0 },
      ]);
      expect(await store.overviewExpiries({ atc: 'M01' })).toEqual([]);
    });

    it('R23 drill-down: the batches behind a number and the standing events behind each, with who, when and which device', async () => {
      const { a2, recount } = await countSomeStock();
      const drill = await store.overviewDrill('NORR', GTIN_A);
      expect(drill.counted?.stockTakeId).toBe('norr-1');
      expect(drill.counted?.status).toBe('approved');
      expect(drill.counted?.batches.map((b) => [b.batch, b.expiry, b.quantity])).toEqual([
        ['L2', '2027-01-15', 10],
        ['L1', '2027-03-31', 50],
      ]);
      expect(drill.counted?.batches.flatMap((b) => b.events)).toEqual([
        {
          eventId: a2.id,
          deviceId: device.deviceId,
          userId: 'anna',
          countedAt: a2.countedAt,
          receivedAt: '2026-11-22T12:00:00.000Z',
          locationCode: 'R1',
          serial: null,
          quantity: 10,
        },
        expect.objectContaining({ eventId: recount.id, quantity: 50 }),
      ]);
      expect(drill.provisional?.batches.map((b) => b.quantity)).toEqual([7]);
      expect((await store.overviewDrill('SYD', GTIN_A)).provisional).toBeNull();
    });
  });
}
