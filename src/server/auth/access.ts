import type { MiddlewareHandler } from 'hono';
import type { Permission } from '../../domain/auth/roles.ts';
import { apiError } from '../api/errors.ts';
import type { AuthEnv } from './context.ts';

/**
 * What a route needs, as its guard middleware declares it. The guard carries this as a tag, so the
 * access of every route can be read back from the app itself: the OpenAPI document states it
 * (api/openapi.ts) and the access-matrix test tries every route against it — a route without a
 * guard shows up there as public, and the test names it.
 */
export type RouteAccess =
  /** An enrolled device's credential (the sync endpoints). */
  | { kind: 'device' }
  /** A signed-in user whose role may do this. */
  | { kind: 'permission'; permission: Permission }
  /** Any signed-in user. */
  | { kind: 'session' }
  /** A device credential or a session, either. */
  | { kind: 'credential' };

const ACCESS = Symbol.for('lagerkoll.route-access');

/** Marks a guard middleware with the access it enforces. */
export function tagAccess<H extends MiddlewareHandler<AuthEnv>>(guard: H, access: RouteAccess): H {
  return Object.assign(guard, { [ACCESS]: access });
}

/** The access a handler enforces, when it is a tagged guard. */
export function accessOf(handler: unknown): RouteAccess | undefined {
  if (typeof handler !== 'function') return undefined;
  const direct = (handler as { [ACCESS]?: RouteAccess })[ACCESS];
  // Hono wraps the handlers of a sub-app that has its own error handler; the original is kept here.
  const composed = (handler as { __COMPOSED_HANDLER?: unknown }).__COMPOSED_HANDLER;
  return direct ?? (composed ? accessOf(composed) : undefined);
}

interface RouteLike {
  method: string;
  path: string;
  handler: unknown;
}

/**
 * The access of each API route (method and path as Hono registered them): the guards on the route
 * itself and on middleware whose path covers it. Routes with no guard are absent: they are public.
 */
export function routeAccessTable(routes: readonly RouteLike[]): Map<string, RouteAccess[]> {
  const table = new Map<string, RouteAccess[]>();
  const endpoints = routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*'));
  for (const endpoint of endpoints) {
    const key = `${endpoint.method} ${endpoint.path}`;
    const found = routes
      .filter((r) => (r.method === endpoint.method || r.method === 'ALL') && pathCovers(r.path, endpoint.path))
      .map((r) => accessOf(r.handler))
      .filter((access): access is RouteAccess => access !== undefined);
    const known = table.get(key) ?? [];
    for (const access of found)
      if (!known.some((k) => JSON.stringify(k) === JSON.stringify(access))) known.push(access);
    if (known.length) table.set(key, known);
  }
  return table;
}

/** Whether a registered path (with * wildcards) covers a route's path. */
function pathCovers(pattern: string, path: string): boolean {
  if (pattern === path) return true;
  if (!pattern.includes('*')) return false;
  const escaped = pattern
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\/\*$/, '(?:/.*)?')
    .replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(path);
}

/** The sync endpoints: only an enrolled device (authenticate has already refused an unknown or revoked one). */
export const requireDevice: MiddlewareHandler<AuthEnv> = tagAccess(
  async (c, next) => {
    if (!c.get('device')) {
      return apiError(
        c,
        401,
        'unauthenticated',
        'This needs an enrolled device: send its credential in the Lagerkoll-Device-Credential header (enroll the device with a code from a supervisor).',
      );
    }
    await next();
  },
  { kind: 'device' },
);

/** Any signed-in user (e.g. signing out). */
export const requireSession: MiddlewareHandler<AuthEnv> = tagAccess(
  async (c, next) => {
    if (!c.get('user')) return apiError(c, 401, 'unauthenticated', 'Sign in first: this needs a signed-in user.');
    await next();
  },
  { kind: 'session' },
);

/** A signed-in user or an enrolled device (who-am-I). */
export const requireCredential: MiddlewareHandler<AuthEnv> = tagAccess(
  async (c, next) => {
    if (!c.get('user') && !c.get('device')) {
      return apiError(c, 401, 'unauthenticated', 'Send a session or a device credential.');
    }
    await next();
  },
  { kind: 'credential' },
);
