import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import bwipjs from 'bwip-js/node';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PIN_ATTEMPTS } from '../../src/domain/auth/api.ts';
import { MENU_STRINGS } from '../../src/ui/access/menu-strings.ts';
import { ACCESS_STRINGS } from '../../src/ui/access/strings.ts';
import { strings } from '../../src/ui/i18n.ts';
import { CLEAN, renderFrame } from '../scan/corpus/scene.ts';
import type { ModuleGrid } from '../scan/corpus/symbols.ts';
import { bearer } from '../support/identity.ts';
import { seededRandom } from '../support/random.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';
import { writeY4m } from '../support/y4m.ts';
import { type LaunchedBrowser, launchChromium } from './support/chromium.ts';
import { countScan, listedSyncStates } from './support/counting.ts';
import {
  adminToken,
  createUser,
  enrollmentCode,
  expectSignedIn,
  firstSignIn,
  loadDemo,
  sessionOf,
  signInWithPin,
  switchUser,
  type TestUser,
} from './support/identity.ts';
import { goOffline } from './support/pwa.ts';

/**
 * Issue 7 end to end, in Chromium against the real server: a device enrolled by scanning the QR code
 * (fake camera) and another by typing the code; two people signing in online, then — with no server
 * at all — switching users on the shared tablet with their PINs and counting; the wrong-PIN limit;
 * back online the counts arrive under the right users; the device revoked: refused, with its reason,
 * and every unsent count still on it and exportable, then sent once it is enrolled again. Plus a newcomer's first start (set-up code →
 * administrator → this device enrolled with demo data → PIN → counting), and screenshots of every
 * access screen at phone and tablet size in Swedish and English.
 */

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const en = ACCESS_STRINGS.en;
const TXA = '0107046261000000';
const EVA_PASSWORD = 'ett långt lösenord';
const FIBRINOGEN = '0109506000100739';
const RINGER = '0109506000105116';

/** What the server stored: each count's raw scan and the user it names, in order of arrival per device. */
function storedCounts(databaseFile: string): Array<{ raw: string; userId: string | null; deviceId: string }> {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db
      .prepare('SELECT raw, user_id AS userId, device_id AS deviceId FROM events ORDER BY device_id, seq')
      .all() as never;
  } finally {
    db.close();
  }
}

/** The device's own database, read in the page: its events as stored (with their sync state). */
function eventsInIndexedDb(
  page: Page,
): Promise<Array<{ id: string; raw: string; userId: string | null; sync: string }>> {
  return page.evaluate(
    () =>
      new Promise((done, fail) => {
        const open = indexedDB.open('lagerkoll');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('events').objectStore('events').getAll();
          read.onsuccess = () => {
            done(read.result.map(({ id, raw, userId, sync }) => ({ id, raw, userId, sync })));
            open.result.close();
          };
          read.onerror = () => fail(read.error);
        };
      }),
  );
}

/** A QR code holding `text`, 8 px per module, as the fake camera's only frame. */
function qrVideo(dir: string, text: string): string {
  const [raw] = bwipjs.raw('qrcode', text, '') as Array<{ pixs: number[]; pixx: number; pixy: number }>;
  if (!raw) throw new Error('bwip-js drew no QR code');
  const grid: ModuleGrid = {
    cols: raw.pixx,
    rows: raw.pixy,
    dark: Uint8Array.from(raw.pixs),
    quietZone: 4,
    linear: false,
  };
  const video = join(dir, 'enroll-qr.y4m');
  writeY4m(video, renderFrame(grid, { ...CLEAN, modulePx: 8 }, seededRandom(3)));
  return video;
}

const LAYOUTS = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'tablet', viewport: { width: 1280, height: 800 } },
] as const;

/** The access screen as it is now, at both sizes and in both languages (switched on the screen itself). */
async function shots(page: Page, step: string) {
  const before = page.viewportSize();
  for (const lang of ['sv', 'en'] as const) {
    await page.getByRole('button', { name: lang === 'sv' ? 'Svenska' : 'English', exact: true }).click();
    for (const { name, viewport } of LAYOUTS) {
      await page.setViewportSize(viewport);
      // From the top: the header is sticky, and a full-page shot of a scrolled page shows it mid-page.
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, `identity-${name}-${lang}-${step}.png`), fullPage: true });
    }
  }
  if (before) await page.setViewportSize(before);
}

async function wrongPin(page: Page, user: TestUser, pin: string) {
  await page.getByLabel(en.pin.label(user.name)).fill(pin);
  await page.getByRole('button', { name: en.pin.open, exact: true }).click();
}

describe('identity on a shared tablet', () => {
  let server: ServerProcess;
  let browser: LaunchedBrowser | undefined;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lagerkoll-identity-'));
    server = new ServerProcess(await freePort());
    await server.start();
    await loadDemo(server);
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
    await server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrolled by QR code, two users switch with PINs offline, counts arrive under each; revoked, nothing is lost', async () => {
    const anna = await createUser(server, { username: 'anna', name: 'Anna Berg', role: 'counter', pin: '482913' });
    const bo = await createUser(server, { username: 'bo', name: 'Bo Lind', role: 'supervisor', pin: '736251' });
    const { enrollUrl } = await enrollmentCode(server, 'Förråd B, platta 2');
    browser = await launchChromium({
      viewport: { width: 1280, height: 800 },
      args: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${qrVideo(dir, enrollUrl)}`,
      ],
    });
    const page = await browser.context.newPage();

    // A device nobody has enrolled: the welcome screen. The camera reads the supervisor's QR code.
    await page.goto(server.url);
    await page.getByTestId('welcome').waitFor();
    await page.getByRole('button', { name: en.welcome.scan }).click();
    await expect.poll(() => page.getByTestId('user-picker').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('user-picker').textContent()).toContain(en.picker.device('Förråd B, platta 2'));
    expect(await page.getByTestId('user-picker').textContent()).toContain(en.picker.nobody);

    // Both sign in online once (password), each choosing a PIN; Anna counts at once.
    await firstSignIn(page, anna);
    await page.getByRole('button', { name: strings.en.start.quickCount }).click();
    await countScan(page, TXA);
    await expect.poll(() => listedSyncStates(page), { timeout: 15_000 }).toEqual(['sent']);
    await switchUser(page);
    await firstSignIn(page, bo);
    await switchUser(page);
    await expect.poll(() => page.getByTestId('known-user').count()).toBe(2);

    // No server, no network: PINs still open the tablet, and each person counts under their own name.
    await goOffline(server, browser.context);
    await signInWithPin(page, anna);
    await page.goto(`${server.url}/quick`);
    await expectSignedIn(page, anna);
    await expect.poll(() => page.getByTestId('event').count()).toBe(1);
    await countScan(page, FIBRINOGEN);
    await countScan(page, RINGER);
    await switchUser(page);
    // Bo mistypes once: told how many attempts are left; the right PIN then opens.
    await page.getByTestId('known-user').filter({ hasText: bo.name }).click();
    await wrongPin(page, bo, '111112');
    await expect.poll(() => page.getByTestId('pin-message').textContent()).toBe(en.pin.wrong(MAX_PIN_ATTEMPTS - 1));
    await page.getByRole('button', { name: en.back }).click();
    await signInWithPin(page, bo);
    await page.goto(`${server.url}/quick`);
    // The quick count lists the device's counts; the new one is added to the three there.
    await expect.poll(() => page.getByTestId('event').count()).toBe(3);
    await countScan(page, TXA);
    await switchUser(page);

    // Someone tries Anna's PIN until the limit: her PIN is gone from the device, the password is
    // needed (online); her counts are untouched.
    await page.getByTestId('known-user').filter({ hasText: anna.name }).click();
    for (let attempt = 1; attempt < MAX_PIN_ATTEMPTS; attempt++) {
      await wrongPin(page, anna, '999990');
      await expect
        .poll(() => page.getByTestId('pin-message').textContent())
        .toBe(en.pin.wrong(MAX_PIN_ATTEMPTS - attempt));
    }
    await wrongPin(page, anna, '999990');
    await page.getByText(en.pin.tooMany).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: en.signIn.username }).inputValue()).toBe('anna');
    // Offline, the password cannot help yet, and says why.
    await page.getByLabel(en.signIn.password, { exact: true }).fill(anna.password);
    await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
    await page.getByText(en.offline).waitFor();
    const offlineEvents = await eventsInIndexedDb(page);
    expect(offlineEvents.filter((e) => e.sync === 'pending').map((e) => [e.raw, e.userId])).toEqual([
      [FIBRINOGEN, anna.id],
      [RINGER, anna.id],
      [TXA, bo.id],
    ]);

    // Back online: Anna signs in with her password and chooses a new PIN; the counts made offline
    // reach the server, each under the person who made it.
    await server.start();
    await browser.context.setOffline(false);
    await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
    await page.getByLabel(ACCESS_STRINGS.en.choosePin.pin, { exact: true }).fill('570246');
    await page.getByLabel(en.choosePin.again, { exact: true }).fill('570246');
    await page.getByRole('button', { name: en.choosePin.save }).click();
    await expectSignedIn(page, anna);
    await page.goto(`${server.url}/quick`);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => listedSyncStates(page), { timeout: 30_000 }).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(storedCounts(server.databaseFile).map((e) => [e.raw, e.userId])).toEqual([
      [TXA, anna.id],
      [FIBRINOGEN, anna.id],
      [RINGER, anna.id],
      [TXA, bo.id],
    ]);
    const deviceId = storedCounts(server.databaseFile)[0]?.deviceId ?? '';

    // The tablet is lost: a supervisor revokes it. On the tablet Anna goes on counting, not knowing
    // yet (its sync requests are held back meanwhile, so none learns it before the counts are made).
    await page.route('**/api/v1/sync/**', (route) => route.fulfill({ status: 503, body: 'busy' }));
    const revoke = await fetch(`${server.url}/api/v1/devices/${deviceId}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(await adminToken(server)) },
      body: JSON.stringify({ reason: 'Stulen ur bilen' }),
    });
    expect(revoke.status).toBe(200);
    await countScan(page, FIBRINOGEN);
    await countScan(page, RINGER);
    await page.unroute('**/api/v1/sync/**');

    // The next sync is refused: the app says so with the server's reason, and keeps both counts.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.getByTestId('revoked').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('revocation-reason').textContent()).toContain('Stulen ur bilen');
    expect(await page.getByTestId('unsent-count').textContent()).toBe(en.revoked.unsent('2'));
    const unsent = (await eventsInIndexedDb(page)).filter((e) => e.sync === 'pending');
    expect(unsent.map((e) => [e.raw, e.userId])).toEqual([
      [FIBRINOGEN, anna.id],
      [RINGER, anna.id],
    ]);
    expect(storedCounts(server.databaseFile)).toHaveLength(4);
    await shots(page, '9-revoked');

    // Exported as a file, whole; a reload still shows the revoked screen (never a sign-in over it).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en.revoked.exportJson }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(exported.events.map((e: { id: string }) => e.id)).toEqual(unsent.map((e) => e.id));
    expect(exported.revocation.message).toContain('Stulen ur bilen');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en.revoked.exportCsv }).click(),
    ]);
    expect(readFileSync((await csv.path()) as string, 'utf8').split('\r\n')).toHaveLength(4);
    await page.reload();
    await page.getByTestId('revoked').waitFor();
    expect(await eventsInIndexedDb(page)).toHaveLength(6);

    // Found again: a supervisor gives it a new code. Everyone signs in with their password again
    // (the PINs went with the revocation), and the two counts kept on it reach the server.
    const { code } = await enrollmentCode(server, 'Förråd B, platta 2');
    await page.getByText(en.revoked.againTitle).click();
    await page.getByRole('textbox', { name: en.welcome.code }).fill(code);
    await page.getByRole('button', { name: en.welcome.enroll }).click();
    await page.getByTestId('user-picker').waitFor();
    await page.getByTestId('known-user').filter({ hasText: anna.name }).click();
    await page.getByLabel(en.signIn.password, { exact: true }).fill(anna.password);
    await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
    await page.getByLabel(en.choosePin.pin, { exact: true }).fill('570246');
    await page.getByLabel(en.choosePin.again, { exact: true }).fill('570246');
    await page.getByRole('button', { name: en.choosePin.save }).click();
    await expectSignedIn(page, anna);
    await expect.poll(() => storedCounts(server.databaseFile).length, { timeout: 30_000 }).toBe(6);
    expect(
      storedCounts(server.databaseFile)
        .slice(4)
        .map((e) => [e.raw, e.userId]),
    ).toEqual([
      [FIBRINOGEN, anna.id],
      [RINGER, anna.id],
    ]);
  });

  it('enrolled by typing the code; a coordinator signs in without enrolling; a counter is sent to enroll', async () => {
    const counter = await createUser(server, {
      username: 'cecilia',
      name: 'Cecilia Ek',
      role: 'counter',
      pin: '864213',
    });
    const dan = await createUser(server, { username: 'dan', name: 'Dan Holm', role: 'supervisor', pin: '531864' });
    const { code } = await enrollmentCode(server, 'Telefon 7');
    browser = await launchChromium({ viewport: { width: 390, height: 844 } });
    const phone = await browser.context.newPage();
    await phone.goto(server.url);
    // A code that is wrong says so, and nothing changes.
    await phone.getByRole('textbox', { name: en.welcome.code }).fill('ABCD-EFGH-JKMN');
    await phone.getByRole('button', { name: en.welcome.enroll }).click();
    await phone.getByText(en.welcome.codeRefused).waitFor();
    await phone.getByRole('textbox', { name: en.welcome.code }).fill(code.toLowerCase());
    await phone.getByRole('button', { name: en.welcome.enroll }).click();
    await phone.getByTestId('user-picker').waitFor();
    await firstSignIn(phone, counter);
    expect(await phone.getByRole('button', { name: MENU_STRINGS.en.overview }).count()).toBe(0);

    // A coordinator's desktop browser: signed in online, never enrolled, straight to the overview.
    const desk = await launchChromium({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await desk.context.newPage();
      await page.goto(server.url);
      await page.getByRole('button', { name: en.welcome.coordinator }).click();
      // A counter is told this sign-in is not theirs.
      await page.getByRole('textbox', { name: en.signIn.username }).fill(counter.username);
      await page.getByLabel(en.signIn.password, { exact: true }).fill(counter.password);
      await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
      await page.getByText(en.welcome.counterNotHere).waitFor();
      await page.getByRole('textbox', { name: en.signIn.username }).fill(dan.username);
      await page.getByLabel(en.signIn.password, { exact: true }).fill(dan.password);
      await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
      await expectSignedIn(page, dan);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/admin');
      // Its session lives in IndexedDB, not in localStorage; a reload keeps it.
      expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('lks_');
      await page.reload();
      await expectSignedIn(page, dan);
    } finally {
      await desk.close();
    }
  });
});

describe('first start of a new server, and the access screens at phone and tablet size', () => {
  let server: ServerProcess;
  let browser: LaunchedBrowser;
  let page: Page;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = new ServerProcess(await freePort());
    await server.start();
    browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('a newcomer: the code from the terminal, an administrator, this device with demo data, a PIN, counting', async () => {
    const started = Date.now();
    await page.goto(server.url);
    await page.getByTestId('setup').waitFor();
    await shots(page, '1-setup');
    await page.getByLabel(en.setup.code).fill(await server.setupCode());
    await page.getByLabel(en.setup.name).fill('Eva Strand');
    await page.getByLabel(en.setup.username, { exact: true }).fill('eva');
    await page.getByLabel(en.setup.password, { exact: true }).fill(EVA_PASSWORD);
    await page.getByLabel(en.setup.passwordAgain).fill(EVA_PASSWORD);
    await page.getByRole('button', { name: en.setup.create }).click();
    await page.getByRole('button', { name: en.setup.useForCounting }).waitFor();
    await shots(page, '2-setup-device');
    await page.getByRole('button', { name: en.setup.useForCounting }).click();
    await page.getByText(en.setup.demoLoaded).waitFor({ timeout: 20_000 });
    await shots(page, '3-setup-pin');
    await page.getByLabel(en.choosePin.pin, { exact: true }).fill('2468');
    await page.getByLabel(en.choosePin.again, { exact: true }).fill('2468');
    await page.getByRole('button', { name: en.choosePin.save }).click();
    await page.getByText(en.choosePin.malformed).waitFor();
    await page.getByLabel(en.choosePin.pin, { exact: true }).fill('123456');
    await page.getByLabel(en.choosePin.again, { exact: true }).fill('123456');
    await page.getByRole('button', { name: en.choosePin.save }).click();
    await page.getByText(en.choosePin.tooSimple).waitFor();
    await page.getByLabel(en.choosePin.pin, { exact: true }).fill('802413');
    await page.getByLabel(en.choosePin.again, { exact: true }).fill('802413');
    await page.getByRole('button', { name: en.choosePin.save }).click();
    await expectSignedIn(page, { name: 'Eva Strand' });
    // The demo's stock-takes arrive; the administrator has the way to the coordinator screens.
    await expect.poll(() => page.getByTestId('stock-take').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: MENU_STRINGS.en.overview }).count()).toBe(1);
    expect(Date.now() - started).toBeLessThan(60_000);
    for (const { name, viewport } of LAYOUTS) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: join(SCREENSHOTS, `identity-${name}-en-4-signed-in.png`), fullPage: true });
    }

    // The server is set up now: a fresh start shows no set-up screen again.
    const status = await (await fetch(`${server.url}/api/v1/auth/status`)).json();
    expect(status).toEqual({ setupRequired: false });
  });

  it('the user picker, the PIN pad, the lock and the welcome screen', async () => {
    await page.getByRole('button', { name: MENU_STRINGS.en.switchUser }).click();
    await page.getByTestId('user-picker').waitFor();
    await shots(page, '5-user-picker');
    await page.getByTestId('known-user').first().click();
    await shots(page, '6-pin');
    await page.getByLabel(en.pin.label('Eva Strand')).fill('802413');
    await page.getByRole('button', { name: en.pin.open, exact: true }).click();
    await expectSignedIn(page, { name: 'Eva Strand' });

    // The lock: five minutes without a touch, seen through the page's clock.
    await page.clock.install();
    await page.reload();
    await expectSignedIn(page, { name: 'Eva Strand' });
    await page.clock.fastForward('05:01');
    await page.getByTestId('lock').waitFor({ timeout: 10_000 });
    await shots(page, '7-lock');
    await page.getByLabel(en.pin.label('Eva Strand')).fill('802413');
    await page.getByRole('button', { name: en.pin.open, exact: true }).click();
    await expectSignedIn(page, { name: 'Eva Strand' });

    // A new phone, opened from the enrollment link: the welcome screen with the code filled in.
    const phone = await launchChromium({ viewport: { width: 390, height: 844 } });
    try {
      const welcome = await phone.context.newPage();
      const eva = await sessionOf(server, 'eva', EVA_PASSWORD);
      const { enrollUrl, code } = await enrollmentCode(server, 'Telefon 2', eva);
      await welcome.goto(enrollUrl);
      await welcome.getByTestId('welcome').waitFor();
      expect(await welcome.getByRole('textbox', { name: en.welcome.code }).inputValue()).toBe(code);
      await shots(welcome, '8-welcome');
    } finally {
      await phone.close();
    }
  });
});
