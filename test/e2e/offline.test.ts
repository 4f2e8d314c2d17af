import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLEAN, renderFrame } from '../scan/corpus/scene.ts';
import { renderModules } from '../scan/corpus/symbols.ts';
import { seededRandom } from '../support/random.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';
import { writeY4m } from '../support/y4m.ts';
import { type LaunchedBrowser, launchChromium } from './support/chromium.ts';
import { countScan, listedSyncStates, openCountingScreen } from './support/counting.ts';
import { provisionCountingDevice } from './support/identity.ts';
import {
  cachedUrls,
  DIST,
  distFiles,
  fetchFromPage,
  goOffline,
  precacheUrls,
  serviceWorkerControlling,
  storedRawScans,
  WASM_MAGIC,
} from './support/pwa.ts';

describe('offline: the app starts, counts and scans with no server at all', () => {
  let server: ServerProcess;
  let browser: LaunchedBrowser;
  let cameraDir: string;

  beforeEach(async () => {
    server = new ServerProcess(await freePort());
    await server.start();
    // The fake camera shows one pack: a GS1 DataMatrix, 10 px per module.
    cameraDir = mkdtempSync(join(tmpdir(), 'lagerkoll-offline-camera-'));
    const video = join(cameraDir, 'pack.y4m');
    const grid = renderModules({
      kind: 'gs1-datamatrix',
      data: '(01)09506000100739(17)290630(10)OFFLINE1(21)SER-OFF-1',
    });
    writeY4m(video, renderFrame(grid, { ...CLEAN, modulePx: 10 }, seededRandom(7)));
    browser = await launchChromium({
      args: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
  });
  afterEach(async () => {
    await browser?.close();
    await server?.dispose();
    rmSync(cameraDir, { recursive: true, force: true });
  });

  it('loaded once online, it cold-starts offline, counts typed and camera scans, and syncs when the server is back', async () => {
    const page = await browser.context.newPage();
    await provisionCountingDevice(page, server);
    await openCountingScreen(page, server.url);
    expect(await serviceWorkerControlling(page)).toBe(`${server.url}/sw.js`);
    // The app has talked to the API online, so a worker that cached API answers would have them now.
    await expect.poll(() => page.getByTestId('sync-status').textContent()).toMatch(/No contact|All sent/);

    await goOffline(server, browser.context);
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Barcode' }).isEditable()).toBe(true);

    // A count with no server: typed as a keyboard-wedge scanner would, saved, listed as waiting.
    await countScan(page, '0107046261000000');
    // The camera starts and its decoder (worker + .wasm, from the precache) reads the pack.
    await page.getByRole('button', { name: 'Start the camera' }).click();
    await expect.poll(() => page.getByTestId('event').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.getByTestId('event').first().textContent()).toContain('OFFLINE1');
    expect(await listedSyncStates(page)).toEqual(['pending', 'pending']);
    await expect
      .poll(() => page.getByTestId('sync-status').textContent(), { timeout: 15_000 })
      .toMatch(/Offline.*2 waiting/);

    // Every .wasm of the build is in the worker's precache and is served from it, intact, with the
    // network blocked and the server gone; a build with the decoder's worker has its .wasm among its
    // own files (never a CDN).
    const precached = precacheUrls(DIST);
    const wasmFiles = distFiles(DIST, '.wasm');
    expect(distFiles(DIST, '.js').some((file) => file.includes('decoder.worker'))).toBe(true);
    expect(wasmFiles.length).toBeGreaterThan(0);
    for (const wasm of wasmFiles) {
      expect(precached).toContain(wasm);
      const fetched = await fetchFromPage(page, `/${wasm}`);
      expect(fetched).toMatchObject({ ok: true, status: 200, firstBytes: WASM_MAGIC });
    }

    // The API is never answered from a cache: offline it fails, as the sync engine expects.
    expect(await fetchFromPage(page, '/api/v1/health')).toMatchObject({ ok: false });
    expect((await cachedUrls(page)).filter((url) => new URL(url).pathname.startsWith('/api/'))).toEqual([]);

    // Back online: the counts made offline reach the server, once each.
    await server.start();
    await browser.context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => listedSyncStates(page), { timeout: 30_000 }).toEqual(['sent', 'sent']);
    expect(storedRawScans(server.databaseFile)).toEqual(['0107046261000000', expect.stringContaining('OFFLINE1')]);
  });
});
