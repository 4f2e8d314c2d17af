import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deviceListSchema,
  deviceSummarySchema,
  enrollmentCodeSchema,
  enrollResponseSchema,
  OLDEST_UNSENT_HEADER,
  revocationDetailsOf,
} from '../../../src/domain/auth/api.ts';
import { APP_VERSION_HEADER, apiErrorSchema, pushResponseSchema } from '../../../src/domain/sync-protocol.ts';
import { DeviceContactRecorder } from '../../../src/server/auth/device-contact.ts';
import { normalizeOneTimeCode } from '../../../src/server/auth/one-time-codes.ts';
import { hashSecret } from '../../../src/server/auth/tokens.ts';
import { makeDeviceId, makeEvents, postJson, pushBody, versionHeaders } from '../../support/events.ts';
import { bearer, createUserWithSession, deviceHeader } from '../../support/identity.ts';
import { inProcessServer } from '../../support/server.ts';

let server: ReturnType<typeof inProcessServer>;
let supervisor: Awaited<ReturnType<typeof createUserWithSession>>;
beforeEach(async () => {
  server = inProcessServer({ rateLimits: { enrollPerAddress: { limit: 5, windowMs: 60_000 } } });
  supervisor = await createUserWithSession(server.store, 'supervisor', { name: 'Bo Arbetsledare' });
});
afterEach(() => server.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  server.rawFetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
async function newCode(label = 'Platta 3, Visby') {
  const response = await post('/api/v1/devices/enrollment-codes', { label }, bearer(supervisor.token));
  expect(response.status).toBe(201);
  return enrollmentCodeSchema.parse(await response.json());
}
const enroll = (code: string, deviceId: string) => post('/api/v1/devices/enroll', { code, deviceId });
const push = (deviceId: string, credential: string, events = makeEvents(deviceId, 1)) =>
  server.rawFetch(
    '/api/v1/sync/push',
    postJson(pushBody(deviceId, events), { ...versionHeaders, ...deviceHeader(credential) }),
  );

describe('device enrollment', () => {
  it('a supervisor makes a one-time code (text and an enroll link on this server) valid for 15 minutes', async () => {
    const before = Date.now();
    const code = await newCode();
    expect(code.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(code.label).toBe('Platta 3, Visby');
    expect(Date.parse(code.expiresAt) - before).toBeGreaterThan(14.9 * 60_000);
    expect(Date.parse(code.expiresAt) - before).toBeLessThanOrEqual(15 * 60_000 + 1000);
    expect(code.enrollUrl).toBe(`http://localhost/enroll?code=${code.code}`);
    const [entry] = await server.store.auth.auditPage({ action: 'enrollment-code-created', limit: 5 });
    expect(entry).toMatchObject({ userId: supervisor.user.id, details: { label: 'Platta 3, Visby' } });
    expect(JSON.stringify(entry)).not.toContain(code.code);
  });

  it('binds a credential to the device id: it pushes as that device and no other', async () => {
    const { code } = await newCode();
    const deviceId = makeDeviceId();
    const response = await enroll(code.toLowerCase().replaceAll('-', ''), deviceId);
    expect(response.status).toBe(201);
    const enrolled = enrollResponseSchema.parse(await response.json());
    expect(enrolled).toMatchObject({ deviceId, label: 'Platta 3, Visby' });
    expect(enrolled.credential).toMatch(/^lkd_/);

    expect((await push(deviceId, enrolled.credential)).status).toBe(200);
    const other = makeDeviceId();
    const mismatch = await push(other, enrolled.credential);
    expect([mismatch.status, apiErrorSchema.parse(await mismatch.json()).error]).toEqual([403, 'device_mismatch']);
    // Events inside the envelope that name another device are refused one by one, as before.
    const foreign = await push(deviceId, enrolled.credential, makeEvents(other, 1));
    expect(pushResponseSchema.parse(await foreign.json()).results[0]?.status).toBe('rejected');
    expect(await server.store.countEvents()).toBe(1);

    const [entry] = await server.store.auth.auditPage({ action: 'device-enrolled', limit: 5 });
    expect(entry).toMatchObject({
      deviceId,
      subject: deviceId,
      details: { label: 'Platta 3, Visby', authorizedBy: supervisor.user.id, reEnrolled: false },
    });
  });

  it('a code works once: used again, 410 code_expired', async () => {
    const { code } = await newCode();
    expect((await enroll(code, makeDeviceId())).status).toBe(201);
    const again = await enroll(code, makeDeviceId());
    expect(again.status).toBe(410);
    expect(apiErrorSchema.parse(await again.json())).toMatchObject({
      error: 'code_expired',
      message: expect.stringMatching(/already been used/),
    });
  });

  it('an expired code: 410; an unknown code: 401; something that is no code: 400', async () => {
    const code = 'ABCD-EFGH-JKMN';
    await server.store.auth.createEnrollmentCode({
      codeHash: hashSecret(normalizeOneTimeCode(code) ?? ''),
      label: 'Old',
      createdBy: supervisor.user.id,
      createdAt: new Date(Date.now() - 20 * 60_000).toISOString(),
      expiresAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    });
    const expired = await enroll(code, makeDeviceId());
    expect([expired.status, apiErrorSchema.parse(await expired.json()).message]).toEqual([
      410,
      expect.stringMatching(/expired/),
    ]);
    expect((await enroll('ZZZZ-ZZZZ-ZZZZ', makeDeviceId())).status).toBe(401);
    expect((await enroll('not a code!!', makeDeviceId())).status).toBe(400);
    expect((await post('/api/v1/devices/enroll', { code: 'ABCD-EFGH-JKMN', deviceId: 'tablet-1' })).status).toBe(400);
  });

  it('wrong codes are rate-limited per address; enrollments that succeed do not count', async () => {
    for (let i = 0; i < 5; i++) expect((await enroll((await newCode()).code, makeDeviceId())).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await enroll('ZZZZ-ZZZZ-ZZZZ', makeDeviceId())).status).toBe(401);
    const { code } = await newCode();
    const limited = await enroll(code, makeDeviceId());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps only hashes: no code or credential is in the database in clear', async () => {
    const { code } = await newCode();
    const { credential } = enrollResponseSchema.parse(await (await enroll(code, makeDeviceId())).json());
    const db = new Database(join(server.dir, 'test.sqlite'), { readonly: true });
    try {
      const dump = JSON.stringify([
        db.prepare('SELECT * FROM enrollment_codes').all(),
        db.prepare('SELECT * FROM device_enrollments').all(),
        db.prepare('SELECT * FROM sessions').all(),
        db.prepare('SELECT * FROM accounts').all(),
        db.prepare('SELECT * FROM audit_log').all(),
      ]);
      for (const secret of [code, normalizeOneTimeCode(code) ?? '', credential, supervisor.token]) {
        expect(dump).not.toContain(secret);
      }
      expect(dump).toContain(hashSecret(credential));
    } finally {
      db.close();
    }
  });
});

describe('revoking a device, and enrolling it again', () => {
  it('a revoked device gets 401 device_revoked saying when, by whom and why; its sessions end', async () => {
    const deviceId = makeDeviceId();
    const { credential } = enrollResponseSchema.parse(await (await enroll((await newCode()).code, deviceId)).json());
    const counter = await createUserWithSession(server.store, 'counter', { deviceId });
    const revoke = await post(
      `/api/v1/devices/${deviceId}/revoke`,
      { reason: 'Borttappad på akuten' },
      bearer(supervisor.token),
    );
    expect(revoke.status).toBe(200);
    expect(deviceSummarySchema.parse(await revoke.json())).toMatchObject({
      deviceId,
      revokedBy: supervisor.user.id,
      revokedReason: 'Borttappad på akuten',
    });
    const refused = await push(deviceId, credential);
    const raw: unknown = await refused.json();
    const body = apiErrorSchema.parse(raw);
    expect([refused.status, body.error]).toEqual([401, 'device_revoked']);
    // The same facts apart, so the app can say them in Swedish.
    expect(revocationDetailsOf(raw)).toEqual({
      revokedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      revokedBy: 'Bo Arbetsledare',
      reason: 'Borttappad på akuten',
    });
    expect(body.message).toMatch(/revoked on \d{4}-\d\d-\d\d \d\d:\d\d UTC by Bo Arbetsledare: Borttappad på akuten/);
    expect(body.message).toMatch(/unsent counts stay/);
    const session = await server.store.auth.sessionByTokenHash(hashSecret(counter.token));
    expect(Date.parse(session?.expiresAt ?? '')).toBeLessThanOrEqual(Date.now());

    const again = await post(`/api/v1/devices/${deviceId}/revoke`, { reason: 'x' }, bearer(supervisor.token));
    expect(again.status).toBe(409);
    expect(
      (await post(`/api/v1/devices/${makeDeviceId()}/revoke`, { reason: 'x' }, bearer(supervisor.token))).status,
    ).toBe(404);
    expect((await post('/api/v1/devices/tablet-1/revoke', { reason: 'x' }, bearer(supervisor.token))).status).toBe(400);
    expect((await post(`/api/v1/devices/${deviceId}/revoke`, {}, bearer(supervisor.token))).status).toBe(400);
    const [entry] = await server.store.auth.auditPage({ action: 'device-revoked', limit: 5 });
    expect(entry).toMatchObject({
      userId: supervisor.user.id,
      subject: deviceId,
      details: { reason: 'Borttappad på akuten' },
    });
  });

  it('an enrolled device id cannot be taken over; a revoked one is enrolled again with a fresh code, audited', async () => {
    const deviceId = makeDeviceId();
    const first = enrollResponseSchema.parse(await (await enroll((await newCode()).code, deviceId)).json());
    const takeover = await enroll((await newCode()).code, deviceId);
    expect([takeover.status, apiErrorSchema.parse(await takeover.json()).error]).toEqual([409, 'conflict']);

    await post(`/api/v1/devices/${deviceId}/revoke`, { reason: 'lost' }, bearer(supervisor.token));
    const second = enrollResponseSchema.parse(
      await (await enroll((await newCode('Hittad igen')).code, deviceId)).json(),
    );
    expect((await push(deviceId, second.credential)).status).toBe(200);
    const old = await push(deviceId, first.credential);
    expect([old.status, apiErrorSchema.parse(await old.json()).error]).toEqual([401, 'unauthenticated']);
    const [entry] = await server.store.auth.auditPage({ action: 'device-enrolled', limit: 1 });
    expect(entry?.details).toMatchObject({
      label: 'Hittad igen',
      reEnrolled: true,
      previouslyRevokedAt: expect.any(String),
    });
  });
});

describe('the device list', () => {
  it('shows each device with its last contact, app version, oldest unsent count and users', async () => {
    const deviceId = makeDeviceId();
    const { credential } = enrollResponseSchema.parse(await (await enroll((await newCode()).code, deviceId)).json());
    const anna = await createUserWithSession(server.store, 'counter', { name: 'Anna', deviceId });
    const pull = (headers: Record<string, string>) =>
      server.rawFetch('/api/v1/sync/pull?dataset=sites', {
        headers: { ...versionHeaders, ...deviceHeader(credential), ...headers },
      });
    expect(
      (await pull({ [OLDEST_UNSENT_HEADER]: '2026-11-20T08:00:00.000Z', [APP_VERSION_HEADER]: '0.2.0' })).status,
    ).toBe(200);
    const bad = await pull({ [OLDEST_UNSENT_HEADER]: 'yesterday' });
    expect([bad.status, apiErrorSchema.parse(await bad.json()).message]).toEqual([
      400,
      expect.stringMatching(/ISO instant/),
    ]);

    const list = deviceListSchema.parse(
      await (await server.rawFetch('/api/v1/devices', { headers: bearer(supervisor.token) })).json(),
    );
    expect(list.devices).toHaveLength(1);
    expect(list.devices[0]).toMatchObject({
      deviceId,
      label: 'Platta 3, Visby',
      enrolledBy: supervisor.user.id,
      appVersion: '0.2.0',
      oldestUnsentAt: '2026-11-20T08:00:00.000Z',
      revokedAt: null,
      users: [{ userId: anna.user.id, name: 'Anna', lastSignInAt: expect.any(String) }],
    });
    expect(Date.now() - Date.parse(list.devices[0]?.lastContactAt ?? '')).toBeLessThan(10_000);

    // Nothing unsent any more: the header is absent, and the list says so at once.
    expect((await pull({})).status).toBe(200);
    expect((await server.store.auth.device(deviceId))?.oldestUnsentAt).toBeNull();
  });

  it('writes the contact at most every 30 s per device, at once when the oldest unsent count changes', async () => {
    const deviceId = makeDeviceId();
    await enroll((await newCode()).code, deviceId);
    const recorder = new DeviceContactRecorder(server.store.auth);
    const t0 = Date.parse('2026-11-22T10:00:00.000Z');
    const lastContact = async () => (await server.store.auth.device(deviceId))?.lastContactAt;
    await recorder.record(deviceId, { appVersion: '1', oldestUnsentAt: null }, t0);
    await recorder.record(deviceId, { appVersion: '1', oldestUnsentAt: null }, t0 + 10_000);
    expect(await lastContact()).toBe('2026-11-22T10:00:00.000Z');
    await recorder.record(deviceId, { appVersion: '1', oldestUnsentAt: '2026-11-22T09:00:00.000Z' }, t0 + 20_000);
    expect(await lastContact()).toBe('2026-11-22T10:00:20.000Z');
    await recorder.record(deviceId, { appVersion: '1', oldestUnsentAt: '2026-11-22T09:00:00.000Z' }, t0 + 51_000);
    expect(await lastContact()).toBe('2026-11-22T10:00:51.000Z');
  });
});
