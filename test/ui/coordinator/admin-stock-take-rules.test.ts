import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/domain/auth/api.ts';
import type { ConflictView, StockTakeProgress } from '../../../src/domain/overview/stock-take-admin.ts';
import type { StockTake } from '../../../src/domain/reference-data.ts';
import type { UserRole } from '../../../src/domain/users.ts';
import {
  approveBlock,
  conflictsInWorkOrder,
  countedShare,
  isSettled,
  maySubmit,
  resolutionsFor,
} from '../../../src/ui/coordinator/admin/stock-take-rules.ts';

const user = (role: UserRole): SessionUser => ({ id: `u-${role}`, username: role, name: role, role });
const stockTake = (status: StockTake['status']): StockTake => ({
  id: 'st-1',
  siteCode: 'A',
  name: 'March',
  mode: 'blind',
  locationCodes: [],
  status,
  createdAt: '2026-03-01T08:00:00.000Z',
});
const conflict = (
  id: string,
  kind: ConflictView['kind'],
  resolution: ConflictView['resolution'] = null,
): ConflictView => ({
  id,
  kind,
  locationCode: kind === 'serial' ? null : 'A-1',
  gtin: '07046261000000',
  batch: 'B1',
  serial: kind === 'serial' ? 'S1' : null,
  totals: [
    { deviceId: 'd1', deviceLabel: 'Tablet 1', quantity: 5, userIds: ['u1'] },
    { deviceId: 'd2', deviceLabel: 'Tablet 2', quantity: 7, userIds: ['u2'] },
  ],
  resolution,
});
const decided = (kind: 'accept-device' | 'separate-zones' | 'recount') => ({
  kind,
  deviceId: kind === 'accept-device' ? 'd1' : null,
  decidedBy: 'u-supervisor',
  decidedAt: '2026-03-01T10:00:00.000Z',
});
const progress = (
  status: StockTake['status'],
  openConflicts: number,
  counted = 2,
  locations = 4,
): StockTakeProgress => ({
  stockTake: stockTake(status),
  locations: [],
  conflicts: [],
  openConflicts,
  countsAfterApproval: 0,
  products: [],
  totals: { lines: 3, packs: 12, countedLocations: counted, locations },
});

describe('approveBlock: why Approve is disabled', () => {
  it('open for a supervisor or administrator once no conflict is open, submitted or not', () => {
    expect(approveBlock(progress('open', 0), user('supervisor'))).toBeNull();
    expect(approveBlock(progress('submitted', 0), user('administrator'))).toBeNull();
  });

  it('names the reason: the role, an approval already made, open conflicts', () => {
    expect(approveBlock(progress('submitted', 0), user('counter'))).toBe('forbidden');
    expect(approveBlock(progress('submitted', 0), null)).toBe('forbidden');
    expect(approveBlock(progress('approved', 0), user('supervisor'))).toBe('approved');
    expect(approveBlock(progress('submitted', 2), user('supervisor'))).toBe('open-conflicts');
  });
});

describe('maySubmit', () => {
  it('only an open stock-take, by anyone who counts', () => {
    expect(maySubmit(stockTake('open'), user('counter'))).toBe(true);
    expect(maySubmit(stockTake('submitted'), user('supervisor'))).toBe(false);
    expect(maySubmit(stockTake('open'), null)).toBe(false);
  });
});

describe('conflict resolutions', () => {
  it('two totals at one place may be separate zones; one serialised pack may not', () => {
    expect(resolutionsFor(conflict('c1', 'location-totals'))).toEqual(['accept-device', 'separate-zones', 'recount']);
    expect(resolutionsFor(conflict('c2', 'serial'))).toEqual(['accept-device', 'recount']);
  });

  it('a recount request leaves the conflict open (and decidable); accepting or separating settles it', () => {
    const recount = conflict('c1', 'location-totals', decided('recount'));
    expect(isSettled(recount)).toBe(false);
    expect(resolutionsFor(recount)).toEqual(['accept-device', 'separate-zones', 'recount']);
    expect(isSettled(conflict('c1', 'location-totals', decided('accept-device')))).toBe(true);
    expect(resolutionsFor(conflict('c1', 'location-totals', decided('separate-zones')))).toEqual([]);
  });

  it('lists the open ones first, keeping the order within each', () => {
    const list = [
      conflict('settled-1', 'serial', decided('accept-device')),
      conflict('open-1', 'location-totals'),
      conflict('settled-2', 'location-totals', decided('separate-zones')),
      conflict('waiting', 'location-totals', decided('recount')),
    ];
    expect(conflictsInWorkOrder(list).map((c) => c.id)).toEqual(['open-1', 'waiting', 'settled-1', 'settled-2']);
  });
});

describe('countedShare: the progress bar', () => {
  it('a whole percentage of counted locations; 0 for a stock-take without locations', () => {
    expect(countedShare(progress('open', 0, 2, 4))).toBe(50);
    expect(countedShare(progress('open', 0, 1, 3))).toBe(33);
    expect(countedShare(progress('open', 0, 0, 0))).toBe(0);
  });
});
