import { afterEach, describe, expect, it } from 'vitest';
import {
  APP_VERSION_HEADER,
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_HEADER,
  pushResponseSchema,
  upgradeRequiredSchema,
} from '../../src/domain/sync-protocol.ts';
import { compareVersions } from '../../src/server/api/versions.ts';
import { makeDeviceId, makeEvents, postJson, pushBody, versionHeaders } from '../support/events.ts';
import { inProcessServer } from '../support/server.ts';

const PUSH = '/api/v1/sync/push';
let server: ReturnType<typeof inProcessServer>;
afterEach(() => server.close());

/** What the walking-skeleton app (protocol 1) sent: no version headers, protocolVersion 1, no sentAt. */
function protocolOneBody(deviceId: string, events: unknown[]): string {
  return JSON.stringify({ protocolVersion: 1, deviceId, events });
}

describe('version negotiation', () => {
  it('answers 426 with a typed body to an app of protocol 1, and stores nothing', async () => {
    server = inProcessServer();
    const device = makeDeviceId();
    const response = await server.fetch(PUSH, postJson(protocolOneBody(device, makeEvents(device, 2)), {}));
    expect(response.status).toBe(426);
    const body = upgradeRequiredSchema.parse(await response.json());
    expect(body).toMatchObject({ clientProtocolVersion: 1, serverProtocolVersion: PROTOCOL_VERSION });
    expect(await server.store.countEvents()).toBe(0);
  });

  it('answers 426 to an app older than MIN_APP_VERSION, also on pull, and serves it once updated', async () => {
    server = inProcessServer({ minAppVersion: '0.3.0' });
    const device = makeDeviceId();
    const events = makeEvents(device, 2);
    const old = { ...versionHeaders, [APP_VERSION_HEADER]: '0.2.9' };
    const pushed = await server.fetch(PUSH, postJson(pushBody(device, events), old));
    expect(pushed.status).toBe(426);
    expect(upgradeRequiredSchema.parse(await pushed.json()).minAppVersion).toBe('0.3.0');
    const pulled = await server.fetch('/api/v1/sync/pull?dataset=catalog', { headers: old });
    expect(pulled.status).toBe(426);
    expect(await server.store.countEvents()).toBe(0);

    const updated = { ...versionHeaders, [APP_VERSION_HEADER]: '0.10.0' };
    const again = await server.fetch(PUSH, postJson(pushBody(device, events), updated));
    expect(pushResponseSchema.parse(await again.json()).results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });

  it('after the update, events counted in the first event format are still accepted and upgraded', async () => {
    server = inProcessServer();
    const device = makeDeviceId();
    const v1 = makeEvents(device, 3).map(({ id, deviceId, seq, countedAt, raw, gtin, quantity }) => ({
      id,
      deviceId,
      seq,
      countedAt,
      raw,
      gtin,
      quantity,
    }));
    expect((await server.fetch(PUSH, postJson(protocolOneBody(device, v1), {}))).status).toBe(426);
    const answer = pushResponseSchema.parse(await (await server.fetch(PUSH, postJson(pushBody(device, v1)))).json());
    expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(answer.highestContiguousSeq).toBe(3);
    expect((await server.store.eventsOfDevice(device)).map((r) => r.event.schema)).toEqual([2, 2, 2]);
  });

  it('answers 400 protocol_too_new to an app newer than the server (retried later, nothing stored)', async () => {
    server = inProcessServer();
    const device = makeDeviceId();
    const newer = { ...versionHeaders, [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION + 1) };
    const response = await server.fetch(PUSH, postJson(pushBody(device, makeEvents(device, 1)), newer));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'protocol_too_new' });
    const garbage = { ...versionHeaders, [PROTOCOL_VERSION_HEADER]: 'two' };
    expect((await server.fetch(PUSH, postJson(pushBody(device, []), garbage))).status).toBe(400);
  });

  it('compares app versions number by number', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(compareVersions('1.2.0-beta.1', '1.2.0')).toBe(0);
    expect(compareVersions('1.1.9', '1.2.0')).toBe(-1);
  });
});
