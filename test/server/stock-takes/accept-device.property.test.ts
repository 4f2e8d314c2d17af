import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { CountEvent } from '../../../src/domain/count-event.ts';
import { countsToVoid } from '../../../src/domain/overview/accept-device.ts';
import { type ConflictSnapshot, conflictSnapshots, isAtConflict } from '../../../src/domain/overview/conflict-views.ts';
import { activeCounts } from '../../../src/domain/stock-take/corrections.ts';
import { resolveConflict } from '../../../src/server/api/stock-take-resolutions.ts';
import { SqliteEventStore } from '../../../src/server/storage/sqlite-event-store.ts';
import { makeDeviceId } from '../../support/events.ts';
import { GTIN_A, reference } from './support.ts';

const STOCK_TAKE = 'st-prop';
const DEVICES = [makeDeviceId(), makeDeviceId(), makeDeviceId()];

/** One step of a device's history: a new count, or a correction of one of its earlier counts. */
type Step =
  | { op: 'count'; location: string; batch: string | null; serial: string | null; quantity: number }
  | { op: 'replace'; target: number; quantity: number; batch: string | null }
  | { op: 'void'; target: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('count' as const),
      location: fc.constantFrom('N-R1', 'N-R2'),
      batch: fc.constantFrom('B1', null),
      serial: fc.constantFrom(null, null, 'S1', 'S2'),
      quantity: fc.nat(6),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('replace' as const),
      target: fc.nat(20),
      quantity: fc.nat(6),
      batch: fc.constantFrom('B1', null),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('void' as const), target: fc.nat(20) }), weight: 1 },
);
const historyArb = fc.array(fc.tuple(fc.nat(DEVICES.length - 1), stepArb), { minLength: 2, maxLength: 30 });

/** The events of the histories, each device numbering its own (a correction names a count of the same device). */
function eventsOf(history: ReadonlyArray<readonly [number, Step]>): CountEvent[] {
  const events: CountEvent[] = [];
  const seqs = new Map<string, number>();
  for (const [deviceIndex, step] of history) {
    const deviceId = DEVICES[deviceIndex] as string;
    const mine = events.filter((e) => e.deviceId === deviceId && e.kind === 'count');
    const target = step.op === 'count' ? undefined : mine[step.target % Math.max(mine.length, 1)];
    if (step.op !== 'count' && !target) continue;
    const seq = (seqs.get(deviceId) ?? 0) + 1;
    seqs.set(deviceId, seq);
    const base = {
      id: uuidv7(),
      deviceId,
      seq,
      countedAt: new Date(Date.UTC(2026, 10, 22, 10, 0, seq)).toISOString(),
      raw: 'scan',
      gtin: GTIN_A,
      schema: 2 as const,
      stockTakeId: STOCK_TAKE,
      expiry: null,
      unitLevel: 'pack' as const,
      userId: null,
    };
    if (step.op === 'count') {
      const { location, batch, serial, quantity } = step;
      events.push({ ...base, kind: 'count', corrects: null, locationCode: location, batch, serial, quantity });
    } else if (target && step.op === 'replace') {
      events.push({
        ...target,
        ...base,
        kind: 'count',
        corrects: target.id,
        quantity: step.quantity,
        batch: step.batch,
      });
    } else if (target) {
      events.push({ ...target, ...base, kind: 'void', corrects: target.id, quantity: 0 });
    }
  }
  return events;
}

const voidsOf = (targets: readonly CountEvent[]): CountEvent[] =>
  targets.map((t, i) => ({
    ...t,
    id: uuidv7(),
    deviceId: 'server',
    seq: i + 1,
    kind: 'void',
    corrects: t.id,
    quantity: 0,
  }));
const totalOf = (events: readonly CountEvent[], deviceId: string, conflict: ConflictSnapshot) =>
  activeCounts(events)
    .filter((e) => e.deviceId === deviceId && isAtConflict(conflict, e))
    .reduce((sum, e) => sum + e.quantity, 0);

describe('accept-device (property)', () => {
  it('leaves exactly the chosen device’s standing total where the conflict is, and changes nothing elsewhere', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(10), fc.nat(10), (history, whichConflict, whichDevice) => {
        const events = eventsOf(history);
        const conflicts = conflictSnapshots(events);
        fc.pre(conflicts.length > 0);
        const conflict = conflicts[whichConflict % conflicts.length] as ConflictSnapshot;
        const chosen = conflict.totals[whichDevice % conflict.totals.length]?.deviceId as string;

        const after = [...events, ...voidsOf(countsToVoid(events, STOCK_TAKE, conflict, chosen))];
        const standingThere = activeCounts(after).filter((e) => isAtConflict(conflict, e));
        expect(standingThere.every((e) => e.deviceId === chosen)).toBe(true);
        expect(totalOf(after, chosen, conflict)).toBe(totalOf(events, chosen, conflict));
        const elsewhere = (list: CountEvent[]) => activeCounts(list).filter((e) => !isAtConflict(conflict, e));
        expect(elsewhere(after)).toEqual(elsewhere(events));
        expect(conflictSnapshots(after).some((c) => c.id === conflict.id)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('through the store: the resolution leaves the chosen device’s total standing for that place', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.nat(10), fc.nat(10), async (history, whichConflict, whichDevice) => {
        const events = eventsOf(history);
        const conflicts = conflictSnapshots(events);
        fc.pre(conflicts.length > 0);
        const conflict = conflicts[whichConflict % conflicts.length] as ConflictSnapshot;
        const chosen = conflict.totals[whichDevice % conflict.totals.length]?.deviceId as string;

        const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-prop-'));
        const store = new SqliteEventStore(join(dir, 'prop.sqlite'));
        try {
          await store.writeReference([
            ...reference(),
            {
              dataset: 'stock-takes',
              key: STOCK_TAKE,
              row: {
                id: STOCK_TAKE,
                siteCode: 'NORR',
                name: 'p',
                mode: 'blind',
                locationCodes: [],
                status: 'open',
                createdAt: '2026-11-22T08:00:00.000Z',
              },
            },
          ]);
          for (const deviceId of DEVICES) {
            const mine = events.filter((e) => e.deviceId === deviceId);
            const items = mine.map((event) => ({ event, clockSkewMs: null }));
            await store.ingest({ deviceId, appVersion: '1', receivedAt: '2026-11-22T12:00:00.000Z', items });
          }
          const outcome = await resolveConflict(
            store,
            STOCK_TAKE,
            { conflictId: conflict.id, kind: 'accept-device', deviceId: chosen },
            { userId: 'supervisor-1', deviceId: null },
          );
          expect(outcome.ok).toBe(true);
          const stored = (await store.stockTakeAdmin.eventsOfStockTake(STOCK_TAKE)).map((r) => r.event);
          const there = activeCounts(stored).filter((e) => isAtConflict(conflict, e));
          expect(there.every((e) => e.deviceId === chosen)).toBe(true);
          expect(totalOf(stored, chosen, conflict)).toBe(totalOf(events, chosen, conflict));
          // The overview's stock (provisional: the stock-take is open) is what stands after the voids.
          const standing = activeCounts(stored).reduce((sum, e) => sum + e.quantity, 0);
          const page = await store.overview({ siteCode: 'NORR' }, { offset: 0, limit: 10 });
          expect(page.rows.find((r) => r.gtin === GTIN_A)?.provisionalPacks ?? 0).toBe(standing);
        } finally {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });
});
