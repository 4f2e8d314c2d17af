// EAN-13, EAN-8, UPC-A, UPC-E (and a bare GTIN-14 as sent by ITF-14) → GTIN-14, check digit verified.
import { printable } from './ai-value.ts';
import { firstNonDigit } from './charsets.ts';
import { gs1CheckDigit } from './check-digits.ts';
import type { IssueList } from './issues.ts';

export type EanKind = 'EAN-13' | 'EAN-8' | 'UPC-A' | 'UPC-E' | 'GTIN-14';

export interface EanReading {
  readonly kind: EanKind;
  /** The digits as scanned. */
  readonly digits: string;
  readonly gtin: string;
}

const DIGIT_COUNT: Readonly<Record<EanKind, number>> = {
  'EAN-13': 13,
  'EAN-8': 8,
  'UPC-A': 12,
  'UPC-E': 8,
  'GTIN-14': 14,
};

/**
 * UPC-E (number system 0 or 1, six digits, check digit) expanded to the 12-digit UPC-A it abbreviates;
 * undefined for a number system other than 0 or 1. The check digit is carried over unchanged.
 */
export function expandUpcE(upcE: string): string | undefined {
  if (upcE.length !== 8 || firstNonDigit(upcE) >= 0) return undefined;
  const ns = upcE.charAt(0);
  if (ns !== '0' && ns !== '1') return undefined;
  const d = upcE.slice(1, 7);
  const last = d.charAt(5);
  let body: string;
  if (last <= '2') body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  else if (last === '3') body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === '4') body = `${d.slice(0, 4)}00000${d.charAt(4)}`;
  else body = `${d.slice(0, 5)}0000${last}`;
  return ns + body + upcE.charAt(7);
}

function checkDigitOf(kind: EanKind, digits: string): { expected: number; actual: number } {
  const actual = digits.charCodeAt(digits.length - 1) - 48;
  if (kind === 'UPC-E') {
    const upcA = expandUpcE(digits) ?? '';
    return { expected: gs1CheckDigit(upcA, 11), actual };
  }
  return { expected: gs1CheckDigit(digits, digits.length - 1), actual };
}

function toGtin(kind: EanKind, digits: string): string {
  return (kind === 'UPC-E' ? (expandUpcE(digits) ?? digits) : digits).padStart(14, '0');
}

/** True when `digits` has the right count and check digit for `kind`. */
export function isValidEan(kind: EanKind, digits: string): boolean {
  if (digits.length !== DIGIT_COUNT[kind] || firstNonDigit(digits) >= 0) return false;
  if (kind === 'UPC-E' && expandUpcE(digits) === undefined) return false;
  const { expected, actual } = checkDigitOf(kind, digits);
  return expected === actual;
}

/** The kind that an all-digit scan of this length most likely is, without a symbology identifier. */
export function guessEanKind(digits: string, issues: IssueList | undefined): EanKind | undefined {
  switch (digits.length) {
    case 13:
      return 'EAN-13';
    case 12:
      return 'UPC-A';
    case 14:
      return 'GTIN-14';
    case 8: {
      const ean8 = isValidEan('EAN-8', digits);
      const upcE = isValidEan('UPC-E', digits);
      if (ean8 && upcE) issues?.warning('EAN_AMBIGUOUS');
      return ean8 || !upcE ? 'EAN-8' : 'UPC-E';
    }
    default:
      return undefined;
  }
}

/** Reads s[start, end) as `kind`; errors go to `issues` (at most one). */
export function readEan(
  s: string,
  start: number,
  end: number,
  kind: EanKind,
  issues: IssueList,
): EanReading | undefined {
  const digits = s.slice(start, end);
  const bad = firstNonDigit(digits);
  if (bad >= 0) {
    issues.error(
      'EAN_NOT_NUMERIC',
      { kind, char: printable(digits.charAt(bad)) },
      { position: start + bad, length: 1 },
    );
    return undefined;
  }
  if (digits.length !== DIGIT_COUNT[kind]) {
    issues.error(
      'EAN_BAD_LENGTH',
      { kind, expected: DIGIT_COUNT[kind], length: digits.length },
      { position: start, length: digits.length },
    );
    return undefined;
  }
  if (kind === 'UPC-E' && expandUpcE(digits) === undefined) {
    issues.error('EAN_BAD_LENGTH', { kind, expected: 8, length: digits.length }, { position: start, length: 1 });
    return undefined;
  }
  const { expected, actual } = checkDigitOf(kind, digits);
  if (expected !== actual) {
    issues.error('EAN_CHECK_DIGIT', { kind, expected }, { position: end - 1, length: 1 });
    return undefined;
  }
  return { kind, digits, gtin: toGtin(kind, digits) };
}
