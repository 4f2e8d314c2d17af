import { describe, expect, it } from 'vitest';
import { pendingRecounts } from '../../../src/domain/stock-take/recounts.ts';

const stockTake = {
  id: 'st-1',
  recounts: [
    { locationCode: 'A1', requestedAt: '2026-11-20T10:00:00.000Z', reason: 'Two devices disagree' },
    { locationCode: 'B2', requestedAt: '2026-11-20T10:00:00.000Z', reason: 'Serial twice' },
  ],
};
const at = (locationCode: string, countedAt: string, stockTakeId = 'st-1') => ({
  stockTakeId,
  locationCode,
  countedAt,
});

describe('pendingRecounts', () => {
  it('is empty when nothing was requested', () => {
    expect(pendingRecounts({ id: 'st-1' }, [at('A1', '2026-11-21T00:00:00.000Z')]).size).toBe(0);
  });

  it('keeps a request until a count is made at that location at or after it', () => {
    const pending = pendingRecounts(stockTake, [
      at('A1', '2026-11-20T09:59:59.999Z'), // before the request: does not settle it
      at('B2', '2026-11-20T10:00:00.000Z'), // at the request: settles it
    ]);
    expect([...pending.keys()]).toEqual(['A1']);
    expect(pending.get('A1')?.reason).toBe('Two devices disagree');
  });

  it('ignores counts of another stock-take or without a location', () => {
    const pending = pendingRecounts(stockTake, [
      at('A1', '2026-11-21T00:00:00.000Z', 'st-2'),
      { stockTakeId: 'st-1', locationCode: null, countedAt: '2026-11-21T00:00:00.000Z' },
    ]);
    expect([...pending.keys()].sort()).toEqual(['A1', 'B2']);
  });

  it('takes the latest request of a location, so a second request needs a new count', () => {
    const twice = {
      id: 'st-1',
      recounts: [
        { locationCode: 'A1', requestedAt: '2026-11-20T10:00:00.000Z', reason: 'first' },
        { locationCode: 'A1', requestedAt: '2026-11-22T10:00:00.000Z', reason: 'again' },
      ],
    };
    const pending = pendingRecounts(twice, [at('A1', '2026-11-21T00:00:00.000Z')]);
    expect(pending.get('A1')?.reason).toBe('again');
  });
});
