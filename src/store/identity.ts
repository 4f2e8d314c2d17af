import type { RevocationDetails } from '../domain/auth/api.ts';
import type { LagerkollDb } from './db.ts';

/**
 * What the device keeps about identity (issue 7): its credential, a revocation the server reported,
 * and who is signed in now (rows of `meta`); the people who have signed in on it are in
 * known-users.ts. Only reads and writes here; the rules (PINs, attempts, the lock) are in
 * src/identity. Nothing here touches the events: no sign-in, sign-out or revocation removes a count.
 */

/** Issued once at enrollment and bound to this device's id; sent with every sync request. */
export interface DeviceCredential {
  credential: string;
  /** The name a supervisor gave the device ("Förråd B, surfplatta 2"). */
  label: string;
  enrolledAt: string;
}

/** The server said this device is revoked (401 device_revoked): sync stops, the counts stay. */
export interface Revocation {
  /** The server's words: who revoked it, when and why. */
  message: string;
  /** When the device learnt it (device clock). */
  at: string;
  /** The same facts as the message, to say in the person's language (absent from older servers). */
  details?: RevocationDetails | null;
}

/** Who uses the app now. Kept in the database so a reload (or a restart of the tablet) keeps them signed in, and locked. */
export interface CurrentSession {
  userId: string;
  /** 'password' online, 'pin' offline on an enrolled device. */
  method: 'password' | 'pin';
  signedInAt: string;
  /** The last touch, key or scan, written now and then: a reload after a long pause comes back locked. */
  lastActivityAt: string;
  locked: boolean;
}

const CREDENTIAL_KEY = 'identity.credential';
const REVOCATION_KEY = 'identity.revocation';
const SESSION_KEY = 'identity.session';

export async function readDeviceCredential(db: LagerkollDb): Promise<DeviceCredential | null> {
  return ((await db.meta.get(CREDENTIAL_KEY))?.value as DeviceCredential | undefined) ?? null;
}

/** Stores a new credential; a revocation recorded before (of an earlier enrollment) no longer applies. */
export async function saveDeviceCredential(db: LagerkollDb, credential: DeviceCredential): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: CREDENTIAL_KEY, value: credential });
    await db.meta.delete(REVOCATION_KEY);
  });
}

export async function readRevocation(db: LagerkollDb): Promise<Revocation | null> {
  return ((await db.meta.get(REVOCATION_KEY))?.value as Revocation | undefined) ?? null;
}

/**
 * Records the revocation and signs everybody out of the device. The PIN hashes and sessions of its
 * users go too: a lost tablet should not keep what an attacker could try PINs against, and the
 * sessions no longer work anyway. The events (and with them every unsent count) are not touched.
 */
export async function saveRevocation(db: LagerkollDb, revocation: Revocation): Promise<void> {
  await db.transaction('rw', db.meta, db.knownUsers, async () => {
    await db.meta.put({ key: REVOCATION_KEY, value: revocation });
    await db.meta.delete(SESSION_KEY);
    await db.knownUsers
      .toCollection()
      .modify({ pin: null, failedPinAttempts: 0, sessionToken: null, sessionExpiresAt: null });
  });
}

export async function readCurrentSession(db: LagerkollDb): Promise<CurrentSession | null> {
  return ((await db.meta.get(SESSION_KEY))?.value as CurrentSession | undefined) ?? null;
}

export async function saveCurrentSession(db: LagerkollDb, session: CurrentSession): Promise<void> {
  await db.meta.put({ key: SESSION_KEY, value: session });
}

/** Changes the current session if it is still `userId`'s (another tab may have switched user meanwhile). */
export async function updateCurrentSession(
  db: LagerkollDb,
  userId: string,
  patch: Partial<Pick<CurrentSession, 'lastActivityAt' | 'locked'>>,
): Promise<CurrentSession | null> {
  return db.transaction('rw', db.meta, async () => {
    const current = await readCurrentSession(db);
    if (!current || current.userId !== userId) return current;
    const next = { ...current, ...patch };
    await saveCurrentSession(db, next);
    return next;
  });
}

export async function clearCurrentSession(db: LagerkollDb): Promise<void> {
  await db.meta.delete(SESSION_KEY);
}
