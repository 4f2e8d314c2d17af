import { Workbox } from 'workbox-window';
import { offerUpdate } from './update-state.ts';

/** A tablet left open on a shelf for days still learns about new versions. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Registers /sw.js (after the page has loaded), watches for new versions and offers them through
 * update-state. It never reloads on its own: a new version waits until `applyUpdate()` is called.
 */
export async function registerServiceWorker(scriptUrl = '/sw.js'): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const workbox = new Workbox(scriptUrl);
  let registration: ServiceWorkerRegistration | undefined;
  try {
    registration = await workbox.register();
  } catch (error) {
    // The app still works online; offline it needs the worker, so say so where someone can see it.
    console.error('[pwa] the service worker could not be registered', error);
    return;
  }
  if (!registration) return;
  const reg = registration;

  onWaitingWorker(reg, () => offerUpdate(() => activateWaitingWorker(workbox, reg)));

  const checkForUpdate = () => {
    workbox.update().catch(() => {
      // No network: the next check (or the browser's own on the next start) will find it.
    });
  };
  setInterval(checkForUpdate, UPDATE_CHECK_INTERVAL_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') checkForUpdate();
  });
}

/**
 * Calls `onWaiting` whenever a new version has installed and waits behind the current one, however
 * it was found: already waiting at start, found by the browser while loading, by our checks, or by
 * another tab. (workbox-window's own `waiting` event misses an update found while the page loads and
 * any after the first one found by another tab.)
 */
function onWaitingWorker(registration: ServiceWorkerRegistration, onWaiting: () => void): void {
  const watch = (worker: ServiceWorker | null) => {
    worker?.addEventListener('statechange', () => {
      // With no active worker this is the very first install, which takes control by itself.
      if (worker.state === 'installed' && registration.waiting === worker && registration.active) onWaiting();
    });
  };
  if (registration.waiting && registration.active) onWaiting();
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
}

function activateWaitingWorker(workbox: Workbox, registration: ServiceWorkerRegistration): void {
  // Another tab said yes already: the new worker controls this page too, only the page is old.
  if (!registration.waiting) {
    location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  // The generated worker answers SKIP_WAITING by activating; `clientsClaim` then makes it control
  // every open tab, and this one reloads into the new version.
  workbox.messageSkipWaiting();
}
