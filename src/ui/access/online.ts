import {
  DEVICE_CREDENTIAL_HEADER,
  enrollmentCodeSchema,
  enrollResponseSchema,
  revocationDetailsOf,
  type Session,
  type SetupRequest,
  sessionSchema,
} from '../../domain/auth/api.ts';
import { demoLoadedSchema } from '../../domain/sync-protocol.ts';
import { startSession } from '../../identity/session.ts';
import type { KnownUser, LagerkollDb } from '../../store/db.ts';
import { getDeviceId } from '../../store/device.ts';
import {
  type DeviceCredential,
  readDeviceCredential,
  saveDeviceCredential,
  saveRevocation,
} from '../../store/identity.ts';
import { rememberOnlineSignIn } from '../../store/known-users.ts';
import { ApiCallError, type ApiClient, createApiClient } from '../api-client.ts';

/**
 * The steps of issue 7 that need the server: setting it up, enrolling this device, signing in with
 * a password. Each keeps what it gets in the device's database at once (never in localStorage).
 * The clients here report a 401 to the caller, not to the app's sign-out handling: a wrong password
 * is not a lost session.
 */
function client(credential: string | null, sessionToken: string | null = null): ApiClient {
  return createApiClient({
    getSessionToken: () => sessionToken,
    extraHeaders: (): Record<string, string> => (credential ? { [DEVICE_CREDENTIAL_HEADER]: credential } : {}),
  });
}

/**
 * Signs in online. From an enrolled device the credential goes along, so the server records that the
 * user signed in on this device (it accepts their counts from it only then).
 */
export async function signInOnline(
  db: LagerkollDb,
  credentials: { username: string; password: string },
  now: Date = new Date(),
): Promise<KnownUser> {
  const device = await readDeviceCredential(db);
  const session = await client(device?.credential ?? null)
    .send('POST', '/auth/sign-in', credentials, sessionSchema)
    .catch(async (error: unknown) => {
      // The server refused the device itself: kept, so the app shows the revoked screen at once.
      if (error instanceof ApiCallError && error.code === 'device_revoked') {
        await saveRevocation(db, {
          message: error.message,
          at: now.toISOString(),
          details: revocationDetailsOf(error.body),
        });
      }
      throw error;
    });
  const user = await rememberOnlineSignIn(db, session, now);
  await startSession(db, user.userId, 'password', now);
  return user;
}

/** Enrolls this device with a one-time code (scanned or typed) and keeps the credential it gets. */
export async function enrollDevice(db: LagerkollDb, code: string, now: Date = new Date()): Promise<DeviceCredential> {
  const deviceId = await getDeviceId(db);
  const answer = await client(null).send(
    'POST',
    '/devices/enroll',
    { code: code.trim(), deviceId },
    enrollResponseSchema,
  );
  const credential = { credential: answer.credential, label: answer.label, enrolledAt: now.toISOString() };
  await saveDeviceCredential(db, credential);
  return credential;
}

/** First start of a server: the code from its terminal makes the first administrator, who is signed in here. */
export async function setUpServer(db: LagerkollDb, request: SetupRequest, now: Date = new Date()): Promise<Session> {
  const session = await client(null).send('POST', '/auth/setup', request, sessionSchema);
  await rememberOnlineSignIn(db, session, now);
  return session;
}

/** As a supervisor or administrator: makes an enrollment code and enrolls this very device with it. */
export async function enrollThisDevice(
  db: LagerkollDb,
  sessionToken: string,
  label: string,
): Promise<DeviceCredential> {
  const code = await client(null, sessionToken).send(
    'POST',
    '/devices/enrollment-codes',
    { label },
    enrollmentCodeSchema,
  );
  return enrollDevice(db, code.code);
}

/**
 * Loads the demo data set into an empty server; false when the server already has data of its own.
 * A session made on an enrolled device is valid only with that device's credential: it goes along.
 */
export async function loadDemoData(db: LagerkollDb, sessionToken: string): Promise<boolean> {
  const device = await readDeviceCredential(db);
  try {
    await client(device?.credential ?? null, sessionToken).send('POST', '/demo', {}, demoLoadedSchema);
    return true;
  } catch (error) {
    if (error instanceof ApiCallError && error.code === 'already_has_data') return false;
    throw error;
  }
}
