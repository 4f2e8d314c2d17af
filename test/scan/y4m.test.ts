import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grayToLuma, writeY4m, y4mBytes } from '../support/y4m.ts';

function checker(width: number, height: number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = (x + y) % 2 === 0 ? 0 : 255;
  return data;
}

describe('y4m writer', () => {
  const width = 8;
  const height = 4;
  const image = { data: checker(width, height), width, height };
  const header = `YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`;
  const frameSize = 'FRAME\n'.length + width * height + 2 * (width / 2) * (height / 2);

  it('writes the header Chromium accepts, then FRAME, luma and neutral chroma', () => {
    const bytes = y4mBytes(image);
    expect(new TextDecoder().decode(bytes.subarray(0, header.length))).toBe(header);
    expect(bytes.length).toBe(header.length + frameSize);
    const frame = bytes.subarray(header.length);
    expect(new TextDecoder().decode(frame.subarray(0, 6))).toBe('FRAME\n');
    const luma = frame.subarray(6, 6 + width * height);
    expect([...luma.subarray(0, 4)]).toEqual([16, 235, 16, 235]);
    expect(frame.subarray(6 + width * height).every((value) => value === 128)).toBe(true);
  });

  it('maps full-range gray to video-range luma', () => {
    expect(grayToLuma(0)).toBe(16);
    expect(grayToLuma(255)).toBe(235);
    expect(grayToLuma(128)).toBe(126);
    expect(grayToLuma(-5)).toBe(16);
    expect(grayToLuma(300)).toBe(235);
  });

  it('repeats the frame when asked for several', () => {
    const bytes = y4mBytes(image, 3);
    expect(bytes.length).toBe(header.length + 3 * frameSize);
    const first = bytes.subarray(header.length, header.length + frameSize);
    const third = bytes.subarray(header.length + 2 * frameSize);
    expect([...third]).toEqual([...first]);
  });

  it('refuses odd sizes and mismatched data', () => {
    expect(() => y4mBytes({ data: new Uint8Array(9), width: 3, height: 3 })).toThrow(RangeError);
    expect(() => y4mBytes({ data: new Uint8Array(10), width: 8, height: 4 })).toThrow(RangeError);
    expect(() => y4mBytes(image, 0)).toThrow(RangeError);
  });

  it('writes the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-y4m-'));
    try {
      const path = join(dir, 'code.y4m');
      writeY4m(path, image);
      expect(new Uint8Array(readFileSync(path))).toEqual(y4mBytes(image));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
