import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort, ServerProcess } from '../support/server-process.ts';
import { type LaunchedBrowser, launchChromium } from './support/chromium.ts';
import { provisionCountingDevice } from './support/identity.ts';

function storedEvents(
  file: string,
): Array<{ id: string; raw: string; gtin: string | null; quantity: number; userId: string | null }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id, raw, gtin, quantity, user_id AS userId FROM events ORDER BY seq').all() as never;
  } finally {
    db.close();
  }
}

/** Scans by typing into the scan field; a quantity other than one is set on the card's keypad. */
async function count(page: Page, raw: string, quantity?: number) {
  const scan = page.getByRole('textbox', { name: 'Barcode' });
  await scan.fill(raw);
  await scan.press('Enter');
  await expect.poll(() => scan.inputValue()).toBe('');
  await expect.poll(() => page.getByTestId('scan-card').getAttribute('data-tone')).toBe('ok');
  if (quantity !== undefined) {
    await page.getByRole('button', { name: 'Change quantity' }).click();
    for (const digit of String(quantity)) await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'OK', exact: true }).click();
    await expect.poll(() => page.getByTestId('scan-card-quantity').textContent()).toBe(`× ${quantity}`);
  }
}

describe('walking skeleton: a count typed on a device reaches the server', () => {
  let server: ServerProcess;
  let browser: LaunchedBrowser;

  beforeEach(async () => {
    server = new ServerProcess(await freePort());
    await server.start();
    browser = await launchChromium();
  });
  afterEach(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('saves a typed scan, shows it sent, and the server has it', async () => {
    const page = await browser.context.newPage();
    const user = await provisionCountingDevice(page, server);
    await page.goto(`${server.url}/quick`);
    await count(page, '0107046261000000', 3);

    const row = page.getByTestId('event').first();
    await expect.poll(() => row.getByTestId('sync-state').textContent(), { timeout: 15_000 }).toContain('Sent');
    await expect.poll(() => page.getByTestId('sync-status').textContent()).toMatch(/All sent/);

    // A quantity changed on the card is a new event that supersedes the first (counts are never edited).
    const stored = storedEvents(server.databaseFile);
    expect(stored).toEqual([
      expect.objectContaining({ raw: '0107046261000000', gtin: '07046261000000', quantity: 1, userId: user.id }),
      expect.objectContaining({ raw: '0107046261000000', gtin: '07046261000000', quantity: 3, userId: user.id }),
    ]);

    // The count survives a reload (IndexedDB), still marked sent.
    await page.reload();
    await expect.poll(() => page.getByTestId('sync-state').first().textContent()).toContain('Sent');
  });

  it('with counts pending, the server is killed and restarted: they arrive exactly once', async () => {
    const page = await browser.context.newPage();
    await provisionCountingDevice(page, server);
    await page.goto(`${server.url}/quick`);
    await expect.poll(() => page.getByTestId('sync-status').textContent()).toMatch(/No contact|All sent/);
    await page.getByRole('textbox', { name: 'Barcode' }).waitFor();

    await server.kill();
    await count(page, '07046261000000');
    await count(page, '09506000100739', 2);
    await count(page, '\u001d0109506000101460');
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 15_000 }).toMatch(/Offline/);
    await expect
      .poll(() => page.getByTestId('sync-state').allTextContents())
      .toEqual(Array(3).fill(expect.stringContaining('Waiting')));

    // First the running app gets them through when the server is back: the browser fires `online`
    // when the network returns (the app also retries on its own with backoff, but the event keeps
    // the test independent of the random delay).
    await server.start();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect
      .poll(() => page.getByTestId('sync-state').allTextContents(), { timeout: 30_000 })
      .toEqual(Array(3).fill(expect.stringContaining('Sent')));

    const stored = storedEvents(server.databaseFile);
    // Four events: three scans, and the quantity change of the second as an event of its own.
    expect(stored.map((e) => [e.gtin, e.quantity])).toEqual([
      ['07046261000000', 1],
      ['09506000100739', 1],
      ['09506000100739', 2],
      ['09506000101460', 1],
    ]);
    expect(new Set(stored.map((e) => e.id)).size).toBe(4);

    // Syncing again (another trigger, a reload) changes nothing on the server.
    await page.reload();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => page.getByTestId('sync-status').textContent()).toMatch(/All sent/);
    expect(storedEvents(server.databaseFile)).toHaveLength(4);
  });

  it('counts left pending when the tablet was closed are sent exactly once when the app starts again', async () => {
    const page = await browser.context.newPage();
    await provisionCountingDevice(page, server);
    await page.goto(`${server.url}/quick`);
    await page.getByRole('textbox', { name: 'Barcode' }).waitFor();
    await server.kill();
    await count(page, '07046261000000', 5);
    await count(page, '09506000100739', 7);
    await expect
      .poll(() => page.getByTestId('sync-state').allTextContents())
      .toEqual(Array(2).fill(expect.stringContaining('Waiting')));
    await page.close(); // the battery runs out

    await server.start();
    const again = await browser.context.newPage();
    await again.goto(`${server.url}/quick`);
    await expect
      .poll(() => again.getByTestId('sync-state').allTextContents(), { timeout: 30_000 })
      .toEqual(Array(2).fill(expect.stringContaining('Sent')));
    expect(storedEvents(server.databaseFile).map((e) => e.quantity)).toEqual([1, 5, 1, 7]);
  });
});
