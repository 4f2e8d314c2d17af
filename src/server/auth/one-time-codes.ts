import { randomBytes } from 'node:crypto';

/**
 * One-time codes (enrollment, set-up) in Crockford base32: 12 symbols (60 random bits) shown as
 * XXXX-XXXX-XXXX, easy to read aloud and to type. Reading one back ignores case, dashes and spaces,
 * and takes the look-alikes O→0 and I/L→1, as Crockford's alphabet intends.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;
const GROUP = 4;

export function newOneTimeCode(): string {
  const bytes = randomBytes(LENGTH);
  // 256 is a multiple of 32: the low five bits of a random byte are uniform.
  const symbols = Array.from(bytes, (byte) => ALPHABET[byte & 31]).join('');
  return formatCode(symbols);
}

/** The canonical form (12 symbols, no dashes) of a code as a person typed it, or null when it cannot be one. */
export function normalizeOneTimeCode(input: string): string | null {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (symbols.length !== LENGTH) return null;
  for (const symbol of symbols) if (!ALPHABET.includes(symbol)) return null;
  return symbols;
}

/** XXXX-XXXX-XXXX. */
export function formatCode(symbols: string): string {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return groups.join('-');
}
