import type { PinHashRecord } from '../store/db.ts';

/**
 * PINs are kept only as PBKDF2-SHA-256 hashes made with WebCrypto (`crypto.subtle`, in every
 * browser, in workers and in Node), never as the PIN itself. A 6-digit PIN has only a million
 * values, so the hash must be slow: 600,000 iterations is OWASP's figure for PBKDF2-SHA-256
 * (Password Storage Cheat Sheet); it costs a few hundred milliseconds on a tablet, off the UI thread
 * (docs/benchmarks.md). The salt is random per hash, so equal PINs give different hashes.
 */
export const PIN_HASH_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

/** Hashes a PIN with a fresh random salt (or the given one, for tests and checks). */
export async function hashPin(
  pin: string,
  { iterations = PIN_HASH_ITERATIONS, salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES)) } = {},
): Promise<PinHashRecord> {
  const hash = await derive(pin, salt, iterations);
  return { salt: toBase64(salt), iterations, hash: toBase64(hash) };
}

/** True when `pin` is the PIN the record was made from. The comparison takes the same time whatever differs. */
export async function verifyPin(pin: string, record: PinHashRecord): Promise<boolean> {
  const expected = fromBase64(record.hash);
  const actual = await derive(pin, fromBase64(record.salt), record.iterations);
  return constantTimeEqual(actual, expected);
}

/** A record made with fewer iterations than today's figure is rehashed at the next right PIN. */
export function needsRehash(record: PinHashRecord): boolean {
  return record.iterations < PIN_HASH_ITERATIONS;
}

async function derive(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** Compares every byte whatever the first difference, so the time taken says nothing about the hash. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
