// The barcodes of the test corpus: what bwip-js encodes, the module grid it draws, and the exact read
// (text with GS separators, AIM symbology identifier, content type) a correct decoder must return.
import bwipjs from 'bwip-js/node';

export type SymbolKind = 'gs1-datamatrix' | 'gs1-dmre' | 'gs1-128' | 'ean-13' | 'gs1-digital-link-qr' | 'hibc-code39';

export const SYMBOL_KINDS: readonly SymbolKind[] = [
  'gs1-datamatrix',
  'gs1-dmre',
  'gs1-128',
  'ean-13',
  'gs1-digital-link-qr',
  'hibc-code39',
];

export interface SymbolSpec {
  kind: SymbolKind;
  /** The data as handed to bwip-js: bracketed AIs for GS1 symbols, a URI for Digital Link, raw data otherwise. */
  data: string;
}

/** Dark (1) or light (0) modules, row-major; linear symbols have one row repeated to their bar height. */
export interface ModuleGrid {
  cols: number;
  rows: number;
  dark: Uint8Array;
  /** Quiet zone on every side, in modules, as the symbology requires. */
  quietZone: number;
  linear: boolean;
}

export interface ExpectedRead {
  text: string;
  /** Every AIM identifier a correct decoder may report (zxing-cpp marks DMRE sizes with modifier 8). */
  symbologyIdentifiers: readonly string[];
  contentType: 'GS1' | 'Text';
}

const GS = '\x1d';
const bwipIds: Record<SymbolKind, { bcid: string; options: string }> = {
  'gs1-datamatrix': { bcid: 'gs1datamatrix', options: '' },
  // `dmre` lets bwip-js pick the ISO/IEC 21471 rectangular extension sizes (e.g. 8×48, 12×64).
  'gs1-dmre': { bcid: 'gs1datamatrixrectangular', options: 'dmre' },
  'gs1-128': { bcid: 'gs1-128', options: '' },
  'ean-13': { bcid: 'ean13', options: '' },
  'gs1-digital-link-qr': { bcid: 'gs1dlqrcode', options: '' },
  'hibc-code39': { bcid: 'hibccode39', options: '' },
};

type RawMatrix = { pixs: number[]; pixx: number; pixy: number };
type RawLinear = { sbs: number[]; txt?: unknown[] };

function rawSymbol(spec: SymbolSpec): RawMatrix | RawLinear {
  const { bcid, options } = bwipIds[spec.kind];
  const [first] = bwipjs.raw(bcid, spec.data, options) as Array<RawMatrix | RawLinear>;
  if (!first) throw new Error(`bwip-js drew nothing for ${spec.kind}`);
  return first;
}

export function renderModules(spec: SymbolSpec): ModuleGrid {
  const raw = rawSymbol(spec);
  if ('pixs' in raw) {
    const quietZone = spec.kind === 'gs1-digital-link-qr' ? 4 : 2;
    return { cols: raw.pixx, rows: raw.pixy, dark: Uint8Array.from(raw.pixs), quietZone, linear: false };
  }
  // sbs alternates bar, space, bar, … widths in modules.
  const row: number[] = [];
  raw.sbs.forEach((width, index) => {
    for (let i = 0; i < width; i++) row.push(index % 2 === 0 ? 1 : 0);
  });
  const cols = row.length;
  const rows = Math.max(24, Math.round(cols * 0.22));
  const dark = new Uint8Array(cols * rows);
  for (let y = 0; y < rows; y++) dark.set(row, y * cols);
  return { cols, rows, dark, quietZone: 10, linear: true };
}

// AIs whose length is predefined by their first two digits (GS1 General Specifications, figure 7.8.5-2):
// no FNC1/GS follows them. Every other AI is terminated by GS unless it is the last one.
const PREDEFINED_LENGTH_PREFIXES = new Set([
  '00',
  '01',
  '02',
  '03',
  '04',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '41',
]);

/** `(01)…(17)…(10)AB(21)X` → the GS1 element string with GS after each variable-length field but the last. */
export function gs1ElementString(bracketed: string): string {
  const fields = [...bracketed.matchAll(/\((\d{2,4})\)([^(]*)/g)].map(([, ai = '', value = '']) => ({ ai, value }));
  if (fields.length === 0) throw new Error(`not a bracketed GS1 string: ${bracketed}`);
  return fields
    .map(({ ai, value }, index) => {
      const last = index === fields.length - 1;
      const needsSeparator = !last && !PREDEFINED_LENGTH_PREFIXES.has(ai.slice(0, 2));
      return ai + value + (needsSeparator ? GS : '');
    })
    .join('');
}

/** What bwip-js put in the Code 39 symbol, as its human-readable text shows it (`*+A123…G*`). */
function code39Content(spec: SymbolSpec): string {
  const raw = rawSymbol(spec);
  const first = 'txt' in raw && Array.isArray(raw.txt) ? raw.txt[0] : undefined;
  const shown = Array.isArray(first) && typeof first[0] === 'string' ? first[0] : '';
  const content = shown.replace(/^\*|\*$/g, '');
  if (!content.startsWith('+')) throw new Error(`unexpected HIBC text from bwip-js: ${shown}`);
  return content;
}

export function expectedRead(spec: SymbolSpec): ExpectedRead {
  switch (spec.kind) {
    case 'gs1-datamatrix':
      return { text: gs1ElementString(spec.data), symbologyIdentifiers: [']d2'], contentType: 'GS1' };
    case 'gs1-dmre':
      return { text: gs1ElementString(spec.data), symbologyIdentifiers: [']d2', ']d8'], contentType: 'GS1' };
    case 'gs1-128':
      return { text: gs1ElementString(spec.data), symbologyIdentifiers: [']C1'], contentType: 'GS1' };
    case 'ean-13':
      return { text: spec.data, symbologyIdentifiers: [']E0'], contentType: 'Text' };
    case 'gs1-digital-link-qr':
      return { text: spec.data, symbologyIdentifiers: [']Q1'], contentType: 'Text' };
    case 'hibc-code39':
      // HIBC's check character is Code 39's mod-43 check, so the decoder validates and transmits it (]A1).
      return { text: code39Content(spec), symbologyIdentifiers: [']A1'], contentType: 'Text' };
  }
}

/** GTIN check digit (mod 10, weights 3 and 1 from the right). */
export function gtinCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return String((10 - (sum % 10)) % 10);
}
