import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredRole } from '../../../src/domain/auth/roles.ts';
import { apiErrorSchema } from '../../../src/domain/sync-protocol.ts';
import type { UserRole } from '../../../src/domain/users.ts';
import { type RouteAccess, routeAccessTable } from '../../../src/server/auth/access.ts';
import { makeDeviceId, makeEvents, pushBody, versionHeaders } from '../../support/events.ts';
import { bearer, createUserWithSession, deviceHeader, enrollDevice } from '../../support/identity.ts';
import { inProcessServer } from '../../support/server.ts';

/**
 * The access matrix (issue 7): every route of the API — read from the app itself, so a new route
 * is in here the day it is added — tried without a credential, with a revoked one, with another
 * device's id and with a role too low. Each must be refused, with the right status and code. The
 * only routes that need nothing are named here; any other route without a guard fails the first test.
 */
const PUBLIC = new Set([
  'GET /api/v1/health',
  'GET /api/v1/openapi.json',
  'GET /api/v1/auth/status',
  'POST /api/v1/auth/setup',
  'POST /api/v1/auth/sign-in',
  'POST /api/v1/devices/enroll',
]);

/** How a device route names a device: the push names one in its envelope; the pull names none (the credential is the device). */
const NAMES_A_DEVICE: Record<string, (deviceId: string) => RequestInit & { query?: string }> = {
  'POST /api/v1/sync/push': (deviceId) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: pushBody(deviceId, makeEvents(deviceId, 1)),
  }),
};
const NAMES_NO_DEVICE = new Set(['GET /api/v1/sync/pull']);

const ROLES: readonly UserRole[] = ['counter', 'supervisor', 'administrator'];

describe('access matrix: every API route', () => {
  const server = inProcessServer();
  const routes = apiRoutes(server.app.routes);
  const access = routeAccessTable(server.app.routes);
  const sessions = new Map<UserRole, string>();
  let revokedSession: string;
  let expiredSession: string;
  let deviceA: string;
  let deviceACredential: string;
  let revokedDeviceCredential: string;

  beforeAll(async () => {
    for (const role of ROLES) sessions.set(role, (await createUserWithSession(server.store, role)).token);
    const revoked = await createUserWithSession(server.store, 'administrator');
    await server.store.auth.revokeAccount(revoked.user.id, {
      at: new Date().toISOString(),
      by: revoked.user.id,
      reason: 'left the region',
    });
    revokedSession = revoked.token;
    const expired = await createUserWithSession(server.store, 'administrator');
    await server.store.auth.endSessionsOfUser(expired.user.id, new Date(Date.now() - 1000).toISOString());
    expiredSession = expired.token;
    deviceA = makeDeviceId();
    deviceACredential = await enrollDevice(server.store, deviceA, 'Platta A');
    const lost = makeDeviceId();
    revokedDeviceCredential = await enrollDevice(server.store, lost, 'Borttappad');
    await server.store.auth.revokeDevice(lost, { at: new Date().toISOString(), by: 'someone', reason: 'lost' });
  });
  afterAll(() => server.close());

  const send = (route: Route, headers: Record<string, string>, init: RequestInit = {}) => {
    const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
    return server.rawFetch(route.url, {
      method: route.method,
      ...(hasBody ? { body: '{}' } : {}),
      ...init,
      headers: {
        ...versionHeaders,
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string> | undefined),
        ...headers,
      },
    });
  };
  const guarded = () => routes.filter((route) => !PUBLIC.has(route.key));
  const kindOf = (route: Route): RouteAccess => {
    const guards = access.get(route.key) ?? [];
    if (guards.length !== 1) throw new Error(`${route.key} has ${guards.length} guards`);
    return guards[0] as RouteAccess;
  };

  it('finds the routes, and each is public by name or has exactly one guard', () => {
    expect(routes.length).toBeGreaterThan(25);
    for (const key of PUBLIC) expect(routes.map((r) => r.key)).toContain(key);
    for (const route of routes) {
      const guards = access.get(route.key) ?? [];
      if (PUBLIC.has(route.key)) expect(guards, route.key).toEqual([]);
      else expect(guards, `${route.key} needs a guard (requirePermission, requireDevice…)`).toHaveLength(1);
    }
  });

  it('the OpenAPI document states the same access for every route', async () => {
    const doc = (await (await server.rawFetch('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; 'x-permission'?: string }>>;
    };
    for (const route of routes) {
      const operation = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      expect(operation, route.key).toBeDefined();
      if (PUBLIC.has(route.key)) {
        expect(operation?.security, route.key).toEqual([]);
        continue;
      }
      const guard = kindOf(route);
      expect(operation?.security?.length, route.key).toBeGreaterThan(0);
      expect(operation?.['x-permission'], route.key).toBe(guard.kind === 'permission' ? guard.permission : undefined);
    }
  });

  it('without a credential: 401 unauthenticated', async () => {
    for (const route of guarded()) {
      const response = await send(route, {});
      expect([route.key, response.status]).toEqual([route.key, 401]);
      expect(apiErrorSchema.parse(await response.json()).error, route.key).toBe('unauthenticated');
    }
  });

  it('with a credential the server does not know, or in the wrong header: 401 unauthenticated', async () => {
    for (const route of guarded()) {
      const unknown = await send(route, { ...deviceHeader(deviceACredential.replace(/.$/, 'x')), ...bearer('lks_x') });
      expect([route.key, unknown.status]).toEqual([route.key, 401]);
      const swapped = await send(route, { authorization: `Bearer ${deviceACredential}` });
      expect([route.key, swapped.status]).toEqual([route.key, 401]);
    }
  });

  it('with a revoked device or user, or an ended session: 401 with the reason', async () => {
    for (const route of guarded()) {
      const kind = kindOf(route).kind;
      if (kind === 'device' || kind === 'credential') {
        const response = await send(route, deviceHeader(revokedDeviceCredential));
        const body = apiErrorSchema.parse(await response.json());
        expect([route.key, response.status, body.error]).toEqual([route.key, 401, 'device_revoked']);
        expect(body.message).toMatch(/revoked on \d{4}-\d\d-\d\d .*: lost/);
      }
      if (kind !== 'device') {
        const revoked = await send(route, bearer(revokedSession));
        const body = apiErrorSchema.parse(await revoked.json());
        expect([route.key, revoked.status, body.error]).toEqual([route.key, 401, 'user_revoked']);
        expect(body.message).toMatch(/left the region/);
        const expired = await send(route, bearer(expiredSession));
        expect([route.key, expired.status, apiErrorSchema.parse(await expired.json()).error]).toEqual([
          route.key,
          401,
          'session_expired',
        ]);
      }
      if (kind === 'device') {
        // A session is not a device credential: an administrator cannot push or pull.
        const asUser = await send(route, bearer(sessions.get('administrator') ?? ''));
        expect([route.key, asUser.status]).toEqual([route.key, 401]);
      }
    }
  });

  it("with another device's id: 403 device_mismatch (every device route names its device, or names none)", async () => {
    const other = makeDeviceId();
    for (const route of guarded().filter((r) => kindOf(r).kind === 'device')) {
      const named = NAMES_A_DEVICE[route.key];
      if (!named) {
        expect(NAMES_NO_DEVICE.has(route.key), `${route.key}: how does it name a device?`).toBe(true);
        continue;
      }
      const response = await send(route, deviceHeader(deviceACredential), named(other));
      expect([route.key, response.status]).toEqual([route.key, 403]);
      expect(apiErrorSchema.parse(await response.json()).error).toBe('device_mismatch');
      const own = await send(route, deviceHeader(deviceACredential), named(deviceA));
      expect([route.key, own.status]).toEqual([route.key, 200]);
    }
    expect(await server.store.countEvents()).toBe(1);
  });

  it("a session signed in on a device works only with that device's credential", async () => {
    const { token } = await createUserWithSession(server.store, 'administrator', { deviceId: deviceA });
    const otherCredential = await enrollDevice(server.store, makeDeviceId(), 'Platta B');
    const route = routes.find((r) => r.key === 'GET /api/v1/users') as Route;
    expect((await send(route, bearer(token))).status).toBe(401);
    expect((await send(route, { ...bearer(token), ...deviceHeader(otherCredential) })).status).toBe(401);
    expect((await send(route, { ...bearer(token), ...deviceHeader(deviceACredential) })).status).toBe(200);
  });

  it('with a role too low: 403 forbidden; with the role it needs: let through', async () => {
    let checked = 0;
    for (const route of guarded()) {
      const guard = kindOf(route);
      if (guard.kind !== 'permission') continue;
      const needed = requiredRole(guard.permission);
      for (const role of ROLES.filter((r) => ROLES.indexOf(r) < ROLES.indexOf(needed))) {
        const response = await send(route, bearer(sessions.get(role) ?? ''));
        const body = apiErrorSchema.parse(await response.json());
        expect([route.key, role, response.status, body.error]).toEqual([route.key, role, 403, 'forbidden']);
        expect(body.message).toContain(needed);
        checked++;
      }
      const allowed = await send(route, bearer(sessions.get(needed) ?? ''));
      expect([401, 403], `${route.key} as ${needed}: ${allowed.status}`).not.toContain(allowed.status);
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('a device credential alone opens no route that needs a user', async () => {
    for (const route of guarded().filter((r) => ['permission', 'session'].includes(kindOf(r).kind))) {
      const response = await send(route, deviceHeader(deviceACredential));
      expect([route.key, response.status]).toEqual([route.key, 401]);
    }
  });
});

interface Route {
  method: string;
  path: string;
  key: string;
  url: string;
}

/** The API's endpoints as the app registered them; path parameters get a value that exists nowhere. */
function apiRoutes(registered: ReadonlyArray<{ method: string; path: string }>): Route[] {
  const seen = new Map<string, Route>();
  for (const { method, path } of registered) {
    if (method === 'ALL' || path.includes('*') || !path.startsWith('/api/v1/')) continue;
    const key = `${method} ${path}`;
    const url = path.replace(/:(\w+)/g, () => makeDeviceId());
    seen.set(key, { method, path, key, url });
  }
  return [...seen.values()];
}
