import { captureInstallPrompt } from './install-prompt.ts';
import { registerServiceWorker } from './register-sw.ts';
import { requestPersistentStorageOnFirstUse } from './storage.ts';

/**
 * Everything that makes Lagerkoll an installed, offline app, started from main.tsx through a dynamic
 * import so none of it is on the first-paint path.
 */
export function startPwa(): void {
  captureInstallPrompt();
  requestPersistentStorageOnFirstUse();
  // `npm run dev` has no service worker (it would cache the dev server's modules). MODE, not PROD:
  // PROD follows NODE_ENV, which a build started from a test runner inherits as `test`.
  if (import.meta.env.MODE !== 'development') void registerServiceWorker();
}
