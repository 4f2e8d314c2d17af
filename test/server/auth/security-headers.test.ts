import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { versionHeaders } from '../../support/events.ts';
import { inProcessServer } from '../../support/server.ts';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; " +
  "img-src 'self' data: blob:; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
  "frame-ancestors 'none'";

describe('security headers and CORS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagerkoll-headers-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Lagerkoll</title>');
  writeFileSync(join(dir, 'assets', 'decoder.wasm'), Buffer.from([0, 97, 115, 109]));
  const server = inProcessServer({ distDir: dir });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const expectSecure = (response: Response, what: string) => {
    expect(response.headers.get('content-security-policy'), what).toBe(CSP);
    expect(response.headers.get('x-frame-options'), what).toBe('DENY');
    expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(response.headers.get('permissions-policy'), what).toBe('camera=(self)');
    expect(
      [...response.headers.keys()].filter((h) => h.startsWith('access-control-')),
      what,
    ).toEqual([]);
  };

  it('on the app, its assets, the API, and the API’s refusals', async () => {
    expectSecure(await server.rawFetch('/'), '/');
    expectSecure(await server.rawFetch('/st/ST-1/loc/R1'), 'app shell');
    expectSecure(await server.rawFetch('/assets/decoder.wasm'), 'wasm');
    expectSecure(await server.rawFetch('/api/v1/health'), 'health');
    expectSecure(await server.rawFetch('/api/v1/devices'), '401');
    expectSecure(await server.rawFetch('/api/v1/nope'), '404');
  });

  it('CORS is closed: a cross-origin request or preflight gets no Access-Control-* header', async () => {
    const origin = { origin: 'https://evil.example' };
    const preflight = {
      ...origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, lagerkoll-device-credential',
    };
    for (const path of ['/api/v1/sync/push', '/api/v1/auth/sign-in', '/api/v1/health', '/']) {
      const answer = await server.rawFetch(path, { method: 'OPTIONS', headers: preflight });
      expect([path, answer.ok]).toEqual([path, false]);
      expectSecure(answer, `OPTIONS ${path}`);
    }
    expectSecure(await server.rawFetch('/api/v1/auth/status', { headers: origin }), 'GET with Origin');
    expectSecure(
      await server.rawFetch('/api/v1/sync/pull?dataset=sites', { headers: { ...origin, ...versionHeaders } }),
      'pull',
    );
  });

  it('the app’s HTML has no inline script or style for the policy to block', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../../index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });
});
