// The pure decode step shared by the browser worker and the Node tests: one image in, raw reads out.
// It knows nothing of workers, the DOM or how the zxing-wasm module was loaded (the caller prepares it
// with `prepareZXingModule`: the worker with the app's own .wasm URL, Node with the bytes from disk).
import { type ReaderOptions, type ReadResult, readBarcodes } from 'zxing-wasm/reader';
import { grayToRgba, invert, smooth3x3, toLuminance } from './frame-pixels.ts';

/** Grayscale (one byte a pixel) or RGBA (four bytes a pixel) pixels, row-major, no padding. */
export interface FrameImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface CodePosition {
  topLeft: Point;
  topRight: Point;
  bottomRight: Point;
  bottomLeft: Point;
}

export type ContentType = ReadResult['contentType'];

/** One barcode as read, before any interpretation. */
export interface RawRead {
  /** The content with GS (0x1D) separators intact, without the symbology identifier. */
  text: string;
  /** AIM symbology identifier, e.g. `]d2` (GS1 DataMatrix), `]C1` (GS1-128), `]E0` (EAN-13), `]Q1`. */
  symbologyIdentifier: string;
  /** zxing's format name, e.g. `DataMatrix`, `Code128`, `EAN13`, `QRCode`, `Code39`. */
  format: string;
  /** `GS1` when the symbol carries FNC1 in first position; trust this, not the literal identifier. */
  contentType: ContentType;
  isMirrored: boolean;
  isInverted: boolean;
  /** Corners in the pixel coordinates of the decoded image. */
  position: CodePosition;
}

/** The symbologies on medical packs and cases. Code39Std, not auto Code 39: it keeps HIBC's leading `+`. */
export const SCAN_FORMATS = [
  'DataMatrix',
  'Code128',
  'EAN13',
  'EAN8',
  'UPCA',
  'UPCE',
  'QRCode',
  'Code39Std',
] as const satisfies NonNullable<ReaderOptions['formats']>;

/** The 1D subset: zxing's `tryInvert` covers only 2D symbols, so light-on-dark bars need their own pass. */
export const LINEAR_SCAN_FORMATS = [
  'Code128',
  'EAN13',
  'EAN8',
  'UPCA',
  'UPCE',
  'Code39Std',
] as const satisfies NonNullable<ReaderOptions['formats']>;

/**
 * Reader options, chosen by measurement on the hard corpus (docs/benchmarks.md):
 * - `textMode: 'Plain'` keeps GS separators; the default (HRI) would turn them into `(10)` brackets.
 * - `tryHarder` (+9 of 90 frames), `tryRotate` (+7) and `tryInvert` (+7, light-on-dark 2D) each
 *   rescue a class of frames for about a millisecond of median time.
 * - `validateOptionalChecksum` makes Code 39 require its mod-43 check character. HIBC always carries
 *   one, and Code 39 without a check is the symbology most prone to misreads.
 * - `maxNumberOfSymbols: 1`: the viewfinder frames one pack; stopping at the first symbol halves the
 *   median time.
 */
export const DECODE_OPTIONS: Readonly<ReaderOptions> = {
  formats: [...SCAN_FORMATS],
  textMode: 'Plain',
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  validateOptionalChecksum: true,
  maxNumberOfSymbols: 1,
};

export interface DecodeSettings {
  reader: Readonly<ReaderOptions>;
  /**
   * When the plain pass finds nothing: retry on a 3×3-smoothed image (sensor noise), then on the
   * inverted image (not smoothed: thin bars would blur away) with the 1D formats only. Frames with a code found in the first pass cost nothing
   * extra; empty frames cost about three passes.
   */
  fallbackPasses: boolean;
}

export const DEFAULT_DECODE_SETTINGS: Readonly<DecodeSettings> = { reader: DECODE_OPTIONS, fallbackPasses: true };

/** The ImageData-shaped input of readBarcodes (DOM ImageData in browsers, a plain object in Node). */
type PixelInput = Extract<Parameters<typeof readBarcodes>[0], { width: number }>;

function pixelInput(rgba: Uint8ClampedArray, width: number, height: number): PixelInput {
  return { data: rgba, width, height, colorSpace: 'srgb' } as PixelInput;
}

/** zxing-wasm takes RGBA pixels (it converts them to luminance itself), so grayscale is widened. */
function asRgba(image: FrameImage): Uint8ClampedArray {
  const pixels = image.width * image.height;
  if (image.data.length === pixels * 4) {
    const { data } = image;
    return data instanceof Uint8ClampedArray ? data : new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  }
  return grayToRgba(toLuminance(image.data, image.width, image.height));
}

function toRawRead(result: ReadResult): RawRead {
  const { topLeft, topRight, bottomRight, bottomLeft } = result.position;
  return {
    text: result.text,
    symbologyIdentifier: result.symbologyIdentifier,
    format: result.format,
    contentType: result.contentType,
    isMirrored: result.isMirrored,
    isInverted: result.isInverted,
    position: {
      topLeft: { x: topLeft.x, y: topLeft.y },
      topRight: { x: topRight.x, y: topRight.y },
      bottomRight: { x: bottomRight.x, y: bottomRight.y },
      bottomLeft: { x: bottomLeft.x, y: bottomLeft.y },
    },
  };
}

async function readPass(
  rgba: Uint8ClampedArray,
  image: FrameImage,
  reader: Readonly<ReaderOptions>,
): Promise<RawRead[]> {
  const results = await readBarcodes(pixelInput(rgba, image.width, image.height), { ...reader, textMode: 'Plain' });
  // zxing already drops symbols failing error correction or check digits; keep the guard explicit.
  return results.filter((result) => result.isValid && result.text.length > 0).map(toRawRead);
}

/**
 * Decodes the barcodes in one frame. An empty array means "nothing readable here". Reads from the
 * inverted pass report `isInverted: true`.
 */
export async function decodeFrame(
  image: FrameImage,
  settings: Readonly<DecodeSettings> = DEFAULT_DECODE_SETTINGS,
): Promise<RawRead[]> {
  const { reader } = settings;
  const plain = await readPass(asRgba(image), image, reader);
  if (plain.length > 0 || !settings.fallbackPasses) return plain;

  const gray = toLuminance(image.data, image.width, image.height);
  const denoised = await readPass(grayToRgba(smooth3x3(gray, image.width, image.height)), image, reader);
  if (denoised.length > 0) return denoised;

  const linearFormats = (reader.formats ?? []).filter((format) =>
    (LINEAR_SCAN_FORMATS as readonly string[]).includes(format),
  );
  if (linearFormats.length === 0) return [];
  const inverted = await readPass(grayToRgba(invert(gray)), image, { ...reader, formats: linearFormats });
  return inverted.map((read) => ({ ...read, isInverted: true }));
}
