// Deterministic corpora of 640×480 grayscale frames, each with the one read a correct decoder returns.
// `testCorpus()` is modest (unit tests must stay fast); `hardCorpus()` is the benchmark's.
import { between, type Random, seededRandom } from '../../support/random.ts';
import {
  CLEAN,
  FRAME_HEIGHT,
  FRAME_WIDTH,
  type GrayFrame,
  maxModulePx,
  type Perturbation,
  renderFrame,
  symbolBox,
} from './scene.ts';
import {
  type ExpectedRead,
  expectedRead,
  gtinCheckDigit,
  type ModuleGrid,
  renderModules,
  SYMBOL_KINDS,
  type SymbolKind,
  type SymbolSpec,
} from './symbols.ts';

export type PerturbationKind =
  | 'clean'
  | 'rotation'
  | 'blur'
  | 'noise'
  | 'low-contrast'
  | 'inverted'
  | 'small-modules'
  | 'curved'
  | 'uneven-light'
  | 'combined';

export const PERTURBATION_KINDS: readonly PerturbationKind[] = [
  'clean',
  'rotation',
  'blur',
  'noise',
  'low-contrast',
  'inverted',
  'small-modules',
  'curved',
  'uneven-light',
  'combined',
];

export interface CorpusFrame {
  name: string;
  symbol: SymbolSpec;
  perturbationKind: PerturbationKind;
  perturbation: Perturbation;
  image: GrayFrame;
  expected: ExpectedRead;
}

export type Severity = 'moderate' | 'hard';

const ALPHANUMERIC = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function pick(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

function digits(random: Random, length: number): string {
  return pick(random, '0123456789', length);
}

/** A Nordic NTIN (0704626 + Vnr) or another GTIN-14 with a correct check digit. */
function gtin(random: Random): string {
  const body = random() < 0.5 ? `0704626${digits(random, 6)}` : `0${digits(random, 12)}`;
  return body + gtinCheckDigit(body);
}

function expiry(random: Random): string {
  const yy = String(26 + Math.floor(random() * 8)).padStart(2, '0');
  const mm = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const dd = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  return yy + mm + dd;
}

export function sampleSymbol(kind: SymbolKind, random: Random): SymbolSpec {
  const code = gtin(random);
  const batch = pick(random, ALPHANUMERIC, 3 + Math.floor(random() * 6));
  const serial = pick(random, ALPHANUMERIC, 6 + Math.floor(random() * 8));
  switch (kind) {
    case 'gs1-datamatrix':
      return { kind, data: `(01)${code}(17)${expiry(random)}(10)${batch}(21)${serial}` };
    case 'gs1-dmre':
      return { kind, data: `(01)${code}(17)${expiry(random)}(10)${batch}` };
    case 'gs1-128':
      return { kind, data: `(01)${code}(17)${expiry(random)}(10)${batch}` };
    case 'ean-13':
      return { kind, data: code.slice(1) };
    case 'gs1-digital-link-qr':
      return { kind, data: `https://id.gs1.org/01/${code}/10/${batch}?17=${expiry(random)}` };
    case 'hibc-code39': {
      // Labeler code (a letter + 3 alphanumerics), product code, unit of measure digit.
      const labeler = pick(random, 'ABCDEFGHJKLMNPQRSTUVWXYZ', 1) + pick(random, ALPHANUMERIC, 3);
      return { kind, data: labeler + pick(random, ALPHANUMERIC, 4 + Math.floor(random() * 4)) + digits(random, 1) };
    }
  }
}

/** Module size (px) each kind asks for before fitting the frame. */
function preferredModulePx(kind: PerturbationKind, severity: Severity, random: Random): number {
  switch (kind) {
    case 'small-modules':
      return severity === 'hard' ? between(random, 2, 2.5) : between(random, 3, 3.5);
    case 'blur':
      return between(random, 5, 7);
    case 'combined':
      return between(random, 3.5, 4.5);
    default:
      return between(random, 4, 6);
  }
}

/** Perturbation parameters for one kind; `hard` pushes each to where phone cameras start to struggle. */
export function samplePerturbation(
  kind: PerturbationKind,
  grid: ModuleGrid,
  severity: Severity,
  random: Random,
): Perturbation {
  const hard = severity === 'hard';
  // People hold 1D symbols roughly level (or upside down); 2D symbols come at any angle.
  const tilt = () => (grid.linear ? between(random, -8, 8) + 180 * Math.floor(random() * 2) : between(random, 0, 360));
  const rotationDeg = kind === 'rotation' || kind === 'inverted' || kind === 'combined' ? tilt() : 0;
  const margin = 16;
  const modulePx = Math.min(maxModulePx(grid, rotationDeg, margin), preferredModulePx(kind, severity, random));
  // Off-centre, but never so far that the quiet zone leaves the frame.
  const box = symbolBox(grid, modulePx, rotationDeg);
  const slackX = Math.max(0, Math.min(40, (FRAME_WIDTH - box.width) / 2 - margin));
  const slackY = Math.max(0, Math.min(30, (FRAME_HEIGHT - box.height) / 2 - margin));
  const base: Perturbation = {
    ...CLEAN,
    modulePx,
    rotationDeg,
    offsetX: between(random, -slackX, slackX),
    offsetY: between(random, -slackY, slackY),
  };
  switch (kind) {
    case 'clean':
    case 'rotation':
    case 'small-modules':
      return base;
    case 'blur':
      return { ...base, blurSigmaPx: modulePx * (hard ? 0.45 : 0.25) };
    case 'noise':
      return { ...base, noiseSigma: hard ? between(random, 22, 30) : between(random, 10, 16) };
    case 'low-contrast': {
      const mid = between(random, 100, 150);
      const spread = hard ? between(random, 18, 26) : between(random, 35, 50);
      return { ...base, ink: mid - spread, paper: mid + spread, noiseSigma: 2 };
    }
    case 'inverted':
      return { ...base, inverted: true };
    case 'curved':
      return { ...base, curvature: grid.linear ? between(random, 0.5, 0.8) : hard ? between(random, 0.9, 1.3) : 0.7 };
    case 'uneven-light':
      return {
        ...base,
        shading: hard ? between(random, 0.5, 0.65) : 0.35,
        glare: hard ? between(random, 70, 110) : 40,
        noiseSigma: 3,
      };
    case 'combined':
      return {
        ...base,
        blurSigmaPx: modulePx * 0.25,
        noiseSigma: hard ? 12 : 6,
        ink: 50,
        paper: hard ? 170 : 200,
        shading: 0.25,
      };
  }
}

function buildFrame(
  kind: SymbolKind,
  perturbationKind: PerturbationKind,
  severity: Severity,
  seed: number,
): CorpusFrame {
  const random = seededRandom(seed);
  const symbol = sampleSymbol(kind, random);
  const grid = renderModules(symbol);
  const perturbation = samplePerturbation(perturbationKind, grid, severity, random);
  return {
    name: `${kind}/${perturbationKind}#${seed}`,
    symbol,
    perturbationKind,
    perturbation,
    image: renderFrame(grid, perturbation, random),
    expected: expectedRead(symbol),
  };
}

/** Every symbol kind under every perturbation kind at moderate severity: 60 frames. */
export function testCorpus(): CorpusFrame[] {
  const frames: CorpusFrame[] = [];
  let seed = 1000;
  for (const kind of SYMBOL_KINDS) {
    for (const perturbationKind of PERTURBATION_KINDS)
      frames.push(buildFrame(kind, perturbationKind, 'moderate', seed++));
  }
  return frames;
}

/**
 * The benchmark corpus: GS1 DataMatrix (square and DMRE) dominates, as on medicine packs, with every
 * perturbation kind at hard severity several times over; the other symbologies appear once per kind.
 */
export function hardCorpus(): CorpusFrame[] {
  const frames: CorpusFrame[] = [];
  let seed = 5000;
  const repeats: Record<SymbolKind, number> = {
    'gs1-datamatrix': 4,
    'gs1-dmre': 2,
    'gs1-128': 1,
    'ean-13': 1,
    'gs1-digital-link-qr': 1,
    'hibc-code39': 1,
  };
  for (const kind of SYMBOL_KINDS) {
    for (const perturbationKind of PERTURBATION_KINDS) {
      if (perturbationKind === 'clean') continue;
      for (let i = 0; i < repeats[kind]; i++) frames.push(buildFrame(kind, perturbationKind, 'hard', seed++));
    }
  }
  return frames;
}

/**
 * Frames with no barcode in them, for the "never a wrong value" check: sensor noise, a random module
 * texture (DataMatrix-like, without finder pattern), random bars (1D-like, without valid structure)
 * and printed-text-like blobs under uneven light.
 */
export function decoyFrames(): { name: string; image: GrayFrame }[] {
  const random = seededRandom(9000);
  const width = FRAME_WIDTH;
  const height = FRAME_HEIGHT;
  const frame = (paint: (x: number, y: number) => number): GrayFrame => {
    const data = new Uint8ClampedArray(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = paint(x, y);
    return { data, width, height };
  };

  const noise = frame(() => 128 + 40 * (random() * 2 - 1));

  const cells = 24;
  const cellPx = 6;
  const texture = Array.from({ length: cells * cells }, () => random() < 0.5);
  const left = (width - cells * cellPx) / 2;
  const top = (height - cells * cellPx) / 2;
  const modules = frame((x, y) => {
    const col = Math.floor((x - left) / cellPx);
    const row = Math.floor((y - top) / cellPx);
    const inside = col >= 0 && row >= 0 && col < cells && row < cells;
    return inside && texture[row * cells + col] ? 25 : 230;
  });

  const bars: number[] = [];
  for (let x = 0; x < 480; ) {
    const run = 2 + Math.floor(random() * 8);
    bars.push(run);
    x += run;
  }
  const barEdges: number[] = [];
  for (const run of bars) barEdges.push((barEdges.at(-1) ?? 80) + run);
  const stripes = frame((x, y) => {
    if (y < 160 || y > 320 || x < 80 || x >= 560) return 230;
    const index = barEdges.findIndex((edge) => x < edge);
    return index % 2 === 0 ? 30 : 230;
  });

  const blobs = Array.from({ length: 60 }, () => ({ x: random() * width, y: random() * height, r: 3 + random() * 9 }));
  const print = frame((x, y) => {
    const ink = blobs.some((blob) => (x - blob.x) ** 2 + (y - blob.y) ** 2 < blob.r ** 2);
    return (ink ? 40 : 220) * (1 - 0.4 * (x / width));
  });

  return [
    { name: 'decoy/noise', image: noise },
    { name: 'decoy/random-modules', image: modules },
    { name: 'decoy/random-bars', image: stripes },
    { name: 'decoy/print-blobs', image: print },
  ];
}
