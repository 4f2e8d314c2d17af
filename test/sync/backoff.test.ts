import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/sync/backoff.ts';

describe('retryDelayMs (exponential backoff with full jitter)', () => {
  it('stays between 0 and min(cap, base·2ⁿ), and never below Retry-After', () => {
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        fc.option(fc.nat(600_000)),
        (attempt, r, retryAfter) => {
          const delay = retryDelayMs(attempt, {
            baseMs: 1000,
            capMs: 60_000,
            random: () => r,
            retryAfterMs: retryAfter ?? undefined,
          });
          const ceiling = Math.min(60_000, 1000 * 2 ** attempt);
          expect(delay).toBeGreaterThanOrEqual(retryAfter ?? 0);
          expect(delay).toBeLessThanOrEqual(Math.max(ceiling, retryAfter ?? 0));
        },
      ),
    );
  });

  it('grows with the attempt', () => {
    expect(retryDelayMs(0, { random: () => 0.999 })).toBeLessThan(retryDelayMs(5, { random: () => 0.999 }));
  });
});
