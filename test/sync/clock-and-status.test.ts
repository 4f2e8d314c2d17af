import { describe, expect, it } from 'vitest';
import { clockSample } from '../../src/sync/clock.ts';
import { InPageLocks } from '../../src/sync/locks.ts';
import { pendingAgeLevel } from '../../src/sync/status.ts';

describe('clockSample', () => {
  it('takes the middle of the Date header second and of the round trip', () => {
    const serverSecond = Date.parse('2026-11-22T10:00:00Z');
    const sample = clockSample(new Date(serverSecond).toUTCString(), serverSecond - 60_000, serverSecond - 59_000);
    expect(sample).toEqual({ offsetMs: 60_000, roundTripMs: 1_000 });
    expect(clockSample(null, 0, 1)).toBeNull();
    expect(clockSample('yesterday-ish', 0, 1)).toBeNull();
  });
});

describe('pendingAgeLevel', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it('warns after one day and again after three', () => {
    expect(pendingAgeLevel(null, now)).toBe('none');
    expect(pendingAgeLevel('2026-11-21T12:00:01Z', now)).toBe('none');
    expect(pendingAgeLevel('2026-11-21T12:00:00Z', now)).toBe('day');
    expect(pendingAgeLevel('2026-11-19T12:00:01Z', now)).toBe('day');
    expect(pendingAgeLevel('2026-11-19T12:00:00Z', now)).toBe('three-days');
  });
});

describe('InPageLocks', () => {
  it('runs callbacks for one name one after the other, also after a failure', async () => {
    const locks = new InPageLocks();
    const order: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        order.push(`${name} start`);
        await new Promise((r) => setTimeout(r, 1));
        order.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      locks.request('sync', task('a', true)),
      locks.request('sync', task('b')),
      locks.request('sync', task('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });
});
