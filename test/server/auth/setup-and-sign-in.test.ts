import { afterEach, describe, expect, it, vi } from 'vitest';
import { authStatusSchema, sessionSchema, whoAmISchema } from '../../../src/domain/auth/api.ts';
import { apiErrorSchema } from '../../../src/domain/sync-protocol.ts';
import { SetupGate } from '../../../src/server/auth/setup-code.ts';
import { makeDeviceId, versionHeaders } from '../../support/events.ts';
import { bearer, createUserWithSession, deviceHeader, enrollDevice, TEST_PASSWORD } from '../../support/identity.ts';
import { inProcessServer } from '../../support/server.ts';

const PASSWORD = 'correct horse battery';
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

let server: ReturnType<typeof inProcessServer>;
afterEach(() => server.close());

// Set-up hashes the password with the production scrypt cost (~0.2 s on a busy core).
describe('first start: the set-up code', { timeout: 30_000 }, () => {
  function serverWithCode(rateLimits = {}) {
    const gate = new SetupGate();
    const code = gate.issue();
    server = inProcessServer({ setup: gate, rateLimits });
    const setup = (body: Record<string, unknown>) =>
      server.rawFetch('/api/v1/auth/setup', json({ username: 'ada', name: 'Ada Admin', password: PASSWORD, ...body }));
    return { code, setup };
  }
  const status = async () => authStatusSchema.parse(await (await server.rawFetch('/api/v1/auth/status')).json());

  it('creates the first administrator once, signed in at once; the code never works again', async () => {
    const { code, setup } = serverWithCode();
    expect(await status()).toEqual({ setupRequired: true });
    const wrong = await setup({ code: 'AAAA-BBBB-CCCC' });
    expect(wrong.status).toBe(401);
    expect(apiErrorSchema.parse(await wrong.json()).message).toMatch(/terminal/);

    const created = await setup({ code: code.toLowerCase() });
    expect(created.status).toBe(201);
    const session = sessionSchema.parse(await created.json());
    expect(session.user).toMatchObject({ username: 'ada', name: 'Ada Admin', role: 'administrator' });
    expect(await status()).toEqual({ setupRequired: false });
    const me = whoAmISchema.parse(
      await (await server.rawFetch('/api/v1/auth/me', { headers: bearer(session.token) })).json(),
    );
    expect(me.user?.id).toBe(session.user.id);

    const again = await setup({ code, username: 'mallory' });
    expect(again.status).toBe(409);
    expect(await server.store.auth.accountByUsername('mallory')).toBeNull();
    // Devices learn the administrator's name from the users dataset; the audit log has the set-up.
    const users = await server.store.changesSince('users', null, 10);
    expect(users.status === 'ok' && users.changes.map((c) => c.row)).toEqual([
      { id: session.user.id, name: 'Ada Admin', role: 'administrator' },
    ]);
    const [entry] = await server.store.auth.auditPage({ action: 'server-set-up', limit: 5 });
    expect(entry).toMatchObject({ userId: session.user.id, details: { username: 'ada' } });
  });

  it('two set-ups at once with the right code make one administrator', async () => {
    const { code, setup } = serverWithCode();
    const answers = await Promise.all([setup({ code }), setup({ code, username: 'bea' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect((await server.store.auth.listAccounts()).filter((a) => a.role === 'administrator')).toHaveLength(1);
  });

  it('refuses a weak password or a bad username with 400, and the code still works afterwards', async () => {
    const { code, setup } = serverWithCode();
    expect((await setup({ code, password: 'short' })).status).toBe(400);
    expect((await setup({ code, username: 'a b' })).status).toBe(400);
    expect((await setup({ code, extra: 1 })).status).toBe(400);
    expect((await setup({ code })).status).toBe(201);
  });

  it('without a code made at this start, set-up answers 410', async () => {
    server = inProcessServer();
    const response = await server.rawFetch(
      '/api/v1/auth/setup',
      json({ code: 'AAAA-BBBB-CCCC', username: 'ada', name: 'Ada', password: PASSWORD }),
    );
    expect(response.status).toBe(410);
    expect(apiErrorSchema.parse(await response.json()).error).toBe('code_expired');
  });

  it('wrong codes are rate-limited per address: 429 with Retry-After', async () => {
    const { code, setup } = serverWithCode({ setupPerAddress: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await setup({ code: 'AAAA-BBBB-CCCC' })).status).toBe(401);
    const limited = await setup({ code });
    expect(limited.status).toBe(429);
    expect(apiErrorSchema.parse(await limited.json()).error).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });
});

describe('sign-in', { timeout: 30_000 }, () => {
  const signIn = (username: string, password: string, headers: Record<string, string> = {}) =>
    server.rawFetch('/api/v1/auth/sign-in', json({ username, password }, headers));

  it('answers a session for the right password, and the same refusal for a wrong password or an unknown user', async () => {
    server = inProcessServer();
    const { account } = await createUserWithSession(server.store, 'counter', { username: 'anna' });
    const ok = await signIn('Anna', TEST_PASSWORD);
    expect(ok.status).toBe(200);
    const session = sessionSchema.parse(await ok.json());
    expect(session.user).toEqual({ id: account.userId, username: 'anna', name: account.name, role: 'counter' });
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(11 * 3_600_000);

    const wrong = await signIn('anna', 'wrong password');
    const unknown = await signIn('nobody', 'wrong password');
    for (const refused of [wrong, unknown]) {
      expect(refused.status).toBe(401);
      expect(apiErrorSchema.parse(await refused.json())).toEqual({
        error: 'unauthenticated',
        message: 'Wrong username or password.',
      });
    }
    const refusals = await server.store.auth.auditPage({ action: 'sign-in-refused', limit: 10 });
    expect(refusals.map((e) => e.details)).toEqual([
      { username: 'nobody', reason: 'unknown-username' },
      { username: 'anna', reason: 'wrong-password' },
    ]);
    expect(JSON.stringify(refusals)).not.toContain('wrong password');
    const [signedIn] = await server.store.auth.auditPage({ action: 'signed-in', limit: 5 });
    expect(signedIn).toMatchObject({ userId: account.userId, deviceId: null });
  });

  it('refuses a revoked user (user_revoked) and a user without a password', async () => {
    server = inProcessServer();
    const { account } = await createUserWithSession(server.store, 'counter', { username: 'anna' });
    await server.store.auth.revokeAccount(account.userId, { at: new Date().toISOString(), by: 'x', reason: 'left' });
    const revoked = await signIn('anna', TEST_PASSWORD);
    expect([revoked.status, apiErrorSchema.parse(await revoked.json()).error]).toEqual([401, 'user_revoked']);
    await server.store.auth.createAccount({
      userId: 'demo-counter',
      username: 'demo-counter',
      name: 'Demo',
      role: 'counter',
      passwordHash: null,
      createdAt: new Date().toISOString(),
    });
    expect((await signIn('demo-counter', '')).status).toBe(400);
    expect((await signIn('demo-counter', 'x'.repeat(20_000))).status).toBe(413);
    expect((await signIn('demo-counter', 'anything at all')).status).toBe(401);
  });

  it('on an enrolled device: the session is the device’s, and the device may push the user’s counts', async () => {
    server = inProcessServer();
    const { account } = await createUserWithSession(server.store, 'counter', { username: 'anna' });
    const deviceId = makeDeviceId();
    const credential = await enrollDevice(server.store, deviceId, 'Platta 1');
    const ok = await signIn('anna', TEST_PASSWORD, deviceHeader(credential));
    const session = sessionSchema.parse(await ok.json());
    expect((await server.store.auth.usersSignedInOnDevice(deviceId, [account.userId])).has(account.userId)).toBe(true);
    const device = await server.store.auth.device(deviceId);
    expect(device?.users.map((u) => [u.userId, u.name])).toEqual([[account.userId, account.name]]);
    const me = await server.rawFetch('/api/v1/auth/me', {
      headers: { ...bearer(session.token), ...deviceHeader(credential) },
    });
    expect(whoAmISchema.parse(await me.json())).toEqual({
      user: session.user,
      device: { deviceId, label: 'Platta 1' },
    });
    const [entry] = await server.store.auth.auditPage({ action: 'signed-in', limit: 5 });
    expect(entry).toMatchObject({ userId: account.userId, deviceId });
  });

  it('failed sign-ins are rate-limited per username and per address; successful ones are not counted', async () => {
    server = inProcessServer({
      rateLimits: {
        signInPerUsername: { limit: 2, windowMs: 60_000 },
        signInPerAddress: { limit: 4, windowMs: 60_000 },
      },
    });
    await createUserWithSession(server.store, 'counter', { username: 'anna' });
    for (let i = 0; i < 5; i++) expect((await signIn('anna', TEST_PASSWORD)).status).toBe(200);
    expect((await signIn('anna', 'guess one')).status).toBe(401);
    expect((await signIn('anna', 'guess two')).status).toBe(401);
    const limited = await signIn('anna', TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // The address has three refusals now (the 429 is one): one more username, then it is limited too.
    expect((await signIn('bo', 'guess')).status).toBe(401);
    expect((await signIn('cissi', 'guess')).status).toBe(429);
  });

  it('an ended session sent along does not stop a new sign-in; a revoked device does', async () => {
    server = inProcessServer();
    const anna = await createUserWithSession(server.store, 'counter', { username: 'anna' });
    await server.store.auth.endSessionsOfUser(anna.user.id, new Date(Date.now() - 1000).toISOString());
    expect((await server.rawFetch('/api/v1/auth/me', { headers: bearer(anna.token) })).status).toBe(401);
    expect((await signIn('anna', TEST_PASSWORD, bearer(anna.token))).status).toBe(200);

    const deviceId = makeDeviceId();
    const credential = await enrollDevice(server.store, deviceId);
    await server.store.auth.revokeDevice(deviceId, { at: new Date().toISOString(), by: anna.user.id, reason: 'lost' });
    const refused = await signIn('anna', TEST_PASSWORD, deviceHeader(credential));
    expect([refused.status, apiErrorSchema.parse(await refused.json()).error]).toEqual([401, 'device_revoked']);
  });

  it('signing out ends the session', async () => {
    server = inProcessServer();
    const { token, user } = await createUserWithSession(server.store, 'supervisor');
    const out = await server.rawFetch('/api/v1/auth/sign-out', { method: 'POST', headers: bearer(token) });
    expect(whoAmISchema.parse(await out.json())).toEqual({ user: null, device: null });
    const after = await server.rawFetch('/api/v1/auth/me', { headers: bearer(token) });
    expect(after.status).toBe(401);
    const [entry] = await server.store.auth.auditPage({ action: 'signed-out', limit: 5 });
    expect(entry).toMatchObject({ userId: user.id, subject: user.id });
  });

  it('never writes a password, token, code or credential to the console', async () => {
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      }),
    );
    try {
      const gate = new SetupGate();
      const code = gate.issue();
      server = inProcessServer({ setup: gate });
      const created = await server.rawFetch(
        '/api/v1/auth/setup',
        json({ code, username: 'ada', name: 'Ada', password: PASSWORD }),
      );
      const { token } = sessionSchema.parse(await created.json());
      await signIn('ada', 'a wrong password');
      const credential = await enrollDevice(server.store, makeDeviceId());
      await server.rawFetch('/api/v1/sync/pull?dataset=sites', {
        headers: { ...versionHeaders, ...deviceHeader(credential) },
      });
      const secrets = [PASSWORD, 'a wrong password', code, token, credential];
      for (const line of logged) for (const secret of secrets) expect(line).not.toContain(secret);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
