// Check digits and check characters: GS1 mod 10, GS1 check character pair, HIBC mod 43, IFA PPN mod 97,
// German PZN mod 11.
import { CSET82_VALUE, isAllDigits } from './charsets.ts';

/**
 * GS1 mod-10 check digit of `digits[0, end)`: weights 3,1,3,… from the rightmost digit. The caller
 * guarantees digits only.
 */
export function gs1CheckDigit(digits: string, end = digits.length): number {
  let sum = 0;
  let weight = 3;
  for (let i = end - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of an all-digit string is its GS1 check digit (GTIN, SSCC, GLN, GSRN…). */
export function gs1CheckDigitOk(digits: string): boolean {
  if (digits.length < 2 || !isAllDigits(digits)) return false;
  return gs1CheckDigit(digits, digits.length - 1) === digits.charCodeAt(digits.length - 1) - 48;
}

/** True for a GTIN-8, -12, -13 or -14 with a correct check digit. */
export function isValidGtin(value: string): boolean {
  const n = value.length;
  return (n === 8 || n === 12 || n === 13 || n === 14) && gs1CheckDigitOk(value);
}

/** Alias kept for readability at call sites that hold a GTIN. */
export const gtinCheckDigitOk = isValidGtin;

/** Pads a GTIN-8/12/13 to the 14-digit form used in AI (01). */
export function toGtin14(gtin: string): string {
  return gtin.padStart(14, '0');
}

/** The 32 characters used for the GS1 check character pair (GS1 General Specifications 7.9.5). */
const CHECK_PAIR_CHARS = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Weights for the check character pair: the primes, the rightmost data character taking 2. */
export const CHECK_PAIR_PRIMES: readonly number[] = (() => {
  const primes: number[] = [];
  for (let n = 2; primes.length < 97; n++) {
    if (primes.every((p) => n % p !== 0)) primes.push(n);
  }
  return primes;
})();

/** Check character pair over CSET 82 `data`; undefined if data holds a non-CSET 82 character or is too long. */
export function gs1CheckCharacterPair(data: string): string | undefined {
  if (data.length > CHECK_PAIR_PRIMES.length) return undefined;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    const value = code < 128 ? (CSET82_VALUE[code] ?? -1) : -1;
    if (value < 0) return undefined;
    sum += value * (CHECK_PAIR_PRIMES[data.length - 1 - i] ?? 0);
  }
  sum %= 1021;
  return CHECK_PAIR_CHARS.charAt(sum >> 5) + CHECK_PAIR_CHARS.charAt(sum & 31);
}

/** HIBC character values: 0–9, A–Z = 10–35, then - . space $ / + % = 36–42. */
const HIBC_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

export function hibcCharValue(ch: string): number {
  return HIBC_CHARS.indexOf(ch);
}

/** HIBC mod-43 check character over s[0, end); undefined when a character is outside the HIBC set. */
export function hibcCheckCharacter(s: string, end = s.length): string | undefined {
  let sum = 0;
  for (let i = 0; i < end; i++) {
    const v = HIBC_CHARS.indexOf(s.charAt(i));
    if (v < 0) return undefined;
    sum += v;
  }
  return HIBC_CHARS.charAt(sum % 43);
}

/**
 * IFA PPN check digits (two digits): the sum of each character's ASCII code times its position weight
 * (2, 3, 4, … from the left), modulo 97.
 */
export function ppnCheckDigits(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += body.charCodeAt(i) * (i + 2);
  return String(sum % 97).padStart(2, '0');
}

/** German PZN-8 check digit (weights 1–7, mod 11); undefined when the remainder is 10 (never issued). */
export function pznCheckDigit(first7: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (first7.charCodeAt(i) - 48) * (i + 1);
  const check = sum % 11;
  return check === 10 ? undefined : check;
}
