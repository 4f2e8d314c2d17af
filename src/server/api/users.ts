import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { createUserSchema, revokeRequestSchema, type UserAccount, updateUserSchema } from '../../domain/auth/api.ts';
import { mayGrant } from '../../domain/auth/roles.ts';
import { actorOf } from '../auth/authenticate.ts';
import { type AuthEnv, currentUser } from '../auth/context.ts';
import { hashPassword } from '../auth/passwords.ts';
import { publishUser } from '../auth/sessions.ts';
import type { AccountRecord } from '../storage/auth-store.ts';
import type { EventStore } from '../storage/event-store.ts';
import { apiError } from './errors.ts';
import { parseJsonBody } from './json-body.ts';

/** GET /api/v1/users (users:read): every account, revoked ones too. Never a password hash. */
export async function handleListUsers(c: Context, store: EventStore): Promise<Response> {
  const accounts = await store.auth.listAccounts();
  return c.json({ users: accounts.map(userAccount) }, 200);
}

/** POST /api/v1/users (users:manage): a new account, with a role no higher than the actor's own. */
export async function handleCreateUser(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const body = await parseJsonBody(c, createUserSchema, 'user');
  if (!body.ok) return body.response;
  const { username, name, role, password } = body.value;
  const actor = currentUser(c);
  if (!mayGrant(actor.role, role)) {
    return apiError(c, 403, 'forbidden', `You are ${actor.role}: you cannot give anyone the role ${role}.`);
  }
  const account: AccountRecord = {
    userId: randomUUID(),
    username,
    name,
    role,
    passwordHash: await hashPassword(password),
    createdAt: new Date().toISOString(),
    revokedAt: null,
    revokedBy: null,
    revokedReason: null,
  };
  if (!(await store.auth.createAccount(account))) {
    return apiError(c, 409, 'conflict', `The username ${username} is taken.`);
  }
  await publishUser(store, account);
  await store.auth.appendAudit({
    action: 'user-created',
    ...actorOf(c),
    subject: account.userId,
    details: { username, name, role },
  });
  return c.json(userAccount(account), 201);
}

/**
 * PATCH /api/v1/users/:id (users:manage): name, role, a new password. Nobody changes their own role
 * (so the last administrator cannot demote themselves) or grants more than they hold. A new
 * password ends the user's other sessions.
 */
export async function handleUpdateUser(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const body = await parseJsonBody(c, updateUserSchema, 'user change');
  if (!body.ok) return body.response;
  const changes = body.value;
  if (changes.name === undefined && changes.role === undefined && changes.password === undefined) {
    return apiError(c, 400, 'invalid_request', 'Nothing to change: send a name, a role or a password.');
  }
  const actor = currentUser(c);
  const target = await store.auth.accountById(c.req.param('id') ?? '');
  if (!target) return apiError(c, 404, 'not_found', 'There is no such user.');
  if (target.revokedAt) return apiError(c, 409, 'conflict', 'This user is revoked; make a new account instead.');
  if (!mayGrant(actor.role, target.role)) {
    return apiError(c, 403, 'forbidden', `You are ${actor.role}: you cannot change a ${target.role}.`);
  }
  if (changes.role !== undefined && changes.role !== target.role) {
    if (target.userId === actor.id) {
      return apiError(c, 403, 'forbidden', 'You cannot change your own role: ask another administrator.');
    }
    if (!mayGrant(actor.role, changes.role)) {
      return apiError(c, 403, 'forbidden', `You are ${actor.role}: you cannot give anyone the role ${changes.role}.`);
    }
  }
  const updated = await store.auth.updateAccount(target.userId, {
    ...(changes.name === undefined ? {} : { name: changes.name }),
    ...(changes.role === undefined ? {} : { role: changes.role }),
    ...(changes.password === undefined ? {} : { passwordHash: await hashPassword(changes.password) }),
  });
  if (!updated) return apiError(c, 404, 'not_found', 'There is no such user.');
  if (changes.password !== undefined) {
    const own = target.userId === actor.id ? c.get('session')?.tokenHash : undefined;
    await store.auth.endSessionsOfUser(target.userId, new Date().toISOString(), own);
  }
  if (updated.name !== target.name || updated.role !== target.role) await publishUser(store, updated);
  await store.auth.appendAudit({
    action: 'user-changed',
    ...actorOf(c),
    subject: target.userId,
    details: {
      ...(changes.name === undefined ? {} : { name: { from: target.name, to: updated.name } }),
      ...(changes.role === undefined ? {} : { role: { from: target.role, to: updated.role } }),
      ...(changes.password === undefined ? {} : { passwordChanged: true }),
    },
  });
  return c.json(userAccount(updated), 200);
}

/**
 * POST /api/v1/users/:id/revoke (users:revoke): the user's sessions end and every later request
 * answers 401 user_revoked. Nobody revokes themselves, or someone above their own role.
 */
export async function handleRevokeUser(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const body = await parseJsonBody(c, revokeRequestSchema, 'revocation');
  if (!body.ok) return body.response;
  const { reason } = body.value;
  const actor = currentUser(c);
  const target = await store.auth.accountById(c.req.param('id') ?? '');
  if (!target) return apiError(c, 404, 'not_found', 'There is no such user.');
  if (target.userId === actor.id) return apiError(c, 403, 'forbidden', 'You cannot revoke yourself.');
  if (!mayGrant(actor.role, target.role)) {
    return apiError(c, 403, 'forbidden', `You are ${actor.role}: you cannot revoke a ${target.role}.`);
  }
  const outcome = await store.auth.revokeAccount(target.userId, { at: new Date().toISOString(), by: actor.id, reason });
  if (outcome === 'unknown') return apiError(c, 404, 'not_found', 'There is no such user.');
  if (outcome === 'already-revoked') return apiError(c, 409, 'conflict', 'This user is already revoked.');
  await store.auth.appendAudit({ action: 'user-revoked', ...actorOf(c), subject: target.userId, details: { reason } });
  const revoked = await store.auth.accountById(target.userId);
  if (!revoked) return apiError(c, 404, 'not_found', 'There is no such user.');
  // Devices pull the revocation with the users, and stop taking the user's PIN once they have it.
  await publishUser(store, revoked);
  return c.json(userAccount(revoked), 200);
}

function userAccount(account: AccountRecord): UserAccount {
  return {
    id: account.userId,
    username: account.username,
    name: account.name,
    role: account.role,
    createdAt: account.createdAt,
    hasPassword: account.passwordHash !== null,
    revokedAt: account.revokedAt,
    revokedReason: account.revokedReason,
  };
}
