import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../../src/domain/auth/api.ts';
import { bearer, createUserWithSession } from '../../support/identity.ts';
import { inProcessServer } from '../../support/server.ts';

let server: ReturnType<typeof inProcessServer>;
let supervisor: Awaited<ReturnType<typeof createUserWithSession>>;
let admin: Awaited<ReturnType<typeof createUserWithSession>>;
beforeEach(async () => {
  server = inProcessServer();
  supervisor = await createUserWithSession(server.store, 'supervisor');
  admin = await createUserWithSession(server.store, 'administrator');
});
afterEach(() => server.close());

const page = async (query: string, token = supervisor.token) => {
  const response = await server.rawFetch(`/api/v1/audit${query}`, { headers: bearer(token) });
  expect(response.status).toBe(200);
  return auditPageSchema.parse(await response.json());
};

describe('GET /api/v1/audit', () => {
  it('pages newest first, by action, with nextBefore', async () => {
    for (let i = 0; i < 5; i++) {
      await server.store.auth.appendAudit({
        action: i % 2 ? 'exported' : 'imported',
        userId: supervisor.user.id,
        deviceId: null,
        subject: `file-${i}`,
        details: { i },
      });
    }
    const first = await page('?limit=2');
    expect(first.entries.map((e) => e.subject)).toEqual(['file-4', 'file-3']);
    expect(first.nextBefore).toBe(first.entries[1]?.id);
    const second = await page(`?limit=2&before=${first.nextBefore}`);
    expect(second.entries.map((e) => e.subject)).toEqual(['file-2', 'file-1']);
    const imports = await page('?action=imported');
    expect(imports.entries.map((e) => e.subject)).toEqual(['file-4', 'file-2', 'file-0']);
    expect(imports.nextBefore).toBeNull();
    // By subject (a stock-take's trail, a device's history), with the action too.
    expect((await page('?subject=file-3')).entries.map((e) => e.subject)).toEqual(['file-3']);
    expect((await page('?subject=file-3&action=imported')).entries).toEqual([]);
    for (const bad of ['?limit=0', '?limit=x', '?before=-1', '?action=dancing', '?color=red']) {
      const response = await server.rawFetch(`/api/v1/audit${bad}`, { headers: bearer(supervisor.token) });
      expect([bad, response.status]).toEqual([bad, 400]);
    }
  });

  it('records imports that wrote (not dry runs) and exports, with who did it', async () => {
    const csv = '\uFEFFgtin;nameSv;category\r\n07046261000017;Förband;consumable\r\n';
    const upload = (dryRun: boolean) =>
      server.rawFetch(`/api/v1/admin/catalog/import?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...bearer(admin.token) },
        body: csv,
      });
    expect((await upload(true)).status).toBe(200);
    expect((await page('?action=imported')).entries).toEqual([]);
    expect((await upload(false)).status).toBe(200);
    const [imported] = (await page('?action=imported')).entries;
    expect(imported).toMatchObject({
      userId: admin.user.id,
      subject: 'catalog',
      details: { dataset: 'catalog', new: 1 },
    });

    const exported = await server.rawFetch('/api/v1/overview/export.csv?site=NORR', {
      headers: bearer(supervisor.token),
    });
    expect(exported.status).toBe(200);
    const [entry] = (await page('?action=exported')).entries;
    expect(entry).toMatchObject({
      userId: supervisor.user.id,
      subject: 'overview',
      details: { what: 'overview', format: 'csv', filter: { site: 'NORR' } },
    });
  });

  it('is append-only: the database refuses to change or delete a line', async () => {
    await server.store.auth.appendAudit({
      action: 'exported',
      userId: 'u',
      deviceId: null,
      subject: null,
      details: {},
    });
    const db = new Database(join(server.dir, 'test.sqlite'));
    try {
      expect(() => db.prepare("UPDATE audit_log SET action = 'imported'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
    expect((await page('')).entries.map((e) => e.action)).toEqual(['exported']);
  });
});
