import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import {
  type AuthStatus,
  type Session,
  setupRequestSchema,
  signInRequestSchema,
  type WhoAmI,
} from '../../domain/auth/api.ts';
import { actorOf } from '../auth/authenticate.ts';
import type { AuthEnv } from '../auth/context.ts';
import { hashPassword, spendPasswordCheck, verifyPassword } from '../auth/passwords.ts';
import { publishUser, startSession } from '../auth/sessions.ts';
import type { SetupGate } from '../auth/setup-code.ts';
import type { EventStore } from '../storage/event-store.ts';
import { apiError } from './errors.ts';
import { parseJsonBody } from './json-body.ts';

/** GET /api/v1/auth/status (public): whether the server still waits for its first administrator. */
export async function handleAuthStatus(c: Context, store: EventStore): Promise<Response> {
  const body: AuthStatus = { setupRequired: !(await store.auth.hasAdministrator()) };
  return c.json(body, 200);
}

/**
 * POST /api/v1/auth/setup (public, rate-limited): the set-up code printed in the server's terminal
 * creates the first administrator, who is signed in at once. Works once: afterwards 409.
 */
export async function handleSetup(c: Context<AuthEnv>, store: EventStore, gate: SetupGate): Promise<Response> {
  const body = await parseJsonBody(c, setupRequestSchema, 'set-up');
  if (!body.ok) return body.response;
  const { code, username, name, password } = body.value;
  if (await store.auth.hasAdministrator()) {
    return apiError(c, 409, 'conflict', 'This server is already set up: sign in with your account.');
  }
  if (!gate.open) {
    return apiError(c, 410, 'code_expired', 'The set-up code has been used; restart the server for a new one.');
  }
  if (!gate.matches(code)) {
    return apiError(
      c,
      401,
      'unauthenticated',
      "That is not the set-up code: it is printed in the server's terminal when the server starts.",
    );
  }
  const now = new Date();
  const account = {
    userId: randomUUID(),
    username,
    name,
    role: 'administrator' as const,
    passwordHash: await hashPassword(password),
    createdAt: now.toISOString(),
  };
  // Two set-ups at once with the right code: the store makes one administrator, the other gets 409.
  if (!(await store.auth.createFirstAdministrator(account))) {
    return apiError(c, 409, 'conflict', 'This server is already set up: sign in with your account.');
  }
  gate.close();
  const created = { ...account, revokedAt: null, revokedBy: null, revokedReason: null };
  await publishUser(store, created);
  await store.auth.appendAudit({
    action: 'server-set-up',
    userId: account.userId,
    deviceId: null,
    subject: account.userId,
    details: { username },
  });
  const session: Session = await startSession(store.auth, created, null, now);
  return c.json(session, 201);
}

/**
 * POST /api/v1/auth/sign-in (public, rate-limited): username and password give a session. From an
 * enrolled device (its credential header) the session belongs to that device, and the device may
 * from now on push this user's counts (a user's first sign-in on a device is online; later ones are
 * offline with a PIN, on the device). A refusal does not say whether the username exists.
 */
export async function handleSignIn(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const body = await parseJsonBody(c, signInRequestSchema, 'sign-in');
  if (!body.ok) return body.response;
  const { username, password } = body.value;
  const deviceId = c.get('device')?.deviceId ?? null;
  const account = await store.auth.accountByUsername(username);
  const passwordOk = account?.passwordHash
    ? await verifyPassword(password, account.passwordHash)
    : await spendPasswordCheck(password).then(() => false);
  if (!account || !passwordOk) {
    await store.auth.appendAudit({
      action: 'sign-in-refused',
      userId: null,
      deviceId,
      subject: account?.userId ?? null,
      details: {
        username,
        reason: !account ? 'unknown-username' : account.passwordHash ? 'wrong-password' : 'no-password',
      },
    });
    return apiError(c, 401, 'unauthenticated', 'Wrong username or password.');
  }
  if (account.revokedAt) {
    await store.auth.appendAudit({
      action: 'sign-in-refused',
      userId: null,
      deviceId,
      subject: account.userId,
      details: { username, reason: 'revoked' },
    });
    return apiError(c, 401, 'user_revoked', 'This account has been revoked. Ask a supervisor.');
  }
  const now = new Date();
  const session = await startSession(store.auth, account, deviceId, now);
  if (deviceId) await store.auth.recordDeviceSignIn(deviceId, account.userId, now.toISOString());
  await store.auth.appendAudit({
    action: 'signed-in',
    userId: account.userId,
    deviceId,
    subject: account.userId,
    details: { username },
  });
  return c.json(session, 200);
}

/** POST /api/v1/auth/sign-out (signed in): the session ends; the answer is who the request is now. */
export async function handleSignOut(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const session = c.get('session');
  const user = c.get('user');
  if (session) await store.auth.deleteSession(session.tokenHash);
  await store.auth.appendAudit({ action: 'signed-out', ...actorOf(c), subject: user?.id ?? null, details: {} });
  const device = c.get('device');
  const body: WhoAmI = { user: null, device: device ? { deviceId: device.deviceId, label: device.label } : null };
  return c.json(body, 200);
}

/** GET /api/v1/auth/me (a session or a device credential): who the credentials belong to. */
export function handleWhoAmI(c: Context<AuthEnv>): Response {
  const user = c.get('user');
  const device = c.get('device');
  const body: WhoAmI = {
    user: user ?? null,
    device: device ? { deviceId: device.deviceId, label: device.label } : null,
  };
  return c.json(body, 200);
}
