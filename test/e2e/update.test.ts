import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, ServerProcess } from '../support/server-process.ts';
import { type LaunchedBrowser, launchChromium } from './support/chromium.ts';
import { countScan, listedSyncStates, openCountingScreen } from './support/counting.ts';
import { provisionCountingDevice } from './support/identity.ts';
import { buildApp, buildIdOf, DIST, goOffline, serviceWorkerControlling, storedRawScans } from './support/pwa.ts';

const VERSION_B = 'e2e-version-b';

const runningBuild = (page: Page) =>
  page.locator('meta[name="lagerkoll-build"]').getAttribute('content', { timeout: 1_000 });

describe('update: a new version never loses a count', () => {
  let versionBDir: string;
  const servers: ServerProcess[] = [];
  let browser: LaunchedBrowser;

  beforeAll(() => {
    // Version A is dist/ (built by global-setup); version B is the same app with another build id,
    // which changes index.html and so the service worker's precache list: a new version to install.
    versionBDir = mkdtempSync(join(tmpdir(), 'lagerkoll-version-b-'));
    buildApp(versionBDir, { LAGERKOLL_BUILD_ID: VERSION_B });
  });
  afterAll(() => rmSync(versionBDir, { recursive: true, force: true }));

  beforeEach(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await browser?.close();
    for (const server of servers.splice(0).reverse()) await server.dispose();
  });

  it('counts made offline by version A are kept through the update and sent by version B', async () => {
    // The same port throughout: the origin, and with it IndexedDB and the service worker, stays.
    const port = await freePort();
    const serverA = new ServerProcess(port);
    servers.push(serverA);
    await serverA.start();

    const page = await browser.context.newPage();
    await provisionCountingDevice(page, serverA);
    await openCountingScreen(page, serverA.url);
    await serviceWorkerControlling(page);
    expect(await runningBuild(page)).toBe(buildIdOf(DIST));
    expect(buildIdOf(DIST)).not.toBe(VERSION_B);

    await countScan(page, '0107046261000000');
    await expect.poll(() => listedSyncStates(page), { timeout: 15_000 }).toEqual(['sent']);

    // In the field: no network; two more packs counted by version A.
    await goOffline(serverA, browser.context);
    await countScan(page, '09506000100739');
    await countScan(page, '\u001d0109506000101460');
    expect(await listedSyncStates(page)).toEqual(['pending', 'pending', 'sent']);

    // Version B is deployed and the network is back, but B's API is not up yet (503, as during a
    // server upgrade), so version A cannot send the two counts before the update: B must send them.
    // The update check is what the app runs hourly and whenever it is brought back to the screen.
    await browser.context.route('**/api/**', (route) => route.fulfill({ status: 503, body: 'upgrading' }));
    // The server is upgraded in place: same port, same database, the new app.
    const serverB = new ServerProcess(port, { distDir: versionBDir, env: { DATA_DIR: serverA.dataDir } });
    servers.push(serverB);
    await serverB.start();
    await browser.context.setOffline(false);
    await page.evaluate(() => {
      (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
    });
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });

    // The new version has installed and waits, but this is the counting screen: no prompt here.
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state), {
        timeout: 30_000,
      })
      .toBe('installed');
    const prompt = page.getByTestId('update-prompt');
    expect(await prompt.count()).toBe(0);

    // Done counting here: back to the start screen, where the prompt comes up by itself.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => prompt.isVisible()).toBe(true);
    expect(await prompt.textContent()).toContain('A new version is ready');
    // Nothing happened by itself: same page, same version, the two counts still waiting.
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true);
    expect(await runningBuild(page)).toBe(buildIdOf(DIST));
    expect(await page.getByTestId('sync-status').textContent()).toMatch(/\b2 waiting/);

    await prompt.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(() => runningBuild(page).catch(() => null), { timeout: 30_000 }).toBe(VERSION_B);
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBeUndefined();
    expect(await page.getByTestId('update-prompt').count()).toBe(0);

    // Version B reads the outbox version A wrote: all three counts, the two offline ones still waiting.
    await openCountingScreen(page, serverB.url);
    expect(await runningBuild(page)).toBe(VERSION_B);
    await expect.poll(() => listedSyncStates(page)).toEqual(['pending', 'pending', 'sent']);

    // B's API is up: version B sends them, once each.
    await browser.context.unrouteAll();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => listedSyncStates(page), { timeout: 30_000 }).toEqual(['sent', 'sent', 'sent']);
    expect(storedRawScans(serverA.databaseFile)).toEqual([
      '0107046261000000',
      '09506000100739',
      '\u001d0109506000101460',
    ]);
  });
});
