import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PIN_ATTEMPTS, OFFLINE_SESSION_MAX_AGE_MS, type Session } from '../../src/domain/auth/api.ts';
import { hashPin, PIN_HASH_ITERATIONS } from '../../src/identity/pin-hash.ts';
import { checkPin, choosePin, offlineTooLong, pinChoiceProblem } from '../../src/identity/pin-rules.ts';
import { LagerkollDb } from '../../src/store/db.ts';
import { countPending, recordCount } from '../../src/store/events.ts';
import { getKnownUser, rememberOnlineSignIn, savePinHash } from '../../src/store/known-users.ts';

const SIGNED_IN_AT = new Date('2026-11-20T08:00:00Z');
const later = (ms: number) => new Date(SIGNED_IN_AT.getTime() + ms);
const session: Session = {
  token: 'lks_test-session',
  expiresAt: '2026-11-20T20:00:00.000Z',
  user: { id: 'u-anna', username: 'anna', name: 'Anna Berg', role: 'counter' },
};

let n = 0;
let name: string;
let db: LagerkollDb;
beforeEach(async () => {
  name = `pin-rules-${++n}`;
  db = new LagerkollDb(name);
  await rememberOnlineSignIn(db, session, SIGNED_IN_AT);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('choosing a PIN', () => {
  it('refuses what is not 6–10 digits, the obvious ones, and a repeat that differs', () => {
    expect(pinChoiceProblem('12345', '12345')).toBe('malformed');
    expect(pinChoiceProblem('12345678901', '12345678901')).toBe('malformed');
    expect(pinChoiceProblem('12a456', '12a456')).toBe('malformed');
    for (const simple of ['000000', '999999', '123456', '456789', '890123', '654321', '3210987']) {
      expect(pinChoiceProblem(simple, simple), simple).toBe('too-simple');
    }
    expect(pinChoiceProblem('482913', '482931')).toBe('mismatch');
    expect(pinChoiceProblem('482913', '482913')).toBeNull();
    expect(pinChoiceProblem('1357924680', '1357924680')).toBeNull();
  });

  it('stores only the hash, with today’s iteration count', async () => {
    expect(await choosePin(db, 'u-anna', '482913', '482913')).toBeNull();
    const user = await getKnownUser(db, 'u-anna');
    expect(user?.pin?.iterations).toBe(PIN_HASH_ITERATIONS);
    expect(JSON.stringify(user)).not.toContain('482913');
    expect(await choosePin(db, 'u-anna', '111111', '111111')).toBe('too-simple');
  });
});

describe('signing in with a PIN', () => {
  beforeEach(async () => {
    // A low count keeps the test quick; a right PIN then rehashes it at today's figure.
    await savePinHash(db, 'u-anna', await hashPin('482913', { iterations: 1000 }));
  });

  it('accepts the right PIN, resets the wrong attempts and raises an old iteration count', async () => {
    expect(await checkPin(db, 'u-anna', '000001', later(1000))).toMatchObject({ ok: false, reason: 'wrong' });
    const result = await checkPin(db, 'u-anna', '482913', later(2000));
    expect(result).toMatchObject({ ok: true, user: { userId: 'u-anna', name: 'Anna Berg' } });
    const user = await getKnownUser(db, 'u-anna');
    expect(user?.failedPinAttempts).toBe(0);
    expect(user?.pin?.iterations).toBe(PIN_HASH_ITERATIONS);
    expect(await checkPin(db, 'u-anna', '482913', later(3000))).toMatchObject({ ok: true });
  });

  it(`counts wrong PINs durably; the ${MAX_PIN_ATTEMPTS}th in a row takes the PIN away and keeps every count`, async () => {
    await recordCount(db, { raw: '0107046261000000', gtin: '07046261000000', quantity: 3, userId: 'u-anna' });
    const answers = [];
    for (let i = 0; i < MAX_PIN_ATTEMPTS - 1; i++) answers.push(await checkPin(db, 'u-anna', '111112', later(1000)));
    expect(answers.map((a) => (a.ok ? 'ok' : a.reason === 'wrong' ? a.attemptsLeft : a.reason))).toEqual([4, 3, 2, 1]);

    // The count survives closing the app: another connection to the same database sees it.
    db.close();
    db = new LagerkollDb(name);
    expect((await getKnownUser(db, 'u-anna'))?.failedPinAttempts).toBe(MAX_PIN_ATTEMPTS - 1);

    expect(await checkPin(db, 'u-anna', '111112', later(1000))).toEqual({ ok: false, reason: 'too-many-attempts' });
    expect((await getKnownUser(db, 'u-anna'))?.pin).toBeNull();
    // Even the right PIN no longer works: the password is needed, online.
    expect(await checkPin(db, 'u-anna', '482913', later(1000))).toEqual({ ok: false, reason: 'no-pin' });
    expect(await countPending(db)).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it('counts an attempt before the check, so a check cut short still counts', async () => {
    await savePinHash(db, 'u-anna', await hashPin('482913')); // 600,000 iterations: ~0.1 s to check
    let settled = false;
    const checking = checkPin(db, 'u-anna', '222223', later(1000)).finally(() => {
      settled = true;
    });
    // The attempt is on disk while the hash is still being derived.
    await vi.waitFor(async () => expect((await getKnownUser(db, 'u-anna'))?.failedPinAttempts).toBe(1));
    expect(settled).toBe(false);
    expect(await checking).toMatchObject({ ok: false, reason: 'wrong' });
  });

  it('does not count a PIN that cannot be one (wrong length, letters)', async () => {
    expect(await checkPin(db, 'u-anna', '4829', later(1000))).toEqual({ ok: false, reason: 'malformed' });
    expect(await checkPin(db, 'u-anna', 'abcdef', later(1000))).toEqual({ ok: false, reason: 'malformed' });
    expect((await getKnownUser(db, 'u-anna'))?.failedPinAttempts).toBe(0);
  });

  it('works up to the offline maximum after the last online sign-in, and is refused after it', async () => {
    expect(await checkPin(db, 'u-anna', '482913', later(OFFLINE_SESSION_MAX_AGE_MS))).toMatchObject({ ok: true });
    const tooLate = await checkPin(db, 'u-anna', '482913', later(OFFLINE_SESSION_MAX_AGE_MS + 1));
    expect(tooLate).toEqual({ ok: false, reason: 'offline-too-long', lastOnlineAt: SIGNED_IN_AT.toISOString() });
    expect(offlineTooLong({ lastOnlineAt: SIGNED_IN_AT.toISOString() }, later(OFFLINE_SESSION_MAX_AGE_MS + 1))).toBe(
      true,
    );
    // Refused before any PIN check: no attempt is spent, and the PIN stays for after the online sign-in.
    const user = await getKnownUser(db, 'u-anna');
    expect(user?.failedPinAttempts).toBe(0);
    expect(user?.pin).not.toBeNull();

    // Signing in online again starts the offline period over; the PIN chosen before still works.
    await rememberOnlineSignIn(db, session, later(OFFLINE_SESSION_MAX_AGE_MS + 60_000));
    expect(await checkPin(db, 'u-anna', '482913', later(OFFLINE_SESSION_MAX_AGE_MS + 120_000))).toMatchObject({
      ok: true,
    });
  });

  it('refuses a user the pulled users say was revoked, and takes the PIN away without touching counts', async () => {
    await savePinHash(db, session.user.id, await hashPin('482913', { iterations: 1000 }));
    await recordCount(db, { raw: '07046261000000', gtin: '07046261000000', quantity: 3, userId: session.user.id });
    expect(await checkPin(db, session.user.id, '482913', later(1000))).toMatchObject({ ok: true });
    await db.users.put({
      id: session.user.id,
      name: 'Anna Berg',
      role: 'counter',
      revokedAt: '2026-11-20T09:00:00.000Z',
    });
    expect(await checkPin(db, session.user.id, '482913', later(2000))).toEqual({ ok: false, reason: 'revoked' });
    expect((await getKnownUser(db, session.user.id))?.pin).toBeNull();
    expect(await countPending(db)).toBe(1);
  });

  it('knows nothing of users who never signed in on this device', async () => {
    expect(await checkPin(db, 'u-nobody', '482913', later(1000))).toEqual({ ok: false, reason: 'unknown-user' });
  });
});
