import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { SqliteEventStore } from '../../src/server/storage/sqlite-event-store.ts';

describe('the built app, served by the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-static-'));
  const dist = join(dir, 'dist');
  const store = new SqliteEventStore(join(dir, 'db.sqlite'));
  const shell = `<!doctype html><title>Lagerkoll</title>${'<p>app shell</p>'.repeat(200)}`;
  let app: ReturnType<typeof createApp>;

  beforeAll(() => {
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), shell);
    writeFileSync(join(dist, 'sw.js'), `self.x = ${JSON.stringify('y'.repeat(4000))};`);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('z'.repeat(4000))});`);
    app = createApp({ store, distDir: dist }); // serves the app only when the build is there
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('revalidates index.html and sw.js on every load, and keeps hashed assets for good', async () => {
    expect((await app.request('/')).headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/sw.js')).headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/assets/index-abc123.js')).headers.get('cache-control')).toContain('immutable');
  });

  it('answers any app address with the shell, but an unknown API path with a JSON 404', async () => {
    expect(await (await app.request('/st/ST-1/loc/R1')).text()).toBe(shell);
    const api = await app.request('/api/v1/nope');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not_found' });
  });

  it('compresses what it sends when the browser accepts gzip', async () => {
    const response = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.length).toBeLessThan(1000);
    const plain = await app.request('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
  });
});
