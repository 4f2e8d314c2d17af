import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../src/domain/sync-protocol.ts';
import { type StockTakeServer, stockTakeServer } from './support.ts';

describe('who may use the stock-take routes', () => {
  let server: StockTakeServer;
  let id: string;
  beforeAll(async () => {
    server = await stockTakeServer();
    id = (await server.create()).id;
  });
  afterAll(() => server.close());

  const create = {
    siteCode: 'NORR',
    name: 'X',
    mode: 'blind',
    locationCodes: [],
    assignedDeviceIds: [],
    assignedUserIds: [],
  };
  const supervisorRoutes = (): Array<[string, string, unknown?]> => [
    ['POST', '/stock-takes', create],
    ['GET', '/stock-takes'],
    ['GET', `/stock-takes/${id}`],
    ['POST', `/stock-takes/${id}/resolutions`, { conflictId: 'x', kind: 'recount' }],
    ['POST', `/stock-takes/${id}/approve`],
    ['GET', `/stock-takes/${id}/export.csv`],
    ['GET', `/stock-takes/${id}/export.xlsx`],
    ['GET', '/overview/expiries/export.csv'],
    ['GET', '/overview/expiries/export.xlsx'],
  ];

  it('a counter is refused every supervisor route (403), and nothing happens', async () => {
    for (const [method, path, body] of supervisorRoutes()) {
      const response = await server.call(method, path, 'counter', body);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(apiErrorSchema.parse(await response.json())).toMatchObject({ error: 'forbidden', message: /supervisor/ });
    }
    expect(await server.store.auth.auditPage({ action: 'exported', limit: 1 })).toEqual([]);
    expect((await server.pulledStockTakes()).size).toBe(1);
  });

  it('without a session every route answers 401, submit included', async () => {
    for (const [method, path, body] of [
      ...supervisorRoutes(),
      ['POST', `/stock-takes/${id}/submit`] as [string, string],
    ]) {
      const response = await server.call(method, path, null, body);
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });

  it('a counter may submit; a supervisor and an administrator may do the rest', async () => {
    expect((await server.call('POST', `/stock-takes/${id}/submit`, 'counter')).status).toBe(200);
    expect((await server.call('GET', `/stock-takes/${id}`, 'supervisor')).status).toBe(200);
    expect((await server.call('GET', `/stock-takes/${id}/export.csv`, 'administrator')).status).toBe(200);
    expect((await server.call('POST', `/stock-takes/${id}/approve`, 'administrator')).status).toBe(200);
  });
});
