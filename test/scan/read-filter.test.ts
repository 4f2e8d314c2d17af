import { describe, expect, it } from 'vitest';
import { ReadFilter } from '../../src/scan/read-filter.ts';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const PACK_A = `010704626123456617290630${'\x1d'}10AB12${'\x1d'}21SERIAL001`;
const PACK_B = `010704626123456617290630${'\x1d'}10AB12${'\x1d'}21SERIAL002`;

describe('ReadFilter', () => {
  it('accepts a code the first time and ignores it again within the window', () => {
    const time = clock();
    const filter = new ReadFilter({ windowMs: 1500, now: time.now });
    expect(filter.accept(PACK_A)).toBe(true);
    time.advance(100);
    expect(filter.accept(PACK_A)).toBe(false);
    time.advance(1400);
    expect(filter.accept(PACK_A)).toBe(false);
  });

  it('accepts another pack with the same GTIN (another serial) at once', () => {
    const time = clock();
    const filter = new ReadFilter({ windowMs: 1500, now: time.now });
    expect(filter.accept(PACK_A)).toBe(true);
    time.advance(50);
    expect(filter.accept(PACK_B)).toBe(true);
  });

  it('keeps ignoring a code held in view: every sighting extends the window', () => {
    const time = clock();
    const filter = new ReadFilter({ windowMs: 1500, now: time.now });
    expect(filter.accept(PACK_A)).toBe(true);
    for (let i = 0; i < 20; i++) {
      time.advance(500);
      expect(filter.accept(PACK_A)).toBe(false);
    }
  });

  it('accepts the code again once it was out of sight for longer than the window', () => {
    const time = clock();
    const filter = new ReadFilter({ windowMs: 1500, now: time.now });
    filter.accept(PACK_A);
    time.advance(1501);
    expect(filter.accept(PACK_A)).toBe(true);
  });

  it('uses a configurable window', () => {
    const time = clock();
    const filter = new ReadFilter({ windowMs: 5000, now: time.now });
    filter.accept(PACK_A);
    time.advance(3000);
    expect(filter.accept(PACK_A)).toBe(false);
    time.advance(5001);
    expect(filter.accept(PACK_A)).toBe(true);
  });

  it('forgets everything on clear()', () => {
    const time = clock();
    const filter = new ReadFilter({ windowMs: 1500, now: time.now });
    filter.accept(PACK_A);
    filter.clear();
    expect(filter.accept(PACK_A)).toBe(true);
  });
});
