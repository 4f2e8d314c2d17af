import type { KnownUser, LagerkollDb } from '../store/db.ts';
import {
  type CurrentSession,
  clearCurrentSession,
  saveCurrentSession,
  updateCurrentSession,
} from '../store/identity.ts';

/**
 * Who is signed in on this device: starting, locking and ending a session. Kept free of the identity
 * API's schemas so the first paint need not load them (the rules that need its limits are in
 * resume-session.ts and pin-session.ts, loaded with the screens that use them).
 */

/** Who is signed in, as the app starts or after a change. */
export interface ActiveSession {
  session: CurrentSession;
  user: KnownUser;
}

/** Signs a user in on this device (after an online sign-in, or a PIN). */
export async function startSession(
  db: LagerkollDb,
  userId: string,
  method: CurrentSession['method'],
  now: Date = new Date(),
): Promise<CurrentSession> {
  const session: CurrentSession = {
    userId,
    method,
    signedInAt: now.toISOString(),
    lastActivityAt: now.toISOString(),
    locked: false,
  };
  await saveCurrentSession(db, session);
  return session;
}

export async function lockSession(db: LagerkollDb, userId: string): Promise<void> {
  await updateCurrentSession(db, userId, { locked: true });
}

/** Signs the current user out of this device (their PIN stays for next time). Counts are not touched. */
export async function signOut(db: LagerkollDb): Promise<void> {
  await clearCurrentSession(db);
}
