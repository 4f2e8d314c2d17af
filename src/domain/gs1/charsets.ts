// GS1 character sets as 128-entry lookup tables (anything at or above U+0080 is outside every set).

/** CSET 82 in GS1 order; the index of a character is its value in the check-character-pair calculation. */
export const CSET82 = '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
export const CSET39 = '#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const CSET64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const BIT_NUMERIC = 1;
const BIT_CSET82 = 2;
const BIT_CSET39 = 4;
const BIT_CSET64 = 8;

const CHARSET_BITS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CHARSET_BITS[c] = (CHARSET_BITS[c] ?? 0) | BIT_NUMERIC;
for (const ch of CSET82) CHARSET_BITS[ch.charCodeAt(0)] = (CHARSET_BITS[ch.charCodeAt(0)] ?? 0) | BIT_CSET82;
for (const ch of CSET39) CHARSET_BITS[ch.charCodeAt(0)] = (CHARSET_BITS[ch.charCodeAt(0)] ?? 0) | BIT_CSET39;
for (const ch of CSET64) CHARSET_BITS[ch.charCodeAt(0)] = (CHARSET_BITS[ch.charCodeAt(0)] ?? 0) | BIT_CSET64;

/** Value of each CSET 82 character (0–81), or -1. */
export const CSET82_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CSET82.length; i++) CSET82_VALUE[CSET82.charCodeAt(i)] = i;

function firstOutside(bit: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || ((CHARSET_BITS[c] ?? 0) & bit) === 0) return i;
  }
  return -1;
}

/** Index of the first non-digit in s[from, to), or -1. */
export const firstNonDigit = (s: string, from = 0, to = s.length): number => firstOutside(BIT_NUMERIC, s, from, to);
export const firstNonCset82 = (s: string, from = 0, to = s.length): number => firstOutside(BIT_CSET82, s, from, to);
export const firstNonCset39 = (s: string, from = 0, to = s.length): number => firstOutside(BIT_CSET39, s, from, to);
export const firstNonCset64 = (s: string, from = 0, to = s.length): number => firstOutside(BIT_CSET64, s, from, to);

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAllDigits(s: string): boolean {
  return s.length > 0 && firstNonDigit(s) === -1;
}
