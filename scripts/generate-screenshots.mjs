#!/usr/bin/env node
// The install sheet's screenshots (manifest `screenshots`), taken from the real app: builds dist/ if
// it is missing, starts the server on a free port with the demo data set (fictitious products),
// counts a few packs in Swedish and photographs the counting screen on a phone (narrow) and a
// tablet/desktop (wide).
// Run after a visible change of the counting screen and commit the PNGs:
//   npm run build && node scripts/generate-screenshots.mjs
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'public', 'screenshots');
// Sizes as declared in vite.config.ts (manifest.screenshots): CSS pixels × device scale.
const SHOTS = [
  { file: 'counting-narrow.png', viewport: { width: 360, height: 640 }, deviceScaleFactor: 2 },
  { file: 'counting-wide.png', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
];
// GS1 element strings as a keyboard-wedge scanner types them (GTIN, expiry, batch, serial), for
// products of the demo data set.
const SCANS = [
  '0107046261000000\u001d17290630\u001d10A4711\u001d21SN000123',
  '0109506000100739\u001d17281231\u001d10B22',
  '0109506000101460',
];

if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(2);
}

const freePort = () =>
  new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

async function startServer(port, dataDir) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ready, fail) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Lagerkoll is running')) ready();
    });
    child.once('exit', (code) => fail(new Error(`the server exited (${code}):\n${output}`)));
  });
  return child;
}

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'lagerkoll-screenshots-'));
const server = await startServer(port, dataDir);
const demo = await fetch(`http://127.0.0.1:${port}/api/v1/demo`, { method: 'POST' });
if (!demo.ok) throw new Error(`loading the demo data failed: ${demo.status} ${await demo.text()}`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: shot.viewport,
      deviceScaleFactor: shot.deviceScaleFactor,
      locale: 'sv-SE',
      serviceWorkers: 'block',
    });
    // Swedish, and the first-run install guide already seen: the sheet shows the app at work.
    await context.addInitScript(() => {
      localStorage.setItem('lagerkoll.lang', 'sv');
      localStorage.setItem('lagerkoll.installGuideSeen', '1');
    });
    const page = await context.newPage();
    // The start screen lists the demo stock-takes once the device has pulled the reference data.
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('stock-take').first().waitFor();
    await page.goto(`http://127.0.0.1:${port}/quick`);
    const scan = page.getByRole('textbox', { name: 'Streckkod' });
    for (const raw of SCANS) {
      const before = await page.getByTestId('event').count();
      await scan.fill(raw);
      await scan.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="event"]').length > n, before);
    }
    // Wait until the counts are sent, so the header shows the calm state ("Allt skickat").
    await page.waitForFunction(() => !document.querySelector('[data-testid="event"]:not([data-sync="sent"])'));
    await scan.blur();
    await page.screenshot({ path: join(OUT, shot.file) });
    console.log(`public/screenshots/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
