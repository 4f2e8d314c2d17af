import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * How the offline and update tests count: the one place that knows the counting screen, so a change
 * of screen changes only this file. The quick count (`/quick`) is a deep link — offline it is
 * answered by the service worker's navigation fallback, which the tests want to exercise anyway.
 */
export async function openCountingScreen(page: Page, origin: string): Promise<void> {
  // Waits for the screen itself rather than the page's load event: once, in CI, the load event of
  // this navigation did not come within 30 s right after a service-worker update, while what the
  // test needs (the counting screen) is what it polls for.
  await page.goto(`${origin}/quick`, { waitUntil: 'commit' });
  await expect.poll(() => page.getByRole('textbox', { name: 'Barcode' }).isEditable(), { timeout: 30_000 }).toBe(true);
}

/**
 * Types a scan in the Barcode field and presses Enter (a keyboard-wedge scanner does the same), then
 * waits for this scan's count by its id: on the card, then in the list. (Counting the list's rows
 * before and after could read a list that had not loaded yet.)
 */
export async function countScan(page: Page, raw: string): Promise<void> {
  const card = page.getByTestId('scan-card');
  const shownEventId = async () => ((await card.count()) > 0 ? await card.getAttribute('data-event-id') : null);
  const before = await shownEventId();
  const scan = page.getByRole('textbox', { name: 'Barcode' });
  await scan.fill(raw);
  await scan.press('Enter');
  let counted: string | null = null;
  await expect
    .poll(async () => {
      counted = await shownEventId();
      return counted !== null && counted !== before;
    })
    .toBe(true);
  await expect.poll(() => page.locator(`[data-testid=event][data-event-id="${counted}"]`).count()).toBe(1);
}

/** The sync state of each listed count (`pending`, `sent`, `rejected`), newest first. */
export async function listedSyncStates(page: Page): Promise<string[]> {
  return page.getByTestId('event').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.sync ?? ''));
}
