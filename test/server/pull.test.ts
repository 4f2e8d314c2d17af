import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullPageSchemas } from '../../src/domain/sync-protocol.ts';
import { makeDeviceId, versionHeaders } from '../support/events.ts';
import { deviceHeader, enrollDevice } from '../support/identity.ts';
import { inProcessServer, listeningServer } from '../support/server.ts';

const site = (code: string) => ({ code, name: `DEMO ${code}`, kind: 'regional-store', region: 'Gotland' });

describe('GET /api/v1/sync/pull', () => {
  let server: ReturnType<typeof inProcessServer>;
  beforeEach(() => {
    server = inProcessServer();
  });
  afterEach(() => server.close());

  async function pull(query: string) {
    const response = await server.fetch(`/api/v1/sync/pull?${query}`, { headers: versionHeaders });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it('pages through a dataset by cursor, with tombstones for deletions', async () => {
    await server.store.writeReference(
      ['S1', 'S2', 'S3'].map((code) => ({ dataset: 'sites', key: code, row: site(code) })),
    );
    const first = pullPageSchemas.sites.parse((await pull('dataset=sites&limit=2')).json);
    expect(first.changes.map((c) => c.key)).toEqual(['S1', 'S2']);
    expect(first.hasMore).toBe(true);
    const second = pullPageSchemas.sites.parse((await pull(`dataset=sites&limit=2&cursor=${first.cursor}`)).json);
    expect(second.changes).toEqual([{ op: 'upsert', key: 'S3', row: site('S3') }]);
    expect(second.hasMore).toBe(false);

    await server.store.writeReference([{ dataset: 'sites', key: 'S2', deleted: true }]);
    const third = pullPageSchemas.sites.parse((await pull(`dataset=sites&cursor=${second.cursor}`)).json);
    expect(third.changes).toEqual([{ op: 'delete', key: 'S2' }]);
  });

  it('answers 410 to a cursor the server can no longer serve', async () => {
    const { status, json } = await pull('dataset=sites&cursor=0123456789abcdef.42');
    expect(status).toBe(410);
    expect(json).toMatchObject({ error: 'cursor_expired', message: expect.stringMatching(/reload/) });
  });

  it('answers 400 with a message to an unknown dataset or a bad limit', async () => {
    expect(await pull('dataset=secrets')).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
    expect(await pull('dataset=sites&limit=0')).toMatchObject({ status: 400 });
    expect(await pull('dataset=sites&limit=many')).toMatchObject({ status: 400 });
    expect(await pull('dataset=sites&color=blue')).toMatchObject({ status: 400 });
  });

  it('is never cached', async () => {
    const response = await server.fetch('/api/v1/sync/pull?dataset=users', { headers: versionHeaders });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /api/v1/sync/pull (over a real socket)', () => {
  it('serves the same pages over loopback HTTP', async () => {
    const server = await listeningServer();
    try {
      await server.store.writeReference([{ dataset: 'sites', key: 'S1', row: site('S1') }]);
      const credential = await enrollDevice(server.store, makeDeviceId());
      const response = await fetch(`${server.baseUrl}/api/v1/sync/pull?dataset=sites`, {
        headers: { ...versionHeaders, ...deviceHeader(credential) },
      });
      expect(response.status).toBe(200);
      expect(pullPageSchemas.sites.parse(await response.json()).changes).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
