import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushResponseSchema } from '../../../src/domain/sync-protocol.ts';
import { makeDeviceId, makeEvents, postJson, pushBody, versionHeaders } from '../../support/events.ts';
import { createUserWithSession, deviceHeader, enrollDevice } from '../../support/identity.ts';
import { inProcessServer } from '../../support/server.ts';

/**
 * Counts name who made them (userId). A device may push a user's counts only once that user has
 * signed in online on it; counts without a user (made before sign-in existed) are accepted.
 */
describe('push: whose counts a device may send', () => {
  let server: ReturnType<typeof inProcessServer>;
  let deviceId: string;
  let credential: string;
  beforeEach(async () => {
    server = inProcessServer();
    deviceId = makeDeviceId();
    credential = await enrollDevice(server.store, deviceId);
  });
  afterEach(() => server.close());

  const push = async (events: unknown[]) => {
    const response = await server.rawFetch(
      '/api/v1/sync/push',
      postJson(pushBody(deviceId, events), { ...versionHeaders, ...deviceHeader(credential) }),
    );
    expect(response.status).toBe(200);
    return pushResponseSchema.parse(await response.json()).results;
  };

  it('accepts the counts of users who signed in on the device, and of no user; rejects the others one by one', async () => {
    const anna = await createUserWithSession(server.store, 'counter', { deviceId });
    const bo = await createUserWithSession(server.store, 'counter');
    const elsewhere = makeDeviceId();
    await enrollDevice(server.store, elsewhere);
    const cissi = await createUserWithSession(server.store, 'counter', { deviceId: elsewhere });
    const [byAnna, byBo, byNobody, byCissi, byGhost] = makeEvents(deviceId, 5);
    const results = await push([
      { ...byAnna, userId: anna.user.id },
      { ...byBo, userId: bo.user.id },
      byNobody,
      { ...byCissi, userId: cissi.user.id },
      { ...byGhost, userId: 'ghost' },
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted', 'rejected', 'rejected']);
    expect(results[1]?.reason).toBe(
      `The user ${bo.user.id} has not signed in on this device; a first sign-in must be online.`,
    );
    expect((await server.store.eventsOfDevice(deviceId)).map((r) => r.event.id)).toEqual([byAnna?.id, byNobody?.id]);
  });

  it('a user revoked after counting: the counts made on the device still arrive', async () => {
    const anna = await createUserWithSession(server.store, 'counter', { deviceId });
    await server.store.auth.revokeAccount(anna.user.id, { at: new Date().toISOString(), by: 'x', reason: 'left' });
    const [event] = makeEvents(deviceId, 1);
    expect((await push([{ ...event, userId: anna.user.id }])).map((r) => r.status)).toEqual(['accepted']);
  });
});
