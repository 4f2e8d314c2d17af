import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBarcodes } from 'zxing-wasm/reader';
import { DEVICE_CREDENTIAL_HEADER } from '../../src/domain/auth/api.ts';
import type { CountEvent } from '../../src/domain/count-event.ts';
import { ACCESS_STRINGS } from '../../src/ui/access/strings.ts';
import { overviewStrings } from '../../src/ui/coordinator/overview-strings.ts';
import { shellStrings } from '../../src/ui/coordinator/strings.ts';
import type { Lang } from '../../src/ui/i18n.ts';
import { prepareZxingForNode } from '../scan/zxing-node.ts';
import { countEvent, pushBody, versionHeaders } from '../support/events.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';
import { apiCall, exampleGtin } from './support/api.ts';
import { type LaunchedBrowser, launchChromium } from './support/chromium.ts';

/**
 * The coordinators' overview screens end to end (issue 8), against the real server with the demo
 * data: an administrator imports a catalog (first with an error, then fixed) and target levels,
 * reads the overview with approved and provisional counts pushed by an enrolled device, filters it,
 * edits a target, drills down to the count events, exports CSV, and prints location labels whose
 * barcodes decode to the location codes. Screenshots at 1280×800 and 1920×1080, Swedish and English.
 */

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const PASSWORD = 'korrekt-häst-batteri';
const ADMIN = { username: 'anna.admin', name: 'Anna Administratör' };
const TXA = '07046261000000'; // Tranexamic acid (demo), ATC B02AA02
const MORPHINE = '07046261004114'; // N02AA01
const FIBRINOGEN = '09506000100739'; // B02BB01
const RINGER = '09506000105116'; // B05BB01
const SITE = 'SSL-MITT'; // region Uppsala, six locations; its demo stock-take gets approved
const OTHER_SITE = 'SSL-SYD'; // its demo stock-take stays open: provisional figures

const NEW_A = exampleGtin('90001');
const NEW_B = exampleGtin('90002');
/** NEW_B with its last digit changed: a wrong check digit. */
const NEW_B_BROKEN = `${NEW_B.slice(0, 13)}${(Number(NEW_B[13]) + 1) % 10}`;
/** A GTIN with a good check digit that neither the demo catalog nor the imports know: counted anyway. */
const UNKNOWN = '09506000199993';

const call = apiCall;

function count(deviceId: string, seq: number, userId: string, fields: Partial<CountEvent>): CountEvent {
  return countEvent(deviceId, seq, {
    countedAt: new Date(Date.now() - (100 - seq) * 60_000).toISOString(),
    userId,
    ...fields,
  });
}

/** The enrolled tablet of the seed, to push more counts from later on. */
interface Tablet {
  deviceId: string;
  headers: Record<string, string>;
  userId: string;
  /** The sequence number of its last count. */
  seq: number;
}

/** Pushes counts from the tablet, as its app would; every one must be accepted. */
async function pushCounts(server: ServerProcess, tablet: Tablet, plan: Partial<CountEvent>[]): Promise<void> {
  const events = plan.map((fields) => count(tablet.deviceId, ++tablet.seq, tablet.userId, fields));
  const push = await fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...versionHeaders, ...tablet.headers },
    body: pushBody(tablet.deviceId, events),
  });
  const answer = (await push.json()) as { results: { status: string; reason?: string }[] };
  expect(answer.results.filter((r) => r.status !== 'accepted')).toEqual([]);
}

/**
 * The world the screens show: the demo data, an enrolled tablet on which the administrator signed
 * in, counts at SSL-MITT (approved) and at SSL-SYD (still open) spread over expiry months.
 */
async function seed(server: ServerProcess): Promise<{ token: string; tablet: Tablet }> {
  const session = await call<{ token: string; user: { id: string } }>(server, 'POST', '/auth/setup', {
    code: await server.setupCode(),
    username: ADMIN.username,
    name: ADMIN.name,
    password: PASSWORD,
  });
  const auth = { authorization: `Bearer ${session.token}` };
  await call(server, 'POST', '/demo', {}, auth);

  const { code } = await call<{ code: string }>(
    server,
    'POST',
    '/devices/enrollment-codes',
    { label: 'Surfplatta 1' },
    auth,
  );
  const deviceId = randomUUID();
  const { credential } = await call<{ credential: string }>(server, 'POST', '/devices/enroll', { code, deviceId });
  const device = { [DEVICE_CREDENTIAL_HEADER]: credential };
  // Signing in on the tablet lets its counts carry the administrator's id.
  await call(server, 'POST', '/auth/sign-in', { username: ADMIN.username, password: PASSWORD }, device);

  const userId = session.user.id;
  const at = (stockTakeId: string, locationCode: string) => ({ stockTakeId, locationCode });
  const approved = `demo-${SITE}`;
  const open = `demo-${OTHER_SITE}`;
  const plan: Partial<CountEvent>[] = [
    { ...at(approved, 'SSL-MITT-R1-H1'), gtin: TXA, batch: 'A1', expiry: '2027-01-31', quantity: 5 },
    { ...at(approved, 'SSL-MITT-R1-H2'), gtin: TXA, batch: 'B2', expiry: '2026-12-31', quantity: 3 },
    { ...at(approved, 'SSL-MITT-R1-H1'), gtin: MORPHINE, batch: 'M7', expiry: '2026-10-31', quantity: 2 },
    { ...at(approved, 'SSL-MITT-R2-H1'), gtin: FIBRINOGEN, batch: 'F1', expiry: '2027-06-30', quantity: 40 },
    { ...at(approved, 'SSL-MITT-R2-H1'), gtin: RINGER, batch: 'R9', expiry: '2028-03-31', quantity: 120 },
    { ...at(approved, 'SSL-MITT-R2-H1'), gtin: RINGER, batch: 'R8', expiry: '2027-09-30', quantity: 60 },
    { ...at(open, 'SSL-SYD-R1-H1'), gtin: TXA, batch: 'C3', expiry: '2027-03-31', quantity: 4 },
    { ...at(open, 'SSL-SYD-R1-H1'), gtin: RINGER, batch: 'R9', expiry: '2028-03-31', quantity: 30 },
    { ...at(open, 'SSL-SYD-R1-H2'), gtin: MORPHINE, batch: null, expiry: null, quantity: 6 },
  ];
  const tablet: Tablet = { deviceId, headers: device, userId, seq: 0 };
  await pushCounts(server, tablet, plan);
  await call(server, 'POST', `/stock-takes/${approved}/approve`, {}, auth);
  return { token: session.token, tablet };
}

async function signIn(page: Page, server: ServerProcess, lang: Lang, path = '/admin') {
  const t = ACCESS_STRINGS[lang];
  await page.goto(`${server.url}${path}`);
  try {
    await page.getByRole('button', { name: t.welcome.coordinator }).click();
  } catch (error) {
    // Say what was on the screen instead (a slow machine, or another access screen than expected).
    await page.screenshot({ path: join(SCREENSHOTS, `coordinator-sign-in-failed-${lang}.png`) });
    throw new Error(
      `No coordinator sign-in on ${page.url()}: ${(await page.locator('body').innerText()).slice(0, 500)}`,
      {
        cause: error,
      },
    );
  }
  await page.getByLabel(t.signIn.username).fill(ADMIN.username);
  await page.getByLabel(t.signIn.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: t.signIn.submit }).click();
  await page.getByRole('navigation', { name: shellStrings[lang].navLabel }).waitFor();
}

const shotName = (size: string, lang: Lang, step: string) =>
  join(SCREENSHOTS, `coordinator-${size}-${lang}-${step}.png`);

describe('the coordinators’ overview screens', () => {
  let server: ServerProcess;
  let tablet: Tablet;
  /** The administrator's session, for calls the screens do not show. */
  let token: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = new ServerProcess(await freePort());
    await server.start();
    ({ token, tablet } = await seed(server));
    await prepareZxingForNode();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  describe('an administrator at a 1280×800 tablet, in English', () => {
    const lang: Lang = 'en';
    const t = overviewStrings[lang];
    const shell = shellStrings[lang];
    let browser: LaunchedBrowser;
    let page: Page;
    const shot = (step: string, fullPage = true) =>
      page.screenshot({ path: shotName('1280x800', lang, step), fullPage });

    beforeAll(async () => {
      browser = await launchChromium({
        viewport: { width: 1280, height: 800 },
        locale: 'en-GB',
        args: ['--lang=en-GB'],
      });
      page = await browser.context.newPage();
      await signIn(page, server, lang);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('imports a catalog only once its row error is fixed, then target levels', async () => {
      await page.getByRole('link', { name: shell.sections.import }).click();
      await page.getByRole('heading', { level: 1, name: t.import.title }).waitFor();
      const csv = (gtinB: string) =>
        Buffer.from(
          `gtin;nameSv;nameEn;category;atc\n${NEW_A};Testprodukt A;Test product A;medicine;B02AB01\n${gtinB};Testprodukt B;Test product B;consumable;\n`,
        );

      // A wrong check digit on row 3: the preview names the row and column; Import stays off.
      await page.setInputFiles('#import-file', {
        name: 'katalog.csv',
        mimeType: 'text/csv',
        buffer: csv(NEW_B_BROKEN),
      });
      await expect.poll(() => page.getByTestId('import-error-count').textContent()).toBe('1');
      const error = page.getByTestId('import-errors').locator('tbody tr');
      await expect
        .poll(() => error.locator('td').allTextContents())
        .toEqual(['3', 'gtin', expect.stringMatching(/check digit/i)]);
      expect(await page.getByRole('button', { name: t.import.importNow, exact: true }).isDisabled()).toBe(true);
      await shot('import-error');

      // Fixed: both products are still new (nothing was written), and the import takes them.
      await page.setInputFiles('#import-file', { name: 'katalog.csv', mimeType: 'text/csv', buffer: csv(NEW_B) });
      await expect.poll(() => page.getByTestId('import-error-count').textContent()).toBe('0');
      expect(await page.getByTestId('import-new').textContent()).toBe('2');
      await page.getByRole('button', { name: t.import.importNow, exact: true }).click();
      await expect.poll(() => page.getByTestId('import-done').textContent()).toBe(t.import.done('2', '0', '0'));
      await shot('import-done');

      // The same file again: nothing new any more.
      await page.setInputFiles('#import-file', { name: 'katalog.csv', mimeType: 'text/csv', buffer: csv(NEW_B) });
      await expect.poll(() => page.getByTestId('import-counts').textContent()).toContain(`${t.import.unchanged}2`);
      expect(await page.getByTestId('import-new').textContent()).toBe('0');

      // Target levels, from XLSX-shy Excel users as CSV with a Swedish thousands space.
      await page.getByLabel(t.import.targets).check();
      await page.setInputFiles('#import-file', {
        name: 'malnivaer.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`siteCode;gtin;targetPacks\n${SITE};${NEW_A};40\n${SITE};${TXA};1 200\n`),
      });
      await expect.poll(() => page.getByTestId('import-error-count').textContent()).toBe('0');
      await page.getByRole('button', { name: t.import.importNow, exact: true }).click();
      await expect.poll(() => page.getByTestId('import-done').textContent()).toBe(t.import.done('2', '0', '0'));
    });

    it('shows counted, provisional, target and coverage per site and product, filtered by region and ATC', async () => {
      await page.getByRole('link', { name: shell.sections.overview }).click();
      await page.getByRole('heading', { level: 1, name: t.overview.title }).waitFor();
      const rows = page.getByTestId('overview-row');
      await expect.poll(() => rows.count()).toBe(50);
      // What the tablet shows without scrolling, and the chart below the table.
      await shot('overview', false);
      await page.locator('.expiry-chart').screenshot({ path: shotName('1280x800', lang, 'chart') });

      await page.getByLabel(t.overview.region, { exact: true }).selectOption('Uppsala');
      await expect.poll(() => new URL(page.url()).search).toBe('?region=Uppsala');
      await expect
        .poll(async () => new Set(await rows.evaluateAll((r) => r.map((e) => (e as HTMLElement).dataset.site))))
        .toEqual(new Set([SITE]));
      await page.getByLabel(t.overview.atc).fill('b02');
      await page.getByLabel(t.overview.atc).press('Enter');
      await expect.poll(() => new URL(page.url()).search).toBe('?region=Uppsala&atc=B02');
      await expect
        .poll(async () => (await rows.evaluateAll((r) => r.map((e) => (e as HTMLElement).dataset.gtin))).sort())
        .toEqual([TXA, FIBRINOGEN, NEW_A].sort());

      // Tranexamic acid: 8 counted against the imported 1 200, 0.7 %: far below target.
      const txa = page.locator(`[data-testid=overview-row][data-gtin="${TXA}"]`);
      expect(await txa.locator('td').nth(2).textContent()).toBe('8');
      expect(await txa.locator('td').nth(4).textContent()).toContain('1,200');
      expect(await txa.locator('.coverage').getAttribute('data-tone')).toBe('critical');
      expect(await txa.locator('.coverage').textContent()).toContain('0.7%');
      // The approved stock-take did not find product A: 0 counted, not blank.
      expect(await page.locator(`[data-testid=overview-row][data-gtin="${NEW_A}"] td`).nth(2).textContent()).toBe('0');
      // Earliest expiry 2026-12-31: within 90 days.
      expect(await txa.locator('.expiry').getAttribute('data-status')).toBe('near');
      await shot('overview-filtered');

      // A shared link opens the same view.
      const other = await browser.context.newPage();
      await other.goto(`${server.url}/admin?region=Uppsala&atc=B02`);
      await expect.poll(() => other.getByTestId('overview-row').count()).toBe(3);
      await other.close();
    });

    it('shows provisional figures of a stock-take still open, marked as such', async () => {
      await page.getByLabel(t.overview.atc).fill('');
      await page.getByLabel(t.overview.region, { exact: true }).selectOption('');
      await page.getByLabel(t.overview.site, { exact: true }).selectOption(OTHER_SITE);
      const txa = page.locator(`[data-testid=overview-row][data-gtin="${TXA}"]`);
      await expect.poll(() => txa.locator('td').nth(3).textContent()).toBe(`4 ${t.overview.provisionalMark}`);
      expect(await txa.locator('td').nth(2).textContent()).toBe(t.overview.notCounted);
    });

    it('edits a target level in place, refusing what is not a number', async () => {
      await page.goto(`${server.url}/admin?region=Uppsala&atc=B02`);
      const txa = page.locator(`[data-testid=overview-row][data-gtin="${TXA}"]`);
      await txa.getByRole('button', { name: t.target.editLabel('Tranexamic acid (demo)', SITE) }).click();
      const input = page.getByLabel(t.target.input('Tranexamic acid (demo)', SITE));
      await input.fill('sexton');
      await input.press('Enter');
      await page.getByText(t.target.invalid).waitFor();
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      await input.fill('16');
      await input.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: t.target.saved('Tranexamic acid (demo)', SITE, '16 packs') })
        .waitFor();
      await expect.poll(() => txa.locator('.coverage').textContent()).toContain('50%');
      expect(await txa.locator('.coverage').getAttribute('data-tone')).toBe('under');
      // Focus is back on the edit button.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`edit-${SITE}-${TXA}`);
    });

    it('drills down from a number to its batches and the count events behind them, and back', async () => {
      const txa = page.locator(`[data-testid=overview-row][data-gtin="${TXA}"]`);
      await txa
        .getByRole('link', {
          name: t.overview.drillLabel(`${t.overview.colCounted} 8`, 'Tranexamic acid (demo)', SITE),
        })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Tranexamic acid (demo)' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/admin/drill/${SITE}/${TXA}`);
      const counted = page.getByTestId('drill-counted');
      const batches = counted.getByTestId('drill-batch');
      await expect.poll(() => batches.count()).toBe(2);
      // Earliest expiry first: B2 (2026-12-31), then A1.
      expect(await batches.nth(0).locator('summary').textContent()).toContain('B2');
      expect(await batches.nth(1).locator('summary').textContent()).toContain('A1');
      const event = batches.nth(1).getByTestId('drill-events').locator('tbody tr').first();
      await expect.poll(() => event.textContent()).toContain(ADMIN.name);
      expect(await event.textContent()).toContain('Surfplatta 1');
      expect(await event.textContent()).toContain('SSL-MITT-R1-H1');
      expect(await page.getByTestId('drill-provisional').textContent()).toContain(t.drill.noProvisional);
      await shot('drill');

      await page.getByRole('link', { name: t.drill.back }).click();
      await page.getByRole('heading', { level: 1, name: t.overview.title }).waitFor();
      expect(new URL(page.url()).search).toBe('?region=Uppsala&atc=B02');
      expect(await page.getByLabel(t.overview.atc).inputValue()).toBe('B02');
      await expect.poll(() => page.getByTestId('overview-row').count()).toBe(3);
    });

    it('charts the expiries per month, reachable with the keyboard, and as a table', async () => {
      const bars = page.locator('.expiry-chart__bar');
      // From 2026-12 (B2) to 2027-06 (fibrinogen) for the B02 group at SSL-MITT: seven months.
      await expect.poll(() => bars.count()).toBe(7);
      const first = bars.first();
      expect(await first.getAttribute('aria-label')).toBe(t.chart.barLabel('2026-12', '3', '0', t.chart.statusNear));
      await first.focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        t.chart.barLabel('2027-01', '5', '0', t.chart.statusNear),
      );
      await page.getByRole('button', { name: t.chart.showTable }).click();
      const row = page.locator('.expiry-chart__table tbody tr').filter({ hasText: '2027-06' });
      expect(await row.locator('td').allTextContents()).toEqual(['40', '0', '40']);
    });

    it('exports the filtered stock as CSV for Swedish Excel', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: t.overview.exportLabel(t.overview.exportStock, 'CSV') }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^lagerkoll-lager_Uppsala_B02_\d{4}-\d{2}-\d{2}\.csv$/);
      const text = readFileSync(await download.path(), 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]?.split(';').slice(0, 4)).toEqual(['Lagerställe', 'Namn', 'Region', 'GTIN']);
      expect(lines).toHaveLength(4);
      const txa = lines.find((line) => line.includes(TXA))?.split(';');
      expect(txa?.[0]).toBe(SITE);
      expect(txa?.slice(6, 10)).toEqual(['16', '8', '', '50']);
    });

    it('exports the expiries as CSV too', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: t.overview.exportLabel(t.overview.exportExpiries, 'CSV') }).click(),
      ]);
      const text = readFileSync(await download.path(), 'utf8');
      expect(text).toContain(TXA);
      expect(text).toContain('2026-12-31');
    });

    it('prints location labels whose barcodes carry the location codes, one label per label', async () => {
      await page.getByRole('link', { name: shell.sections.labels }).click();
      await page.getByLabel(t.labels.site, { exact: true }).selectOption(SITE);
      expect(new URL(page.url()).pathname).toBe(`/admin/labels/${SITE}`);
      const labels = page.getByTestId('location-label');
      await expect.poll(() => labels.count()).toBe(6);
      const barcode = page.locator('[data-code="SSL-MITT-R1-H1"]');
      expect(await barcode.locator('svg').count()).toBe(1);
      expect(await barcode.getAttribute('aria-label')).toBe('SSL-MITT-R1-H1');
      await shot('labels');

      // What a scanner reads off the label: its SVG drawn at a printer's resolution (~300 dpi).
      const decode = async (code: string, symbology: 'code128' | 'datamatrix') => {
        const svg = await page
          .locator(`[data-code="${code}"][data-symbology="${symbology}"] svg`)
          .evaluate((e) => e.outerHTML);
        const paper = await browser.context.newPage();
        try {
          const size = symbology === 'code128' ? 'width:760px;height:250px' : 'width:300px;height:300px';
          await paper.setContent(
            `<div id="label" style="${size};padding:40px;background:#fff">${svg.replace('<svg ', '<svg style="width:100%;height:100%" ')}</div>`,
          );
          const png = await paper.locator('#label').screenshot();
          const read = await readBarcodes(new Blob([new Uint8Array(png)]), {
            formats: [symbology === 'code128' ? 'Code128' : 'DataMatrix'],
          });
          return read.map((r) => r.text);
        } finally {
          await paper.close();
        }
      };
      expect(await decode('SSL-MITT-R1-H1', 'code128')).toEqual(['SSL-MITT-R1-H1']);
      await page.getByLabel(t.labels.datamatrix).check();
      await page.locator('[data-code="SSL-MITT-R2-H1"][data-symbology="datamatrix"]').waitFor();
      expect(await decode('SSL-MITT-R2-H1', 'datamatrix')).toEqual(['SSL-MITT-R2-H1']);
      await shot('labels-datamatrix');

      // An A4 sheet holds all six; a 62 × 29 mm roll prints one label per page, exactly that size.
      const pdfPages = async () => {
        const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
        const sizes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
          Math.round((Number(m[1]) / 72) * 25.4),
          Math.round((Number(m[2]) / 72) * 25.4),
        ]);
        return sizes;
      };
      expect(await pdfPages()).toEqual([[210, 297]]);
      await page.getByLabel(t.labels.layouts['roll-62x29'] ?? '').check();
      expect(await pdfPages()).toEqual(Array.from({ length: 6 }, () => [62, 29]));

      // Only the chosen locations.
      await page.getByLabel(t.labels.chosenLocations).check();
      await page.getByRole('checkbox', { name: /SSL-MITT-R2-H1/ }).check();
      await expect.poll(() => labels.count()).toBe(1);
      expect(await pdfPages()).toEqual([[62, 29]]);
    });

    it('adds a location on the labels screen and prints its label, renames it, and never takes another site’s', async () => {
      // At SSL-SYD, so that SSL-MITT keeps the six labels the screens below expect.
      const NEW_CODE = 'SSL-SYD-R9-H1';
      const l = t.location;
      await page.goto(`${server.url}/admin/labels/${OTHER_SITE}`);
      const panel = page.getByTestId('location-form');
      await panel.getByRole('heading', { level: 2, name: l.title }).waitFor();
      const labels = page.getByTestId('location-label');
      await expect.poll(() => labels.count()).toBe(6);
      const code = panel.getByLabel(l.code, { exact: true });
      const name = panel.getByLabel(l.name, { exact: true });
      const save = panel.getByRole('button', { name: l.save });
      const isFocused = (locator: typeof code) => locator.evaluate((e) => e === document.activeElement);
      expect(await code.getAttribute('aria-describedby')).toContain('hint');
      expect(await panel.getByText(l.codeHint).count()).toBe(1);

      // A code with a space: refused next to the field, nothing sent, the focus there.
      await code.fill('SSL-SYD R9');
      await name.fill('Rum 9, hylla 1');
      await save.click();
      await panel.getByText(l.errorCode).waitFor();
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => isFocused(code)).toBe(true);
      expect(await name.getAttribute('aria-invalid')).toBe('false');
      await shot('location-error', false);

      // Fixed and sent with Enter: the notice, empty fields, and its label in the preview at once.
      await code.fill(NEW_CODE);
      await name.press('Enter');
      await panel
        .getByRole('status')
        .filter({ hasText: l.saved(NEW_CODE) })
        .waitFor();
      expect(await code.inputValue()).toBe('');
      expect(await name.inputValue()).toBe('');
      const added = labels.filter({ has: page.locator(`[data-code="${NEW_CODE}"]`) });
      await expect.poll(() => labels.count()).toBe(7);
      expect(await added.locator('.label__name').textContent()).toBe('Rum 9, hylla 1');
      await added.locator('svg').waitFor();
      expect(await page.getByLabel(t.labels.allLocations('7')).isChecked()).toBe(true);
      await shot('location-added', false);

      // The same code again renames it; the hint says so as the code is typed.
      await code.fill(NEW_CODE);
      await panel.getByText(l.renames('Rum 9, hylla 1'), { exact: false }).waitFor();
      await name.fill('Rum 9, hylla 1 (kylskåp)');
      await save.click();
      await panel
        .getByRole('status')
        .filter({ hasText: l.saved(NEW_CODE) })
        .waitFor();
      await expect.poll(() => added.locator('.label__name').textContent()).toBe('Rum 9, hylla 1 (kylskåp)');
      expect(await labels.count()).toBe(7);

      // A shelf of SSL-MITT never moves here: the server refuses, and says why; nothing changes.
      await code.fill('SSL-MITT-R1-H1');
      await name.fill('Flyttad hylla');
      await save.click();
      const refusal = panel.getByRole('alert');
      await expect.poll(() => refusal.textContent()).toMatch(/SSL-MITT-R1-H1 belongs to site SSL-MITT/);
      expect(await refusal.textContent()).toContain(l.failed(''));
      expect(await code.inputValue()).toBe('SSL-MITT-R1-H1');
      expect(await labels.count()).toBe(7);
      expect(await page.locator('[data-code="SSL-MITT-R1-H1"]').count()).toBe(0);
      await shot('location-refused', false);
      const { sites } = await call<{ sites: { code: string; locations: { code: string; name: string }[] }[] }>(
        server,
        'GET',
        '/sites',
        undefined,
        { authorization: `Bearer ${token}` },
      );
      const where = (locationCode: string) =>
        sites.flatMap((site) => site.locations.filter((x) => x.code === locationCode).map((x) => [site.code, x.name]));
      expect(where('SSL-MITT-R1-H1')).toEqual([[SITE, 'Rum 1, hylla 1 (demo)']]);
      expect(where(NEW_CODE)).toEqual([[OTHER_SITE, 'Rum 9, hylla 1 (kylskåp)']]);
    });

    it('adds a product counted without being in the catalog to the catalog, from its overview row', async () => {
      // The tablet counted a barcode the catalog does not know, in SSL-SYD's open stock-take.
      await pushCounts(server, tablet, [
        { stockTakeId: `demo-${OTHER_SITE}`, locationCode: 'SSL-SYD-R1-H2', gtin: UNKNOWN, batch: 'U1', quantity: 7 },
      ]);
      await page.goto(`${server.url}/admin?site=${OTHER_SITE}`);
      const row = page.locator(`[data-testid=overview-row][data-gtin="${UNKNOWN}"]`);
      await expect.poll(() => row.locator('th').textContent()).toBe(t.overview.unknownProduct);
      expect(await row.locator('td').nth(3).textContent()).toBe(`7 ${t.overview.provisionalMark}`);
      // Only the unknown product's row has the button.
      const add = row.getByRole('button', { name: t.catalog.addLabel(UNKNOWN) });
      expect(await add.textContent()).toContain(t.catalog.add);
      expect(await page.locator('.overview-table__add').count()).toBe(1);
      await row.screenshot({ path: shotName('1280x800', lang, 'catalog-unknown-row') });

      // Opened with the keyboard; the focus starts in the Swedish name; Escape closes, back on the button.
      const dialog = page.getByRole('dialog', { name: t.catalog.title(UNKNOWN) });
      const nameSv = dialog.getByLabel(`${t.catalog.nameSv} (${t.catalog.required})`);
      const isFocused = (locator: typeof nameSv) => locator.evaluate((e) => e === document.activeElement);
      await add.focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await expect.poll(() => isFocused(nameSv)).toBe(true);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => isFocused(add)).toBe(true);

      await add.click();
      await dialog.waitFor();
      const gtin = dialog.getByLabel(t.catalog.gtin, { exact: true });
      expect(await gtin.inputValue()).toBe(UNKNOWN);
      expect(await gtin.getAttribute('readonly')).not.toBe(null);
      expect(await dialog.getByLabel(t.catalog.unitsPerPack).inputValue()).toBe('1');
      expect(await dialog.getByLabel(t.catalog.category).inputValue()).toBe('medicine');
      await page.screenshot({ path: shotName('1280x800', lang, 'catalog-dialog') });

      // Without a Swedish name, and with 0 units per pack: both are refused, nothing is sent, and
      // the focus goes to the first field to fix.
      const units = dialog.getByLabel(t.catalog.unitsPerPack);
      await units.fill('0');
      await dialog.getByLabel(t.catalog.strength).fill('9 mg/ml');
      await dialog.getByRole('button', { name: t.catalog.save }).click();
      await dialog.getByText(t.catalog.errorRequired).waitFor();
      await dialog.getByText(t.catalog.errorUnitsPerPack).waitFor();
      expect(await nameSv.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => isFocused(nameSv)).toBe(true);
      await page.screenshot({ path: shotName('1280x800', lang, 'catalog-dialog-errors') });

      await nameSv.fill('Testlösning');
      await dialog.getByLabel(t.catalog.nameEn).fill('Test solution');
      await dialog.getByLabel(t.catalog.form).fill('infusion fluid');
      await units.fill('10');
      const atc = dialog.getByLabel(t.catalog.atc);
      await atc.fill('b05bb01');
      expect(await atc.inputValue()).toBe('B05BB01');
      await dialog.getByLabel(t.catalog.category).selectOption('consumable');
      await dialog.getByRole('button', { name: t.catalog.save }).click();

      // Stored: the dialog closes, the notice says so (and has the focus), the row has its name.
      await dialog.waitFor({ state: 'detached' });
      const notice = page.getByRole('status').filter({ hasText: t.catalog.saved(UNKNOWN, 'Test solution') });
      await notice.waitFor();
      await expect.poll(() => row.locator('th').textContent()).toBe('Test solutionATC B05BB01');
      expect(await row.locator('.overview-table__add').count()).toBe(0);
      await expect.poll(() => isFocused(notice)).toBe(true);
      await shot('catalog-added', false);
    });
  });

  describe.each([
    { size: '1280x800', viewport: { width: 1280, height: 800 }, lang: 'sv' as Lang },
    { size: '1920x1080', viewport: { width: 1920, height: 1080 }, lang: 'sv' as Lang },
    { size: '1920x1080', viewport: { width: 1920, height: 1080 }, lang: 'en' as Lang },
    // A supervisor glancing at it on a phone: usable, the tables scroll sideways.
    { size: 'phone', viewport: { width: 390, height: 844 }, lang: 'sv' as Lang },
  ])('at $size in $lang', ({ size, viewport, lang }) => {
    it('reads every screen', async () => {
      const t = overviewStrings[lang];
      const browser = await launchChromium({ viewport, locale: lang === 'sv' ? 'sv-SE' : 'en-GB' });
      try {
        const page = await browser.context.newPage();
        const shot = (step: string, fullPage = true) => page.screenshot({ path: shotName(size, lang, step), fullPage });
        await signIn(page, server, lang);
        await page.getByRole('heading', { level: 1, name: t.overview.title }).waitFor();
        await expect.poll(() => page.getByTestId('overview-row').count()).toBe(50);
        await page.locator('.expiry-chart__bar').first().waitFor();
        await shot('overview', false);

        await page.goto(`${server.url}/admin/drill/${SITE}/${RINGER}?region=Uppsala`);
        await expect.poll(() => page.getByTestId('drill-batch').count()).toBe(2);
        await shot('drill');

        await page.goto(`${server.url}/admin/import`);
        await page.setInputFiles('#import-file', {
          name: 'katalog.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(
            `gtin;nameSv;category\n${NEW_B_BROKEN};Trasig;medicine\n${NEW_A};Dubblett;medicine\n${NEW_A};Dubblett;medicine\n`,
          ),
        });
        await expect.poll(() => page.getByTestId('import-error-count').textContent()).not.toBe(null);
        await page.getByTestId('import-errors').waitFor();
        await shot('import');

        await page.goto(`${server.url}/admin/labels/${SITE}`);
        await expect.poll(() => page.locator('[data-code] svg').count()).toBe(6);
        await shot('labels');
      } finally {
        await browser.close();
      }
    });
  });
});
