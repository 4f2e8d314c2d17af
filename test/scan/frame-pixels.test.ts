import { describe, expect, it } from 'vitest';
import { grayToRgba, invert, smooth3x3, toLuminance } from '../../src/scan/frame-pixels.ts';

describe('frame pixels', () => {
  it('computes luminance from RGBA with zxing’s weights and passes gray through', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 255, 0, 255]);
    expect([...toLuminance(rgba, 2, 2)]).toEqual([255, 0, 76, 150]);
    const gray = new Uint8ClampedArray([1, 2, 3, 4]);
    expect(toLuminance(gray, 2, 2)).toBe(gray);
    expect(() => toLuminance(new Uint8ClampedArray(5), 2, 2)).toThrow(RangeError);
  });

  it('smooths an isolated noisy pixel and keeps flat areas flat', () => {
    const gray = new Uint8ClampedArray(9).fill(90);
    gray[4] = 180;
    const out = smooth3x3(gray, 3, 3);
    expect(out[4]).toBe(100);
    expect(smooth3x3(new Uint8ClampedArray(12).fill(77), 4, 3).every((value) => value === 77)).toBe(true);
  });

  it('inverts and widens gray to opaque RGBA', () => {
    expect([...invert(new Uint8ClampedArray([0, 200, 255]))]).toEqual([255, 55, 0]);
    expect([...grayToRgba(new Uint8ClampedArray([7, 9]))]).toEqual([7, 7, 7, 255, 9, 9, 9, 255]);
  });
});
