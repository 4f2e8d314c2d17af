#!/usr/bin/env node
// Renders the app's PNG icons from the master SVG (public/icons/icon.svg) in Chromium, so every size
// comes from one drawing. Run after changing the SVG and commit the PNGs:
//   node scripts/generate-icons.mjs
// Uses Debian's Chromium (or CHROMIUM_PATH) through playwright-core; never downloads a browser.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ICONS = resolve(import.meta.dirname, '../public/icons');
const master = readFileSync(join(ICONS, 'icon.svg'), 'utf8');

/**
 * - `any`: the rounded square with transparent corners, as browsers show it in tabs and launchers.
 * - `maskable`: full-bleed background, the glyph shrunk into the central safe zone (a circle of 80 %
 *   of the width) so that any launcher mask (circle, squircle, teardrop) keeps all of it.
 * - `apple`: full-bleed and opaque (iOS fills transparency with black and rounds the corners itself).
 */
const VARIANTS = [
  { file: 'icon-192.png', size: 192, fullBleed: false, glyphScale: 1 },
  { file: 'icon-512.png', size: 512, fullBleed: false, glyphScale: 1 },
  { file: 'icon-maskable-512.png', size: 512, fullBleed: true, glyphScale: 0.8 },
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true, glyphScale: 0.88 },
];

function variantSvg({ size, fullBleed, glyphScale }) {
  let svg = master.replace('<svg ', `<svg width="${size}" height="${size}" `);
  if (fullBleed) svg = svg.replace(/(<rect id="background"[^>]*?) rx="\d+"/, '$1');
  if (glyphScale !== 1) {
    svg = svg.replace(
      '<g id="glyph">',
      `<g id="glyph" transform="translate(256 256) scale(${glyphScale}) translate(-256 -256)">`,
    );
  }
  if (!svg.includes('id="glyph"') || !svg.includes('id="background"')) {
    throw new Error('icon.svg must keep the ids "background" and "glyph" (see the comment in it).');
  }
  return svg;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const variant of VARIANTS) {
    const page = await browser.newPage({ viewport: { width: variant.size, height: variant.size } });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${variantSvg(variant)}</body></html>`,
    );
    await page.screenshot({ path: join(ICONS, variant.file), omitBackground: !variant.fullBleed });
    await page.close();
    console.log(`public/icons/${variant.file} (${variant.size}×${variant.size})`);
  }
} finally {
  await browser.close();
}
