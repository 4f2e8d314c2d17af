import type { LagerkollDb } from '../store/db.ts';
import { updateCurrentSession } from '../store/identity.ts';
import { checkPin, type PinCheck } from './pin-rules.ts';
import { startSession } from './session.ts';

/** Offline sign-in on a shared tablet: the PIN is checked (and counted); a right one starts the session. */
export async function signInWithPin(
  db: LagerkollDb,
  userId: string,
  pin: string,
  now: Date = new Date(),
): Promise<PinCheck> {
  const check = await checkPin(db, userId, pin, now);
  if (check.ok) await startSession(db, userId, 'pin', now);
  return check;
}

/** The lock screen: the signed-in user's PIN opens it again. */
export async function unlockWithPin(
  db: LagerkollDb,
  userId: string,
  pin: string,
  now: Date = new Date(),
): Promise<PinCheck> {
  const check = await checkPin(db, userId, pin, now);
  if (check.ok) await updateCurrentSession(db, userId, { locked: false, lastActivityAt: now.toISOString() });
  return check;
}
