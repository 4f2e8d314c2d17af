import { describe, expect, it } from 'vitest';
import { roiCrop, visibleVideoRect } from '../../src/scan/roi.ts';

describe('visibleVideoRect (object-fit: cover)', () => {
  it('is the whole video when the element has the same shape', () => {
    expect(visibleVideoRect({ width: 1280, height: 720 }, { width: 640, height: 360 })).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 720,
    });
  });

  it('crops the sides of a landscape video shown in a portrait box', () => {
    const rect = visibleVideoRect({ width: 1280, height: 720 }, { width: 360, height: 480 });
    expect(rect.height).toBe(720);
    expect(rect.width).toBeCloseTo(540);
    expect(rect.x).toBeCloseTo(370);
  });

  it('is the whole video when the element size is unknown', () => {
    expect(visibleVideoRect({ width: 640, height: 480 }, null)).toEqual({ x: 0, y: 0, width: 640, height: 480 });
  });
});

describe('roiCrop', () => {
  it('takes a centred square of 60 % of the visible short side, unscaled when small enough', () => {
    const crop = roiCrop({ width: 1280, height: 720 }, { width: 640, height: 360 });
    expect(crop.source).toEqual({ x: 424, y: 144, width: 432, height: 432 });
    expect(crop.output).toEqual({ width: 432, height: 432 });
  });

  it('scales large crops down to the maximum side', () => {
    const crop = roiCrop({ width: 3840, height: 2160 }, null, { fraction: 0.6, maxOutputSide: 640 });
    expect(crop.source.width).toBe(1296);
    expect(crop.output).toEqual({ width: 640, height: 640 });
  });

  it('stays inside the visible part of the video', () => {
    const video = { width: 1280, height: 720 };
    const crop = roiCrop(video, { width: 300, height: 600 }, { fraction: 0.9, maxOutputSide: 640 });
    const visible = visibleVideoRect(video, { width: 300, height: 600 });
    expect(crop.source.x).toBeGreaterThanOrEqual(Math.floor(visible.x));
    expect(crop.source.x + crop.source.width).toBeLessThanOrEqual(Math.ceil(visible.x + visible.width));
  });
});
