import bwipjs from 'bwip-js/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { DECODE_OPTIONS, decodeFrame, type RawRead } from '../../src/scan/decode-frame.ts';
import { grayToRgba } from '../../src/scan/frame-pixels.ts';
import { seededRandom } from '../support/random.ts';
import { type CorpusFrame, decoyFrames, testCorpus } from './corpus/corpus.ts';
import { CLEAN, renderFrame } from './corpus/scene.ts';
import { gtinCheckDigit, renderModules } from './corpus/symbols.ts';
import { prepareZxingForNode } from './zxing-node.ts';

const frames = testCorpus();

beforeAll(async () => {
  await prepareZxingForNode();
});

function describeReads(reads: readonly RawRead[]): string {
  return JSON.stringify(reads.map((read) => [read.text, read.symbologyIdentifier, read.contentType]));
}

function expectExactRead(frame: CorpusFrame, reads: readonly RawRead[]): void {
  // Never a wrong value: every read in the frame is the encoded content, exactly.
  for (const read of reads) expect(read.text, `${frame.name}: ${describeReads(reads)}`).toBe(frame.expected.text);
  const read = reads[0];
  expect(read, `${frame.name}: nothing decoded`).toBeDefined();
  expect(frame.expected.symbologyIdentifiers).toContain(read?.symbologyIdentifier);
  expect(read?.contentType).toBe(frame.expected.contentType);
}

describe('decodeFrame on the generated corpus', () => {
  it('covers every symbology under every perturbation kind', () => {
    const kinds = new Set(frames.map((frame) => frame.symbol.kind));
    const perturbations = new Set(frames.map((frame) => frame.perturbationKind));
    expect(kinds.size).toBe(6);
    expect(perturbations.size).toBe(10);
    expect(frames.every((frame) => frame.image.width === 640 && frame.image.height === 480)).toBe(true);
  });

  it.each(frames.map((frame) => [frame.name, frame] as const))(
    '%s decodes to exactly what was encoded',
    async (_, frame) => {
      expectExactRead(frame, await decodeFrame(frame.image));
    },
  );

  it('keeps GS separators and the GS1 symbology identifiers in Plain text mode', async () => {
    const frame = frames.find((f) => f.symbol.kind === 'gs1-datamatrix' && f.perturbationKind === 'clean');
    if (!frame) throw new Error('corpus lacks a clean GS1 DataMatrix');
    const [read] = await decodeFrame(frame.image);
    expect(read?.text).toContain('\x1d');
    expect(read?.symbologyIdentifier).toBe(']d2');
    expect(read?.contentType).toBe('GS1');
    expect(read?.format).toBe('DataMatrix');
  });

  it('gives the same reads for RGBA and grayscale input', async () => {
    for (const frame of frames.filter((f) => f.perturbationKind === 'rotation')) {
      const rgba = { data: grayToRgba(frame.image.data), width: frame.image.width, height: frame.image.height };
      const [fromGray, fromRgba] = [await decodeFrame(frame.image), await decodeFrame(rgba)];
      expect(fromRgba.map((read) => read.text)).toEqual(fromGray.map((read) => read.text));
    }
  });

  it('reads light-on-dark 1D codes only thanks to the fallback passes', async () => {
    const inverted = frames.filter(
      (f) => f.perturbationKind === 'inverted' && ['ean-13', 'gs1-128'].includes(f.symbol.kind),
    );
    expect(inverted.length).toBeGreaterThan(0);
    for (const frame of inverted) {
      expect(await decodeFrame(frame.image, { reader: DECODE_OPTIONS, fallbackPasses: false })).toEqual([]);
      const reads = await decodeFrame(frame.image);
      expectExactRead(frame, reads);
      expect(reads[0]?.isInverted).toBe(true);
    }
  });
});

describe('decodeFrame never invents a value', () => {
  it.each(decoyFrames().map((decoy) => [decoy.name, decoy] as const))('%s yields no read', async (_, decoy) => {
    expect(await decodeFrame(decoy.image)).toEqual([]);
  });

  it('refuses Code 39 without a check character (the symbology most prone to misreads)', async () => {
    const symbol = (includecheck: boolean) => {
      const [raw] = bwipjs.raw('code39', 'LK2024A7', { includecheck }) as Array<{ sbs: number[] }>;
      const row = (raw?.sbs ?? []).flatMap((width, index) => Array<number>(width).fill(index % 2 === 0 ? 1 : 0));
      const rows = 40;
      const dark = new Uint8Array(row.length * rows);
      for (let y = 0; y < rows; y++) dark.set(row, y * row.length);
      return { cols: row.length, rows, dark, quietZone: 10, linear: true };
    };
    const render = (includecheck: boolean) =>
      renderFrame(symbol(includecheck), { ...CLEAN, modulePx: 3 }, seededRandom(1));
    expect(await decodeFrame(render(false))).toEqual([]);
    const [read] = await decodeFrame(render(true));
    expect(read?.text.startsWith('LK2024A7')).toBe(true);
  });

  it('rejects image data of the wrong size', async () => {
    const body = '570123456789';
    const grid = renderModules({ kind: 'ean-13', data: body + gtinCheckDigit(body) });
    const image = renderFrame(grid, CLEAN, seededRandom(2));
    await expect(decodeFrame({ ...image, data: image.data.subarray(0, 1000) })).rejects.toThrow(RangeError);
  });
});
