import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_PUSH_BODY_BYTES } from '../domain/sync-protocol.ts';
import { apiError } from './api/errors.ts';
import { handlePush } from './api/push.ts';
import type { EventStore } from './storage/event-store.ts';

export interface AppOptions {
  store: EventStore;
  /** The built app (vite build); when absent only the API is served. */
  distDir?: string;
}

/** The central server: the API under /api/v1 and the built app at /. */
export function createApp({ store, distDir }: AppOptions): Hono {
  const app = new Hono();

  app.get('/api/v1/health', (c) => c.json({ ok: true, serverTime: new Date().toISOString() }));
  app.post(
    '/api/v1/sync/push',
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
  app.all('/api/*', (c) => apiError(c, 404, 'not_found', `No such API: ${c.req.method} ${c.req.path}`));

  if (distDir && existsSync(join(distDir, 'index.html'))) mountApp(app, distDir);

  app.onError((error, c) => {
    console.error(`[server] ${c.req.method} ${c.req.path} failed:`, error);
    return apiError(c, 500, 'internal_error', 'The server failed to handle the request; it is safe to retry.');
  });
  return app;
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
  app.use('*', serveStatic({ root: distDir }));
  app.get('*', serveStatic({ root: distDir, path: 'index.html' }));
}
