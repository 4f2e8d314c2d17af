import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { MAX_PUSH_BODY_BYTES } from '../domain/sync-protocol.ts';
import { createCoordinatorApi } from './api/coordinator-api.ts';
import { handleLoadDemo } from './api/demo.ts';
import { apiError } from './api/errors.ts';
import { openApiDocument } from './api/openapi.ts';
import { handlePull } from './api/pull.ts';
import { handlePush } from './api/push.ts';
import { versionGate } from './api/versions.ts';
import type { EventStore } from './storage/event-store.ts';

export interface AppOptions {
  store: EventStore;
  /** The built app (vite build); when absent only the API is served. */
  distDir?: string;
  /** Apps older than this get 426 on the sync endpoints (MIN_APP_VERSION); null accepts any. */
  minAppVersion?: string | null;
  /**
   * Middleware run before every API route except health and the OpenAPI document (issue 7 puts
   * authentication here).
   */
  apiMiddleware?: readonly MiddlewareHandler[];
}

/** The central server: the API under /api/v1 and the built app at /. */
export function createApp({ store, distDir, minAppVersion = null, apiMiddleware = [] }: AppOptions): Hono {
  const app = new Hono();
  app.route('/api/v1', createApi(store, minAppVersion, apiMiddleware));
  app.all('/api/*', (c) => apiError(c, 404, 'not_found', `No such API: ${c.req.method} ${c.req.path}`));

  if (distDir && existsSync(join(distDir, 'index.html'))) mountApp(app, distDir);

  app.onError((error, c) => {
    console.error(`[server] ${c.req.method} ${c.req.path} failed:`, error);
    return apiError(c, 500, 'internal_error', 'The server failed to handle the request; it is safe to retry.');
  });
  return app;
}

function createApi(store: EventStore, minAppVersion: string | null, middleware: readonly MiddlewareHandler[]): Hono {
  const api = new Hono();
  // Answers about one device's data must never be cached by a proxy or the browser.
  api.use('*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });

  api.get('/health', (c) => c.json({ ok: true, serverTime: new Date().toISOString() }));
  const openApi = openApiDocument();
  api.get('/openapi.json', (c) => c.json(openApi));

  for (const handler of middleware) api.use('*', handler);
  api.use('/sync/*', versionGate(minAppVersion));
  api.post(
    '/sync/push',
    bodyLimit({
      maxSize: MAX_PUSH_BODY_BYTES,
      onError: (c) =>
        apiError(
          c,
          413,
          'payload_too_large',
          `The push is larger than ${MAX_PUSH_BODY_BYTES} bytes; send smaller batches.`,
        ),
    }),
    (c) => handlePush(c, store),
  );
  api.get('/sync/pull', (c) => handlePull(c, store));
  api.post('/demo', (c) => handleLoadDemo(c, store));
  // Imports and the overview (issue 8): one sub-app, so issue 7's role check goes in front of all of it.
  api.route('/', createCoordinatorApi(store));
  return api;
}

/**
 * Static files of the built app. Hashed assets are immutable; index.html and the service worker
 * must be revalidated on every load or users get stuck on an old version. Any other path that is
 * not a file gets the app shell (client-side routes).
 */
function mountApp(app: Hono, distDir: string): void {
  app.use('*', async (c, next) => {
    await next();
    const path = c.req.path;
    if (path.startsWith('/assets/')) c.header('cache-control', 'public, max-age=31536000, immutable');
    else c.header('cache-control', 'no-cache');
  });
  // A tablet on a weak link downloads the whole app once to work offline (the decoder's .wasm is
  // 0.95 MB, 0.42 MB gzipped): compressed where the browser accepts it.
  app.use('*', compress());
  app.use('*', serveStatic({ root: distDir }));
  app.get('*', serveStatic({ root: distDir, path: 'index.html' }));
}
