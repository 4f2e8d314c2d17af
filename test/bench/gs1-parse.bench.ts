// GS1 parsing throughput: Lagerkoll's parseScan side by side with gs1-barcode-parser-mod, in one run, on
// the same deterministic mix of 10,000 realistic scans; then what each gets wrong on the tricky inputs.
//
//   npx tsx test/bench/gs1-parse.bench.ts      (npm run bench runs every file in test/bench)

import { createRequire } from 'node:module';
import { gs1CheckDigit, parseScan } from '../../src/domain/gs1/index.ts';
import { seededRandom as prng } from '../support/random.ts';

const require = createRequire(import.meta.url);
const { parseBarcode } = require('gs1-barcode-parser-mod') as { parseBarcode: (raw: string) => unknown };

const GS = '\x1d';
const SCANS = 10_000;
const ROUNDS = 9;

const random = prng(20260501);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
const ALNUM = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const alnum = (n: number) => Array.from({ length: n }, () => ALNUM.charAt(int(0, ALNUM.length - 1))).join('');
const pad2 = (n: number) => String(n).padStart(2, '0');
const withCheck = (body: string) => body + gs1CheckDigit(body);
const gtin = () => withCheck(`0${random() < 0.3 ? `704626${digits(6)}` : `${int(400, 799)}${digits(9)}`}`);
const expiry = () => `${int(26, 32)}${pad2(int(1, 12))}${pad2(int(1, 28))}`;

type Category =
  | 'GS1 DataMatrix ]d2'
  | 'no identifier (keyboard wedge)'
  | 'leading GS, no identifier'
  | 'bracketed (01)…'
  | 'GS1 Digital Link'
  | 'EAN-13'
  | 'GS1-128 case label'
  | 'month 13'
  | 'over-long lot'
  | 'bad check digit';

interface Scan {
  readonly raw: string;
  readonly category: Category;
  /** True when the scan is valid GS1/EAN data that a correct parser must accept. */
  readonly valid: boolean;
}

const pharma = (exp = expiry(), lot = alnum(int(4, 10)), g = gtin()) =>
  `01${g}17${exp}10${lot}${GS}21${alnum(int(8, 12))}`;

function makeScan(): Scan {
  const r = random();
  if (r < 0.33) return { raw: `]d2${pharma()}`, category: 'GS1 DataMatrix ]d2', valid: true };
  if (r < 0.41) return { raw: pharma(), category: 'no identifier (keyboard wedge)', valid: true };
  if (r < 0.49) return { raw: `${GS}${pharma()}`, category: 'leading GS, no identifier', valid: true };
  if (r < 0.57)
    return {
      raw: `(01)${gtin()}(17)${expiry()}(10)${alnum(6)}(21)${alnum(10)}`,
      category: 'bracketed (01)…',
      valid: true,
    };
  if (r < 0.67) {
    return {
      raw: `https://id.gs1.org/01/${gtin()}/10/${alnum(6)}/21/${alnum(10)}?17=${expiry()}`,
      category: 'GS1 Digital Link',
      valid: true,
    };
  }
  if (r < 0.82) return { raw: withCheck(`${int(400, 799)}${digits(9)}`), category: 'EAN-13', valid: true };
  if (r < 0.88) {
    const sscc = withCheck(`0${int(400, 799)}${digits(13)}`);
    return {
      raw: `]C100${sscc}02${gtin()}37${int(2, 200)}${GS}10${alnum(6)}`,
      category: 'GS1-128 case label',
      valid: true,
    };
  }
  if (r < 0.92)
    return { raw: `]d2${pharma(`${int(26, 32)}13${pad2(int(1, 28))}`)}`, category: 'month 13', valid: false };
  if (r < 0.96) return { raw: `]d2${pharma(expiry(), alnum(int(21, 26)))}`, category: 'over-long lot', valid: false };
  const good = gtin();
  const bad = good.slice(0, 13) + ((Number(good.charAt(13)) + int(1, 9)) % 10);
  return { raw: `]d2${pharma(expiry(), alnum(6), bad)}`, category: 'bad check digit', valid: false };
}

const scans: Scan[] = Array.from({ length: SCANS }, makeScan);

/** Did the parser accept the scan as valid data? */
const oursAccepts = (raw: string) => parseScan(raw).ok;
function theirsAccepts(raw: string): boolean {
  try {
    parseBarcode(raw);
    return true;
  } catch {
    return false;
  }
}

function timeRound(accepts: (raw: string) => boolean, subset: readonly Scan[]): number {
  const start = performance.now();
  let accepted = 0;
  for (const s of subset) if (accepts(s.raw)) accepted++;
  const ms = performance.now() - start;
  if (accepted < 0) throw new Error('unreachable'); // keeps the loop from being optimised away
  return ms;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

function throughput(subset: readonly Scan[]): { ours: number; theirs: number } {
  for (let w = 0; w < 3; w++) {
    timeRound(oursAccepts, subset);
    timeRound(theirsAccepts, subset);
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so neither parser always runs on a warmer or cooler machine.
    if (round % 2 === 0) {
      ours.push(timeRound(oursAccepts, subset));
      theirs.push(timeRound(theirsAccepts, subset));
    } else {
      theirs.push(timeRound(theirsAccepts, subset));
      ours.push(timeRound(oursAccepts, subset));
    }
  }
  return { ours: (subset.length / median(ours)) * 1000, theirs: (subset.length / median(theirs)) * 1000 };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const all = throughput(scans);
const gs1Only = scans.filter((s) => s.category !== 'GS1 Digital Link' && s.category !== 'EAN-13');
const subset = throughput(gs1Only);

console.log(
  `Node ${process.version}, ${SCANS.toLocaleString('en-US')} scans, median of ${ROUNDS} rounds after warm-up.\n`,
);
console.log('| Input | parseScan (scans/s) | gs1-barcode-parser-mod (scans/s) | Ratio |');
console.log('|---|---:|---:|---:|');
console.log(
  `| Full mix (${fmt(scans.length)} scans) | ${fmt(all.ours)} | ${fmt(all.theirs)} | ${(all.ours / all.theirs).toFixed(2)}× |`,
);
console.log(
  `| GS1 element strings only (${fmt(gs1Only.length)} scans) | ${fmt(subset.ours)} | ${fmt(subset.theirs)} | ${(subset.ours / subset.theirs).toFixed(2)}× |`,
);

const categories = [...new Set(scans.map((s) => s.category))];
console.log('\nWrong answers per category (valid data rejected, or invalid data accepted):\n');
console.log('| Category | Scans | Valid? | parseScan wrong | gs1-barcode-parser-mod wrong |');
console.log('|---|---:|---|---:|---:|');
let oursWrongTotal = 0;
let theirsWrongTotal = 0;
for (const category of categories) {
  const inCategory = scans.filter((s) => s.category === category);
  const valid = inCategory[0]?.valid ?? true;
  const oursWrong = inCategory.filter((s) => oursAccepts(s.raw) !== s.valid).length;
  const theirsWrong = inCategory.filter((s) => theirsAccepts(s.raw) !== s.valid).length;
  oursWrongTotal += oursWrong;
  theirsWrongTotal += theirsWrong;
  console.log(`| ${category} | ${inCategory.length} | ${valid ? 'yes' : 'no'} | ${oursWrong} | ${theirsWrong} |`);
}
console.log(`| **Total** | ${scans.length} | | ${oursWrongTotal} | ${theirsWrongTotal} |`);
