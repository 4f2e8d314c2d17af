import { randomUUID } from 'node:crypto';
import {
  DEVICE_CREDENTIAL_HEADER,
  enrollmentCodeSchema,
  enrollResponseSchema,
  type SessionUser,
  sessionSchema,
} from '../../src/domain/auth/api.ts';
import type { UserRole } from '../../src/domain/users.ts';
import { newOneTimeCode, normalizeOneTimeCode } from '../../src/server/auth/one-time-codes.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { publishUser, startSession } from '../../src/server/auth/sessions.ts';
import { hashSecret, newToken } from '../../src/server/auth/tokens.ts';
import type { AccountRecord } from '../../src/server/storage/auth-store.ts';
import type { EventStore } from '../../src/server/storage/event-store.ts';
import type { LagerkollDb } from '../../src/store/db.ts';
import { getDeviceId } from '../../src/store/device.ts';
import { saveDeviceCredential } from '../../src/store/identity.ts';
import type { FetchLike } from '../../src/sync/http.ts';

/**
 * Identity for tests (issue 7): devices enrolled and users signed in through the real auth store,
 * the way the endpoints do it (codes, credentials and tokens hashed as the server hashes them), so
 * the real `authenticate` middleware and the guards run on every request the tests send.
 */

/** Cheap scrypt for test accounts (the parameters travel in the hash; production uses the defaults). */
const TEST_SCRYPT = { ln: 10, r: 8, p: 1 };
export const TEST_PASSWORD = 'test password 123';

/** Enrolls a device id with a fresh one-time code, as POST /devices/enroll does; answers its credential. */
export async function enrollDevice(store: EventStore, deviceId: string, label = 'Testplatta'): Promise<string> {
  const code = newOneTimeCode();
  const codeHash = hashSecret(normalizeOneTimeCode(code) ?? code);
  const now = new Date();
  await store.auth.createEnrollmentCode({
    codeHash,
    label,
    createdBy: 'test-supervisor',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 60_000).toISOString(),
  });
  const credential = newToken('device');
  const outcome = await store.auth.enrollDevice({
    codeHash,
    deviceId,
    credentialHash: hashSecret(credential),
    at: now.toISOString(),
  });
  if (outcome.status !== 'enrolled') throw new Error(`enrolling ${deviceId} failed: ${outcome.status}`);
  return credential;
}

/**
 * A new account with this role (password TEST_PASSWORD), signed in: its session token, as sign-in
 * answers it. With `deviceId` the sign-in happened on that enrolled device (which may then push the
 * user's counts, and whose credential must come with the session).
 */
export async function createUserWithSession(
  store: EventStore,
  role: UserRole,
  options: { username?: string; name?: string; deviceId?: string } = {},
): Promise<{ user: SessionUser; token: string; account: AccountRecord }> {
  const userId = randomUUID();
  const account: AccountRecord = {
    userId,
    username: options.username ?? `${role}-${userId.slice(0, 8)}`,
    name: options.name ?? `Test ${role}`,
    role,
    passwordHash: await hashPassword(TEST_PASSWORD, TEST_SCRYPT),
    createdAt: new Date().toISOString(),
    revokedAt: null,
    revokedBy: null,
    revokedReason: null,
  };
  if (!(await store.auth.createAccount(account))) throw new Error(`username ${account.username} is taken`);
  await publishUser(store, account);
  const deviceId = options.deviceId ?? null;
  const session = await startSession(store.auth, account, deviceId);
  if (deviceId) await store.auth.recordDeviceSignIn(deviceId, userId, new Date().toISOString());
  return { user: session.user, token: session.token, account };
}

/**
 * A device database (src/store) enrolled with a server, as the app's enroll screen leaves it: its
 * device id enrolled through the store, the credential saved where src/sync reads it.
 */
export async function enrollDeviceDb(store: EventStore, db: LagerkollDb, label = 'Testplatta'): Promise<string> {
  const credential = await enrollDevice(store, await getDeviceId(db), label);
  await saveDeviceCredential(db, { credential, label, enrolledAt: new Date().toISOString() });
  return credential;
}

/** The same against a server process, over HTTP (its first administrator makes the code). */
export async function enrollDeviceDbOverHttp(server: ServerWithSetupCode, db: LagerkollDb): Promise<string> {
  const credential = await enrollOverHttp(server.url, await administratorSession(server), await getDeviceId(db));
  await saveDeviceCredential(db, { credential, label: 'Testplatta', enrolledAt: new Date().toISOString() });
  return credential;
}

/** The header of a session. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** The header of a device credential. */
export function deviceHeader(credential: string): Record<string, string> {
  return { [DEVICE_CREDENTIAL_HEADER]: credential };
}

/** The request with one more header (whatever form its headers were given in). */
export function withHeader(init: RequestInit | undefined, name: string, value: string): RequestInit {
  const headers = new Headers(init?.headers);
  headers.set(name, value);
  return { ...init, headers };
}

/** Every request of this fetch carries the device credential (what the app does once enrolled). */
export function withDeviceCredential(inner: FetchLike, credential: string): FetchLike {
  return (input, init) => inner(input, withHeader(init, DEVICE_CREDENTIAL_HEADER, credential));
}

/**
 * The fetch of enrolled devices, for tests that drive a device (src/sync, or a raw push) against a
 * real server: a sync request without a device credential is sent with the credential of the
 * device it speaks for — the push envelope's deviceId, enrolled through the real store the first
 * time — and a pull, which names no device, with the credential of one enrolled for pulling. A
 * request that already carries a credential is sent as it is.
 */
export function autoEnrollingFetch(store: EventStore, inner: FetchLike): FetchLike {
  const credentials = new Map<string, Promise<string>>();
  const credentialOf = (deviceId: string) => {
    let credential = credentials.get(deviceId);
    if (!credential) {
      credential = enrollDevice(store, deviceId);
      credentials.set(deviceId, credential);
    }
    return credential;
  };
  const puller = randomUUID();
  return async (input, init) => {
    const path = new URL(input, 'http://device.invalid').pathname;
    if (!path.startsWith('/api/v1/sync/') || new Headers(init?.headers).has(DEVICE_CREDENTIAL_HEADER)) {
      return inner(input, init);
    }
    const deviceId = deviceIdOfBody(init?.body) ?? puller;
    return inner(input, withHeader(init, DEVICE_CREDENTIAL_HEADER, await credentialOf(deviceId)));
  };
}

function deviceIdOfBody(body: RequestInit['body']): string | null {
  if (typeof body !== 'string') return null;
  try {
    const parsed = JSON.parse(body) as { deviceId?: unknown };
    return typeof parsed.deviceId === 'string' && /^[0-9a-f-]{36}$/.test(parsed.deviceId) ? parsed.deviceId : null;
  } catch {
    return null;
  }
}

/** A server started as a process, which prints its set-up code (test/support/server-process.ts). */
export interface ServerWithSetupCode {
  url: string;
  setupCode(): Promise<string>;
}

const administrators = new WeakMap<ServerWithSetupCode, Promise<string>>();

/** The first administrator of a server process, made once with its printed set-up code: the session token. */
export function administratorSession(server: ServerWithSetupCode): Promise<string> {
  let session = administrators.get(server);
  if (!session) {
    session = (async () => {
      const response = await fetch(`${server.url}/api/v1/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code: await server.setupCode(),
          username: 'admin',
          name: 'Test administrator',
          password: TEST_PASSWORD,
        }),
      });
      if (response.status !== 201) throw new Error(`set-up failed: ${response.status} ${await response.text()}`);
      return sessionSchema.parse(await response.json()).token;
    })();
    administrators.set(server, session);
  }
  return session;
}

/** Enrolls a device over HTTP, as a supervisor and a device would: a code, then the enrollment. The credential. */
export async function enrollOverHttp(baseUrl: string, sessionToken: string, deviceId: string): Promise<string> {
  const created = await fetch(`${baseUrl}/api/v1/devices/enrollment-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(sessionToken) },
    body: JSON.stringify({ label: `Device ${deviceId.slice(0, 8)}` }),
  });
  if (created.status !== 201) throw new Error(`no enrollment code: ${created.status} ${await created.text()}`);
  const { code } = enrollmentCodeSchema.parse(await created.json());
  const enrolled = await fetch(`${baseUrl}/api/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceId }),
  });
  if (enrolled.status !== 201) throw new Error(`enrollment failed: ${enrolled.status} ${await enrolled.text()}`);
  return enrollResponseSchema.parse(await enrolled.json()).credential;
}
