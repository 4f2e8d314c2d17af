/// <reference lib="webworker" />
// The service worker (vite-plugin-pwa, injectManifest; docs/pwa.md). It precaches the whole built app,
// answers navigations with the app shell, never touches /api, activates a new version only when the
// person says "Update now", and — where the browser has Background Sync — sends the outbox when the
// network returns, even with the app closed.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { pushInBackground } from './background-push.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The API is never answered by the worker: not as a navigation and not from a cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

// The first install takes control at once, so the first visit is already offline-ready. Later
// versions wait: SKIP_WAITING is what the update prompt sends, never sent automatically.
clientsClaim();
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  const work = pushInBackground(sync.tag);
  if (work) sync.waitUntil(work);
});
