import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema, userAccountSchema, userListSchema } from '../../../src/domain/auth/api.ts';
import { apiErrorSchema } from '../../../src/domain/sync-protocol.ts';
import { bearer, createUserWithSession } from '../../support/identity.ts';
import { inProcessServer } from '../../support/server.ts';

const NEW_PASSWORD = 'a brand new password';

let server: ReturnType<typeof inProcessServer>;
let admin: Awaited<ReturnType<typeof createUserWithSession>>;
let supervisor: Awaited<ReturnType<typeof createUserWithSession>>;
beforeEach(async () => {
  server = inProcessServer();
  admin = await createUserWithSession(server.store, 'administrator', { name: 'Ada' });
  supervisor = await createUserWithSession(server.store, 'supervisor', { name: 'Bo' });
});
afterEach(() => server.close());

const call = (method: string, path: string, token: string, body?: unknown) =>
  server.rawFetch(`/api/v1${path}`, {
    method,
    headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const usersRow = async (id: string) => {
  const page = await server.store.changesSince('users', null, 100);
  return page.status === 'ok' ? page.changes.filter((c) => c.key === id).at(-1)?.row : undefined;
};
async function createCounter(username = 'cissi') {
  const response = await call('POST', '/users', admin.token, {
    username,
    name: 'Cissi',
    role: 'counter',
    password: 'counter password 1',
  });
  expect(response.status).toBe(201);
  return userAccountSchema.parse(await response.json());
}

// Passwords set through the API are hashed with the production scrypt cost (~0.2 s each on a busy core).
describe('users', { timeout: 30_000 }, () => {
  it('an administrator creates a user, who can sign in; devices learn the name; the username is unique', async () => {
    const created = await createCounter();
    expect(created).toMatchObject({
      username: 'cissi',
      name: 'Cissi',
      role: 'counter',
      hasPassword: true,
      revokedAt: null,
    });
    expect(await usersRow(created.id)).toEqual({ id: created.id, name: 'Cissi', role: 'counter' });
    const signIn = await server.rawFetch('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cissi', password: 'counter password 1' }),
    });
    expect(signIn.status).toBe(200);
    const taken = await call('POST', '/users', admin.token, {
      username: 'CISSI',
      name: 'Another',
      role: 'counter',
      password: 'counter password 2',
    });
    expect([taken.status, apiErrorSchema.parse(await taken.json()).error]).toEqual([409, 'conflict']);
    const [entry] = await server.store.auth.auditPage({ action: 'user-created', limit: 5 });
    expect(entry).toMatchObject({
      userId: admin.user.id,
      subject: created.id,
      details: { username: 'cissi', role: 'counter' },
    });
    expect(JSON.stringify(entry)).not.toContain('counter password 1');
  });

  it('lists every account, never a password hash', async () => {
    await createCounter();
    const response = await call('GET', '/users', supervisor.token);
    const list = userListSchema.parse(await response.json());
    expect(list.users.map((u) => u.name).sort()).toEqual(['Ada', 'Bo', 'Cissi']);
    expect(JSON.stringify(list)).not.toMatch(/scrypt|passwordHash|password_hash/);
  });

  it('changes name and role (devices learn both); nobody changes their own role', async () => {
    const cissi = await createCounter();
    const changed = await call('PATCH', `/users/${cissi.id}`, admin.token, { name: 'Cissi S', role: 'supervisor' });
    expect(userAccountSchema.parse(await changed.json())).toMatchObject({ name: 'Cissi S', role: 'supervisor' });
    expect(await usersRow(cissi.id)).toEqual({ id: cissi.id, name: 'Cissi S', role: 'supervisor' });
    const own = await call('PATCH', `/users/${admin.user.id}`, admin.token, { role: 'counter' });
    expect([own.status, apiErrorSchema.parse(await own.json()).error]).toEqual([403, 'forbidden']);
    expect((await call('PATCH', `/users/${cissi.id}`, admin.token, {})).status).toBe(400);
    expect((await call('PATCH', '/users/nobody', admin.token, { name: 'X' })).status).toBe(404);
    const [entry] = await server.store.auth.auditPage({ action: 'user-changed', limit: 5 });
    expect(entry?.details).toEqual({
      name: { from: 'Cissi', to: 'Cissi S' },
      role: { from: 'counter', to: 'supervisor' },
    });
  });

  it('a new password ends the user’s sessions; the new one signs in', async () => {
    const cissi = await createCounter();
    const old = sessionSchema.parse(
      await (
        await server.rawFetch('/api/v1/auth/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'cissi', password: 'counter password 1' }),
        })
      ).json(),
    );
    expect((await call('PATCH', `/users/${cissi.id}`, admin.token, { password: NEW_PASSWORD })).status).toBe(200);
    const ended = await call('GET', '/auth/me', old.token);
    expect([ended.status, apiErrorSchema.parse(await ended.json()).error]).toEqual([401, 'session_expired']);
    const signIn = (password: string) =>
      server.rawFetch('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'cissi', password }),
      });
    expect((await signIn('counter password 1')).status).toBe(401);
    expect((await signIn(NEW_PASSWORD)).status).toBe(200);
    const [entry] = await server.store.auth.auditPage({ action: 'user-changed', limit: 5 });
    expect(entry?.details).toEqual({ passwordChanged: true });
    // An administrator changing their own password stays signed in.
    expect((await call('PATCH', `/users/${admin.user.id}`, admin.token, { password: NEW_PASSWORD })).status).toBe(200);
    expect((await call('GET', '/auth/me', admin.token)).status).toBe(200);
  });

  it('a supervisor revokes a counter: their sessions answer user_revoked from then on', async () => {
    const counter = await createUserWithSession(server.store, 'counter', { name: 'Dan' });
    const response = await call('POST', `/users/${counter.user.id}/revoke`, supervisor.token, { reason: 'Slutat' });
    expect(userAccountSchema.parse(await response.json())).toMatchObject({
      revokedReason: 'Slutat',
      revokedAt: expect.any(String),
    });
    const refused = await call('GET', '/auth/me', counter.token);
    const body = apiErrorSchema.parse(await refused.json());
    expect([refused.status, body.error]).toEqual([401, 'user_revoked']);
    expect(body.message).toMatch(/by Bo: Slutat/);
    // Devices learn it with their next pull of the users, so the PIN stops working there too.
    const users = await server.store.changesSince('users', null, 100);
    const row = users.status === 'ok' ? users.changes.find((c) => c.key === counter.user.id)?.row : undefined;
    expect(row).toMatchObject({ id: counter.user.id, revokedAt: expect.any(String) });
    const again = await call('POST', `/users/${counter.user.id}/revoke`, supervisor.token, { reason: 'x' });
    expect(again.status).toBe(409);
    expect((await call('PATCH', `/users/${counter.user.id}`, admin.token, { name: 'Y' })).status).toBe(409);
    const [entry] = await server.store.auth.auditPage({ action: 'user-revoked', limit: 5 });
    expect(entry).toMatchObject({
      userId: supervisor.user.id,
      subject: counter.user.id,
      details: { reason: 'Slutat' },
    });
  });

  it('a supervisor cannot revoke an administrator, nobody revokes themselves, and nobody grants above their role', async () => {
    const up = await call('POST', `/users/${admin.user.id}/revoke`, supervisor.token, { reason: 'coup' });
    expect([up.status, apiErrorSchema.parse(await up.json()).error]).toEqual([403, 'forbidden']);
    const self = await call('POST', `/users/${supervisor.user.id}/revoke`, supervisor.token, { reason: 'tired' });
    expect(self.status).toBe(403);
    const selfAdmin = await call('POST', `/users/${admin.user.id}/revoke`, admin.token, { reason: 'tired' });
    expect(selfAdmin.status).toBe(403);
    expect((await server.store.auth.accountById(admin.user.id))?.revokedAt).toBeNull();
    expect((await call('POST', `/users/nobody/revoke`, supervisor.token, { reason: 'x' })).status).toBe(404);
    expect((await call('POST', `/users/${admin.user.id}/revoke`, supervisor.token, {})).status).toBe(400);
    // Creating users needs users:manage, which only administrators have.
    const bySupervisor = await call('POST', '/users', supervisor.token, {
      username: 'eve',
      name: 'Eve',
      role: 'counter',
      password: 'counter password 3',
    });
    expect(bySupervisor.status).toBe(403);
  });
});
