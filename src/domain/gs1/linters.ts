// The GS1 Barcode Syntax Tests ("linters") named by the Syntax Dictionary, written from their published
// descriptions. Each checks one component of an AI value and returns undefined when it is fine, or the
// failure with the span of the offending characters. Codes are the upstream GS1_LINTER_* names without
// the prefix, so the conformance vectors can be compared directly.
import { firstNonCset39, firstNonCset64, firstNonCset82, firstNonDigit } from './charsets.ts';
import { CHECK_PAIR_PRIMES, gs1CheckCharacterPair, gs1CheckDigit } from './check-digits.ts';
import { lintCouponCode, lintCouponPositiveOffer } from './coupon-linters.ts';
import { twoDigits } from './dates.ts';
import {
  fail,
  type LintContext,
  type Linter,
  type LintFailure,
  lintDate,
  lintGcpAt,
  lintGcpPosition1,
  lintYymmdd,
} from './lint-core.ts';
import { ISO3166_ALPHA2, ISO3166_NUMERIC, ISO4217_NUMERIC, PACKAGE_TYPE_CODES } from './reference-codes.ts';

export type { LintContext, Linter, LintFailure } from './lint-core.ts';

const codeSet = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));
const ISO3166_NUMERIC_SET = codeSet(ISO3166_NUMERIC);
const ISO3166_ALPHA2_SET = codeSet(ISO3166_ALPHA2);
const ISO4217_NUMERIC_SET = codeSet(ISO4217_NUMERIC);
const PACKAGE_TYPE_SET = codeSet(PACKAGE_TYPE_CODES);

export function lintNumeric(value: string): LintFailure | undefined {
  const bad = firstNonDigit(value);
  return bad < 0 ? undefined : fail('NON_DIGIT_CHARACTER', bad, 1);
}

export function lintCset82(value: string): LintFailure | undefined {
  const bad = firstNonCset82(value);
  return bad < 0 ? undefined : fail('INVALID_CSET82_CHARACTER', bad, 1);
}

export function lintCset39(value: string): LintFailure | undefined {
  const bad = firstNonCset39(value);
  return bad < 0 ? undefined : fail('INVALID_CSET39_CHARACTER', bad, 1);
}

/** CSET 64 (base64url) with optional `=` padding: at most two, and only when the length is a multiple of 3. */
export function lintCset64(value: string): LintFailure | undefined {
  let pads = 0;
  while (pads < value.length && value.charCodeAt(value.length - 1 - pads) === 61) pads++;
  const dataLength = value.length - pads;
  if (pads > 2 || (pads > 0 && value.length % 3 !== 0)) return fail('INVALID_CSET64_PADDING', dataLength, pads);
  const bad = firstNonCset64(value, 0, dataLength);
  return bad < 0 ? undefined : fail('INVALID_CSET64_CHARACTER', bad, 1);
}

function lintCheckDigit(value: string): LintFailure | undefined {
  if (value.length === 0) return fail('TOO_SHORT_FOR_CHECK_DIGIT', 0, 0);
  const bad = firstNonDigit(value);
  if (bad >= 0) return fail('NON_DIGIT_CHARACTER', bad, 1);
  const last = value.length - 1;
  return gs1CheckDigit(value, last) === value.charCodeAt(last) - 48
    ? undefined
    : fail('INCORRECT_CHECK_DIGIT', last, 1);
}

function lintCheckPair(value: string): LintFailure | undefined {
  if (value.length < 2) return fail('TOO_SHORT_FOR_CHECK_PAIR', 0, value.length);
  const dataLength = value.length - 2;
  if (dataLength > CHECK_PAIR_PRIMES.length) return fail('TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION', 0, value.length);
  const bad = firstNonCset82(value, 0, dataLength);
  if (bad >= 0) return fail('INVALID_CSET82_CHARACTER', bad, 1);
  return gs1CheckCharacterPair(value.slice(0, dataLength)) === value.slice(dataLength)
    ? undefined
    : fail('INCORRECT_CHECK_PAIR', dataLength, 2);
}

function lintTwoDigitField(value: string, max: number, name: 'HOUR' | 'MINUTE' | 'SECOND'): LintFailure | undefined {
  if (value.length < 2) return fail(`${name}_TOO_SHORT`, 0, value.length);
  if (value.length > 2) return fail(`${name}_TOO_LONG`, 0, value.length);
  const bad = firstNonDigit(value);
  if (bad >= 0) return fail('NON_DIGIT_CHARACTER', bad, 1);
  return twoDigits(value, 0) > max ? fail(`ILLEGAL_${name}`, 0, 2) : undefined;
}

function lintHourMinute(value: string): LintFailure | undefined {
  if (value.length < 4) return fail('HOUR_WITH_MINUTE_TOO_SHORT', 0, value.length);
  if (value.length > 4) return fail('HOUR_WITH_MINUTE_TOO_LONG', 0, value.length);
  const bad = firstNonDigit(value);
  if (bad >= 0) return fail('NON_DIGIT_CHARACTER', bad, 1);
  if (twoDigits(value, 0) > 23) return fail('ILLEGAL_HOUR', 0, 2);
  return twoDigits(value, 2) > 59 ? fail('ILLEGAL_MINUTE', 2, 2) : undefined;
}

function inSet(set: ReadonlySet<string>, code: string) {
  return (value: string): LintFailure | undefined => (set.has(value) ? undefined : fail(code, 0, value.length));
}

function lintIban(value: string): LintFailure | undefined {
  // No country has an IBAN of 10 characters or fewer; ISO 13616 caps the length at 34.
  if (value.length <= 10) return fail('IBAN_TOO_SHORT', 0, value.length);
  if (value.length > 34) return fail('IBAN_TOO_LONG', 0, value.length);
  if (!ISO3166_ALPHA2_SET.has(value.slice(0, 2))) return fail('ILLEGAL_IBAN_COUNTRY_CODE', 0, 2);
  // Mod 97 over BBAN + country + check digits, letters counting as two digits (A = 10 … Z = 35).
  let remainder = 0;
  for (let k = 0; k < value.length; k++) {
    const i = (k + 4) % value.length;
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) remainder = (remainder * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) remainder = (remainder * 100 + (c - 55)) % 97;
    else return fail('INVALID_IBAN_CHARACTER', i, 1);
  }
  return remainder === 1 ? undefined : fail('INCORRECT_IBAN_CHECKSUM', 2, 2);
}

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Percent-encoded text: every `%` starts a `%XX` hexadecimal escape. */
function lintPercentEncoding(value: string): LintFailure | undefined {
  for (let i = value.indexOf('%'); i >= 0; i = value.indexOf('%', i + 3)) {
    if (!isHexCode(value.charCodeAt(i + 1)) || !isHexCode(value.charCodeAt(i + 2))) {
      return fail('INVALID_PERCENT_SEQUENCE', i, Math.min(3, value.length - i));
    }
  }
  return undefined;
}

function lintCoordinate(value: string, max: number, name: 'LATITUDE' | 'LONGITUDE'): LintFailure | undefined {
  if (value.length !== 10) return fail(`${name}_INVALID_LENGTH`, 0, value.length);
  const bad = firstNonDigit(value);
  if (bad >= 0) return fail('NON_DIGIT_CHARACTER', bad, 1);
  return Number(value) > max ? fail(`INVALID_${name}`, 0, 10) : undefined;
}

function lintPieceOfTotal(value: string): LintFailure | undefined {
  if (value.length === 0 || value.length % 2 !== 0) return fail('INVALID_LENGTH_FOR_PIECE_OF_TOTAL', 0, value.length);
  const bad = firstNonDigit(value);
  if (bad >= 0) return fail('NON_DIGIT_CHARACTER', bad, 1);
  const half = value.length / 2;
  const piece = Number(value.slice(0, half));
  const total = Number(value.slice(half));
  if (piece === 0) return fail('ZERO_PIECE_NUMBER', 0, half);
  if (total === 0) return fail('ZERO_TOTAL_PIECES', half, half);
  return piece > total ? fail('PIECE_NUMBER_EXCEEDS_TOTAL', 0, value.length) : undefined;
}

/** "position/total", both positive numbers without leading zeros, position ≤ total. */
function lintPositionInSequence(value: string): LintFailure | undefined {
  const slash = value.indexOf('/');
  const malformed =
    slash <= 0 ||
    slash === value.length - 1 ||
    value.indexOf('/', slash + 1) >= 0 ||
    firstNonDigit(value, 0, slash) >= 0 ||
    firstNonDigit(value, slash + 1) >= 0;
  if (malformed) return fail('POSITION_IN_SEQUENCE_MALFORMED', 0, value.length);
  if (value.charCodeAt(0) === 48) return fail('ILLEGAL_ZERO_PREFIX', 0, slash);
  if (value.charCodeAt(slash + 1) === 48) return fail('ILLEGAL_ZERO_PREFIX', slash + 1, value.length - slash - 1);
  return Number(value.slice(0, slash)) > Number(value.slice(slash + 1))
    ? fail('POSITION_EXCEEDS_END', 0, value.length)
    : undefined;
}

function lintNonZero(value: string): LintFailure | undefined {
  const bad = firstNonDigit(value);
  if (bad >= 0) return fail('NON_DIGIT_CHARACTER', bad, 1);
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== 48) return undefined;
  return fail('ILLEGAL_ZERO_VALUE', 0, value.length);
}

function lintNoZeroPrefix(value: string): LintFailure | undefined {
  const bad = firstNonDigit(value);
  if (bad >= 0) return fail('NON_DIGIT_CHARACTER', bad, 1);
  return value.charCodeAt(0) === 48 ? fail('ILLEGAL_ZERO_PREFIX', 0, 1) : undefined;
}

function lintHasNonDigit(value: string): LintFailure | undefined {
  return firstNonDigit(value) >= 0 ? undefined : fail('REQUIRES_NON_DIGIT_CHARACTER', 0, value.length);
}

function allOf(value: string, ch: number): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== ch) return false;
  return true;
}

function oneOf(allowed: readonly string[], code: string) {
  return (value: string): LintFailure | undefined =>
    allowed.includes(value) ? undefined : fail(code, 0, value.length);
}

function lintImporterIndex(value: string): LintFailure | undefined {
  if (value.length !== 1) return fail('IMPORTER_IDX_MUST_BE_ONE_CHARACTER', 0, value.length);
  return firstNonCset64(value) < 0 ? undefined : fail('INVALID_IMPORT_IDX_CHARACTER', 0, 1);
}

/** AIDC media types 01–10 are defined by GS1; 80–99 are for company-internal use. */
function lintMediaType(value: string): LintFailure | undefined {
  if (value.length === 2 && firstNonDigit(value) < 0) {
    const n = twoDigits(value, 0);
    if ((n >= 1 && n <= 10) || n >= 80) return undefined;
  }
  return fail('INVALID_MEDIA_TYPE', 0, value.length);
}

/** Every linter the dictionary can name, by name. */
export const LINTERS: Readonly<Record<string, Linter>> = {
  csetnumeric: lintNumeric,
  cset82: lintCset82,
  cset39: lintCset39,
  cset64: lintCset64,
  csum: lintCheckDigit,
  csumalpha: lintCheckPair,
  gcppos1: lintGcpPosition1,
  // The component starts with an indicator digit or extension digit, then the GCP.
  gcppos2: (value) => lintGcpAt(value, 1),
  yymmd0: (value, context) => lintDate(value, { yearDigits: 2, dayZeroAllowed: true }, context),
  yymmdd: lintYymmdd,
  yyyymmd0: (value, context) => lintDate(value, { yearDigits: 4, dayZeroAllowed: true }, context),
  yyyymmdd: (value, context) => lintDate(value, { yearDigits: 4, dayZeroAllowed: false }, context),
  hh: (value) => lintTwoDigitField(value, 23, 'HOUR'),
  mi: (value) => lintTwoDigitField(value, 59, 'MINUTE'),
  ss: (value) => lintTwoDigitField(value, 59, 'SECOND'),
  hhmi: lintHourMinute,
  iso3166: inSet(ISO3166_NUMERIC_SET, 'NOT_ISO3166'),
  iso3166999: (value) =>
    value === '999' || ISO3166_NUMERIC_SET.has(value) ? undefined : fail('NOT_ISO3166_OR_999', 0, value.length),
  iso3166alpha2: inSet(ISO3166_ALPHA2_SET, 'NOT_ISO3166_ALPHA2'),
  iso4217: inSet(ISO4217_NUMERIC_SET, 'NOT_ISO4217'),
  iso5218: oneOf(['0', '1', '2', '9'], 'INVALID_BIOLOGICAL_SEX_CODE'),
  iban: lintIban,
  pcenc: lintPercentEncoding,
  yesno: oneOf(['0', '1'], 'NOT_ZERO_OR_ONE'),
  hyphen: (value) => (allOf(value, 45) ? undefined : fail('NOT_HYPHEN', 0, value.length)),
  zero: (value) => (allOf(value, 48) ? undefined : fail('NOT_ZERO', 0, value.length)),
  latitude: (value) => lintCoordinate(value, 1_800_000_000, 'LATITUDE'),
  longitude: (value) => lintCoordinate(value, 3_600_000_000, 'LONGITUDE'),
  importeridx: lintImporterIndex,
  packagetype: inSet(PACKAGE_TYPE_SET, 'INVALID_PACKAGE_TYPE'),
  mediatype: lintMediaType,
  posinseqslash: lintPositionInSequence,
  nonzero: lintNonZero,
  nozeroprefix: lintNoZeroPrefix,
  hasnondigit: lintHasNonDigit,
  winding: oneOf(['0', '1', '9'], 'INVALID_WINDING_DIRECTION'),
  pieceoftotal: lintPieceOfTotal,
  couponcode: lintCouponCode,
  couponposoffer: lintCouponPositiveOffer,
};

/** Runs the named linter; throws for a name that no linter has (a programming error, not bad data). */
export function runLinter(name: string, value: string, context: LintContext): LintFailure | undefined {
  const linter = LINTERS[name];
  if (!linter) throw new Error(`Unknown GS1 linter "${name}"`);
  return linter(value, context);
}
