import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EVENTS_PER_PUSH, MAX_PUSH_BODY_BYTES, pushResponseSchema } from '../../src/domain/sync-protocol.ts';
import { makeDeviceId, makeEvents, postJson, pushBody, versionHeaders } from '../support/events.ts';
import { enrollDevice, withDeviceCredential } from '../support/identity.ts';
import { inProcessServer, listeningServer, storedEvents } from '../support/server.ts';

const PUSH = '/api/v1/sync/push';

describe('POST /api/v1/sync/push (in-process)', () => {
  let server: ReturnType<typeof inProcessServer>;
  beforeEach(() => {
    server = inProcessServer();
  });
  afterEach(() => server.close());

  async function push(body: string) {
    const response = await server.fetch(PUSH, postJson(body));
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it('stores a batch and answers accepted for each event, in order', async () => {
    const device = makeDeviceId();
    const events = makeEvents(device, 3);
    const { status, json } = await push(pushBody(device, events));
    expect(status).toBe(200);
    const answer = pushResponseSchema.parse(json);
    expect(answer.results.map((r) => [r.index, r.id, r.status])).toEqual(events.map((e, i) => [i, e.id, 'accepted']));
    expect(await storedEvents(server.store, device)).toEqual(events);
  });

  it('answers duplicate for a batch sent again, and stores nothing twice', async () => {
    const device = makeDeviceId();
    const events = makeEvents(device, 4);
    await push(pushBody(device, events));
    const again = pushResponseSchema.parse((await push(pushBody(device, [...events].reverse()))).json);
    expect(again.results.every((r) => r.status === 'duplicate')).toBe(true);
    expect(await server.store.countEvents()).toBe(4);
  });

  it('answers duplicate for the same event twice within one batch', async () => {
    const device = makeDeviceId();
    const [event] = makeEvents(device, 1);
    const answer = pushResponseSchema.parse((await push(pushBody(device, [event, event]))).json);
    expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
    expect(await server.store.countEvents()).toBe(1);
  });

  it('reports the same id with other content as a conflict and keeps what was stored', async () => {
    const device = makeDeviceId();
    const [event] = makeEvents(device, 1);
    if (!event) throw new Error('no event');
    await push(pushBody(device, [event]));
    const answer = pushResponseSchema.parse((await push(pushBody(device, [{ ...event, quantity: 99 }]))).json);
    expect(answer.results[0]?.status).toBe('conflict');
    expect(answer.results[0]?.reason).toMatch(/different content/);
    expect((await storedEvents(server.store, device))[0]?.quantity).toBe(event.quantity);
  });

  it('rejects a malformed event with its reason while storing the good events of the batch', async () => {
    const device = makeDeviceId();
    const [good1, good2, badBase] = makeEvents(device, 3);
    const malformed = { ...badBase, quantity: -4, gtin: '123' };
    const answer = pushResponseSchema.parse((await push(pushBody(device, [good1, malformed, 'junk', good2]))).json);
    expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
    expect(answer.results[1]?.id).toBe(badBase?.id);
    expect(answer.results[1]?.reason).toMatch(/quantity/);
    expect(answer.results[1]?.reason).toMatch(/gtin/);
    expect(answer.results[2]?.id).toBeNull();
    expect(await server.store.countEvents()).toBe(2);
  });

  it('accepts an event of the first format (a device offline since before an update) and stores it upgraded', async () => {
    const device = makeDeviceId();
    const [current] = makeEvents(device, 1);
    if (!current) throw new Error('no event');
    const { id, deviceId, seq, countedAt, raw, gtin, quantity } = current;
    const v1 = { id, deviceId, seq, countedAt, raw, gtin, quantity };
    const answer = pushResponseSchema.parse((await push(pushBody(device, [v1]))).json);
    expect(answer.results[0]?.status).toBe('accepted');
    expect((await storedEvents(server.store, device))[0]).toMatchObject({
      ...v1,
      schema: 2,
      kind: 'count',
      serial: null,
    });
  });

  it("rejects an event in another device's name", async () => {
    const device = makeDeviceId();
    const other = makeEvents(makeDeviceId(), 1);
    const answer = pushResponseSchema.parse((await push(pushBody(device, other))).json);
    expect(answer.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/another device/) });
    expect(await server.store.countEvents()).toBe(0);
  });

  it('answers the highest seq received without a gap, so a lost event is visible', async () => {
    const device = makeDeviceId();
    const events = makeEvents(device, 6);
    const send = async (...seqs: number[]) =>
      pushResponseSchema.parse(
        (
          await push(
            pushBody(
              device,
              seqs.map((s) => events[s - 1]),
            ),
          )
        ).json,
      ).highestContiguousSeq;
    expect(await send(1, 2)).toBe(2);
    expect(await send(4, 5)).toBe(2); // 3 has not arrived
    expect(await send(3)).toBe(5);
    expect(await send(5, 6)).toBe(6);
  });

  it('stamps receivedAt with the server time and answers it', async () => {
    const device = makeDeviceId();
    const before = Date.now();
    const answer = pushResponseSchema.parse((await push(pushBody(device, makeEvents(device, 1)))).json);
    const [stored] = await server.store.eventsOfDevice(device);
    expect(stored?.receivedAt).toBe(answer.serverTime);
    expect(Date.parse(answer.serverTime)).toBeGreaterThanOrEqual(before);
  });

  it('flags, and still stores, events from a device whose clock is more than five minutes off', async () => {
    const device = makeDeviceId();
    const events = makeEvents(device, 2);
    const tenMinutesAhead = new Date(Date.now() + 10 * 60_000);
    const answer = pushResponseSchema.parse((await push(pushBody(device, events, tenMinutesAhead))).json);
    expect(answer.results.map((r) => [r.status, r.clockSkewed])).toEqual([
      ['accepted', true],
      ['accepted', true],
    ]);
    expect(answer.clockSkewMs).toBeGreaterThan(9 * 60_000);
    const stored = await server.store.eventsOfDevice(device);
    expect(stored.every((r) => (r.clockSkewMs ?? 0) > 9 * 60_000)).toBe(true);
  });

  it('flags an event counted in the future even when the device clock looks right now', async () => {
    const device = makeDeviceId();
    const [event] = makeEvents(device, 1);
    const future = { ...event, countedAt: new Date(Date.now() + 3_600_000).toISOString() };
    const answer = pushResponseSchema.parse((await push(pushBody(device, [future]))).json);
    expect(answer.results[0]).toMatchObject({ status: 'accepted', clockSkewed: true });
    const minuteAgo = { ...makeEvents(device, 1, 2)[0], countedAt: new Date(Date.now() - 60_000).toISOString() };
    const fine = pushResponseSchema.parse((await push(pushBody(device, [minuteAgo]))).json);
    expect(fine.results[0]?.clockSkewed).toBeUndefined();
  });

  it('answers 400 with a message to a body that is not JSON, and stores nothing', async () => {
    const { status, json } = await push('{"protocolVersion":1,');
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: 'invalid_json', message: expect.stringMatching(/not valid JSON/) });
    expect(await server.store.countEvents()).toBe(0);
  });

  it('answers 415 to a body that is not sent as JSON', async () => {
    const response = await server.fetch(PUSH, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'text/plain', ...versionHeaders },
    });
    expect(response.status).toBe(415);
  });

  it('answers 400 to an invalid envelope (wrong protocol version, too many events) and stores nothing', async () => {
    const device = makeDeviceId();
    const wrongVersion = JSON.stringify({
      protocolVersion: 99,
      deviceId: device,
      sentAt: new Date().toISOString(),
      events: makeEvents(device, 1),
    });
    expect((await push(wrongVersion)).status).toBe(400);
    const tooMany = pushBody(device, makeEvents(device, MAX_EVENTS_PER_PUSH + 1));
    const { status, json } = await push(tooMany);
    expect(status).toBe(400);
    expect(json.message).toMatch(/events/);
    expect(await server.store.countEvents()).toBe(0);
  });

  it('answers 413 with a message to a body over the size limit, and stores nothing', async () => {
    const device = makeDeviceId();
    const huge = pushBody(device, [{ padding: 'x'.repeat(MAX_PUSH_BODY_BYTES) }]);
    const { status, json } = await push(huge);
    expect(status).toBe(413);
    expect(json).toMatchObject({ error: 'payload_too_large' });
    expect(await server.store.countEvents()).toBe(0);
  });

  it('answers 404 as JSON for an unknown API path', async () => {
    const response = await server.fetch('/api/v1/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('POST /api/v1/sync/push (over a real socket)', () => {
  it('stores events sent over loopback HTTP exactly once, also when sent twice', async () => {
    const server = await listeningServer();
    try {
      const device = makeDeviceId();
      const deviceFetch = withDeviceCredential(fetch, await enrollDevice(server.store, device));
      const events = makeEvents(device, 50);
      for (let i = 0; i < 2; i++) {
        const response = await deviceFetch(`${server.baseUrl}${PUSH}`, postJson(pushBody(device, events)));
        expect(response.status).toBe(200);
        const answer = pushResponseSchema.parse(await response.json());
        expect(new Set(answer.results.map((r) => r.status))).toEqual(new Set([i === 0 ? 'accepted' : 'duplicate']));
      }
      expect(await server.store.countEvents()).toBe(50);
    } finally {
      await server.close();
    }
  });
});
