import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBarcodes } from 'zxing-wasm/reader';
import { DEVICE_CREDENTIAL_HEADER, OLDEST_UNSENT_HEADER } from '../../src/domain/auth/api.ts';
import type { CountEvent } from '../../src/domain/count-event.ts';
import { ACCESS_STRINGS } from '../../src/ui/access/strings.ts';
import { adminStrings } from '../../src/ui/coordinator/admin-strings.ts';
import { shellStrings } from '../../src/ui/coordinator/strings.ts';
import { type Lang, strings } from '../../src/ui/i18n.ts';
import { prepareZxingForNode } from '../scan/zxing-node.ts';
import { countEvent, pushBody, versionHeaders } from '../support/events.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';
import { apiCall, exampleGtin } from './support/api.ts';
import { type LaunchedBrowser, launchChromium } from './support/chromium.ts';
import { listedSyncStates } from './support/counting.ts';
import { firstSignIn } from './support/identity.ts';
import { scannerBurst } from './support/scanner.ts';

/**
 * The coordinators' admin screens end to end (issues 7 and 8), against the real server: an
 * administrator imports a catalog, creates a user, enrolls two devices (one by the QR code, which a
 * real app in a second browser opens; one by the code as text, for a device that pushes through the
 * sync API), creates a stock-take, watches two devices disagree (a location's total, and one serial
 * on both), submits, requests a recount that reaches the device, resolves both conflicts, approves —
 * and the overview counts what was accepted. Then revokes a device and finds it in the audit log.
 * Screenshots at 1280×800 and 1920×1080, Swedish and English, in test-results/screenshots.
 */

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const GS = '\u001d';
const PASSWORD = 'lång-och-säker-fras';
const ADMIN = { username: 'alva.admin', name: 'Alva Administratör' };
const COUNTER_A = { username: 'cecilia', name: 'Cecilia Räknare' };
const COUNTER_B = { username: 'bo', name: 'Bo Räknare' };
const PIN = '582914';
const SITE = 'SSL-MITT';
const SHELF_1 = 'SSL-MITT-R1-H1';
const SHELF_1_NAME = 'Rum 1, hylla 1 (demo)';
const SHELF_2 = 'SSL-MITT-R1-H2';
const TXA = '07046261000000'; // Tranexamic acid (demo)
const STOCK_TAKE_NAME = 'Kvartalsinventering Q1';
const RECOUNT_REASON = 'Tablet A and Tablet B disagree: count shelf 1 again.';

const NEW_PRODUCT = exampleGtin('77001');

const call = apiCall;

async function upload(server: ServerProcess, path: string, csv: string, token: string): Promise<void> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: csv,
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
}

/** The coordinator's own sign-in: a browser that is not enrolled, through the welcome screen. */
async function signInAsCoordinator(page: Page, server: ServerProcess, lang: Lang, path: string) {
  const t = ACCESS_STRINGS[lang];
  await page.goto(`${server.url}${path}`);
  await page.getByRole('button', { name: t.welcome.coordinator }).click();
  await page.getByLabel(t.signIn.username).fill(ADMIN.username);
  await page.getByLabel(t.signIn.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: t.signIn.submit }).click();
  await page.getByRole('navigation', { name: shellStrings[lang].navLabel }).waitFor();
}

const shotPath = (size: string, lang: Lang, step: string) => join(SCREENSHOTS, `admin-${size}-${lang}-${step}.png`);

describe('the coordinators’ admin screens: a stock-take from creation to approval', () => {
  let server: ServerProcess;
  let adminToken: string;
  let coordinator: LaunchedBrowser;
  let tabletA: LaunchedBrowser;
  let page: Page;
  let device: Page;
  let stockTakeId = '';
  let counterB = { id: '' };
  const tabletB = { deviceId: randomUUID(), credential: '' };
  const lang: Lang = 'en';
  const t = adminStrings[lang];
  const shot = (step: string) => page.screenshot({ path: shotPath('1280x800', lang, step), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = new ServerProcess(await freePort());
    await server.start();
    const session = await call<{ token: string }>(server, 'POST', '/auth/setup', {
      code: await server.setupCode(),
      username: ADMIN.username,
      name: ADMIN.name,
      password: PASSWORD,
    });
    adminToken = session.token;
    const auth = { authorization: `Bearer ${adminToken}` };
    // Sites and their locations come with the demo data; the catalog gets one product more by import.
    await call(server, 'POST', '/demo', {}, auth);
    await upload(
      server,
      '/admin/catalog/import?dryRun=false',
      `gtin;nameSv;nameEn;category;atc\n${NEW_PRODUCT};Importerad produkt;Imported product;medicine;B02AB01\n`,
      adminToken,
    );
    await upload(
      server,
      '/admin/target-levels/import?dryRun=false',
      `siteCode;gtin;targetPacks\n${SITE};${NEW_PRODUCT};40\n`,
      adminToken,
    );
    // The second counter is made by the API; the first through the Users screen below.
    counterB = await call<{ id: string }>(
      server,
      'POST',
      '/users',
      { ...COUNTER_B, role: 'counter', password: PASSWORD },
      auth,
    );
    await prepareZxingForNode();
    coordinator = await launchChromium({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    page = await coordinator.context.newPage();
    await signInAsCoordinator(page, server, lang, '/admin/users');
  });
  afterAll(async () => {
    await coordinator?.close();
    await tabletA?.close();
    await server?.dispose();
  });

  it('creates a counter, refusing a short password first', async () => {
    await page.getByRole('heading', { level: 1, name: t.users.title }).waitFor();
    await page.getByRole('button', { name: t.users.createTitle }).click();
    const form = page.getByRole('form', { name: t.users.createTitle });
    await form.getByLabel(t.users.username, { exact: true }).fill(COUNTER_A.username);
    await form.getByLabel(t.users.name, { exact: true }).fill(COUNTER_A.name);
    await form.getByLabel(t.users.password, { exact: true }).fill('short');
    await form.getByRole('button', { name: t.users.create }).click();
    await form.getByText(t.users.errors['password-too-short']('10')).waitFor();
    // The keyboard is taken to what needs fixing.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('password');

    // A username someone has: the server says so, next to the field.
    await form.getByLabel(t.users.password, { exact: true }).fill(PASSWORD);
    await form.getByLabel(t.users.username, { exact: true }).fill(COUNTER_B.username);
    await form.getByRole('button', { name: t.users.create }).click();
    await form.getByText(t.users.errors['username-taken']).waitFor();
    await shot('users-error');

    await form.getByLabel(t.users.username, { exact: true }).fill(COUNTER_A.username);
    await form.getByRole('button', { name: t.users.create }).click();
    await page
      .getByTestId('admin-notice')
      .filter({ hasText: t.users.created(COUNTER_A.name) })
      .waitFor();
    const row = page.getByTestId('user').filter({ hasText: COUNTER_A.name });
    expect(await row.locator('td').allTextContents()).toEqual([
      COUNTER_A.username,
      t.roles.counter,
      t.users.hasPassword,
      t.users.active,
      expect.stringContaining(t.users.revoke),
    ]);
    // Nobody revokes themselves: no button on one's own row, and the reason instead.
    const own = page.getByTestId('user').filter({ hasText: ADMIN.name });
    expect(await own.getByRole('button', { name: t.users.revokeLabel(ADMIN.name) }).count()).toBe(0);
    expect(await own.textContent()).toContain(t.users.revokeBlocked.self);
    await shot('users');
  });

  it('enrolls a tablet by its QR code, which the app on the tablet opens', async () => {
    await page.getByRole('link', { name: shellStrings[lang].sections.devices }).click();
    await page.getByRole('heading', { level: 1, name: t.devices.title }).waitFor();
    // A name is required.
    await page.getByRole('button', { name: t.devices.createCode }).click();
    await page.getByText(t.devices.labelMissing).waitFor();
    await page.getByLabel(t.devices.label).fill('Tablet A');
    await page.getByRole('button', { name: t.devices.createCode }).click();
    const qr = page.getByTestId('enrollment-qr');
    await qr.waitFor();
    const code = (await page.getByTestId('enrollment-code-text').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await page.getByTestId('enrollment-expiry').textContent()).toMatch(
      /^Expires in 1[45]:\d\d \(at \d\d:\d\d\)$/,
    );
    expect(await qr.getAttribute('aria-label')).toBe(t.devices.qrLabel('Tablet A'));
    await shot('devices-enroll');

    // What a camera reads off the screen: the app's enroll link with this code.
    const read = await readBarcodes(new Uint8Array(await qr.screenshot()), { formats: ['QRCode'] });
    expect(read.map((r) => r.text)).toEqual([`${server.url}/enroll?code=${encodeURIComponent(code)}`]);

    // The tablet opens the link and enrolls; its counter signs in for the first time and picks a PIN.
    const a = ACCESS_STRINGS.en;
    tabletA = await launchChromium({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    device = await tabletA.context.newPage();
    await device.goto(read[0]?.text ?? '');
    expect(await device.getByLabel(a.welcome.code).inputValue()).toBe(code);
    await device.getByRole('button', { name: a.welcome.enroll }).click();
    await firstSignIn(device, { ...COUNTER_A, id: '', role: 'counter', password: PASSWORD, pin: PIN });
    await device.getByRole('heading', { name: strings.en.start.title }).waitFor();

    // The device list shows it, with its last contact and who signed in on it.
    await page.getByRole('button', { name: t.devices.anotherCode }).click();
    const tablet = page.getByTestId('device').filter({ hasText: 'Tablet A' });
    await expect.poll(() => tablet.textContent(), { timeout: 20_000 }).toContain(COUNTER_A.name);
    expect(await tablet.textContent()).toContain(t.devices.active);
  });

  it('enrolls a second device by the code as text; it pushes through the sync API', async () => {
    await page.getByLabel(t.devices.label).fill('Tablet B');
    await page.getByRole('button', { name: t.devices.createCode }).click();
    const code = (await page.getByTestId('enrollment-code-text').textContent()) ?? '';
    const enrolled = await call<{ credential: string }>(server, 'POST', '/devices/enroll', {
      code: code.toLowerCase().replaceAll('-', ''),
      deviceId: tabletB.deviceId,
    });
    tabletB.credential = enrolled.credential;
    await call(
      server,
      'POST',
      '/auth/sign-in',
      { username: COUNTER_B.username, password: PASSWORD },
      { [DEVICE_CREDENTIAL_HEADER]: tabletB.credential },
    );
    const row = page.getByTestId('device').filter({ hasText: 'Tablet B' });
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain(COUNTER_B.name);
  });

  it('creates a stock-take of two shelves for both tablets, after naming what is missing', async () => {
    await page.getByRole('link', { name: shellStrings[lang].sections['stock-takes'] }).click();
    await page.getByRole('heading', { level: 1, name: t.stockTakes.title }).waitFor();
    await page.getByRole('button', { name: t.stockTakes.newStockTake }).click();
    const form = page.getByRole('form', { name: t.newStockTake.title });
    await form.getByRole('button', { name: t.newStockTake.create }).click();
    await form.getByText(t.newStockTake.errors['site-missing']).waitFor();
    await form.getByText(t.newStockTake.errors['name-missing']).waitFor();
    expect(await form.getByLabel(t.newStockTake.site).getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel(t.newStockTake.site).selectOption(SITE);
    await form.getByLabel(t.newStockTake.name, { exact: true }).fill(STOCK_TAKE_NAME);
    await form.getByLabel(t.newStockTake.scopeChosen).check();
    await form.getByRole('button', { name: t.newStockTake.create }).click();
    await form.getByText(t.newStockTake.errors['no-locations']).waitFor();
    await form.getByLabel(new RegExp(SHELF_1)).check();
    await form.getByLabel(new RegExp(SHELF_2)).check();
    await form.getByLabel('Tablet A').check();
    await form.getByLabel('Tablet B').check();
    await form.getByLabel(t.mode.blind).check();
    await shot('stock-take-new');
    await form.getByRole('button', { name: t.newStockTake.create }).click();

    await page.getByRole('heading', { level: 1, name: STOCK_TAKE_NAME }).waitFor();
    stockTakeId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
    expect(stockTakeId).toMatch(/^st-SSL-MITT-/);
    const facts = page.getByTestId('stock-take-facts');
    expect(await facts.textContent()).toContain(t.status.open);
    expect(await facts.textContent()).toContain('Tablet A, Tablet B');
    expect(await page.getByTestId('progress-summary').textContent()).toBe(t.progress.summary('0', '2', '0'));
    expect(await page.getByTestId('conflicts').textContent()).toContain(t.conflicts.none);
    // Listed, and found by the filters.
    await page.getByRole('link', { name: t.stockTake.back }).click();
    await page.getByLabel(t.stockTakes.status).selectOption('open');
    await page.getByLabel(t.stockTakes.site).selectOption(SITE);
    await expect.poll(() => new URL(page.url()).search).toBe(`?site=${SITE}&status=open`);
    const listed = page.getByTestId('stock-take-list').getByRole('link', { name: STOCK_TAKE_NAME });
    await listed.waitFor();
    await shot('stock-takes');
    await listed.click();
    await page.getByRole('heading', { level: 1, name: STOCK_TAKE_NAME }).waitFor();
  });

  it('shows the conflicts when the two tablets disagree, and holds the approval back', async () => {
    // Tablet A, the real app: 12 packs of the imported product on shelf 1, and one serialised pack.
    await device.reload();
    const card = device.getByTestId('stock-take').filter({ hasText: STOCK_TAKE_NAME });
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    await device.screenshot({ path: shotPath('1280x800', 'en', 'tablet-a-start'), fullPage: true });
    await card.click();
    await expect.poll(() => new URL(device.url()).pathname).toBe(`/st/${encodeURIComponent(stockTakeId)}`);
    await device.getByRole('heading', { name: strings.en.locations.title }).waitFor();
    await scannerBurst(device, SHELF_1);
    await device.getByRole('heading', { name: SHELF_1_NAME }).waitFor();
    await scannerBurst(device, `01${NEW_PRODUCT}1728063010LOT1`);
    await device.getByRole('button', { name: strings.en.count.setQuantity }).click();
    await device.getByRole('button', { name: '1', exact: true }).click();
    await device.getByRole('button', { name: '2', exact: true }).click();
    await device.getByRole('button', { name: strings.en.count.apply, exact: true }).click();
    await expect.poll(() => device.getByTestId('scan-card-quantity').textContent()).toMatch(/12$/);
    await scannerBurst(device, `]d201${TXA}1728063010TX1${GS}21S-001`);
    await expect.poll(() => device.getByTestId('event').count()).toBe(2);
    await expect.poll(() => listedSyncStates(device), { timeout: 30_000 }).toEqual(['sent', 'sent']);

    // Tablet B: 10 of the same product and batch on the same shelf, and the same serial on shelf 2 —
    // and, it says, a count it could not send for four days (the device list should flag it).
    const b = (seq: number, fields: Partial<CountEvent>): CountEvent =>
      countEvent(tabletB.deviceId, seq, { stockTakeId, userId: counterB.id, ...fields });
    const push = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...versionHeaders,
        [DEVICE_CREDENTIAL_HEADER]: tabletB.credential,
        [OLDEST_UNSENT_HEADER]: new Date(Date.now() - 4 * 86_400_000).toISOString(),
      },
      body: pushBody(tabletB.deviceId, [
        b(1, { locationCode: SHELF_1, gtin: NEW_PRODUCT, batch: 'LOT1', expiry: '2028-06-30', quantity: 10 }),
        b(2, { locationCode: SHELF_2, gtin: TXA, batch: 'TX1', expiry: '2028-06-30', serial: 'S-001' }),
      ]),
    });
    const answer = (await push.json()) as { results: { status: string }[] };
    expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    // The screen fetches the progress again by itself.
    const conflicts = page.getByTestId('conflict');
    await expect.poll(() => conflicts.count(), { timeout: 30_000 }).toBe(2);
    expect(await page.getByTestId('open-conflicts').textContent()).toBe(t.conflicts.summary('2', '2'));
    const location = conflicts.filter({ hasText: t.conflicts.locationTitle(SHELF_1_NAME) });
    const totals = await location
      .getByTestId('conflict-device')
      .evaluateAll((rows) => rows.map((row) => [...row.children].slice(0, 3).map((cell) => cell.textContent)));
    expect(await location.textContent()).toContain('Imported product');
    expect(totals.sort()).toEqual([
      ['Tablet A', '12', COUNTER_A.name],
      ['Tablet B', '10', COUNTER_B.name],
    ]);
    expect(await page.getByTestId('progress-summary').textContent()).toBe(t.progress.summary('2', '2', '24'));
    const approve = page.getByRole('button', { name: t.stockTake.approve, exact: true });
    expect(await approve.isDisabled()).toBe(true);
    expect(await page.getByTestId('approve-blocked').textContent()).toBe(
      t.stockTake.approveBlocked['open-conflicts']('2'),
    );
    await shot('stock-take-conflicts');
  });

  it('submits, then sends shelf 1 back to the tablet for a recount', async () => {
    await page.getByRole('button', { name: t.stockTake.submit }).click();
    const dialog = page.getByRole('dialog', { name: t.stockTake.submitTitle });
    await dialog.getByRole('button', { name: t.stockTake.submit }).click();
    await page.getByTestId('admin-notice').filter({ hasText: t.stockTake.submittedMessage }).waitFor();
    await expect.poll(() => page.getByTestId('stock-take-facts').textContent()).toContain(t.status.submitted);

    const location = page.getByTestId('conflict').filter({ hasText: t.conflicts.locationTitle(SHELF_1_NAME) });
    await location.getByRole('button', { name: t.conflicts.recount }).click();
    const reason = location.getByLabel(t.conflicts.recountReason);
    // The keyboard lands in the reason.
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reason.fill(RECOUNT_REASON);
    await location.getByRole('button', { name: t.conflicts.sendRecount }).click();
    await expect.poll(() => location.getByTestId('conflict-state').textContent()).toBe(t.conflicts.waitingForRecount);
    expect(await location.getByTestId('conflict-resolution').textContent()).toContain(ADMIN.name);
    // Counting is not finished while a recount waits: the stock-take is open again.
    await expect.poll(() => page.getByTestId('stock-take-facts').textContent()).toContain(t.status.open);
    const shelf = page.getByTestId('location-progress').locator('tr', { hasText: SHELF_1 });
    expect(await shelf.textContent()).toContain(t.progress.recountRequested);
    await shot('stock-take-recount');

    // The tablet shows the request on the shelf, with the reason.
    await device.goto(`${server.url}/st/${encodeURIComponent(stockTakeId)}`);
    const requested = device.locator('[data-recount="true"]');
    await expect
      .poll(() => requested.textContent(), { timeout: 30_000 })
      .toContain(strings.en.locations.recountRequested(RECOUNT_REASON));
    expect(await requested.textContent()).toContain(SHELF_1_NAME);
  });

  it("accepts one tablet's count for each conflict, then approves", async () => {
    const location = page.getByTestId('conflict').filter({ hasText: t.conflicts.locationTitle(SHELF_1_NAME) });
    await location
      .getByTestId('conflict-device')
      .filter({ hasText: 'Tablet A' })
      .getByRole('button', { name: t.conflicts.accept })
      .click();
    await expect.poll(() => location.getByTestId('conflict-state').textContent()).toBe(t.conflicts.resolved);
    expect(await location.getByTestId('conflict-resolution').textContent()).toContain(
      t.conflicts.acceptedBy('Tablet A', ADMIN.name, '').split('.')[0],
    );

    const serial = page.getByTestId('conflict').filter({ hasText: t.conflicts.serialTitle('S-001') });
    // One serialised pack cannot stand in two zones: that choice is not offered.
    expect(await serial.getByRole('button', { name: t.conflicts.separateZones }).count()).toBe(0);
    await serial
      .getByTestId('conflict-device')
      .filter({ hasText: 'Tablet B' })
      .getByRole('button', { name: t.conflicts.acceptSerial })
      .click();
    await expect.poll(() => serial.getByTestId('conflict-state').textContent()).toBe(t.conflicts.resolved);
    await expect.poll(() => page.getByTestId('open-conflicts').textContent()).toBe(t.conflicts.summary('0', '2'));
    // Tablet A's 12 and Tablet B's serialised pack stand; the other two counts are voided.
    await expect
      .poll(() => page.getByTestId('progress-summary').textContent())
      .toBe(t.progress.summary('2', '2', '13'));
    await shot('stock-take-resolved');

    const approve = page.getByRole('button', { name: t.stockTake.approve, exact: true });
    expect(await approve.isDisabled()).toBe(false);
    await approve.click();
    const dialog = page.getByRole('dialog', { name: t.stockTake.approveTitle });
    expect(await dialog.textContent()).toContain(t.stockTake.approveText('2', '2', '13'));
    // Focus starts on Cancel, the safe choice; Escape closes without approving.
    expect(
      await dialog.getByRole('button', { name: t.common.cancel }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await shot('stock-take-approve-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByTestId('stock-take-facts').textContent()).not.toContain(t.status.approved);

    await approve.click();
    await dialog.getByRole('button', { name: t.stockTake.approve }).click();
    await page.getByTestId('admin-notice').filter({ hasText: t.stockTake.approvedMessage }).waitFor();
    await expect.poll(() => page.getByTestId('stock-take-facts').textContent()).toContain(t.status.approved);
    expect(await page.getByTestId('stock-take-facts').textContent()).toContain(ADMIN.name);
    // Once approved there is nothing to resolve or approve any more.
    expect(await page.getByRole('button', { name: t.conflicts.recount }).count()).toBe(0);
    expect(await page.getByRole('button', { name: t.stockTake.approve, exact: true }).count()).toBe(0);

    // The audit trail of the stock-take, newest first.
    const trail = page.getByTestId('audit-entry');
    await expect
      .poll(() => trail.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.action)))
      .toEqual([
        'stock-take-approved',
        'conflict-resolved',
        'conflict-resolved',
        'recount-requested',
        'stock-take-submitted',
        'stock-take-created',
      ]);
    expect(await trail.first().textContent()).toContain(ADMIN.name);
    await shot('stock-take-approved');
  });

  it('counts the accepted figures in the overview', async () => {
    const overview = await call<{
      rows: Array<{
        gtin: string;
        countedPacks: number | null;
        targetPacks: number | null;
        coveragePercent: number | null;
        countedStockTakeId: string | null;
      }>;
    }>(server, 'GET', `/overview?site=${SITE}&limit=1000`, undefined, { authorization: `Bearer ${adminToken}` });
    const row = (gtin: string) => overview.rows.find((r) => r.gtin === gtin);
    expect(row(NEW_PRODUCT)).toMatchObject({
      countedPacks: 12,
      targetPacks: 40,
      coveragePercent: 30,
      countedStockTakeId: stockTakeId,
    });
    expect(row(TXA)?.countedPacks).toBe(1);

    // And on the overview screen, filtered to the site and the product's ATC code.
    await page.goto(`${server.url}/admin?site=${SITE}&atc=B02AB01`);
    const screenRow = page.locator(`[data-testid=overview-row][data-gtin="${NEW_PRODUCT}"][data-site="${SITE}"]`);
    await expect.poll(() => screenRow.count(), { timeout: 20_000 }).toBe(1);
    expect(await screenRow.textContent()).toContain('Imported product');
    expect(await screenRow.locator('td').nth(2).textContent()).toBe('12');
    await shot('overview');
  });

  it('revokes a tablet with a reason; its requests are refused and the audit log says who and why', async () => {
    await page.getByRole('link', { name: shellStrings[lang].sections.devices }).click();
    const row = page.getByTestId('device').filter({ hasText: 'Tablet B' });
    // Its four-day-old unsent count is flagged, and puts it at the top of the list.
    await expect.poll(() => row.getByTestId('unsent-age').getAttribute('data-level')).toBe('three-days');
    expect(await row.getByTestId('unsent-age').textContent()).toContain(`4 days ago ⚠ ${t.devices.unsentThreeDays}`);
    expect(await page.getByTestId('device').first().textContent()).toContain('Tablet B');
    await shot('devices-unsent');
    await row.getByRole('button', { name: t.devices.revokeLabel('Tablet B') }).click();
    const dialog = page.getByRole('dialog', { name: t.devices.revokeTitle('Tablet B') });
    // The reason is required, and the keyboard starts in it.
    const reason = dialog.getByLabel(t.reason.label);
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: t.devices.revokeConfirm }).click();
    await dialog.getByText(t.reason.missing).waitFor();
    await reason.fill('Left on the train');
    await shot('devices-revoke');
    await dialog.getByRole('button', { name: t.devices.revokeConfirm }).click();
    await page
      .getByTestId('admin-notice')
      .filter({ hasText: t.devices.revokedDone('Tablet B') })
      .waitFor();
    await expect.poll(() => row.getAttribute('data-revoked')).toBe('true');
    expect(await row.textContent()).toContain('Left on the train');
    expect(await row.textContent()).toContain(ADMIN.name);
    await shot('devices');

    const refused = await fetch(`${server.url}/api/v1/sync/pull?cursor=0`, {
      headers: { ...versionHeaders, [DEVICE_CREDENTIAL_HEADER]: tabletB.credential },
    });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toBe('device_revoked');

    await page.getByRole('link', { name: shellStrings[lang].sections.audit }).click();
    await page.getByLabel(t.audit.action).selectOption('device-revoked');
    const entries = page.getByTestId('audit-entry');
    await expect.poll(() => entries.count()).toBe(1);
    const cells = await entries.first().locator('td').allTextContents();
    expect(cells.slice(1, 5)).toEqual([t.audit.actions['device-revoked'], ADMIN.name, t.common.none, 'Tablet B']);
    expect(cells[5]).toContain('Left on the train');
    await page.getByLabel(t.audit.action).selectOption('');
    await expect.poll(() => entries.count()).toBeGreaterThan(10);
    await shot('audit');
  });

  describe.each([
    { size: '1280x800', viewport: { width: 1280, height: 800 }, lang: 'sv' as Lang },
    { size: '1920x1080', viewport: { width: 1920, height: 1080 }, lang: 'sv' as Lang },
    { size: '1920x1080', viewport: { width: 1920, height: 1080 }, lang: 'en' as Lang },
  ])('at $size in $lang', ({ size, viewport, lang: shotLang }) => {
    it('reads every admin screen', async () => {
      const s = adminStrings[shotLang];
      const browser = await launchChromium({ viewport, locale: shotLang === 'sv' ? 'sv-SE' : 'en-GB' });
      try {
        const view = await browser.context.newPage();
        const snap = (step: string) => view.screenshot({ path: shotPath(size, shotLang, step), fullPage: true });
        await signInAsCoordinator(view, server, shotLang, '/admin/stock-takes');
        await view.getByRole('heading', { level: 1, name: s.stockTakes.title }).waitFor();
        await view.getByTestId('stock-take-list').getByRole('link', { name: STOCK_TAKE_NAME }).waitFor();
        await snap('stock-takes');
        await view.getByRole('button', { name: s.stockTakes.newStockTake }).click();
        await view.getByRole('form', { name: s.newStockTake.title }).getByLabel(s.newStockTake.site).selectOption(SITE);
        await snap('stock-take-new');

        await view.goto(`${server.url}/admin/stock-takes/${encodeURIComponent(stockTakeId)}`);
        await expect.poll(() => view.getByTestId('conflict').count()).toBe(2);
        await expect.poll(() => view.getByTestId('audit-entry').count()).toBeGreaterThan(0);
        expect(await view.getByTestId('stock-take-facts').textContent()).toContain(s.status.approved);
        await snap('stock-take');

        await view.goto(`${server.url}/admin/devices`);
        await view.getByLabel(s.devices.label).fill(shotLang === 'sv' ? 'Surfplatta C' : 'Tablet C');
        await view.getByRole('button', { name: s.devices.createCode }).click();
        await view.getByTestId('enrollment-qr').waitFor();
        await expect.poll(() => view.getByTestId('device').count()).toBe(2);
        await snap('devices');

        await view.goto(`${server.url}/admin/users`);
        await expect.poll(() => view.getByTestId('user').filter({ hasText: COUNTER_A.name }).count()).toBe(1);
        await view.getByRole('button', { name: s.users.changeLabel(COUNTER_A.name) }).click();
        await view.getByRole('dialog', { name: s.users.changeTitle(COUNTER_A.name) }).waitFor();
        await snap('users-change');
        await view.keyboard.press('Escape');

        await view.goto(`${server.url}/admin/audit`);
        await expect.poll(() => view.getByTestId('audit-entry').count()).toBeGreaterThan(10);
        await snap('audit');
      } finally {
        await browser.close();
      }
    });
  });
});
