/// <reference types="vitest/config" />
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { stripZxingCdn } from './scripts/vite-strip-zxing-cdn.ts';

const serverPort = Number(process.env.PORT ?? 8787);

/**
 * The build's id, in `<meta name="lagerkoll-build">` of index.html: shown in the app's settings and
 * used by the update test to tell two builds apart. `LAGERKOLL_BUILD_ID` overrides it.
 */
function buildIdMeta(): Plugin {
  const buildId = () => {
    if (process.env.LAGERKOLL_BUILD_ID) return process.env.LAGERKOLL_BUILD_ID;
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    try {
      const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      return `${version}+${commit}`;
    } catch {
      return version;
    }
  };
  return {
    name: 'lagerkoll-build-id',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'lagerkoll-build', content: buildId() }, injectTo: 'head' },
    ],
  };
}

/**
 * The service worker and the web app manifest (docs/pwa.md; the choice of injectManifest in
 * docs/decisions.md). The worker (src/sw/sw.ts) precaches the whole built app, answers navigations
 * with the app shell, leaves everything else — above all /api — to the network, and sends the outbox
 * on Background Sync.
 */
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src/sw',
  filename: 'sw.ts',
  // Registered by src/ui/pwa/register-sw.ts through workbox-window, after the first render.
  injectRegister: false,
  // A new version waits until the person says "Update now"; it is never activated under a count.
  registerType: 'prompt',
  // The icons are in the glob below already.
  includeManifestIcons: false,
  manifest: {
    id: '/',
    name: 'Lagerkoll',
    short_name: 'Lagerkoll',
    description:
      'Inventering av sjukvårdsmateriel i beredskapslager, även utan nät. ' +
      'Counting emergency medical stock, even with no network.',
    lang: 'sv',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: '#0b4f6c',
    background_color: '#eef2f5',
    categories: ['medical', 'productivity', 'business'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
    // Made by scripts/generate-screenshots.mjs from the running app.
    screenshots: [
      {
        src: '/screenshots/counting-narrow.png',
        sizes: '720x1280',
        type: 'image/png',
        form_factor: 'narrow',
        label: 'Inventering på telefonen: skanna, antal, allt skickat',
      },
      {
        src: '/screenshots/counting-wide.png',
        sizes: '1280x800',
        type: 'image/png',
        form_factor: 'wide',
        label: 'Inventering på surfplatta och dator',
      },
    ],
  },
  injectManifest: {
    // Everything needed to start and to scan with no network: the shell, scripts, styles, icons,
    // fonts and the decoder's .wasm (not in Workbox's defaults). Translations are in the scripts.
    globPatterns: ['**/*.{js,css,html,wasm,svg,png,webmanifest,woff2}'],
    // The install sheet's screenshots are fetched by the browser when it shows the sheet, online.
    // manifest.webmanifest is added by the plugin itself (with its own revision): one entry per URL.
    globIgnores: ['screenshots/**', 'manifest.webmanifest'],
    // The zxing reader's .wasm is ~0.95 MB. Set explicitly so the decoder can never silently drop
    // out of the precache; a file above this fails the build (vite-plugin-pwa), which is wanted.
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
  },
});

export default defineConfig({
  plugins: [preact(), stripZxingCdn(), buildIdMeta(), pwa],
  // The decoder worker is an ES module and gets the same CDN-stripping as the main bundle.
  worker: { format: 'es', plugins: () => [stripZxingCdn()] },
  // Pre-bundled for `npm run dev`, or the dev server reloads the page on the first camera start.
  optimizeDeps: { include: ['zxing-wasm/reader'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // dist/.vite/manifest.json: scripts/check-bundle-budget.mjs follows the entry's static imports in it.
    manifest: true,
  },
  server: {
    // `npm run dev`: the app with hot reload; the API is proxied to the server started beside it.
    proxy: { '/api': `http://127.0.0.1:${serverPort}` },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          setupFiles: ['fake-indexeddb/auto'],
          globalSetup: ['test/server/storage/postgres-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // A screen that refetches after an action can take a few seconds on a loaded 2-core
          // machine (the full suite runs beside the build); the 1 s default made such polls flaky.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
