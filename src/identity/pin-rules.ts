import { MAX_PIN_ATTEMPTS, OFFLINE_SESSION_MAX_AGE_MS, PIN_PATTERN } from '../domain/auth/api.ts';
import type { KnownUser, LagerkollDb } from '../store/db.ts';
import { clearPin, countPinAttempt, getKnownUser, resetPinAttempts, savePinHash } from '../store/known-users.ts';
import { hashPin, needsRehash, verifyPin } from './pin-hash.ts';

/**
 * Offline sign-in with a PIN on an enrolled device (issue 7). A PIN only works for a user who has
 * signed in online on this device, and only for OFFLINE_SESSION_MAX_AGE_MS after the server last
 * confirmed them; MAX_PIN_ATTEMPTS wrong PINs in a row take the PIN away, so the user must sign in
 * online with their password again. None of this ever touches a count.
 */
export type PinCheck =
  | { ok: true; user: KnownUser }
  /** Not 6–10 digits: cannot be right, and is not counted as an attempt. */
  | { ok: false; reason: 'malformed' }
  | { ok: false; reason: 'unknown-user' }
  /** No PIN on this device (never chosen, or taken away): sign in with the password. */
  | { ok: false; reason: 'no-pin' }
  /** The server has not confirmed the user for too long: connect and sign in with the password. */
  | { ok: false; reason: 'offline-too-long'; lastOnlineAt: string }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  /** That was the last allowed attempt: the PIN is gone; sign in with the password. */
  | { ok: false; reason: 'too-many-attempts' }
  /** The server revoked the user (learnt from the pulled users): the PIN and session are gone from this device. */
  | { ok: false; reason: 'revoked' };

/**
 * True when the users this device pulled from the server say the user was revoked. Only as fresh
 * as the last pull: offline, a user revoked since then still gets in until OFFLINE_SESSION_MAX_AGE_MS.
 */
export async function revokedOnServer(db: LagerkollDb, userId: string): Promise<boolean> {
  return Boolean((await db.users.get(userId))?.revokedAt);
}

/** True when the user's last online confirmation is older than an offline session may be. */
export function offlineTooLong(user: Pick<KnownUser, 'lastOnlineAt'>, now: Date): boolean {
  return now.getTime() - Date.parse(user.lastOnlineAt) > OFFLINE_SESSION_MAX_AGE_MS;
}

/** Checks a PIN for a user of this device, counting the attempt durably before the check. */
export async function checkPin(
  db: LagerkollDb,
  userId: string,
  pin: string,
  now: Date = new Date(),
): Promise<PinCheck> {
  const user = await getKnownUser(db, userId);
  if (!user) return { ok: false, reason: 'unknown-user' };
  if (await revokedOnServer(db, userId)) {
    await clearPin(db, userId, { alsoSession: true });
    return { ok: false, reason: 'revoked' };
  }
  if (!user.pin) return { ok: false, reason: 'no-pin' };
  if (offlineTooLong(user, now)) return { ok: false, reason: 'offline-too-long', lastOnlineAt: user.lastOnlineAt };
  if (!PIN_PATTERN.test(pin)) return { ok: false, reason: 'malformed' };

  // Counted before the (slow) check: an attacker who closes the app mid-check still spends an attempt.
  const attempts = await countPinAttempt(db, userId);
  if (await verifyPin(pin, user.pin)) {
    await resetPinAttempts(db, userId);
    if (needsRehash(user.pin)) await savePinHash(db, userId, await hashPin(pin));
    return { ok: true, user: { ...user, failedPinAttempts: 0 } };
  }
  if (attempts >= MAX_PIN_ATTEMPTS) {
    await clearPin(db, userId);
    return { ok: false, reason: 'too-many-attempts' };
  }
  return { ok: false, reason: 'wrong', attemptsLeft: MAX_PIN_ATTEMPTS - attempts };
}

/** Why a PIN cannot be chosen, or null when it can. */
export type PinChoiceProblem = 'malformed' | 'too-simple' | 'mismatch';

/**
 * A PIN anyone would guess first (one digit repeated, a straight run up or down) is refused: with
 * five attempts, 000000 and 123456 are the ones that matter.
 */
export function pinChoiceProblem(pin: string, repeated: string): PinChoiceProblem | null {
  if (!PIN_PATTERN.test(pin)) return 'malformed';
  if (isTooSimple(pin)) return 'too-simple';
  if (pin !== repeated) return 'mismatch';
  return null;
}

function isTooSimple(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] as number) + 10) % 10));
  // One step throughout: 0 (111111), +1 (123456, 890123) or −1 (654321).
  return steps.size === 1 && [0, 1, 9].includes([...steps][0] as number);
}

/** Sets a user's PIN (typed twice). Answers the problem instead when the PIN cannot be used. */
export async function choosePin(
  db: LagerkollDb,
  userId: string,
  pin: string,
  repeated: string,
): Promise<PinChoiceProblem | null> {
  const problem = pinChoiceProblem(pin, repeated);
  if (problem) return problem;
  await savePinHash(db, userId, await hashPin(pin));
  return null;
}
