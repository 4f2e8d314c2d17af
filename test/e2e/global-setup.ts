import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { missingChromiumMessage } from './support/chromium.ts';

/**
 * Before any end-to-end test: Chromium must be there (a missing browser fails loudly, it never
 * skips), and the app is built once so that the tests run against what users get.
 */
export default function setup(): void {
  const missing = missingChromiumMessage();
  if (missing) throw new Error(missing);
  // NODE_ENV=production: vitest sets `test`, which would build a development-flavoured bundle.
  execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
