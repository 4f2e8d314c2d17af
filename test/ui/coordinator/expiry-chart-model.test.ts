import { describe, expect, it } from 'vitest';
import { addMonths, expiryBars, monthStatus, niceScale } from '../../../src/ui/coordinator/expiry-chart-model.ts';

const today = new Date(2026, 10, 22); // 2026-11-22

describe('expiry chart bars', () => {
  it('makes one bar per month from the first, filling gaps with empty months', () => {
    const bars = expiryBars(
      [
        { month: '2027-03', countedPacks: 4, provisionalPacks: 1 },
        { month: '2027-01', countedPacks: 10, provisionalPacks: 0 },
      ],
      today,
    );
    expect(bars.map((b) => [b.month, b.countedPacks, b.provisionalPacks])).toEqual([
      ['2027-01', 10, 0],
      ['2027-02', 0, 0],
      ['2027-03', 4, 1],
    ]);
  });

  it('folds months past the window into one "later" bar and puts undated packs last', () => {
    const months = [
      { month: '2027-01', countedPacks: 1, provisionalPacks: 0 },
      { month: '2027-04', countedPacks: 2, provisionalPacks: 0 },
      { month: '2031-06', countedPacks: 5, provisionalPacks: 2 },
      { month: null, countedPacks: 3, provisionalPacks: 1 },
    ];
    const bars = expiryBars(months, today, 6);
    expect(bars).toHaveLength(8);
    expect(bars[5]).toMatchObject({ kind: 'month', month: '2027-06' });
    expect(bars[6]).toMatchObject({ kind: 'later', month: '2027-07', countedPacks: 5, provisionalPacks: 2 });
    expect(bars[7]).toMatchObject({ kind: 'undated', month: null, countedPacks: 3, provisionalPacks: 1 });
  });

  it('ends at the last month with packs when it fits in the window', () => {
    const bars = expiryBars([{ month: '2027-01', countedPacks: 1, provisionalPacks: 0 }], today);
    expect(bars.map((b) => b.kind)).toEqual(['month']);
    expect(expiryBars([], today)).toEqual([]);
  });

  it('marks past months expired and this month plus the next three as near', () => {
    expect(monthStatus('2026-10', today)).toBe('expired');
    expect(monthStatus('2026-11', today)).toBe('near');
    expect(monthStatus('2027-02', today)).toBe('near');
    expect(monthStatus('2027-03', today)).toBe('ok');
  });

  it('adds months across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-12', 25)).toBe('2029-01');
  });
});

describe('the chart axis', () => {
  it('rounds the top up to 1, 2 or 5 times a power of ten', () => {
    expect(niceScale(37)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(1234)).toEqual({ max: 1500, ticks: [0, 500, 1000, 1500] });
    expect(niceScale(3).max).toBe(3);
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('always reaches the largest bar', () => {
    for (const largest of [1, 7, 19, 99, 101, 4999, 123456])
      expect(niceScale(largest).max).toBeGreaterThanOrEqual(largest);
  });
});
