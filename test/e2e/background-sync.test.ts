import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKGROUND_SYNC_TAG } from '../../src/sync/background-sync.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';
import { type LaunchedBrowser, launchChromium } from './support/chromium.ts';
import { countScan, openCountingScreen } from './support/counting.ts';
import { provisionCountingDevice } from './support/identity.ts';
import { serviceWorkerControlling, storedRawScans } from './support/pwa.ts';

describe('Background Sync: the outbox goes when the network returns, with the app closed', () => {
  let server: ServerProcess;
  let browser: LaunchedBrowser;

  beforeEach(async () => {
    // The server refuses apps older than this one: the worker's pushes must carry the app's version too.
    server = new ServerProcess(await freePort(), { env: { MIN_APP_VERSION: '0.1.0' } });
    await server.start();
    browser = await launchChromium();
  });
  afterEach(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('the service worker pushes the counts on its sync event, exactly once, after every tab is closed', async () => {
    const page = await browser.context.newPage();
    // Enrolled, with someone signed in: the worker pushes with the credential the device keeps.
    await provisionCountingDevice(page, server);
    await openCountingScreen(page, server.url);
    await serviceWorkerControlling(page);
    await server.kill();
    await countScan(page, '0107046261000000');
    await countScan(page, '0109506000100739');
    // The app has asked for a Background Sync while its counts wait for the network.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const registration = (await navigator.serviceWorker.ready) as unknown as {
              sync: { getTags(): Promise<string[]> };
            };
            return registration.sync.getTags();
          }),
        { timeout: 15_000 },
      )
      .toContain(BACKGROUND_SYNC_TAG);
    await page.close(); // every tab of the app is gone

    await server.start();
    // Chromium fires the sync event when it sees the network come back; the DevTools protocol fires
    // the same event on demand, so the test does not depend on how Chromium detects connectivity.
    const blank = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(blank);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL.startsWith(server.url) && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: server.url,
      registrationId: await registrationId,
      tag: BACKGROUND_SYNC_TAG,
      lastChance: false,
    });

    await expect.poll(() => storedRawScans(server.databaseFile), { timeout: 20_000 }).toHaveLength(2);
    expect(storedRawScans(server.databaseFile).sort()).toEqual(['0107046261000000', '0109506000100739']);

    // The app opened again finds them sent, and sending again changes nothing on the server.
    const again = await browser.context.newPage();
    await openCountingScreen(again, server.url);
    await expect
      .poll(() => again.getByTestId('event').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.sync)))
      .toEqual(['sent', 'sent']);
    expect(storedRawScans(server.databaseFile)).toHaveLength(2);
  });
});
