import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import type { ServerProcess } from '../../support/server-process.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DIST = join(ROOT, 'dist');

/** Builds the app into `outDir` (as global-setup does into dist/), e.g. a second version for an update. */
export function buildApp(outDir: string, env: Record<string, string> = {}): void {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    // NODE_ENV: vitest sets it to `test`, which would make Vite build a development flavour.
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', ...env } },
  );
}

/** The build id written into a build's index.html (`<meta name="lagerkoll-build">`). */
export function buildIdOf(distDir: string): string {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const id = /<meta name="lagerkoll-build" content="([^"]+)"/.exec(html)?.[1];
  if (!id) throw new Error(`${distDir}/index.html has no lagerkoll-build meta tag`);
  return id;
}

/** The URLs (relative to the origin, without a leading slash) in the generated worker's precache list. */
export function precacheUrls(distDir: string): string[] {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  // Minified (`url:"…"`) or not (`"url": "…"`), depending on how the build was made.
  return [...sw.matchAll(/\burl"?\s*:\s*"([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** Files under `distDir` whose names end with `extension`, as paths relative to it with `/`. */
export function distFiles(distDir: string, extension: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : walk(path);
      return entry.name.endsWith(extension) ? [relative(distDir, path).split('\\').join('/')] : [];
    });
  return walk(distDir);
}

/** Waits until a service worker controls the page (the first install claims it) and returns its script URL. */
export async function serviceWorkerControlling(page: Page): Promise<string> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
    return navigator.serviceWorker.controller?.scriptURL ?? '';
  });
}

/** Every URL in every Cache Storage cache of the page's origin. */
export async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(request.url);
    }
    return urls;
  });
}

/**
 * The most realistic offline: the server process is gone (SIGKILL) and the browser's network is
 * off too. (`setOffline` alone does not stop the service worker's own requests.)
 */
export async function goOffline(server: ServerProcess, context: BrowserContext): Promise<void> {
  await server.kill();
  await context.setOffline(true);
}

/** What a fetch from the page gives: the status and the first bytes, or the error when it failed. */
export async function fetchFromPage(
  page: Page,
  url: string,
): Promise<{ ok: true; status: number; firstBytes: number[] } | { ok: false; error: string }> {
  return page.evaluate(async (target) => {
    try {
      const response = await fetch(target);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { ok: true as const, status: response.status, firstBytes: [...bytes.slice(0, 4)] };
    } catch (error) {
      return { ok: false as const, error: String(error) };
    }
  }, url);
}

/** The raw scans the server has stored, in order of arrival. */
export function storedRawScans(databaseFile: string): string[] {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return (db.prepare('SELECT raw FROM events ORDER BY seq').all() as Array<{ raw: string }>).map((r) => r.raw);
  } finally {
    db.close();
  }
}

/** The bytes every WebAssembly module starts with (`\0asm`). */
export const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
