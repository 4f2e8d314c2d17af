import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  hashPin,
  needsRehash,
  PIN_HASH_ITERATIONS,
  verifyPin,
} from '../../src/identity/pin-hash.ts';

const bytes = (base64: string) => Buffer.from(base64, 'base64');

describe('PIN hashing (PBKDF2-SHA-256 with WebCrypto)', () => {
  it('is PBKDF2-HMAC-SHA-256: matches the RFC 7914 test vector (P="passwd", S="salt", c=1)', async () => {
    const record = await hashPin('passwd', { iterations: 1, salt: new TextEncoder().encode('salt') });
    // The first 32 bytes of RFC 7914 §11's 64-byte answer.
    expect(bytes(record.hash).toString('hex')).toBe('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc');
  });

  it('hashes with 600,000 iterations, a 16-byte salt and a 32-byte hash, and stores the count with it', async () => {
    const record = await hashPin('482913');
    expect(PIN_HASH_ITERATIONS).toBe(600_000);
    expect(record.iterations).toBe(600_000);
    expect(bytes(record.salt)).toHaveLength(16);
    expect(bytes(record.hash)).toHaveLength(32);
    expect(JSON.stringify(record)).not.toContain('482913');
  });

  it('verifies the right PIN and refuses a wrong one, one digit off, longer or shorter', async () => {
    const record = await hashPin('482913', { iterations: 1000 });
    expect(await verifyPin('482913', record)).toBe(true);
    for (const wrong of ['482914', '582913', '4829130', '48291', '', '482913 ']) {
      expect(await verifyPin(wrong, record), wrong).toBe(false);
    }
  });

  it('gives the same PIN a different salt and hash every time', async () => {
    const records = await Promise.all(Array.from({ length: 8 }, () => hashPin('777001', { iterations: 1000 })));
    expect(new Set(records.map((r) => r.salt)).size).toBe(8);
    expect(new Set(records.map((r) => r.hash)).size).toBe(8);
    for (const record of records) expect(await verifyPin('777001', record)).toBe(true);
  });

  it('checks with the iteration count stored in the record, and flags records below today’s figure', async () => {
    const old = await hashPin('482913', { iterations: 10_000 });
    expect(await verifyPin('482913', old)).toBe(true);
    // The same salt and PIN with another count is another hash: the stored count is what is used.
    expect(await verifyPin('482913', { ...old, iterations: 10_001 })).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash({ ...old, iterations: PIN_HASH_ITERATIONS })).toBe(false);
  });

  it('compares derived bytes whole: equal only when every byte and the length are equal', () => {
    const a = new Uint8Array([1, 2, 3, 4]);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3, 4]))).toBe(true);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3, 5]))).toBe(false);
    expect(constantTimeEqual(a, new Uint8Array([0, 2, 3, 4]))).toBe(false);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3]))).toBe(false);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3, 4, 0]))).toBe(false);
  });
});
