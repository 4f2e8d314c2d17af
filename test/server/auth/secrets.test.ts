import { describe, expect, it } from 'vitest';
import { DEVICE_CREDENTIAL_PREFIX, SESSION_TOKEN_PREFIX } from '../../../src/domain/auth/api.ts';
import { formatCode, newOneTimeCode, normalizeOneTimeCode } from '../../../src/server/auth/one-time-codes.ts';
import { hashPassword, verifyPassword } from '../../../src/server/auth/passwords.ts';
import { SetupGate } from '../../../src/server/auth/setup-code.ts';
import { hashSecret, newToken, tokenKind } from '../../../src/server/auth/tokens.ts';

const CHEAP = { ln: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', CHEAP);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('is salted, keeps its parameters in the string, and never contains the password', async () => {
    const [a, b] = await Promise.all([hashPassword('samma lösenord', CHEAP), hashPassword('samma lösenord', CHEAP)]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('lösenord');
  });

  it('uses N=2^15, r=8, p=3 by default, and a hash made with other parameters still verifies', async () => {
    const strong = await hashPassword('correct horse battery');
    expect(strong).toMatch(/^scrypt\$ln=15,r=8,p=3\$/);
    expect(await verifyPassword('correct horse battery', strong)).toBe(true);
    const older = await hashPassword('correct horse battery', { ln: 11, r: 4, p: 1 });
    expect(await verifyPassword('correct horse battery', older)).toBe(true);
  });

  it('treats the same text in another Unicode form as the same password', async () => {
    const hash = await hashPassword('Åsa-Märta 2026', CHEAP);
    expect(await verifyPassword('A\u030Asa-Ma\u0308rta 2026', hash)).toBe(true);
  });

  it('refuses a malformed or absurdly expensive stored hash instead of computing it', async () => {
    const hash = await hashPassword('correct horse battery', CHEAP);
    expect(await verifyPassword('correct horse battery', hash.replace('ln=10', 'ln=30'))).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plain text')).toBe(false);
    expect(await verifyPassword('correct horse battery', hash.slice(0, -4))).toBe(false);
  });
});

describe('tokens', () => {
  it('are 256 random bits behind a prefix that names the kind', () => {
    const device = newToken('device');
    const session = newToken('session');
    expect(device.startsWith(DEVICE_CREDENTIAL_PREFIX)).toBe(true);
    expect(session.startsWith(SESSION_TOKEN_PREFIX)).toBe(true);
    expect(Buffer.from(device.slice(4), 'base64url')).toHaveLength(32);
    expect(tokenKind(device)).toBe('device');
    expect(tokenKind(session)).toBe('session');
    expect(tokenKind(`${DEVICE_CREDENTIAL_PREFIX}short`)).toBeNull();
    expect(tokenKind('Bearer something')).toBeNull();
    expect(new Set(Array.from({ length: 200 }, () => newToken('device'))).size).toBe(200);
  });

  it('are stored as their SHA-256 only', () => {
    const token = newToken('session');
    expect(hashSecret(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(token)).toBe(hashSecret(token));
    expect(hashSecret(token)).not.toContain(token.slice(4, 12));
  });
});

describe('one-time codes (Crockford base32)', () => {
  it('are 12 symbols in groups of four, from the Crockford alphabet', () => {
    for (let i = 0; i < 200; i++) {
      expect(newOneTimeCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    }
    expect(new Set(Array.from({ length: 500 }, newOneTimeCode)).size).toBe(500);
  });

  it('read back ignoring case, dashes and spaces, with O as 0 and I/L as 1', () => {
    expect(normalizeOneTimeCode('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN');
    expect(normalizeOneTimeCode(' ABCD EFGH JKMN ')).toBe('ABCDEFGHJKMN');
    expect(normalizeOneTimeCode('OIL0-1234-5678')).toBe('0110' + '12345678');
    expect(normalizeOneTimeCode('ABCD-EFGH-JKM')).toBeNull();
    expect(normalizeOneTimeCode('ABCD-EFGH-JKMU')).toBeNull();
    expect(normalizeOneTimeCode('ABCD-EFGH-JKM!')).toBeNull();
    expect(formatCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
  });
});

describe('the set-up gate', () => {
  it('accepts the code it issued (as typed), refuses others, and nothing once closed', () => {
    const gate = new SetupGate();
    expect(gate.open).toBe(false);
    expect(gate.matches('ABCD-EFGH-JKMN')).toBe(false);
    const code = gate.issue();
    expect(gate.open).toBe(true);
    expect(gate.matches(code)).toBe(true);
    expect(gate.matches(code.toLowerCase().replaceAll('-', ' '))).toBe(true);
    expect(gate.matches(newOneTimeCode())).toBe(false);
    const next = gate.issue();
    if (next !== code) expect(gate.matches(code)).toBe(false);
    gate.close();
    expect(gate.matches(next)).toBe(false);
  });
});
