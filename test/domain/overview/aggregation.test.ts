import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectConflicts } from '../../../src/domain/overview/conflicts.ts';
import { expiryMonths } from '../../../src/domain/overview/expiry-months.ts';
import { coveragePercent, siteProductFigures } from '../../../src/domain/overview/site-figures.ts';
import { stockTakesPerSite } from '../../../src/domain/overview/site-stock-takes.ts';
import { standingBatchTotals } from '../../../src/domain/overview/standing.ts';
import type { StockTake } from '../../../src/domain/reference-data.ts';
import { activeCounts } from '../../../src/domain/stock-take/corrections.ts';
import { ev, voidOf } from '../stock-take/fixtures.ts';

const DEVICE_1 = '0b8e1c1e-9a0b-4c43-8f3e-1d2a3b4c5d61';
const DEVICE_2 = '0b8e1c1e-9a0b-4c43-8f3e-1d2a3b4c5d62';

describe('standing batch totals', () => {
  it('sums standing counts per product, batch and expiry, after corrections', () => {
    const a = ev({ batch: 'L1', expiry: '2027-01-31', quantity: 5 });
    const b = ev({ batch: 'L1', expiry: '2027-01-31', quantity: 3 });
    const c = ev({ batch: 'L2', expiry: '2026-12-31', quantity: 9 });
    const recount = ev({ batch: 'L2', expiry: '2026-12-31', quantity: 4, corrects: c.id });
    const unknown = ev({ gtin: null, quantity: 2 });
    expect(standingBatchTotals([a, b, voidOf(b), c, recount, unknown])).toEqual([
      { gtin: a.gtin, batch: 'L2', expiry: '2026-12-31', quantity: 4 },
      { gtin: a.gtin, batch: 'L1', expiry: '2027-01-31', quantity: 5 },
    ]);
  });

  it('equals summing activeCounts by hand, whatever the corrections (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ q: fc.nat(20), kind: fc.nat(3), target: fc.nat(30) }), { maxLength: 30 }),
        (plan) => {
          const events: ReturnType<typeof ev>[] = [];
          for (const step of plan) {
            const target = events[step.target % Math.max(events.length, 1)];
            if (step.kind === 0 && target) events.push(voidOf(target));
            else if (step.kind === 1 && target) events.push(ev({ quantity: step.q, corrects: target.id }));
            else events.push(ev({ quantity: step.q, batch: step.kind === 2 ? 'X' : null }));
          }
          const total = standingBatchTotals(events).reduce((sum, b) => sum + b.quantity, 0);
          expect(total).toBe(activeCounts(events).reduce((sum, e) => sum + e.quantity, 0));
        },
      ),
    );
  });
});

const st = (id: string, siteCode: string, status: StockTake['status'], createdAt: string): StockTake => ({
  id,
  siteCode,
  name: id,
  mode: 'blind',
  locationCodes: [],
  status,
  createdAt,
});

describe('which stock-takes a site is read from', () => {
  it('counted from the latest approved; provisional only from a newer one in progress', () => {
    const sites = stockTakesPerSite([
      st('n1', 'N', 'approved', '2026-01-01T00:00:00.000Z'),
      st('n2', 'N', 'approved', '2026-03-01T00:00:00.000Z'),
      st('n3', 'N', 'submitted', '2026-04-01T00:00:00.000Z'),
      st('s1', 'S', 'open', '2026-01-01T00:00:00.000Z'),
      st('s2', 'S', 'approved', '2026-02-01T00:00:00.000Z'),
      st('o1', 'O', 'open', '2026-02-01T00:00:00.000Z'),
    ]);
    expect(sites.get('N')).toEqual({ siteCode: 'N', approvedId: 'n2', provisionalId: 'n3' });
    expect(sites.get('S')).toEqual({ siteCode: 'S', approvedId: 's2', provisionalId: null });
    expect(sites.get('O')).toEqual({ siteCode: 'O', approvedId: null, provisionalId: 'o1' });
  });
});

describe('site figures and coverage', () => {
  it('coverage is counted over target in percent, one decimal; unknown without a target, a zero target or a count', () => {
    expect(coveragePercent(60, 100)).toBe(60);
    expect(coveragePercent(1, 3)).toBe(33.3);
    expect(coveragePercent(250, 100)).toBe(250);
    expect(coveragePercent(5, null)).toBeNull();
    expect(coveragePercent(5, 0)).toBeNull();
    expect(coveragePercent(null, 10)).toBeNull();
  });

  it('a targeted product not found by the approved stock-take is 0 counted; earliest expiry ignores empty batches', () => {
    const rows = siteProductFigures({
      counted: [
        { gtin: 'A', batch: '1', expiry: '2027-05-01', quantity: 10 },
        { gtin: 'A', batch: '2', expiry: '2026-12-01', quantity: 0 },
        { gtin: 'A', batch: '3', expiry: '2027-02-01', quantity: 5 },
      ],
      provisional: null,
      targets: new Map([
        ['A', 30],
        ['B', 10],
      ]),
    });
    expect(rows).toEqual([
      {
        gtin: 'A',
        targetPacks: 30,
        countedPacks: 15,
        provisionalPacks: null,
        coveragePercent: 50,
        earliestExpiry: '2027-02-01',
      },
      { gtin: 'B', targetPacks: 10, countedPacks: 0, provisionalPacks: null, coveragePercent: 0, earliestExpiry: null },
    ]);
    const neverApproved = siteProductFigures({ counted: null, provisional: [], targets: new Map([['B', 10]]) });
    expect(neverApproved).toEqual([
      {
        gtin: 'B',
        targetPacks: 10,
        countedPacks: null,
        provisionalPacks: 0,
        coveragePercent: null,
        earliestExpiry: null,
      },
    ]);
  });
});

describe('expiry buckets', () => {
  it('packs per month, oldest first, no-expiry last, empty months left out', () => {
    expect(
      expiryMonths([
        { expiry: '2027-03-31', countedPacks: 4, provisionalPacks: 0 },
        { expiry: null, countedPacks: 2, provisionalPacks: 1 },
        { expiry: '2027-01-02', countedPacks: 1, provisionalPacks: 0 },
        { expiry: '2027-03-01', countedPacks: 6, provisionalPacks: 3 },
        { expiry: '2027-02-10', countedPacks: 0, provisionalPacks: 0 },
      ]),
    ).toEqual([
      { month: '2027-01', countedPacks: 1, provisionalPacks: 0 },
      { month: '2027-03', countedPacks: 10, provisionalPacks: 3 },
      { month: null, countedPacks: 2, provisionalPacks: 1 },
    ]);
  });
});

describe('conflict detection', () => {
  it('two devices with different totals at the same stock-take, location, product and batch', () => {
    const one = ev({ deviceId: DEVICE_1, batch: 'L1', quantity: 5 });
    const oneMore = ev({ deviceId: DEVICE_1, batch: 'L1', quantity: 2 });
    const two = ev({ deviceId: DEVICE_2, batch: 'L1', quantity: 6 });
    expect(detectConflicts([one, oneMore, two])).toEqual([
      {
        kind: 'location-totals',
        stockTakeId: 'st-1',
        locationCode: 'R1-H1',
        gtin: one.gtin,
        batch: 'L1',
        totals: [
          { deviceId: DEVICE_1, quantity: 7 },
          { deviceId: DEVICE_2, quantity: 6 },
        ],
      },
    ]);
    // The same totals agree; another batch or location is another place; a recount settles it.
    expect(detectConflicts([one, oneMore, ev({ deviceId: DEVICE_2, batch: 'L1', quantity: 7 })])).toEqual([]);
    expect(detectConflicts([one, ev({ deviceId: DEVICE_2, batch: 'L2', quantity: 6 })])).toEqual([]);
    expect(
      detectConflicts([one, oneMore, two, ev({ deviceId: DEVICE_2, quantity: 7, batch: 'L1', corrects: two.id })]),
    ).toEqual([]);
  });

  it('the same GTIN and serial standing on two devices in one stock-take', () => {
    const a = ev({ deviceId: DEVICE_1, serial: 'S1', locationCode: 'R1' });
    const b = ev({ deviceId: DEVICE_2, serial: 'S1', locationCode: 'R2' });
    expect(detectConflicts([a, b])).toEqual([
      {
        kind: 'serial',
        stockTakeId: 'st-1',
        gtin: a.gtin,
        serial: 'S1',
        eventIds: [a.id, b.id],
        deviceIds: [DEVICE_1, DEVICE_2],
      },
    ]);
    expect(detectConflicts([a, b, voidOf(b)])).toEqual([]);
    expect(detectConflicts([a, ev({ deviceId: DEVICE_2, serial: 'S1', stockTakeId: 'st-2' })])).toEqual([]);
  });
});
