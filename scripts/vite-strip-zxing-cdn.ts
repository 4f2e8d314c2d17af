// Vite plugin: removes zxing-wasm's default CDN URL from the bundle. The app always overrides
// `locateFile` to load the .wasm from its own assets, so the CDN default is dead code — but it would
// still ship, and any fallback to it would break scanning offline. The default now fails loudly instead.
// Workers take their plugins from `worker.plugins`, so register it there as well as in `plugins`.
import type { Plugin } from 'vite';

const CDN_TEMPLATE = /`https:\/\/fastly\.jsdelivr\.net\/npm\/zxing-wasm@[^`]*`/g;
const NO_CDN = '(() => { throw new Error("zxing-wasm: locateFile must point at the app\'s own .wasm (no CDN)"); })()';

export function stripZxingCdn(): Plugin {
  return {
    name: 'lagerkoll:strip-zxing-cdn',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').includes('/zxing-wasm/dist/')) return null;
      if (!code.includes('jsdelivr')) return null;
      const stripped = code.replace(CDN_TEMPLATE, NO_CDN);
      if (stripped.includes('jsdelivr')) {
        this.error(`zxing-wasm changed how it names its CDN in ${id}: update scripts/vite-strip-zxing-cdn.ts`);
      }
      return { code: stripped, map: null };
    },
  };
}
