import type { KnownUser } from '../store/db.ts';
import type { CurrentSession, DeviceCredential, Revocation } from '../store/identity.ts';

/** What the person sees first, before any other screen. */
export type Access =
  /** The server waits for its first administrator (the code printed in its terminal). */
  | { kind: 'setup' }
  /** The server refused this device: its counts stay, and can be exported. */
  | { kind: 'revoked'; revocation: Revocation }
  /** Not enrolled and nobody signed in: enroll the device, or sign in as a coordinator. */
  | { kind: 'welcome' }
  /** Enrolled, nobody signed in: pick a user and type the PIN, or sign in online the first time. */
  | { kind: 'pick-user' }
  /** Signed in online, no PIN yet on an enrolled device: choose one before counting. */
  | { kind: 'choose-pin'; user: KnownUser }
  | { kind: 'locked'; user: KnownUser; session: CurrentSession }
  | { kind: 'signed-in'; user: KnownUser; session: CurrentSession; enrolled: boolean };

export interface AccessFacts {
  /** From GET /auth/status; null when the server could not be asked (offline). */
  setupRequired: boolean | null;
  credential: DeviceCredential | null;
  revocation: Revocation | null;
  /** The current session as resumeSession left it. */
  active: { session: CurrentSession; user: KnownUser } | null;
}

/**
 * The access gate's rule, in order: a revoked device says so whatever else holds (its counts must
 * not be hidden behind a sign-in); a server that needs setting up is set up first; then the device's
 * enrollment and who is signed in decide.
 */
export function decideAccess({ setupRequired, credential, revocation, active }: AccessFacts): Access {
  if (revocation) return { kind: 'revoked', revocation };
  if (setupRequired === true) return { kind: 'setup' };
  const enrolled = credential !== null;
  if (!active) return enrolled ? { kind: 'pick-user' } : { kind: 'welcome' };
  const { session, user } = active;
  if (enrolled && session.locked) return { kind: 'locked', user, session };
  // An enrolled device needs a PIN for the next sign-in (and the lock) before anyone counts.
  if (enrolled && !user.pin && session.method === 'password') return { kind: 'choose-pin', user };
  return { kind: 'signed-in', user, session, enrolled };
}
