import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN, renderFrame } from '../scan/corpus/scene.ts';
import { renderModules } from '../scan/corpus/symbols.ts';
import { seededRandom } from '../support/random.ts';
import { freePort, ServerProcess } from '../support/server-process.ts';
import { writeY4m } from '../support/y4m.ts';
import { type LaunchedBrowser, launchChromium } from './support/chromium.ts';
import { provisionCountingDevice } from './support/identity.ts';
import { scannerBurst } from './support/scanner.ts';

const GS = '\u001d';

describe('scanning in Chromium', () => {
  let server: ServerProcess;
  let browser: LaunchedBrowser | undefined;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lagerkoll-camera-'));
    server = new ServerProcess(await freePort());
    await server.start();
  });
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a GS1 DataMatrix from the camera (fake device) and counts it with batch, expiry and serial', async () => {
    // A pharma pack's DataMatrix as bwip-js draws it, 10 px per module, as the camera's only frame.
    const grid = renderModules({ kind: 'gs1-datamatrix', data: '(01)07046261000000(17)280630(10)CAM1(21)SER-CAM-1' });
    const video = join(dir, 'datamatrix.y4m');
    writeY4m(video, renderFrame(grid, { ...CLEAN, modulePx: 10 }, seededRandom(1)));
    browser = await launchChromium({
      args: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    const page = await browser.context.newPage();
    await provisionCountingDevice(page, server);
    await page.goto(`${server.url}/quick`);
    await page.getByRole('button', { name: 'Start the camera' }).click();

    await expect.poll(() => page.getByTestId('event').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('scan-card').getAttribute('data-tone')).toBe('ok');
    const facts = await page.getByTestId('event').textContent();
    expect(facts).toContain('07046261000000');
    expect(facts).toContain('CAM1');
    expect(facts).toContain('2028-06-30');
    expect(facts).toContain('SER-CAM-1');
    // The same pack stays in view: it is read again and again, but counted once.
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('event').count()).toBe(1);
  });

  it('takes a hand scanner burst anywhere on the counting screen, with GS sent as Ctrl+]', async () => {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    await provisionCountingDevice(page, server);
    await page.goto(`${server.url}/quick`);
    await page.getByRole('textbox', { name: 'Barcode' }).waitFor();
    // Focus away from the scan field: the burst lands on the page, not in a text field.
    await page.getByRole('heading', { name: 'Quick count without a stock-take' }).click();
    await scannerBurst(page, `]d2010704626100411417280131${'10'}WEDGE7${GS}21SER-W-1`);
    await expect.poll(() => page.getByTestId('event').count()).toBe(1);
    const facts = await page.getByTestId('event').textContent();
    expect(facts).toContain('WEDGE7');
    expect(facts).toContain('SER-W-1');

    // A person typing slowly into the field is never taken for a scanner.
    const field = page.getByRole('textbox', { name: 'Barcode' });
    await field.click();
    await field.pressSequentially('0109506000100739', { delay: 120 });
    expect(await field.inputValue()).toBe('0109506000100739');
    await field.press('Enter');
    await expect.poll(() => page.getByTestId('event').count()).toBe(2);
  });
});
