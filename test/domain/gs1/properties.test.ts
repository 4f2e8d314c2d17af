// Property tests: element strings built from the AI table round-trip; no input up to 10,000 characters
// throws; parsing time grows linearly with the input.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AI_ENTRIES } from '../../../src/domain/gs1/ai-table.ts';
import { CSET39, CSET64, CSET82 } from '../../../src/domain/gs1/charsets.ts';
import { gs1CheckCharacterPair, gs1CheckDigit } from '../../../src/domain/gs1/check-digits.ts';
import type { AiEntry, ComponentSpec } from '../../../src/domain/gs1/dictionary-types.ts';
import { parseScan, toBracketed } from '../../../src/domain/gs1/index.ts';
import {
  ISO3166_ALPHA2,
  ISO3166_NUMERIC,
  ISO4217_NUMERIC,
  PACKAGE_TYPE_CODES,
} from '../../../src/domain/gs1/reference-codes.ts';

const GS = '\x1d';
const TODAY = { today: new Date('2026-05-01T12:00:00Z') };
const list = (codes: string) => codes.split(/\s+/).filter(Boolean);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const CHARSETS: Readonly<Record<ComponentSpec['cset'], string>> = {
  N: '0123456789',
  X: CSET82,
  Y: CSET39,
  Z: CSET64,
};

/** A valid date; `fullYear` gives YYYYMMDD, else YYMMDD. Day 28 at most keeps every month valid. */
const dateArb = (fullYear: boolean) =>
  fc
    .tuple(
      fc.integer({ min: fullYear ? 1900 : 0, max: fullYear ? 2099 : 99 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `${pad(y, fullYear ? 4 : 2)}${pad(m, 2)}${pad(d, 2)}`);

/** Components whose syntax test fixes the whole value: generated directly. */
const WHOLE_VALUE: Readonly<Record<string, fc.Arbitrary<string>>> = {
  yymmd0: dateArb(false),
  yymmdd: dateArb(false),
  yyyymmdd: dateArb(true),
  yyyymmd0: dateArb(true),
  hh: fc.integer({ min: 0, max: 23 }).map((h) => pad(h, 2)),
  mi: fc.integer({ min: 0, max: 59 }).map((m) => pad(m, 2)),
  ss: fc.integer({ min: 0, max: 59 }).map((s) => pad(s, 2)),
  hhmi: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => pad(h, 2) + pad(m, 2)),
  iso3166: fc.constantFrom(...list(ISO3166_NUMERIC)),
  iso3166999: fc.constantFrom('999', ...list(ISO3166_NUMERIC)),
  iso3166alpha2: fc.constantFrom(...list(ISO3166_ALPHA2)),
  iso4217: fc.constantFrom(...list(ISO4217_NUMERIC)),
  iso5218: fc.constantFrom('0', '1', '2', '9'),
  yesno: fc.constantFrom('0', '1'),
  winding: fc.constantFrom('0', '1', '9'),
  zero: fc.constant('0'),
  hyphen: fc.constant('-'),
  importeridx: fc.constantFrom(...CSET64),
  mediatype: fc.constantFrom('01', '05', '10', '80', '99'),
  packagetype: fc.constantFrom(...list(PACKAGE_TYPE_CODES)),
  latitude: fc.integer({ min: 0, max: 1_800_000_000 }).map((n) => pad(n, 10)),
  longitude: fc.integer({ min: 0, max: 2_147_483_647 }).map((n) => pad(n, 10)),
  pieceoftotal: fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
    .map(([a, b]) => pad(Math.min(a, b), 2) + pad(Math.max(a, b), 2)),
  posinseqslash: fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }))
    .map(([a, b]) => `${Math.min(a, b)}/${Math.max(a, b)}`),
  iban: fc.constantFrom(
    'SE4550000000058398257466',
    'DE91100000000123456789',
    'GB98MIDL07009312345678',
    'NO9386011117947',
  ),
  couponcode: fc.constantFrom('012345612345611110123', '0123456123456111101233200229'),
  couponposoffer: fc.constantFrom('001234561234560123456', '101234561234560123456'),
};

function componentArb(component: ComponentSpec, isLast: boolean): fc.Arbitrary<string> {
  const whole = component.linters.find((l) => WHOLE_VALUE[l]);
  if (whole) return WHOLE_VALUE[whole] as fc.Arbitrary<string>;
  const needs = (l: string) => component.linters.includes(l);
  // Room for the check pair and a GCP of 4 digits where the component asks for them.
  const min = Math.max(component.min, needs('csumalpha') ? 7 : 0, needs('gcppos1') ? 4 : 0, needs('csum') ? 2 : 0);
  const max = isLast ? Math.min(component.max, min + 25) : component.max;
  const unit = fc.constantFrom(...CHARSETS[component.cset].replace('%', ''));
  return fc.string({ unit, minLength: Math.min(min, max), maxLength: max }).map((raw) => {
    let v = raw;
    if (needs('gcppos1')) v = `1234${v.slice(4)}`;
    if (needs('hasnondigit')) v = `${v.slice(0, 4)}A${v.slice(5)}`;
    if (needs('nozeroprefix') && v.startsWith('0')) v = `1${v.slice(1)}`;
    if (needs('nonzero') && /^0*$/.test(v)) v = `${v.slice(0, -1)}1`;
    if (needs('csum')) v = v.slice(0, -1) + gs1CheckDigit(v, v.length - 1);
    if (needs('csumalpha')) v = v.slice(0, -2) + (gs1CheckCharacterPair(v.slice(0, -2)) ?? '');
    if (needs('zero')) v = '0'.repeat(v.length);
    return v;
  });
}

function valueArb(entry: AiEntry): fc.Arbitrary<string> {
  const parts = entry.components.map((c, i) => {
    const arb = componentArb(c, i === entry.components.length - 1);
    return c.optional ? fc.option(arb, { nil: '' }) : arb;
  });
  return fc.tuple(...parts).map((p) => {
    // Optional components may only be left out from the end.
    const firstMissing = p.findIndex((s, i) => s === '' && entry.components[i]?.optional);
    return (firstMissing >= 0 ? p.slice(0, firstMissing) : p).join('');
  });
}

const elementArb = (entry: AiEntry) => valueArb(entry).map((value) => ({ entry, value }));

function elementString(elements: readonly { entry: AiEntry; value: string }[], extraGs: boolean): string {
  return elements
    .map(({ entry, value }, i) => {
      const last = i === elements.length - 1;
      const gs = !entry.predefinedLength ? !last : extraGs && !last;
      return entry.ai + value + (gs ? GS : '');
    })
    .join('');
}

const pairs = (elements: readonly { ai: string; value: string }[]) => elements.map((e) => `${e.ai}=${e.value}`);

describe('round trip of element strings built from the table', () => {
  test.for(AI_ENTRIES.map((e) => e.ai))('AI (%s), alone and in brackets', (ai) => {
    const entry = AI_ENTRIES.find((e) => e.ai === ai) as AiEntry;
    for (const value of fc.sample(valueArb(entry), { numRuns: 5, seed: Number(ai) })) {
      const scan = parseScan(`]d2${entry.ai}${value}`, TODAY);
      expect(scan.errors, `${ai}${value}`).toEqual([]);
      expect(pairs(scan.elements)).toEqual([`${ai}=${value}`]);
      const bracketed = parseScan(toBracketed(scan.elements), TODAY);
      expect(pairs(bracketed.elements)).toEqual([`${ai}=${value}`]);
    }
  });

  test('several AIs in one string, with and without spare separators', () => {
    const scenario = fc
      .uniqueArray(fc.constantFrom(...AI_ENTRIES), { minLength: 1, maxLength: 6, selector: (e) => e.ai })
      .chain((entries) => fc.tuple(...entries.map(elementArb)));
    fc.assert(
      fc.property(scenario, fc.boolean(), fc.boolean(), (elements, leadingGs, extraGs) => {
        const raw = `]d2${leadingGs ? GS : ''}${elementString(elements, extraGs)}`;
        const scan = parseScan(raw, TODAY);
        const expected = elements.map(({ entry, value }) => `${entry.ai}=${value}`);
        expect(scan.errors).toEqual([]);
        expect(pairs(scan.elements)).toEqual(expected);
        expect(pairs(parseScan(toBracketed(scan.elements), TODAY).elements)).toEqual(expected);
      }),
      { numRuns: 300, seed: 20260501 },
    );
  });
});

const INTERESTING = [
  '0',
  '1',
  '7',
  '9',
  GS,
  '\x1e',
  '\x04',
  '(',
  ')',
  '\\',
  '+',
  '$',
  '/',
  '%',
  '?',
  '&',
  '=',
  ':',
  ']',
  'A',
  'z',
  ' ',
  '|',
  '\u00e9',
  '\ud83d',
];
const PREFIXES = [
  '',
  ']d2',
  ']Q1',
  ']E0',
  ']C1',
  ']d8',
  GS,
  '(01)',
  '(10)',
  'https://a/01/',
  'HTTPS://a/00/',
  '+',
  '+$$',
  '[)>\x1e06\x1d9N',
  '[)>\x1e05\x1d',
  '01',
  '10',
];

describe('robustness', () => {
  test('no input up to 10,000 characters throws', () => {
    const input = fc
      .tuple(
        fc.constantFrom(...PREFIXES),
        fc.oneof(
          fc.string({ unit: fc.constantFrom(...INTERESTING), maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: fc.constantFrom(...INTERESTING), minLength: 9_000, maxLength: 9_980 }),
        ),
      )
      .map(([prefix, body]) => (prefix + body).slice(0, 10_000));
    fc.assert(
      fc.property(input, (raw) => {
        const scan = parseScan(raw, TODAY);
        expect(typeof scan.ok).toBe('boolean');
        if (scan.ok) expect(scan.errors).toEqual([]);
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});

describe('linear time', () => {
  /** Inputs that make each reader work through all of its input. */
  const families: Readonly<Record<string, (n: number) => string>> = {
    'GS1, variable values full of date-like digits': (n) =>
      `]d2${`10${'17290630'.repeat(2)}172${GS}`.repeat(Math.ceil(n / 22))}`.slice(0, n),
    'GS1, repeated fixed-length elements': (n) => `]d2${'11290630'.repeat(Math.ceil(n / 8))}`.slice(0, n),
    'bracketed form': (n) => `(01)09506000134352${'(10)AB\\(1'.repeat(n)}`.slice(0, n),
    'Digital Link with many parameters': (n) => `https://a/01/09506000134352?${'x=1&99=A&'.repeat(n)}`.slice(0, n),
    'Digital Link with a long path': (n) => `https://a/${'b/'.repeat(n)}01/09506000134352`.slice(-n),
    'HIBC secondary': (n) => `+$$3290630${'L'.repeat(n)}`.slice(0, n),
    'IFA PPN with many fields': (n) => `[)>\x1e06\x1d9N110375286414${'\x1d1TABC'.repeat(n)}`.slice(0, n),
    'digits only': (n) => '1'.repeat(n),
    'unclosed brackets': (n) => '(1'.repeat(n).slice(0, n),
  };

  /** Best of several timings of parsing `raw` `times` times, in milliseconds per call. */
  function timePerCall(raw: string, times: number): number {
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 5; round++) {
      const start = performance.now();
      for (let i = 0; i < times; i++) parseScan(raw, TODAY);
      best = Math.min(best, (performance.now() - start) / times);
    }
    return best;
  }

  test.for(Object.keys(families))('%s: 10× the input takes well under 100× the time', (name) => {
    const make = families[name] as (n: number) => string;
    const small = make(1_000);
    const large = make(10_000);
    expect(large.length).toBe(10_000);
    timePerCall(small, 20); // warm-up
    const ratio = timePerCall(large, 4) / timePerCall(small, 40);
    // Linear growth gives about 10; quadratic would give about 100. The bound is generous against noise.
    expect(ratio).toBeLessThan(35);
  });
});
