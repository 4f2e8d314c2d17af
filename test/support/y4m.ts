// Writes a YUV4MPEG2 (.y4m) file for Chromium's fake camera
// (`--use-file-for-fake-video-capture=/abs/path.y4m`) from a grayscale image. One frame is enough:
// Chromium loops the file. 4:2:0 chroma planes are neutral (128), so the picture is gray.
import { writeFileSync } from 'node:fs';

export interface GrayImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** Full-range gray (0–255) to video-range luma (16 black – 235 white), as Chromium expects. */
export function grayToLuma(gray: number): number {
  return Math.round(16 + (Math.min(255, Math.max(0, gray)) * 219) / 255);
}

export function y4mBytes(image: GrayImage, frames = 1): Uint8Array {
  const { width, height, data } = image;
  if (width % 2 !== 0 || height % 2 !== 0) throw new RangeError(`y4m 4:2:0 needs even sides, got ${width}×${height}`);
  if (data.length !== width * height) throw new RangeError(`expected ${width * height} gray bytes, got ${data.length}`);
  if (!Number.isInteger(frames) || frames < 1) throw new RangeError(`frames must be a positive integer, got ${frames}`);
  const header = new TextEncoder().encode(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  const frameHeader = new TextEncoder().encode('FRAME\n');
  const lumaSize = width * height;
  const chromaSize = (width / 2) * (height / 2);
  const frameSize = frameHeader.length + lumaSize + 2 * chromaSize;
  const out = new Uint8Array(header.length + frames * frameSize);
  out.set(header, 0);
  const luma = new Uint8Array(lumaSize);
  for (let i = 0; i < lumaSize; i++) luma[i] = grayToLuma(data[i] ?? 0);
  for (let f = 0; f < frames; f++) {
    let offset = header.length + f * frameSize;
    out.set(frameHeader, offset);
    offset += frameHeader.length;
    out.set(luma, offset);
    offset += lumaSize;
    out.fill(128, offset, offset + 2 * chromaSize);
  }
  return out;
}

export function writeY4m(path: string, image: GrayImage, frames = 1): void {
  writeFileSync(path, y4mBytes(image, frames));
}
