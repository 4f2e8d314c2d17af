import type { Session } from '../domain/auth/api.ts';
import type { KnownUser, LagerkollDb, PinHashRecord } from './db.ts';
import { clearCurrentSession, readCurrentSession } from './identity.ts';

/**
 * The people who have signed in online on this device (`knownUsers`, issue 7): who they are, their
 * PIN hash, wrong attempts, and their last online session. Only reads and writes; the rules are in
 * src/identity. Nothing here touches the events.
 */

/**
 * The people who have signed in on this device, by name — without those the pulled users say were
 * revoked (they cannot sign in here any more; their counts stay).
 */
export async function listKnownUsers(db: LagerkollDb): Promise<KnownUser[]> {
  const [users, revoked] = await Promise.all([
    db.knownUsers.toArray(),
    db.users.filter((user) => Boolean(user.revokedAt)).primaryKeys(),
  ]);
  const gone = new Set(revoked);
  return users.filter((user) => !gone.has(user.userId)).sort((a, b) => a.name.localeCompare(b.name));
}

export async function getKnownUser(db: LagerkollDb, userId: string): Promise<KnownUser | null> {
  return (await db.knownUsers.get(userId)) ?? null;
}

/**
 * Records an online sign-in: the user as the server described them, their session, and a fresh
 * online confirmation. A PIN chosen before is kept; wrong attempts start again from zero.
 */
export async function rememberOnlineSignIn(db: LagerkollDb, session: Session, now: Date): Promise<KnownUser> {
  return db.transaction('rw', db.knownUsers, async () => {
    const before = await db.knownUsers.get(session.user.id);
    const user: KnownUser = {
      userId: session.user.id,
      username: session.user.username,
      name: session.user.name,
      role: session.user.role,
      pin: before?.pin ?? null,
      lastOnlineAt: now.toISOString(),
      failedPinAttempts: 0,
      sessionToken: session.token,
      sessionExpiresAt: session.expiresAt,
    };
    await db.knownUsers.put(user);
    return user;
  });
}

/** The server confirmed the user again (their session is still good): the offline period starts over. */
export async function confirmOnline(db: LagerkollDb, userId: string, now: Date): Promise<void> {
  await db.knownUsers.update(userId, { lastOnlineAt: now.toISOString() });
}

/** Forgets a user's online session (it expired, or they signed out); their PIN stays. */
export async function forgetSession(db: LagerkollDb, userId: string): Promise<void> {
  await db.knownUsers.update(userId, { sessionToken: null, sessionExpiresAt: null });
}

/** Sets (or replaces) a user's PIN hash; wrong attempts start again from zero. */
export async function savePinHash(db: LagerkollDb, userId: string, pin: PinHashRecord): Promise<void> {
  const updated = await db.knownUsers.update(userId, { pin, failedPinAttempts: 0 });
  if (updated === 0) throw new Error(`No user ${userId} on this device.`);
}

/**
 * Counts one more PIN attempt, before the PIN is checked, and answers the new count: an attempt
 * interrupted by closing the app still counts. The caller resets it after a right PIN.
 */
export async function countPinAttempt(db: LagerkollDb, userId: string): Promise<number> {
  return db.transaction('rw', db.knownUsers, async () => {
    const user = await db.knownUsers.get(userId);
    if (!user) throw new Error(`No user ${userId} on this device.`);
    const attempts = user.failedPinAttempts + 1;
    await db.knownUsers.update(userId, { failedPinAttempts: attempts });
    return attempts;
  });
}

export async function resetPinAttempts(db: LagerkollDb, userId: string): Promise<void> {
  await db.knownUsers.update(userId, { failedPinAttempts: 0 });
}

/**
 * Takes away a user's offline sign-in: their PIN hash (too many wrong PINs) and, when revoked, their
 * session too. They must sign in online again. Their counts are events and stay as they are.
 */
export async function clearPin(db: LagerkollDb, userId: string, { alsoSession = false } = {}): Promise<void> {
  await db.transaction('rw', db.knownUsers, db.meta, async () => {
    await db.knownUsers.update(userId, {
      pin: null,
      failedPinAttempts: 0,
      ...(alsoSession ? { sessionToken: null, sessionExpiresAt: null } : {}),
    });
    const current = await readCurrentSession(db);
    if (current?.userId === userId) await clearCurrentSession(db);
  });
}
