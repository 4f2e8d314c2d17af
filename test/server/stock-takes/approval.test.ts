import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { overviewPageSchema } from '../../../src/domain/overview/model.ts';
import { conflictViewSchema } from '../../../src/domain/overview/stock-take-admin.ts';
import { type StockTake, stockTakeSchema } from '../../../src/domain/reference-data.ts';
import { apiErrorSchema } from '../../../src/domain/sync-protocol.ts';
import { GTIN_A, GTIN_B, type StockTakeServer, stockTakeServer, type TestDevice } from './support.ts';

describe('submitting and approving a stock-take', () => {
  let server: StockTakeServer;
  let stockTake: StockTake;
  let anna: TestDevice;
  let bo: TestDevice;
  beforeEach(async () => {
    server = await stockTakeServer();
    stockTake = await server.create();
    anna = await server.device('anna', 'Platta 1');
    bo = await server.device('bo', 'Platta 2');
    await anna.push(server, [
      anna.count({ stockTakeId: stockTake.id, gtin: GTIN_A, batch: 'L1', expiry: '2027-03-31', quantity: 40 }),
      anna.count({ stockTakeId: stockTake.id, locationCode: 'N-R2', gtin: GTIN_B, batch: 'B7', quantity: 3 }),
    ]);
    await bo.push(server, [
      bo.count({ stockTakeId: stockTake.id, gtin: GTIN_A, batch: 'L1', expiry: '2027-03-31', quantity: 38 }),
    ]);
  });
  afterEach(() => server.close());

  const post = async (action: 'submit' | 'approve', role: 'counter' | 'supervisor' = 'supervisor') => {
    const response = await server.call('POST', `/stock-takes/${stockTake.id}/${action}`, role);
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const overviewRow = async (gtin: string) => {
    const response = await server.call('GET', '/overview?site=NORR', 'supervisor');
    return overviewPageSchema.parse(await response.json()).rows.find((r) => r.gtin === gtin);
  };

  it('a counter submits it; submitting again changes nothing and is logged once', async () => {
    const first = await post('submit', 'counter');
    expect(first.status).toBe(200);
    const submitted = stockTakeSchema.parse(first.body);
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    const again = await post('submit', 'counter');
    expect(again).toEqual({ status: 200, body: submitted });
    expect((await server.pulledStockTakes()).get(stockTake.id)).toEqual(submitted);
    const audit = await server.store.auth.auditPage({ action: 'stock-take-submitted', limit: 10 });
    expect(audit.map((a) => [a.userId, a.subject])).toEqual([[server.userId('counter'), stockTake.id]]);
    expect((await server.call('POST', '/stock-takes/st-none/submit', 'counter')).status).toBe(404);
  });

  it('approval is refused while a conflict is open, with the open conflicts, and changes nothing', async () => {
    await post('submit', 'counter');
    const refused = await post('approve');
    expect(refused.status).toBe(409);
    const body = refused.body as { openConflicts: unknown[] };
    expect(apiErrorSchema.parse(body)).toMatchObject({
      error: 'conflict',
      message: expect.stringMatching(/1 open conflict/),
    });
    expect(body.openConflicts.map((c) => conflictViewSchema.parse(c))).toMatchObject([
      { kind: 'location-totals', locationCode: 'N-R1', gtin: GTIN_A, batch: 'L1' },
    ]);
    expect((await server.pulledStockTakes()).get(stockTake.id)?.status).toBe('submitted');
    expect(await server.store.auth.auditPage({ action: 'stock-take-approved', limit: 1 })).toEqual([]);

    // A recount request does not settle it either.
    const conflictId = (await server.progress(stockTake.id)).conflicts[0]?.id;
    await server.resolve(stockTake.id, { conflictId, kind: 'recount' });
    expect((await post('approve')).status).toBe(409);
  });

  it('once its conflicts are settled it is approved, and the overview counts its standing packs', async () => {
    expect(await overviewRow(GTIN_A)).toMatchObject({ countedPacks: null, provisionalPacks: 78 });
    const conflictId = (await server.progress(stockTake.id)).conflicts[0]?.id;
    await server.resolve(stockTake.id, { conflictId, kind: 'accept-device', deviceId: bo.deviceId });

    const approved = await post('approve');
    expect(approved.status).toBe(200);
    expect(stockTakeSchema.parse(approved.body)).toMatchObject({
      status: 'approved',
      approvedAt: expect.any(String),
      approvedBy: server.userId('supervisor'),
    });
    expect(await overviewRow(GTIN_A)).toMatchObject({
      countedPacks: 38,
      provisionalPacks: null,
      coveragePercent: 38,
      earliestExpiry: '2027-03-31',
      countedStockTakeId: stockTake.id,
    });
    expect(await overviewRow(GTIN_B)).toMatchObject({ countedPacks: 3, targetPacks: null });
    const [audit] = await server.store.auth.auditPage({ action: 'stock-take-approved', limit: 5 });
    expect(audit).toMatchObject({
      userId: server.userId('supervisor'),
      subject: stockTake.id,
      details: { siteCode: 'NORR', lines: 2, packs: 41 },
    });

    // Approving again changes nothing; submitting an approved stock-take is refused.
    expect(await post('approve')).toEqual(approved);
    expect(await server.store.auth.auditPage({ action: 'stock-take-approved', limit: 5 })).toHaveLength(1);
    const late = await post('submit', 'counter');
    expect(late.status).toBe(409);
  });

  it('is refused when a recount is requested between its conflict check and its write (another supervisor)', async () => {
    const conflictId = (await server.progress(stockTake.id)).conflicts[0]?.id as string;
    await server.resolve(stockTake.id, { conflictId, kind: 'separate-zones' });
    // The recount request lands just before the approval's transaction, as from another instance.
    const admin = server.store.stockTakeAdmin;
    const update = admin.updateStockTake.bind(admin);
    let once = true;
    admin.updateStockTake = async (id, decide) => {
      if (once) {
        once = false;
        const recount = await server.resolve(stockTake.id, {
          conflictId,
          kind: 'recount',
          reason: 'Räkna hylla 1 igen',
        });
        expect(recount.status).toBe(200);
      }
      return update(id, decide);
    };
    const refused = await post('approve');
    expect(refused.status).toBe(409);
    expect(apiErrorSchema.parse(refused.body).message).toMatch(/changed while it was being approved/);
    expect((await server.pulledStockTakes()).get(stockTake.id)).toMatchObject({ status: 'open' });
  });

  it('says how many counts arrived after the approval (a device that was offline): they are kept, and shown', async () => {
    const conflictId = (await server.progress(stockTake.id)).conflicts[0]?.id;
    await server.resolve(stockTake.id, { conflictId, kind: 'accept-device', deviceId: bo.deviceId });
    expect((await post('approve')).status).toBe(200);
    expect((await server.progress(stockTake.id)).countsAfterApproval).toBe(0);
    await new Promise((resume) => setTimeout(resume, 5)); // received strictly after the approval
    await anna.push(server, [
      anna.count({ stockTakeId: stockTake.id, locationCode: 'N-R2', gtin: GTIN_B, batch: 'B8', quantity: 2 }),
    ]);
    expect((await server.progress(stockTake.id)).countsAfterApproval).toBe(1);
  });
});
