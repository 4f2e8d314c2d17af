import { describe, expect, it } from 'vitest';
import { countdown, relativeTime, unsentLevel } from '../../../src/ui/coordinator/admin/time.ts';

const now = new Date('2026-11-22T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('relativeTime: how long ago, in the largest whole unit', () => {
  it('minutes, hours and days, in English and Swedish', () => {
    expect(relativeTime('en', ago(5 * MIN), now)).toBe('5 minutes ago');
    expect(relativeTime('en', ago(3 * HOUR + 59 * MIN), now)).toBe('3 hours ago');
    expect(relativeTime('en', ago(4 * DAY), now)).toBe('4 days ago');
    expect(relativeTime('sv', ago(3 * HOUR), now)).toBe('för 3 timmar sedan');
    expect(relativeTime('sv', ago(4 * DAY), now)).toBe('för 4 dagar sedan');
  });

  it('yesterday reads as a word; under a minute, or a clock ahead, is now', () => {
    expect(relativeTime('en', ago(DAY + HOUR), now)).toBe('yesterday');
    expect(relativeTime('en', ago(20_000), now)).toBe('now');
    expect(relativeTime('sv', ago(-2 * MIN), now)).toBe('nu');
  });
});

describe('countdown: what is left of an enrollment code', () => {
  it('minutes and zero-padded seconds, rounding up so 0:00 means expired', () => {
    expect(countdown(new Date(now.getTime() + 15 * MIN).toISOString(), now)).toBe('15:00');
    expect(countdown(new Date(now.getTime() + 65_500).toISOString(), now)).toBe('1:06');
    expect(countdown(new Date(now.getTime() + 9_000).toISOString(), now)).toBe('0:09');
    expect(countdown(new Date(now.getTime() - 1_000).toISOString(), now)).toBe('0:00');
  });
});

describe("unsentLevel: a device's oldest unsent count", () => {
  it('warns after a day and again after three, as the device itself does', () => {
    expect(unsentLevel(null, now)).toBe('none');
    expect(unsentLevel(ago(23 * HOUR), now)).toBe('none');
    expect(unsentLevel(ago(DAY), now)).toBe('day');
    expect(unsentLevel(ago(3 * DAY - MIN), now)).toBe('day');
    expect(unsentLevel(ago(3 * DAY), now)).toBe('three-days');
  });
});
