import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ServerProcess } from '../support/server-process.ts';
import { type LaunchedBrowser, launchChromium } from './support/chromium.ts';
import { provisionCountingDevice } from './support/identity.ts';
import {
  cachedUrls,
  DIST,
  distFiles,
  fetchFromPage,
  goOffline,
  precacheUrls,
  serviceWorkerControlling,
} from './support/pwa.ts';

interface ManifestImage {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
  form_factor?: string;
  label?: string;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

describe('installable: manifest, icons, iOS tags, a controlling service worker, offline navigation', () => {
  let server: ServerProcess;
  let browser: LaunchedBrowser;

  // One server and one browser for the whole file: the checks build on one another (the last one
  // takes the server down), as a person installing the app would meet them.
  beforeAll(async () => {
    server = new ServerProcess(await freePort());
    await server.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /** An image the manifest or index.html names, fetched from the server: its type and pixel size. */
  async function served(src: string): Promise<{ type: string | null; size: string }> {
    const response = await fetch(new URL(src, server.url));
    expect(response.status, src).toBe(200);
    return { type: response.headers.get('content-type'), size: pngSize(new Uint8Array(await response.arrayBuffer())) };
  }

  it('has a complete web app manifest, and Chromium finds the app installable', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const response = await fetch(new URL(href ?? '', server.url));
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as Record<string, unknown> & {
      icons: ManifestImage[];
      screenshots: ManifestImage[];
    };

    expect(manifest).toMatchObject({
      id: '/',
      name: 'Lagerkoll',
      short_name: 'Lagerkoll',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#0b4f6c',
      lang: 'sv',
    });
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
    // One description, in both languages.
    expect(manifest.description).toMatch(/sjukvårdsmateriel.*även utan nät/);
    expect(manifest.description).toMatch(/emergency medical stock.*no network/);

    const pngIcons = manifest.icons.filter((icon) => icon.type === 'image/png');
    expect(pngIcons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    for (const icon of pngIcons) expect(await served(icon.src)).toEqual({ type: 'image/png', size: icon.sizes });

    expect(manifest.screenshots.map((shot) => shot.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const shot of manifest.screenshots) {
      expect(shot.label).toBeTruthy();
      expect(await served(shot.src)).toEqual({ type: 'image/png', size: shot.sizes });
    }

    // Chromium's own verdict, the one behind its install button and `beforeinstallprompt`.
    const cdp = await browser.context.newCDPSession(page);
    expect(await cdp.send('Page.getAppManifest')).toMatchObject({ errors: [] });
    expect(await cdp.send('Page.getInstallabilityErrors')).toEqual({ installabilityErrors: [] });
    await page.close();
  });

  it('has the tags and the icon that iPhone and iPad use to install it', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const meta = (name: string) => page.locator(`meta[name="${name}"]`).getAttribute('content');
    expect(await meta('apple-mobile-web-app-capable')).toBe('yes');
    expect(await meta('apple-mobile-web-app-status-bar-style')).toBe('black-translucent');
    expect(await meta('apple-mobile-web-app-title')).toBe('Lagerkoll');
    expect(await meta('theme-color')).toBe('#0b4f6c');
    const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect(await served(touchIcon ?? '')).toEqual({ type: 'image/png', size: '180x180' });
    await page.close();
  });

  it('precaches the whole app — scripts, styles, shell, icons and every .wasm — and never an API URL', () => {
    const precached = precacheUrls(DIST);
    expect(new Set(precached).size).toBe(precached.length);
    // sw.js and the Workbox runtime it imports are the worker's own scripts, kept by the browser with it.
    const needed = ['.js', '.css', '.wasm', '.html']
      .flatMap((ext) => distFiles(DIST, ext))
      .filter((file) => file !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(file));
    expect(precached).toEqual(expect.arrayContaining([...needed, 'manifest.webmanifest', 'icons/icon-192.png']));
    expect(precached.filter((url) => url.startsWith('api/') || url.includes('/api/'))).toEqual([]);
    // The install sheet's screenshots are for the browser's install UI, online; not worth a device's space.
    expect(precached.filter((url) => url.startsWith('screenshots/'))).toEqual([]);
    // The worker answers navigations with the shell, except under /api/.
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(sw).toMatch(/["`']index\.html["`']/);
    expect(sw).toContain('^\\/api\\/');
  });

  it('is controlled by its service worker, and navigates offline to any of its addresses but not to the API', async () => {
    const page = await browser.context.newPage();
    // A counting device (enrolled, someone signed in), as the app is used offline.
    await provisionCountingDevice(page, server);
    expect(await serviceWorkerControlling(page)).toBe(`${server.url}/sw.js`);
    await expect.poll(() => page.getByTestId('sync-status').textContent()).toMatch(/No contact|All sent/);

    await goOffline(server, browser.context);
    // A deep link the server has never been asked for: the worker answers with the app shell.
    await page.goto(`${server.url}/st/ST-2026-01/loc/ROOM-1`);
    await expect.poll(() => page.getByTestId('sync-status').isVisible()).toBe(true);
    expect(await page.locator('link[rel="manifest"]').count()).toBe(1);

    // The API is not the app: offline, a navigation or a fetch there fails instead of getting the shell.
    const apiPage = await browser.context.newPage();
    await expect(apiPage.goto(`${server.url}/api/v1/health`)).rejects.toThrow(/ERR_/);
    expect(await fetchFromPage(page, '/api/v1/health')).toMatchObject({ ok: false });
    expect((await cachedUrls(page)).filter((url) => new URL(url).pathname.startsWith('/api/'))).toEqual([]);
    await browser.context.setOffline(false);
  });
});
