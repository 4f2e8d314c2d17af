import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_PATTERNS } from '../../src/scan/feedback.ts';
import { strings } from '../../src/ui/i18n.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';
import { type LaunchedBrowser, launchChromium } from './support/chromium.ts';
import { countScan } from './support/counting.ts';
import { loadDemo, provisionCountingDevice } from './support/identity.ts';

const t = strings.en;

/**
 * A full disk, injected: while `sessionStorage['test:disk-full']` is set, every write to the `events`
 * store throws the QuotaExceededError a browser gives when storage runs out. (CDP's
 * Storage.overrideQuotaForOrigin worked on a bare origin but took no effect on the app's, with its
 * service worker and persistent storage, so the full disk cannot be made real here.)
 * Vibrations are recorded, so the test hears what the person holding the device would feel.
 */
function injectFullDisk() {
  const full = () => sessionStorage.getItem('test:disk-full') === '1';
  // The counts, and the device's settings (a row of `meta`; the rest of it is left alone).
  const refused = (store: IDBObjectStore, value: unknown) =>
    store.name === 'events' || (store.name === 'meta' && (value as { key?: unknown } | null)?.key === 'settings');
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (full() && refused(this, args[0]))
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  }
  const vibrations: unknown[] = [];
  (window as unknown as { vibrations: unknown[] }).vibrations = vibrations;
  navigator.vibrate = (pattern) => {
    vibrations.push(pattern);
    return true;
  };
}

const setDiskFull = (page: Page, full: boolean) =>
  page.evaluate(
    (on) => (on ? sessionStorage.setItem('test:disk-full', '1') : sessionStorage.removeItem('test:disk-full')),
    full,
  );
const lastVibration = (page: Page) =>
  page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.at(-1) ?? null);

describe('a full disk while counting: the scan is refused out loud, and nothing counted is lost', () => {
  let server: ServerProcess;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = new ServerProcess(await freePort());
    await server.start();
    await loadDemo(server);
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.addInitScript(injectFullDisk);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('says the storage is full, not offline, when the sync cannot mark what it sent', async () => {
    await provisionCountingDevice(page, server);
    await page.goto(`${server.url}/quick`);
    // Counted offline, so it waits; the disk fills up; the network comes back.
    await browser.context.setOffline(true);
    await countScan(page, '0107046261000000');
    await setDiskFull(page, true);
    await browser.context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const status = page.getByTestId('sync-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain(t.statusStorageFull);
    expect(await status.textContent()).toContain(t.statusWaiting('1'));
    expect(await page.getByTestId('sync-warnings').textContent()).toContain(t.statusStorageFullHelp);
  });

  it('says a scan was not counted, with the error feedback and no card that could pass for it', async () => {
    await expect.poll(() => page.getByTestId('scan-card').count()).toBe(1);
    const scan = page.getByRole('textbox', { name: 'Barcode' });
    await scan.fill('0109506000100739');
    await scan.press('Enter');
    const alert = page.locator('.count-screen [role=alert]');
    await expect.poll(() => alert.textContent()).toBe(t.notCounted.storageFull);
    expect(await lastVibration(page)).toEqual([...FEEDBACK_PATTERNS.error.vibration]);
    // The card of the previous scan is gone: it would look like this one was counted.
    expect(await page.getByTestId('scan-card').count()).toBe(0);
    expect(await page.getByTestId('event').count()).toBe(1);
  });

  it('says an undo was not saved, and the count stands', async () => {
    await page.getByRole('button', { name: t.count.undo }).click();
    await expect.poll(() => page.locator('.count-screen [role=alert]').textContent()).toBe(t.notChanged.storageFull);
    expect(await page.getByTestId('event').count()).toBe(1);
  });

  it('says a new quantity was not saved, and the card keeps the stored one', async () => {
    await setDiskFull(page, false);
    await countScan(page, '0107046261000000');
    await setDiskFull(page, true);
    await page.getByRole('button', { name: t.count.setQuantity }).click();
    await page.getByRole('button', { name: '7', exact: true }).click();
    await page.getByRole('button', { name: t.count.apply, exact: true }).click();
    await expect.poll(() => page.locator('.count-screen [role=alert]').textContent()).toBe(t.notChanged.storageFull);
    expect(await page.getByTestId('scan-card-quantity').textContent()).toMatch(/× 1$/);
    expect(await lastVibration(page)).toEqual([...FEEDBACK_PATTERNS.error.vibration]);
  });

  it('says a recount in the review was not saved, and the line stands', async () => {
    await setDiskFull(page, false);
    await page.goto(`${server.url}/st/demo-SSL-MITT/loc/SSL-MITT-R1-H1`);
    await countScan(page, '010704626100000010TX2');
    await page.goto(`${server.url}/st/demo-SSL-MITT/review`);
    await expect.poll(() => page.getByTestId('review-totals').textContent()).toContain('1');
    await setDiskFull(page, true);
    await page.locator('tr', { hasText: 'TX2' }).getByRole('button', { name: t.review.recount }).click();
    await page.getByRole('button', { name: '5', exact: true }).click();
    await page.getByRole('button', { name: t.count.apply, exact: true }).click();
    await expect.poll(() => page.locator('.review [role=alert]').textContent()).toBe(t.notChanged.storageFull);
    expect(await page.getByTestId('review-totals').textContent()).toBe(`${t.review.total}: 1`);
  });

  it('says a setting was not saved, and shows the one in force', async () => {
    await page.getByRole('button', { name: t.nav.settings, exact: true }).click();
    const sounds = page.getByRole('checkbox', { name: t.settings.sounds });
    expect(await sounds.isChecked()).toBe(true);
    await sounds.click();
    await expect.poll(() => page.locator('.settings [role=alert]').textContent()).toBe(t.settings.notSaved.storageFull);
    expect(await sounds.isChecked()).toBe(true);
  });

  it('counts again once there is space, and nothing counted before is gone', async () => {
    await setDiskFull(page, false);
    await page.goto(`${server.url}/quick`);
    await countScan(page, '0109506000100739');
    expect(await page.locator('.count-screen [role=alert]').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('event').count()).toBe(3);
    // And the sync gets through: the server holds every count once (the first was pushed twice).
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toMatch(/All sent/);
    const db = new Database(server.databaseFile, { readonly: true });
    try {
      const raws = db.prepare('SELECT raw FROM events ORDER BY seq').pluck().all();
      expect(raws).toEqual(['0107046261000000', '0107046261000000', '010704626100000010TX2', '0109506000100739']);
    } finally {
      db.close();
    }
  });
});
