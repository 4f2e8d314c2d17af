// Small pixel operations for the decoder's fallback passes. Pure functions over byte arrays.

/** Luminance (one byte a pixel) of a grayscale or RGBA image, with zxing's own weights. */
export function toLuminance(data: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
  const pixels = width * height;
  if (data.length === pixels) return data instanceof Uint8ClampedArray ? data : new Uint8ClampedArray(data);
  if (data.length !== pixels * 4) {
    throw new RangeError(`image data has ${data.length} bytes; expected ${pixels} (gray) or ${pixels * 4} (RGBA)`);
  }
  const gray = new Uint8ClampedArray(pixels);
  for (let i = 0, j = 0; i < pixels; i++, j += 4) {
    gray[i] = (306 * (data[j] ?? 0) + 601 * (data[j + 1] ?? 0) + 117 * (data[j + 2] ?? 0) + 512) >> 10;
  }
  return gray;
}

/**
 * 3×3 mean filter (edges clamped). Sensor noise in dim light breaks the binarizer's module edges; a
 * phone's own image pipeline would denoise like this, so the decoder's second pass does it itself.
 */
export function smooth3x3(gray: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
  const rows = new Uint16Array(gray.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const left = gray[row + (x > 0 ? x - 1 : x)] ?? 0;
      const right = gray[row + (x < width - 1 ? x + 1 : x)] ?? 0;
      rows[row + x] = left + (gray[row + x] ?? 0) + right;
    }
  }
  const out = new Uint8ClampedArray(gray.length);
  for (let y = 0; y < height; y++) {
    const up = (y > 0 ? y - 1 : y) * width;
    const row = y * width;
    const down = (y < height - 1 ? y + 1 : y) * width;
    for (let x = 0; x < width; x++) {
      out[row + x] = ((rows[up + x] ?? 0) + (rows[row + x] ?? 0) + (rows[down + x] ?? 0)) / 9; // clamped arrays round
    }
  }
  return out;
}

export function invert(gray: Uint8ClampedArray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(gray.length);
  for (let i = 0; i < gray.length; i++) out[i] = 255 - (gray[i] ?? 0);
  return out;
}

/** Gray → RGBA (R = G = B, opaque), the pixel layout zxing-wasm's readBarcodes accepts. */
export function grayToRgba(gray: Uint8ClampedArray): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(gray.length * 4);
  for (let i = 0, j = 0; i < gray.length; i++, j += 4) {
    const value = gray[i] ?? 0;
    rgba[j] = value;
    rgba[j + 1] = value;
    rgba[j + 2] = value;
    rgba[j + 3] = 255;
  }
  return rgba;
}
