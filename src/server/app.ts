import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { usernameSchema } from '../domain/auth/api.ts';
import { MAX_PUSH_BODY_BYTES } from '../domain/sync-protocol.ts';
import { handleAuditPage } from './api/audit.ts';
import { handleAuthStatus, handleSetup, handleSignIn, handleSignOut, handleWhoAmI } from './api/auth.ts';
import { createCoordinatorApi } from './api/coordinator-api.ts';
import { handleLoadDemo } from './api/demo.ts';
import { handleCreateEnrollmentCode, handleEnroll, handleListDevices, handleRevokeDevice } from './api/devices.ts';
import { apiError } from './api/errors.ts';
import { openApiDocument } from './api/openapi.ts';
import { withRouteAccess } from './api/openapi-identity.ts';
import { handlePull } from './api/pull.ts';
import { handlePush } from './api/push.ts';
import { handleCreateUser, handleListUsers, handleRevokeUser, handleUpdateUser } from './api/users.ts';
import { versionGate } from './api/versions.ts';
import { requireCredential, requireDevice, requireSession, routeAccessTable } from './auth/access.ts';
import { authenticate } from './auth/authenticate.ts';
import { clientAddress, requestOrigin } from './auth/client-address.ts';
import { type AuthEnv, requirePermission } from './auth/context.ts';
import { DeviceContactRecorder, recordContact } from './auth/device-contact.ts';
import { DEFAULT_RATE_LIMITS, limitRefusedAttempts, type RateLimits } from './auth/rate-limits.ts';
import { noCors, securityHeaders } from './auth/security-headers.ts';
import { SetupGate } from './auth/setup-code.ts';
import type { EventStore } from './storage/event-store.ts';

export interface AppOptions {
  store: EventStore;
  /** The built app (vite build); when absent only the API is served. */
  distDir?: string;
  /** Apps older than this get 426 on the sync endpoints (MIN_APP_VERSION); null accepts any. */
  minAppVersion?: string | null;
  /**
   * The set-up code of this start (main.ts makes it with prepareSetup while no administrator
   * exists). Without one, POST /auth/setup answers 410 until the server is started again.
   */
  setup?: SetupGate;
  /** Overrides of the default rate limits (tests use low ones). */
  rateLimits?: Partial<RateLimits>;
  /** Behind a reverse proxy (TRUST_PROXY): client addresses and origins from its X-Forwarded-* headers. */
  trustProxy?: boolean;
}

const API_BASE = '/api/v1';
/** Set-up, sign-in and enrollment bodies are a few hundred bytes. */
const MAX_PUBLIC_BODY_BYTES = 16 * 1024;

/** The central server: the API under /api/v1 and the built app at /, with security headers on everything. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', noCors);
  app.route(API_BASE, createApi(options));
  app.all('/api/*', (c) => apiError(c, 404, 'not_found', `No such API: ${c.req.method} ${c.req.path}`));

  if (options.distDir && existsSync(join(options.distDir, 'index.html'))) mountApp(app, options.distDir);

  app.onError((error, c) => {
    console.error(`[server] ${c.req.method} ${c.req.path} failed:`, error);
    return apiError(c, 500, 'internal_error', 'The server failed to handle the request; it is safe to retry.');
  });
  return app;
}

/**
 * The API. Order matters: routes registered before `authenticate` never read a credential
 * (health, the OpenAPI document, set-up status, set-up, enrollment) — except sign-in, which is
 * public but uses the device credential when one is sent; every route after it has a guard
 * (auth/access.ts) naming what it needs.
 */
function createApi({
  store,
  minAppVersion = null,
  setup = new SetupGate(),
  rateLimits,
  trustProxy = false,
}: AppOptions): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const limits = { ...DEFAULT_RATE_LIMITS, ...rateLimits };
  const address = (c: Context) => `address:${clientAddress(c, trustProxy)}`;
  const contacts = new DeviceContactRecorder(store.auth);

  // Answers about one device's data must never be cached by a proxy or the browser.
  api.use('*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });

  api.get('/health', (c) => c.json({ ok: true, serverTime: new Date().toISOString() }));
  let openApi: Record<string, unknown> | undefined;
  api.get('/openapi.json', (c) => {
    // Made on first use, when every route (and the access its guard declares) is registered.
    openApi ??= withRouteAccess(openApiDocument(), routeAccessTable(api.routes), API_BASE);
    return c.json(openApi);
  });

  // The public endpoints read small JSON bodies, and nothing bigger is read at all.
  const smallBody = bodyLimit({
    maxSize: MAX_PUBLIC_BODY_BYTES,
    onError: (c) => apiError(c, 413, 'payload_too_large', `The body is larger than ${MAX_PUBLIC_BODY_BYTES} bytes.`),
  });
  api.get('/auth/status', (c) => handleAuthStatus(c, store));
  api.post(
    '/auth/setup',
    limitRefusedAttempts(limits.setupPerAddress, address, 'to set up the server'),
    smallBody,
    (c) => handleSetup(c, store, setup),
  );
  api.post(
    '/devices/enroll',
    limitRefusedAttempts(limits.enrollPerAddress, address, 'to enroll a device'),
    smallBody,
    (c) => handleEnroll(c, store),
  );

  // Sign-in reads the device credential (a sign-in on an enrolled device is that device's) but not a
  // session: the app may still hold one that has ended.
  api.post(
    '/auth/sign-in',
    limitRefusedAttempts(limits.signInPerAddress, address, 'to sign in from this address'),
    smallBody,
    limitRefusedAttempts(limits.signInPerUsername, signInUsername, 'to sign in as this user'),
    authenticate(store.auth, { sessions: false }),
    (c) => handleSignIn(c, store),
  );

  api.use('*', authenticate(store.auth));
  api.post('/auth/sign-out', requireSession, (c) => handleSignOut(c, store));
  api.get('/auth/me', requireCredential, (c) => handleWhoAmI(c));

  api.use('/sync/*', versionGate(minAppVersion));
  const device = [requireDevice, recordContact(contacts)] as const;
  api.post(
    '/sync/push',
    ...device,
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
  api.get('/sync/pull', ...device, (c) => handlePull(c, store));

  api.post('/demo', requirePermission('master-data:manage'), (c) => handleLoadDemo(c, store));
  api.post('/devices/enrollment-codes', requirePermission('devices:enroll'), (c) =>
    handleCreateEnrollmentCode(c, store, requestOrigin(c, trustProxy)),
  );
  api.get('/devices', requirePermission('devices:read'), (c) => handleListDevices(c, store));
  api.post('/devices/:id/revoke', requirePermission('devices:revoke'), (c) => handleRevokeDevice(c, store));
  api.get('/users', requirePermission('users:read'), (c) => handleListUsers(c, store));
  api.post('/users', requirePermission('users:manage'), (c) => handleCreateUser(c, store));
  api.patch('/users/:id', requirePermission('users:manage'), (c) => handleUpdateUser(c, store));
  api.post('/users/:id/revoke', requirePermission('users:revoke'), (c) => handleRevokeUser(c, store));
  api.get('/audit', requirePermission('audit:read'), (c) => handleAuditPage(c, store));
  // The overview, imports and stock-takes (issue 8), each route behind its permission.
  api.route('/', createCoordinatorApi(store));
  return api;
}

/** The rate-limit key of a sign-in: its username, when the body has one (the handler reports a bad body). */
async function signInUsername(c: Context): Promise<string | null> {
  try {
    const body = JSON.parse(await c.req.text()) as { username?: unknown };
    const username = usernameSchema.safeParse(body.username);
    return username.success ? `username:${username.data}` : null;
  } catch {
    return null;
  }
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
