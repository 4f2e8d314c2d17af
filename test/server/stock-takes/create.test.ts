import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stockTakeListSchema } from '../../../src/domain/overview/stock-take-admin.ts';
import { apiErrorSchema } from '../../../src/domain/sync-protocol.ts';
import { GTIN_A, GTIN_B, type StockTakeServer, stockTakeServer } from './support.ts';

describe('creating and listing stock-takes', () => {
  let server: StockTakeServer;
  beforeEach(async () => {
    server = await stockTakeServer();
  });
  afterEach(() => server.close());

  const valid = {
    siteCode: 'NORR',
    name: '  Höstinventering  ',
    mode: 'blind',
    locationCodes: ['N-R1', 'N-R2', 'N-R1'],
    assignedDeviceIds: ['0190f5d6-0000-4000-8000-000000000001'],
    assignedUserIds: ['anna', 'anna', 'bo'],
  };

  it('creates an open stock-take with an id of its own that devices pull, and writes the audit log', async () => {
    const before = Date.now();
    const created = await server.create(valid);
    expect(created.id).toMatch(/^st-NORR-\d{8}-[0-9a-f]{8}$/);
    expect(created).toMatchObject({
      siteCode: 'NORR',
      name: 'Höstinventering',
      mode: 'blind',
      status: 'open',
      locationCodes: ['N-R1', 'N-R2'],
      assignedDeviceIds: ['0190f5d6-0000-4000-8000-000000000001'],
      assignedUserIds: ['anna', 'bo'],
    });
    expect(Date.parse(created.createdAt)).toBeGreaterThanOrEqual(before - 1);
    expect((await server.pulledStockTakes()).get(created.id)).toEqual(created);
    const [entry] = await server.store.auth.auditPage({ action: 'stock-take-created', limit: 5 });
    expect(entry).toMatchObject({
      userId: server.userId('supervisor'),
      subject: created.id,
      details: { siteCode: 'NORR', mode: 'blind', locations: 2, expectations: 0 },
    });
    // Two created the same day are two stock-takes.
    expect((await server.create(valid)).id).not.toBe(created.id);
  });

  it('refuses what it cannot make sense of, with the reason, and writes nothing', async () => {
    const refused = async (body: unknown, status: number, message: RegExp) => {
      const response = await server.call('POST', '/stock-takes', 'supervisor', body);
      expect(response.status).toBe(status);
      expect(apiErrorSchema.parse(await response.json()).message).toMatch(message);
    };
    await refused({ ...valid, siteCode: 'VÄST' }, 400, /No site VÄST/);
    await refused({ ...valid, locationCodes: ['N-R1', 'X-9'] }, 400, /No location X-9/);
    await refused({ ...valid, locationCodes: ['N-R1', 'S-R1'] }, 400, /Not locations of site NORR: S-R1 \(SYD\)/);
    await refused({ ...valid, mode: 'careful' }, 400, /mode/);
    await refused({ ...valid, name: '   ' }, 400, /name/);
    await refused({ ...valid, assignedDeviceIds: [42] }, 400, /assignedDeviceIds\.0/);
    await refused({ ...valid, status: 'approved' }, 400, /status/);
    const { locationCodes: _omitted, ...missing } = valid;
    await refused(missing, 400, /locationCodes/);
    const notJson = await server.app.request('/api/v1/stock-takes', {
      method: 'POST',
      headers: { ...server.authorization('supervisor'), 'content-type': 'text/plain' },
      body: 'siteCode=NORR',
    });
    expect(notJson.status).toBe(415);
    expect((await server.pulledStockTakes()).size).toBe(0);
  });

  it('a guided stock-take expects what the latest approved one found standing, per location, product and batch', async () => {
    // Without an approved stock-take there is nothing to expect.
    const first = await server.create({ mode: 'guided' });
    expect(await expectationsOf(first.id)).toEqual([]);

    const device = await server.device('anna', 'Platta 1');
    const a1 = device.count({ stockTakeId: first.id, locationCode: 'N-R1', gtin: GTIN_A, batch: 'L1', quantity: 10 });
    const a1b = device.count({
      stockTakeId: first.id,
      locationCode: 'N-R1',
      gtin: GTIN_A,
      batch: 'L1',
      expiry: '2027-01-31',
      quantity: 2,
    });
    const b2 = device.count({ stockTakeId: first.id, locationCode: 'N-R2', gtin: GTIN_B, batch: null, quantity: 5 });
    const wrong = device.count({ stockTakeId: first.id, locationCode: 'N-R3', gtin: GTIN_B, quantity: 9 });
    await device.push(server, [
      a1,
      a1b,
      b2,
      wrong,
      device.correct(wrong, { void: true }),
      device.correct(a1, { quantity: 7 }),
    ]);
    expect((await server.call('POST', `/stock-takes/${first.id}/approve`, 'supervisor')).status).toBe(200);

    const guided = await server.create({ mode: 'guided' });
    expect(await expectationsOf(guided.id)).toEqual([
      { id: `${guided.id}-e1`, stockTakeId: guided.id, locationCode: 'N-R1', gtin: GTIN_A, batch: 'L1', quantity: 9 },
      { id: `${guided.id}-e2`, stockTakeId: guided.id, locationCode: 'N-R2', gtin: GTIN_B, batch: null, quantity: 5 },
    ]);
    const scoped = await server.create({ mode: 'guided', locationCodes: ['N-R2', 'N-R3'] });
    expect((await expectationsOf(scoped.id)).map((e) => [e.locationCode, e.quantity])).toEqual([['N-R2', 5]]);
    const blind = await server.create({ mode: 'blind' });
    expect(await expectationsOf(blind.id)).toEqual([]);
    const [entry] = await server.store.auth.auditPage({ action: 'stock-take-created', limit: 5 });
    expect(entry?.details).toMatchObject({ mode: 'blind', expectations: 0 });
  });

  it('lists stock-takes newest first, by site and status', async () => {
    const norr = await server.create({ name: 'Norr 1' });
    const syd = await server.create({ siteCode: 'SYD', name: 'Syd 1' });
    await server.call('POST', `/stock-takes/${syd.id}/submit`, 'counter');
    const list = async (query: string) => {
      const response = await server.call('GET', `/stock-takes${query}`, 'supervisor');
      expect(response.status).toBe(200);
      return stockTakeListSchema.parse(await response.json()).stockTakes.map((s) => [s.id, s.status]);
    };
    expect(await list('')).toEqual([
      [syd.id, 'submitted'],
      [norr.id, 'open'],
    ]);
    expect(await list('?site=NORR')).toEqual([[norr.id, 'open']]);
    expect(await list('?status=submitted')).toEqual([[syd.id, 'submitted']]);
    expect(await list('?site=SYD&status=open')).toEqual([]);
    expect((await server.call('GET', '/stock-takes?status=done', 'supervisor')).status).toBe(400);
    expect((await server.call('GET', '/stock-takes?colour=red', 'supervisor')).status).toBe(400);
    expect((await server.call('GET', '/stock-takes/st-none', 'supervisor')).status).toBe(404);
  });

  async function expectationsOf(stockTakeId: string) {
    return [...(await server.pulled('expectations')).values()].filter((e) => e.stockTakeId === stockTakeId);
  }
});
