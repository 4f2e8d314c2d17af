import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INACTIVITY_LOCK_MS, OFFLINE_SESSION_MAX_AGE_MS, type Session } from '../../src/domain/auth/api.ts';
import { decideAccess } from '../../src/identity/access.ts';
import { hashPin } from '../../src/identity/pin-hash.ts';
import { signInWithPin, unlockWithPin } from '../../src/identity/pin-session.ts';
import { resumeSession } from '../../src/identity/resume-session.ts';
import { lockSession, startSession } from '../../src/identity/session.ts';
import { LagerkollDb } from '../../src/store/db.ts';
import { readCurrentSession } from '../../src/store/identity.ts';
import { rememberOnlineSignIn, savePinHash } from '../../src/store/known-users.ts';

const T0 = new Date('2026-11-20T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const anna: Session = {
  token: 'lks_anna',
  expiresAt: at(12 * 3600_000).toISOString(),
  user: { id: 'u-anna', username: 'anna', name: 'Anna Berg', role: 'counter' },
};

let n = 0;
let db: LagerkollDb;
beforeEach(async () => {
  db = new LagerkollDb(`session-${++n}`);
  await rememberOnlineSignIn(db, anna, T0);
  await savePinHash(db, 'u-anna', await hashPin('482913', { iterations: 1000 }));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the session on a device', () => {
  it('a right PIN signs in; a wrong one does not', async () => {
    expect(await signInWithPin(db, 'u-anna', '000001', at(1000))).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await readCurrentSession(db)).toBeNull();
    expect(await signInWithPin(db, 'u-anna', '482913', at(2000))).toMatchObject({ ok: true });
    expect(await readCurrentSession(db)).toMatchObject({ userId: 'u-anna', method: 'pin', locked: false });
  });

  it('survives a reload, and comes back locked after a long pause', async () => {
    await startSession(db, 'u-anna', 'pin', T0);
    expect(await resumeSession(db, { enrolled: true, now: at(INACTIVITY_LOCK_MS - 1) })).toMatchObject({
      session: { locked: false },
    });
    expect(await resumeSession(db, { enrolled: true, now: at(INACTIVITY_LOCK_MS) })).toMatchObject({
      session: { locked: true },
    });
    // Locked stays locked, also across another reload soon after.
    expect((await readCurrentSession(db))?.locked).toBe(true);
  });

  it('the lock opens only with the signed-in user’s PIN', async () => {
    await startSession(db, 'u-anna', 'pin', T0);
    await lockSession(db, 'u-anna');
    expect(await unlockWithPin(db, 'u-anna', '123457', at(1000))).toMatchObject({ ok: false });
    expect((await readCurrentSession(db))?.locked).toBe(true);
    expect(await unlockWithPin(db, 'u-anna', '482913', at(2000))).toMatchObject({ ok: true });
    expect(await readCurrentSession(db)).toMatchObject({ locked: false, lastActivityAt: at(2000).toISOString() });
  });

  it('ends once the pulled users say the user was revoked', async () => {
    await startSession(db, 'u-anna', 'pin', T0);
    expect(await resumeSession(db, { enrolled: true, now: at(1000) })).not.toBeNull();
    await db.users.put({ id: 'u-anna', name: 'Anna Berg', role: 'counter', revokedAt: at(500).toISOString() });
    expect(await resumeSession(db, { enrolled: true, now: at(2000) })).toBeNull();
    expect(await readCurrentSession(db)).toBeNull();
  });

  it('on an enrolled device, ends when the user has been away from the server too long', async () => {
    await startSession(db, 'u-anna', 'pin', T0);
    expect(await resumeSession(db, { enrolled: true, now: at(OFFLINE_SESSION_MAX_AGE_MS + 1) })).toBeNull();
    expect(await readCurrentSession(db)).toBeNull();
  });

  it('in a coordinator’s browser, ends with the online session, and never locks', async () => {
    await startSession(db, 'u-anna', 'password', T0);
    const resumed = await resumeSession(db, { enrolled: false, now: at(INACTIVITY_LOCK_MS * 10) });
    expect(resumed?.session.locked).toBe(false);
    expect(await resumeSession(db, { enrolled: false, now: new Date(anna.expiresAt) })).toBeNull();
  });
});

describe('what the person sees first', () => {
  const credential = { credential: 'lkd_x', label: 'Tablet 1', enrolledAt: T0.toISOString() };
  const revocation = { message: 'Revoked by Sara on 2026-11-21: lost in transport', at: T0.toISOString() };
  const user = {
    userId: 'u-anna',
    username: 'anna',
    name: 'Anna',
    role: 'counter' as const,
    pin: { salt: 'c2FsdA==', iterations: 600_000, hash: 'aGFzaA==' },
    lastOnlineAt: T0.toISOString(),
    failedPinAttempts: 0,
    sessionToken: null,
    sessionExpiresAt: null,
  };
  const session = { userId: 'u-anna', method: 'pin' as const, signedInAt: '', lastActivityAt: '', locked: false };

  it('decides in order: revoked, set-up, enrollment, who is signed in, the lock', () => {
    const none = { setupRequired: false, credential: null, revocation: null, active: null };
    expect(decideAccess({ ...none, revocation, setupRequired: true }).kind).toBe('revoked');
    expect(decideAccess({ ...none, setupRequired: true, credential }).kind).toBe('setup');
    expect(decideAccess(none).kind).toBe('welcome');
    // Offline the server cannot be asked: the device goes on as it is.
    expect(decideAccess({ ...none, setupRequired: null }).kind).toBe('welcome');
    expect(decideAccess({ ...none, credential }).kind).toBe('pick-user');
    expect(decideAccess({ ...none, credential, active: { session, user } }).kind).toBe('signed-in');
    expect(decideAccess({ ...none, credential, active: { session: { ...session, locked: true }, user } }).kind).toBe(
      'locked',
    );
    const noPin = { session: { ...session, method: 'password' as const }, user: { ...user, pin: null } };
    expect(decideAccess({ ...none, credential, active: noPin }).kind).toBe('choose-pin');
    // A coordinator's browser (not enrolled) needs no PIN and has no lock.
    expect(decideAccess({ ...none, active: noPin })).toMatchObject({ kind: 'signed-in', enrolled: false });
  });
});
