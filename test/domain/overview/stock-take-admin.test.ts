import { describe, expect, it } from 'vitest';
import { countsToVoid } from '../../../src/domain/overview/accept-device.ts';
import {
  type ConflictSnapshot,
  conflictSnapshots,
  conflictViews,
  type ResolutionRecord,
} from '../../../src/domain/overview/conflict-views.ts';
import { stockTakeProgress } from '../../../src/domain/overview/stock-take-progress.ts';
import { expectationsFrom, stockTakeResult } from '../../../src/domain/overview/stock-take-result.ts';
import type { StockTake } from '../../../src/domain/reference-data.ts';
import { activeCounts } from '../../../src/domain/stock-take/corrections.ts';
import { ev, voidOf } from '../stock-take/fixtures.ts';

const D1 = '0b8e1c1e-9a0b-4c43-8f3e-1d2a3b4c5d61';
const D2 = '0b8e1c1e-9a0b-4c43-8f3e-1d2a3b4c5d62';
const at = (fields: Parameters<typeof ev>[0]) => ev({ batch: 'L1', ...fields });

const record = (conflict: ConflictSnapshot, fields: Partial<ResolutionRecord>): ResolutionRecord => ({
  stockTakeId: 'st-1',
  conflictId: conflict.id,
  kind: 'separate-zones',
  deviceId: null,
  decidedBy: 'sara',
  decidedAt: '2026-11-23T09:00:00.000Z',
  reason: null,
  conflict,
  ...fields,
});

describe('accept-device: which counts to void', () => {
  it('the other devices’ standing counts there and every count of their lines, through voided ones', () => {
    const mine = at({ deviceId: D1, quantity: 4 });
    const first = at({ deviceId: D2, quantity: 1 });
    const second = at({ deviceId: D2, quantity: 2, corrects: first.id });
    const undone = voidOf(second, { deviceId: D2 });
    // A replacement of the voided count: it stands, and hides `first` only while `second` is in force.
    const third = at({ deviceId: D2, quantity: 3, corrects: second.id });
    const elsewhere = at({ deviceId: D2, locationCode: 'R9', quantity: 7 });
    const events = [mine, first, second, undone, third, elsewhere];
    const [conflict] = conflictSnapshots(events) as [ConflictSnapshot];
    expect(conflict.totals.map((t) => t.quantity)).toEqual([4, 3]);

    const targets = countsToVoid(events, 'st-1', conflict, D1);
    expect(targets.map((e) => e.id)).toEqual([first.id, third.id]);
    const after = [...events, ...targets.map((t) => voidOf(t))];
    expect(activeCounts(after).map((e) => e.id)).toEqual([mine.id, elsewhere.id]);
  });

  it('a serialised pack: the other devices’ counts of that serial, wherever they are', () => {
    const a = ev({ deviceId: D1, serial: 'S1', locationCode: 'R1' });
    const b = ev({ deviceId: D2, serial: 'S1', locationCode: 'R2' });
    const other = ev({ deviceId: D2, serial: 'S2', locationCode: 'R2' });
    const [conflict] = conflictSnapshots([a, b, other]) as [ConflictSnapshot];
    expect(conflict).toMatchObject({ kind: 'serial', locationCode: null, serial: 'S1' });
    expect(countsToVoid([a, b, other], 'st-1', conflict, D1)).toEqual([b]);
  });
});

describe('conflict views and their resolutions', () => {
  const d1 = at({ deviceId: D1, quantity: 4, userId: 'anna' });
  const d2 = at({ deviceId: D2, quantity: 5 });
  const [conflict] = conflictSnapshots([d1, d2], new Map([[D1, 'Platta 1']])) as [ConflictSnapshot];

  it('a conflict has a stable id from its place, each device’s total, its label and who counted', () => {
    expect(conflict).toEqual({
      id: JSON.stringify(['location-totals', 'R1-H1', d1.gtin, 'L1']),
      kind: 'location-totals',
      locationCode: 'R1-H1',
      gtin: d1.gtin,
      batch: 'L1',
      serial: null,
      totals: [
        { deviceId: D1, deviceLabel: 'Platta 1', quantity: 4, userIds: ['anna'] },
        { deviceId: D2, deviceLabel: null, quantity: 5, userIds: [] },
      ],
    });
  });

  it('open: none, a recount request, or a decision on totals that have changed since', () => {
    expect(conflictViews([conflict], []).openConflicts).toBe(1);
    expect(conflictViews([conflict], [record(conflict, { kind: 'recount' })])).toMatchObject({
      conflicts: [{ resolution: { kind: 'recount' } }],
      openConflicts: 1,
    });
    expect(conflictViews([conflict], [record(conflict, {})]).openConflicts).toBe(0);
    const [changed] = conflictSnapshots([d1, d2, at({ deviceId: D2, quantity: 1 })]) as [ConflictSnapshot];
    expect(conflictViews([changed], [record(conflict, {})])).toMatchObject({
      conflicts: [{ resolution: null }],
      openConflicts: 1,
    });
  });

  it('an accepted device makes the conflict disappear from the counts: it is listed as decided; if it comes back, open', () => {
    const accepted = record(conflict, { kind: 'accept-device', deviceId: D2 });
    expect(conflictViews([], [accepted])).toEqual({
      conflicts: [
        {
          ...conflict,
          resolution: { kind: 'accept-device', deviceId: D2, decidedBy: 'sara', decidedAt: accepted.decidedAt },
        },
      ],
      openConflicts: 0,
    });
    expect(conflictViews([conflict], [accepted]).openConflicts).toBe(1);
    // Settled by a recount (or new counts): not listed any more.
    expect(conflictViews([], [record(conflict, { kind: 'recount' })]).conflicts).toEqual([]);
  });
});

describe('progress, result and expectations', () => {
  const stockTake: StockTake = {
    id: 'st-1',
    siteCode: 'NORR',
    name: 'x',
    mode: 'blind',
    locationCodes: [],
    status: 'open',
    createdAt: '2026-11-22T08:00:00.000Z',
    recounts: [{ locationCode: 'R1-H1', requestedAt: '2026-11-22T08:00:30.000Z', reason: '' }],
  };
  const locations = [
    { code: 'R1-H1', siteCode: 'NORR', name: 'Hylla 1' },
    { code: 'R2', siteCode: 'NORR', name: 'Hylla 2' },
    { code: 'S1', siteCode: 'SYD', name: 'Syd' },
  ];

  it('a recount request waits until the location is counted after it (device clocks without milliseconds too)', () => {
    const before = ev({ countedAt: '2026-11-22T08:00:10.000Z' });
    const progress = stockTakeProgress({ stockTake, locations, events: [before], resolutions: [] });
    expect(progress.locations.map((l) => [l.locationCode, l.lines, l.recountRequested])).toEqual([
      ['R1-H1', 1, true],
      ['R2', 0, false],
    ]);
    const later = ev({ countedAt: '2026-11-22T08:01:00Z' });
    const recounted = stockTakeProgress({ stockTake, locations, events: [before, later], resolutions: [] });
    expect(recounted.locations[0]).toMatchObject({ recountRequested: false, lastCountedAt: '2026-11-22T08:01:00Z' });
  });

  it('the result adds up standing packs per location, product, batch and expiry; expectations per batch within the scope', () => {
    const a = ev({ locationCode: 'R2', batch: 'B', expiry: '2027-01-31', quantity: 2 });
    const b = ev({ locationCode: 'R2', batch: 'B', expiry: '2027-02-28', quantity: 3 });
    const c = ev({ locationCode: 'R1-H1', quantity: 5 });
    const gone = ev({ locationCode: 'R1-H1', quantity: 8 });
    const events = [a, b, c, gone, voidOf(gone), ev({ gtin: null, quantity: 1 })];
    expect(stockTakeResult(events).map((l) => [l.locationCode, l.batch, l.expiry, l.packs])).toEqual([
      ['R1-H1', null, null, 5],
      ['R2', 'B', '2027-01-31', 2],
      ['R2', 'B', '2027-02-28', 3],
    ]);
    expect(expectationsFrom('st-2', events, ['R2'])).toEqual([
      { id: 'st-2-e1', stockTakeId: 'st-2', locationCode: 'R2', gtin: a.gtin, batch: 'B', quantity: 5 },
    ]);
  });
});
