import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Location, Product } from '../../../src/domain/reference-data.ts';
import { activeCounts } from '../../../src/domain/stock-take/corrections.ts';
import { buildReview } from '../../../src/domain/stock-take/review.ts';
import { recountLine, replaceCount, voidCount } from '../../../src/store/corrections.ts';
import { LagerkollDb } from '../../../src/store/db.ts';
import { eventsAtLocation, eventsOfStockTake } from '../../../src/store/stock-takes.ts';
import { type CountingContext, recordScan } from '../../../src/ui/counting/record-scan.ts';

const TXA: Product = {
  gtin: '07046261000000',
  nameSv: 'Tranexamsyra',
  nameEn: 'Tranexamic acid',
  strength: '100 mg/ml',
  form: 'injektionsvätska',
  packSize: '10 × 5 ml',
  unitsPerPack: 10,
  atc: 'B02AA02',
  vnr: '100000',
  nsn: '6505829471240',
  category: 'medicine',
  contains: null,
};
// A case of 24 packs of tranexamic acid, known to the catalog's pack hierarchy.
const TXA_CASE: Product = {
  ...TXA,
  gtin: '19506000100019',
  packSize: '24 förp.',
  contains: { gtin: TXA.gtin, quantity: 24 },
};
const locations: Location[] = [
  { code: 'SSL-MITT-R1-H1', siteCode: 'SSL-MITT', name: 'Rum 1, hylla 1' },
  { code: 'SSL-MITT-R1-H2', siteCode: 'SSL-MITT', name: 'Rum 1, hylla 2' },
];

let n = 0;
let db: LagerkollDb;
let ctx: CountingContext;
beforeEach(() => {
  db = new LagerkollDb(`record-scan-${++n}`);
  ctx = {
    db,
    stockTakeId: 'st-1',
    locationCode: 'SSL-MITT-R1-H1',
    locations,
    catalog: new Map([
      [TXA.gtin, TXA],
      [TXA_CASE.gtin, TXA_CASE],
    ]),
    today: '2026-11-22',
    nearExpiryDays: 90,
    userId: null,
    now: new Date('2026-11-22T10:00:00Z'),
  };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const GS = '\u001d';
const pack = (serial: string, expiry = '280630', batch = 'B1') =>
  `]d2010704626100000017${expiry}10${batch}${GS}21${serial}`;

describe('recordScan: the counting rules', () => {
  it('counts a serialised pack as one, with batch, expiry and serial', async () => {
    const outcome = await recordScan(ctx, pack('S1'));
    expect(outcome).toMatchObject({ kind: 'counted', expiry: 'ok' });
    if (outcome.kind !== 'counted') throw new Error(outcome.kind);
    expect(outcome.event).toMatchObject({
      gtin: TXA.gtin,
      quantity: 1,
      batch: 'B1',
      expiry: '2028-06-30',
      serial: 'S1',
      stockTakeId: 'st-1',
      locationCode: 'SSL-MITT-R1-H1',
      unitLevel: 'pack',
      sync: 'pending',
    });
    expect(outcome.draft.product?.nameEn).toBe('Tranexamic acid');
  });

  it('catches the same GTIN + serial anywhere in the stock-take, says where, and adds nothing', async () => {
    await recordScan(ctx, pack('S1'));
    const again = await recordScan({ ...ctx, locationCode: 'SSL-MITT-R1-H2' }, pack('S1'));
    expect(again.kind).toBe('already-counted');
    if (again.kind !== 'already-counted') throw new Error(again.kind);
    expect(again.previous.locationCode).toBe('SSL-MITT-R1-H1');
    expect(activeCounts(await eventsOfStockTake(db, 'st-1'))).toHaveLength(1);
    // Another pack of the same product (another serial) is a new count.
    expect((await recordScan(ctx, pack('S2'))).kind).toBe('counted');
  });

  it('never lets two quick scans of the same pack both count', async () => {
    const outcomes = await Promise.all([recordScan(ctx, pack('S9')), recordScan(ctx, pack('S9'))]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['already-counted', 'counted']);
  });

  it('the same serial in another stock-take is another count', async () => {
    await recordScan(ctx, pack('S1'));
    expect((await recordScan({ ...ctx, stockTakeId: 'st-2' }, pack('S1'))).kind).toBe('counted');
  });

  it('after the first count of a serial is undone, the pack can be counted again', async () => {
    const first = await recordScan(ctx, pack('S1'));
    if (first.kind !== 'counted') throw new Error(first.kind);
    await voidCount(db, first.event);
    expect((await recordScan(ctx, pack('S1'))).kind).toBe('counted');
  });

  it('counts a case of (02) + (37) as that many packs of the contained product', async () => {
    const outcome = await recordScan(ctx, `]C1020704626100000037${'24'}${GS}10B7`);
    expect(outcome).toMatchObject({ kind: 'counted', event: { gtin: TXA.gtin, quantity: 24, unitLevel: 'case' } });
  });

  it('counts a case GTIN through the pack hierarchy the catalog knows', async () => {
    const outcome = await recordScan(ctx, `01${TXA_CASE.gtin}10B8`);
    expect(outcome).toMatchObject({ kind: 'counted', event: { gtin: TXA.gtin, quantity: 24, unitLevel: 'case' } });
  });

  it('refuses an SSCC alone: it says nothing about the contents', async () => {
    const outcome = await recordScan(ctx, '00106141411234567897');
    expect(outcome).toMatchObject({ kind: 'unreadable', problem: 'case-without-contents' });
  });

  it('counts an unknown GTIN as a provisional product', async () => {
    const outcome = await recordScan(ctx, '0109506000100739');
    expect(outcome).toMatchObject({
      kind: 'counted',
      draft: { product: undefined },
      event: { gtin: '09506000100739' },
    });
  });

  it('flags expired and near-expiry packs but counts them', async () => {
    expect(await recordScan(ctx, pack('E1', '261031'))).toMatchObject({ kind: 'counted', expiry: 'expired' });
    expect(await recordScan(ctx, pack('E2', '270115'))).toMatchObject({ kind: 'counted', expiry: 'near' });
  });

  it('stores nothing for a code that cannot be used, and says why', async () => {
    const outcome = await recordScan(ctx, ']d2010704626100000117281330');
    expect(outcome.kind).toBe('unreadable');
    if (outcome.kind !== 'unreadable') throw new Error(outcome.kind);
    expect(outcome.parsed.errors.length).toBeGreaterThan(0);
    expect(await db.events.count()).toBe(0);
  });

  it('switches location when a location label is scanned', async () => {
    expect(await recordScan(ctx, 'SSL-MITT-R1-H2')).toMatchObject({ kind: 'location', location: locations[1] });
    // From the camera, which puts the symbology identifier in front (the labels screen prints Code 128).
    expect(await recordScan(ctx, ']C0SSL-MITT-R1-H2')).toMatchObject({ kind: 'location', location: locations[1] });
    expect(await db.events.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });
});

describe('corrections on the device', () => {
  it('a changed quantity supersedes the count; undo brings back the one before', async () => {
    const first = await recordScan(ctx, '0107046261000000');
    if (first.kind !== 'counted') throw new Error(first.kind);
    const changed = await replaceCount(db, first.event, 24);
    const atLocation = () => eventsAtLocation(db, 'st-1', 'SSL-MITT-R1-H1');
    expect(activeCounts(await atLocation()).map((e) => e.quantity)).toEqual([24]);
    await voidCount(db, changed);
    expect(activeCounts(await atLocation()).map((e) => e.quantity)).toEqual([1]);
  });

  it('a recounted line replaces every count behind it with the new total', async () => {
    for (const s of ['A', 'B', 'C']) await recordScan(ctx, `0107046261000000${'10'}LOT1${GS}21${s}`);
    await recordScan({ ...ctx, locationCode: 'SSL-MITT-R1-H2' }, `0107046261000000${'10'}LOT1${GS}21D`);
    const review = () =>
      eventsOfStockTake(db, 'st-1').then((events) => buildReview(events, { mode: 'blind', today: '2026-11-22' }));
    const line = (await review()).lines[0]?.batches[0];
    expect(line?.quantity).toBe(4);
    const events = await eventsOfStockTake(db, 'st-1');
    const standing = events.filter((e) => line?.eventIds.includes(e.id));
    await recountLine(db, standing, 6);
    expect((await review()).totalPacks).toBe(6);
  });
});
