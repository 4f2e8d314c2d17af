import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CountEvent } from '../../../src/domain/count-event.ts';
import { overviewPageSchema } from '../../../src/domain/overview/model.ts';
import type { StockTake } from '../../../src/domain/reference-data.ts';
import { apiErrorSchema } from '../../../src/domain/sync-protocol.ts';
import { makeDeviceId } from '../../support/events.ts';
import { GTIN_A, GTIN_B, GTIN_C, type StockTakeServer, stockTakeServer, type TestDevice } from './support.ts';

const LOCATION_CONFLICT = JSON.stringify(['location-totals', 'N-R1', GTIN_A, 'L1']);
const SERIAL_CONFLICT = JSON.stringify(['serial', GTIN_C, 'S1']);

describe('progress and conflicts of a stock-take, through the API', () => {
  let server: StockTakeServer;
  let stockTake: StockTake;
  let anna: TestDevice;
  let bo: TestDevice;
  /** Anna's counts at N-R1, product A, batch L1: 4 replaced by 3, and 3 more (6); Bo counted 5 there. */
  let annaAtR1: CountEvent[];

  beforeEach(async () => {
    server = await stockTakeServer();
    stockTake = await server.create({ locationCodes: ['N-R1', 'N-R2'] });
    anna = await server.device('anna', 'Platta 1');
    bo = await server.device('bo', 'Platta 2');
    const at = (fields: Partial<CountEvent>) => ({ stockTakeId: stockTake.id, gtin: GTIN_A, batch: 'L1', ...fields });
    const first = anna.count(at({ quantity: 4 }));
    annaAtR1 = [first, anna.correct(first, { quantity: 3 }), anna.count(at({ quantity: 3 }))];
    await anna.push(server, [
      ...annaAtR1,
      anna.count(at({ locationCode: 'N-R2', gtin: GTIN_B, batch: null, quantity: 3 })),
      anna.count(at({ locationCode: 'N-R2', gtin: GTIN_C, batch: null, serial: 'S1' })),
    ]);
    await bo.push(server, [
      bo.count(at({ quantity: 5 })),
      bo.count(at({ batch: 'L2', quantity: 1 })),
      bo.count(at({ locationCode: 'N-R3', gtin: GTIN_C, batch: null, serial: 'S1' })),
    ]);
  });
  afterEach(() => server.close());

  const sorted = (...devices: TestDevice[]) => devices.map((d) => d.deviceId).sort();
  const provisionalOf = async (gtin: string) => {
    const response = await server.call('GET', '/overview?site=NORR', 'supervisor');
    return overviewPageSchema.parse(await response.json()).rows.find((r) => r.gtin === gtin)?.provisionalPacks;
  };

  it('shows per location what stands, who counted it and when, and both kinds of conflict', async () => {
    const progress = await server.progress(stockTake.id);
    expect(progress.stockTake).toEqual(stockTake);
    expect(progress.locations.map((l) => [l.locationCode, l.locationName, l.lines, l.packs, l.deviceIds])).toEqual([
      ['N-R1', 'Rum 1', 4, 12, sorted(anna, bo)],
      ['N-R2', 'Rum 2', 2, 4, [anna.deviceId]],
      // Counted outside the scope: shown too, after the scope.
      ['N-R3', 'Rum 3; hylla "A"', 1, 1, [bo.deviceId]],
    ]);
    expect(progress.locations.every((l) => l.lastCountedAt !== null && !l.recountRequested)).toBe(true);
    expect(progress.totals).toEqual({ lines: 7, packs: 17, countedLocations: 3, locations: 3 });

    const totals = [
      { deviceId: anna.deviceId, deviceLabel: 'Platta 1', quantity: 6, userIds: [anna.userId] },
      { deviceId: bo.deviceId, deviceLabel: 'Platta 2', quantity: 5, userIds: [bo.userId] },
    ].sort((a, b) => a.deviceId.localeCompare(b.deviceId));
    expect(progress.conflicts).toEqual([
      {
        id: LOCATION_CONFLICT,
        kind: 'location-totals',
        locationCode: 'N-R1',
        gtin: GTIN_A,
        batch: 'L1',
        serial: null,
        totals,
        resolution: null,
      },
      {
        id: SERIAL_CONFLICT,
        kind: 'serial',
        locationCode: null,
        gtin: GTIN_C,
        batch: null,
        serial: 'S1',
        totals: totals.map((t) => ({ ...t, quantity: 1 })),
        resolution: null,
      },
    ]);
    expect(progress.openConflicts).toBe(2);
    // The names of the products in conflict come along (a coordinator's browser has no catalog);
    // GTIN_B, counted without a conflict, does not.
    expect(progress.products.map((p) => [p.gtin, p.nameSv]).sort()).toEqual([
      [GTIN_A, 'Ringer-acetat'],
      [GTIN_C, '=Förband'],
    ]);
  });

  it('a stock-take without a scope follows every location of its site', async () => {
    const whole = await server.create();
    const progress = await server.progress(whole.id);
    expect(progress.locations.map((l) => [l.locationCode, l.lines, l.lastCountedAt])).toEqual([
      ['N-R1', 0, null],
      ['N-R2', 0, null],
      ['N-R3', 0, null],
    ]);
    expect(progress.totals).toEqual({ lines: 0, packs: 0, countedLocations: 0, locations: 3 });
  });

  it('accept-device: only the chosen device’s counts stand there, voided by the server in the supervisor’s name', async () => {
    expect(await provisionalOf(GTIN_A)).toBe(12);
    const response = await server.resolve(stockTake.id, {
      conflictId: LOCATION_CONFLICT,
      kind: 'accept-device',
      deviceId: bo.deviceId,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const progress = await server.progress(stockTake.id);
    expect(progress.locations[0]).toMatchObject({ locationCode: 'N-R1', lines: 2, packs: 6, deviceIds: [bo.deviceId] });
    // Bo's 5 of L1 and 1 of L2: the overview and the drill-down read the same standing counts.
    expect(await provisionalOf(GTIN_A)).toBe(6);
    const drill = await server.store.overviewDrill('NORR', GTIN_A);
    expect(drill.provisional?.batches.map((b) => [b.batch, b.quantity])).toEqual([
      ['L1', 5],
      ['L2', 1],
    ]);
    // Listed as decided, with the totals it was decided on; no longer open.
    const decided = progress.conflicts.find((c) => c.id === LOCATION_CONFLICT);
    expect(decided?.totals.map((t) => [t.deviceLabel, t.quantity]).sort()).toEqual([
      ['Platta 1', 6],
      ['Platta 2', 5],
    ]);
    expect(decided?.resolution).toMatchObject({
      kind: 'accept-device',
      deviceId: bo.deviceId,
      decidedBy: server.userId('supervisor'),
    });
    expect(progress.openConflicts).toBe(1);

    // Every count of Anna's line is voided — the replaced one too, or voiding its replacement would bring it back.
    const serverDevice = await server.store.stockTakeAdmin.serverDeviceId();
    const voids = (await server.store.eventsOfDevice(serverDevice)).map((r) => r.event);
    expect(voids.map((e) => [e.kind, e.corrects, e.userId, e.stockTakeId, e.seq])).toEqual(
      annaAtR1.map((e, i) => ['void', e.id, server.userId('supervisor'), stockTake.id, i + 1]),
    );
    const [audit] = await server.store.auth.auditPage({ action: 'conflict-resolved', limit: 1 });
    expect(audit).toMatchObject({
      userId: server.userId('supervisor'),
      subject: stockTake.id,
      details: { conflictId: LOCATION_CONFLICT, kind: 'accept-device', deviceId: bo.deviceId },
    });

    // The serialised pack: Anna's scan stands, Bo's is voided (its location is then empty).
    await server.resolve(stockTake.id, { conflictId: SERIAL_CONFLICT, kind: 'accept-device', deviceId: anna.deviceId });
    const after = await server.progress(stockTake.id);
    expect(after.locations.find((l) => l.locationCode === 'N-R3')).toMatchObject({ lines: 0, packs: 0 });
    expect(after.locations.find((l) => l.locationCode === 'N-R2')).toMatchObject({ lines: 2, packs: 4 });
    expect(after.openConflicts).toBe(0);
    expect(after.conflicts.map((c) => c.resolution?.kind)).toEqual(['accept-device', 'accept-device']);
  });

  it('accept-device again after new counts: the conflict is open again and the second decision voids only what is new', async () => {
    await server.resolve(stockTake.id, { conflictId: LOCATION_CONFLICT, kind: 'accept-device', deviceId: bo.deviceId });
    await anna.push(server, [anna.count({ stockTakeId: stockTake.id, gtin: GTIN_A, batch: 'L1', quantity: 2 })]);
    const reopened = await server.progress(stockTake.id);
    expect(reopened.conflicts.find((c) => c.id === LOCATION_CONFLICT)).toMatchObject({ resolution: null });
    expect(reopened.openConflicts).toBe(2);
    await server.resolve(stockTake.id, {
      conflictId: LOCATION_CONFLICT,
      kind: 'accept-device',
      deviceId: anna.deviceId,
    });
    expect((await server.progress(stockTake.id)).locations[0]).toMatchObject({
      packs: 2 + 1,
      deviceIds: sorted(anna, bo),
    });
    const serverDevice = await server.store.stockTakeAdmin.serverDeviceId();
    expect((await server.store.eventsOfDevice(serverDevice)).map((r) => r.event.seq)).toEqual([1, 2, 3, 4]);
  });

  it('separate-zones: both counts stand and add up, until a new count changes the totals', async () => {
    const response = await server.resolve(stockTake.id, { conflictId: LOCATION_CONFLICT, kind: 'separate-zones' });
    expect(response.status).toBe(200);
    const progress = await server.progress(stockTake.id);
    expect(progress.conflicts[0]?.resolution).toMatchObject({ kind: 'separate-zones', deviceId: null });
    expect(progress.openConflicts).toBe(1);
    expect(progress.locations[0]?.packs).toBe(12);
    expect(await provisionalOf(GTIN_A)).toBe(12);

    await bo.push(server, [bo.count({ stockTakeId: stockTake.id, gtin: GTIN_A, batch: 'L1', quantity: 2 })]);
    const changed = await server.progress(stockTake.id);
    expect(changed.conflicts[0]).toMatchObject({ id: LOCATION_CONFLICT, resolution: null });
    expect(changed.openConflicts).toBe(2);

    const serial = await server.resolve(stockTake.id, { conflictId: SERIAL_CONFLICT, kind: 'separate-zones' });
    expect(serial.status).toBe(400);
    expect(apiErrorSchema.parse(await serial.json()).message).toMatch(/serialised pack/);
  });

  it('recount: the request reaches the devices in the stock-take row and clears when the location is counted again', async () => {
    expect((await server.call('POST', `/stock-takes/${stockTake.id}/submit`, 'counter')).status).toBe(200);
    const response = await server.resolve(stockTake.id, {
      conflictId: LOCATION_CONFLICT,
      kind: 'recount',
      reason: 'Två olika antal på hylla L1',
    });
    expect(response.status).toBe(200);
    const progress = await server.progress(stockTake.id);
    expect(progress.locations.map((l) => [l.locationCode, l.recountRequested])).toEqual([
      ['N-R1', true],
      ['N-R2', false],
      ['N-R3', false],
    ]);
    expect(progress.conflicts[0]?.resolution?.kind).toBe('recount');
    expect(progress.openConflicts).toBe(2);

    // What a device pulls: the request, and the stock-take open again (counting is not finished).
    const pulled = (await server.pulledStockTakes()).get(stockTake.id);
    expect(pulled?.status).toBe('open');
    expect(pulled?.submittedAt).toBeUndefined();
    expect(pulled?.recounts).toEqual([
      { locationCode: 'N-R1', requestedAt: expect.any(String), reason: 'Två olika antal på hylla L1' },
    ]);
    const [audit] = await server.store.auth.auditPage({ action: 'recount-requested', limit: 1 });
    expect(audit?.details).toMatchObject({ conflictId: LOCATION_CONFLICT, locationCodes: ['N-R1'] });

    // Anna recounts her line: 5, like Bo. The conflict disappears and the request is met.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const [, replacement, second] = annaAtR1 as [CountEvent, CountEvent, CountEvent];
    await anna.push(server, [anna.correct(replacement, { quantity: 5 }), anna.correct(second, { void: true })]);
    const recounted = await server.progress(stockTake.id);
    expect(recounted.locations[0]).toMatchObject({ locationCode: 'N-R1', recountRequested: false, packs: 11 });
    expect(recounted.conflicts.map((c) => c.id)).toEqual([SERIAL_CONFLICT]);
    expect(recounted.openConflicts).toBe(1);

    // A serialised pack is counted again wherever it stands.
    await server.resolve(stockTake.id, { conflictId: SERIAL_CONFLICT, kind: 'recount' });
    const rows = (await server.pulledStockTakes()).get(stockTake.id);
    expect(rows?.recounts?.map((r) => r.locationCode)).toEqual(['N-R1', 'N-R2', 'N-R3']);
  });

  it('refuses a resolution it cannot carry out, and any once the stock-take is approved', async () => {
    const refused = async (body: Record<string, unknown>, status: number, message: RegExp, id = stockTake.id) => {
      const response = await server.resolve(id, body);
      expect(response.status).toBe(status);
      expect(apiErrorSchema.parse(await response.json()).message).toMatch(message);
    };
    await refused({ conflictId: 'nope', kind: 'recount' }, 404, /no conflict nope/);
    await refused({ conflictId: LOCATION_CONFLICT, kind: 'accept-device' }, 400, /deviceId of one of the devices/);
    const stranger = makeDeviceId();
    await refused({ conflictId: LOCATION_CONFLICT, kind: 'accept-device', deviceId: stranger }, 400, /deviceId/);
    await refused(
      { conflictId: LOCATION_CONFLICT, kind: 'recount', deviceId: bo.deviceId },
      400,
      /only for accept-device/,
    );
    await refused({ conflictId: LOCATION_CONFLICT, kind: 'toss-a-coin' }, 400, /kind/);
    await refused({ conflictId: LOCATION_CONFLICT, kind: 'separate-zones', extra: 1 }, 400, /unknown field extra/);
    await refused({ conflictId: LOCATION_CONFLICT, kind: 'recount' }, 404, /No stock-take st-none/, 'st-none');
    expect(await server.store.stockTakeAdmin.resolutions(stockTake.id)).toEqual([]);

    for (const conflictId of [LOCATION_CONFLICT, SERIAL_CONFLICT]) {
      await server.resolve(stockTake.id, { conflictId, kind: 'accept-device', deviceId: bo.deviceId });
    }
    expect((await server.call('POST', `/stock-takes/${stockTake.id}/approve`, 'supervisor')).status).toBe(200);
    await anna.push(server, [anna.count({ stockTakeId: stockTake.id, gtin: GTIN_A, batch: 'L1', quantity: 9 })]);
    await refused({ conflictId: LOCATION_CONFLICT, kind: 'recount' }, 409, /is approved/);
  });
});
