import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountEvent } from '../../../src/domain/count-event.ts';
import { activeCounts } from '../../../src/domain/stock-take/corrections.ts';
import { findCountedSerial } from '../../../src/domain/stock-take/serials.ts';
import { ev, voidOf } from './fixtures.ts';

const ids = (events: CountEvent[]) => events.map((e) => e.id);

describe('activeCounts: corrections are new events', () => {
  it('a void cancels the count it names, and never counts itself', () => {
    const a = ev();
    const b = ev();
    const v = voidOf(a);
    expect(ids(activeCounts([a, b, v]))).toEqual([b.id]);
  });

  it('a superseding count replaces the earlier one; voiding the replacement (undo) brings it back', () => {
    const first = ev({ quantity: 5 });
    const recount = ev({ quantity: 7, corrects: first.id });
    expect(ids(activeCounts([first, recount]))).toEqual([recount.id]);
    const undo = voidOf(recount);
    expect(ids(activeCounts([first, recount, undo]))).toEqual([first.id]);
  });

  it('follows chains of supersedes', () => {
    const a = ev();
    const b = ev({ corrects: a.id });
    const c = ev({ corrects: b.id });
    expect(ids(activeCounts([a, b, c]))).toEqual([c.id]);
    expect(ids(activeCounts([a, b, c, voidOf(c)]))).toEqual([b.id]);
  });

  it('does not depend on the order events arrive in (events from several devices interleave)', () => {
    const a = ev();
    const b = ev({ corrects: a.id });
    const v = voidOf(b);
    expect(ids(activeCounts([v, b, a]))).toEqual([a.id]);
  });

  it('voiding the original of a line whose replacement stands changes nothing', () => {
    const a = ev({ quantity: 5 });
    const b = ev({ quantity: 7, corrects: a.id });
    expect(ids(activeCounts([a, b, voidOf(a)]))).toEqual([b.id]);
  });

  it('counts nothing of a correction cycle (only corrupt data can make one)', () => {
    const a = ev({ id: '019aa0c0-0000-7000-8000-aaaaaaaaaaaa', corrects: '019aa0c0-0000-7000-8000-bbbbbbbbbbbb' });
    const b = ev({ id: '019aa0c0-0000-7000-8000-bbbbbbbbbbbb', corrects: '019aa0c0-0000-7000-8000-aaaaaaaaaaaa' });
    expect(activeCounts([a, b])).toEqual([]);
  });

  it('property: with counts, voids and undo-able supersedes, the standing total equals a simple model', () => {
    const op = fc.oneof(
      fc.record({ type: fc.constant('count' as const), qty: fc.integer({ min: 1, max: 50 }) }),
      fc.record({ type: fc.constant('void' as const) }),
      fc.record({ type: fc.constant('recount' as const), qty: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ type: fc.constant('undo' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.integer(), (ops, seed) => {
        const events: CountEvent[] = [];
        // The model: a stack per line of [eventId, qty] history; the standing value is the top.
        const lines: Array<Array<{ id: string; qty: number }>> = [];
        const pick = (n: number) => Math.abs(seed + events.length) % n;
        for (const o of ops) {
          if (o.type === 'count') {
            const e = ev({ quantity: o.qty });
            events.push(e);
            lines.push([{ id: e.id, qty: o.qty }]);
            continue;
          }
          const open = lines.filter((l) => l.length > 0);
          if (open.length === 0) continue;
          const line = open[pick(open.length)] as Array<{ id: string; qty: number }>;
          const top = line[line.length - 1] as { id: string; qty: number };
          if (o.type === 'void') {
            // Removing a line voids every count in its history.
            for (const entry of line) events.push(voidOf(events.find((e) => e.id === entry.id) as CountEvent));
            line.length = 0;
          } else if (o.type === 'recount') {
            const e = ev({ quantity: o.qty, corrects: top.id });
            events.push(e);
            line.push({ id: e.id, qty: o.qty });
          } else {
            // Undo voids the newest count of the line; the one before it stands again.
            events.push(voidOf(events.find((e) => e.id === top.id) as CountEvent));
            line.pop();
          }
        }
        const modelTotal = lines.reduce((t, l) => t + (l.length ? (l[l.length - 1]?.qty ?? 0) : 0), 0);
        const total = activeCounts(events).reduce((t, e) => t + e.quantity, 0);
        expect(total).toBe(modelTotal);
      }),
      { numRuns: 300 },
    );
  });
});

describe('findCountedSerial: a serialised pack is counted once per stock-take', () => {
  it('finds the standing count of the same GTIN + serial, anywhere in the stock-take', () => {
    const first = ev({ serial: 'ABC123', locationCode: 'R1-H1' });
    expect(findCountedSerial([first], '07046261000000', 'ABC123')).toBe(first);
    expect(findCountedSerial([first], '07046261000000', 'OTHER')).toBeUndefined();
    expect(findCountedSerial([first], '09506000100739', 'ABC123')).toBeUndefined();
  });

  it('forgets a pack whose count was voided (it may be counted again)', () => {
    const first = ev({ serial: 'ABC123' });
    expect(findCountedSerial([first, voidOf(first)], '07046261000000', 'ABC123')).toBeUndefined();
  });

  it('never matches packs without a serial', () => {
    expect(findCountedSerial([ev()], '07046261000000', null)).toBeUndefined();
  });
});
