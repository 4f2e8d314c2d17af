// Offline cold start to an interactive counting screen, in Chromium, and the first-paint JavaScript.
// The app is loaded once online (service worker installed, precache filled) and, since identity
// (issue 7), the device is enrolled and a counter signed in there, through the app's own screens;
// then the server is gone and the browser offline. Each run starts Chromium afresh on that profile
// (nothing in memory, the worker not running) and opens the counting screen; "interactive" is the
// moment the scan field exists and is enabled (Preact attaches its handlers as it renders). The
// session the app resumes is the signed-in counter's, not locked (the runs come well within the
// 5-minute lock), so no sign-in or PIN is part of the time; each run checks that the screen is the
// counter's. Median of 5 runs.
//
//   npx tsx test/bench/offline-start.bench.ts      (npm run bench runs every file in test/bench)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { MENU_STRINGS } from '../../src/ui/access/menu-strings.ts';
import { chromiumPath } from '../e2e/support/chromium.ts';
import { provisionCountingDeviceOutsideVitest } from '../e2e/support/identity.ts';
import { buildApp, DIST, ROOT, serviceWorkerControlling } from '../e2e/support/pwa.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';

const RUNS = 5;

/** Records, in the page's own clock (0 = navigation start), when the scan field is first usable. */
const MARK_COUNTING_READY = `
  new MutationObserver((_, observer) => {
    const field = document.querySelector('input[name="scan"]');
    if (field && !field.disabled) {
      globalThis.countingReadyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

buildApp(DIST);
const budget = JSON.parse(
  execFileSync(process.execPath, [join(ROOT, 'scripts/check-bundle-budget.mjs'), DIST, '--json'], {
    encoding: 'utf8',
  }),
) as { gzipBytes: number; budgetBytes: number; chunks: Array<{ file: string; gzipBytes: number }> };

const profile = mkdtempSync(join(tmpdir(), 'lagerkoll-bench-profile-'));
const launch = (): Promise<BrowserContext> =>
  chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    viewport: { width: 360, height: 640 },
    locale: 'en-GB',
  });

const server = new ServerProcess(await freePort());
await server.start();
const url = `${server.url}/quick`;
try {
  const first = await launch();
  const page = await first.newPage();
  // Enrolled and signed in (a counter with a PIN), as a tablet in use is; the first visit installs
  // the service worker.
  const counter = await provisionCountingDeviceOutsideVitest(page, server);
  await page.goto(url);
  await page.locator('input[name="scan"]:enabled').waitFor();
  await serviceWorkerControlling(page);
  await first.close();
  await server.kill();

  const navigationMs: number[] = [];
  const launchMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const context = await launch();
    await context.setOffline(true);
    await context.addInitScript({ content: MARK_COUNTING_READY });
    const cold = await context.newPage();
    await cold.goto(url);
    await cold.waitForFunction(() => 'countingReadyAt' in globalThis);
    launchMs.push(performance.now() - started);
    navigationMs.push(
      await cold.evaluate(() => (globalThis as unknown as { countingReadyAt: number }).countingReadyAt),
    );
    if (!(await cold.evaluate(() => navigator.serviceWorker.controller !== null))) {
      throw new Error('the offline start was not served by the service worker');
    }
    // The screen measured is the signed-in counter's (the user menu loads after the first paint).
    await cold
      .getByTestId('signed-in-user')
      .filter({ hasText: MENU_STRINGS.en.signedIn(counter.name) })
      .waitFor({ timeout: 10_000 });
    await context.close();
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(
    `Offline cold start, navigation → interactive counting screen: median ${median(navigationMs).toFixed(0)} ms (${ms(navigationMs)})`,
  );
  console.log(
    `Offline cold start, browser launch → interactive counting screen: median ${median(launchMs).toFixed(0)} ms (${ms(launchMs)})`,
  );
  console.log(
    `Initial JavaScript (first-paint path): ${(budget.gzipBytes / 1000).toFixed(1)} kB gzipped of ${(budget.budgetBytes / 1000).toFixed(0)} kB ` +
      `(${budget.chunks.map((c) => c.file).join(', ')})`,
  );
} finally {
  await server.dispose();
  rmSync(profile, { recursive: true, force: true });
}
