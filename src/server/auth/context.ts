import type { Context, MiddlewareHandler } from 'hono';
import type { SessionUser } from '../../domain/auth/api.ts';
import { can, type Permission, requiredRole } from '../../domain/auth/roles.ts';
import { apiError } from '../api/errors.ts';
import { tagAccess } from './access.ts';

/** The device a request was authenticated as (its credential header). */
export interface AuthenticatedDevice {
  deviceId: string;
  label: string;
}

/**
 * What authentication (src/server/auth/authenticate.ts) leaves on each API request: the signed-in
 * user of a session token and the enrolled device of a device credential, each when present and valid.
 */
export interface AuthVariables {
  user: SessionUser | undefined;
  device: AuthenticatedDevice | undefined;
  /** The session of `user`: the hash of its token (to sign out) and whether it was made on an enrolled device. */
  session: { tokenHash: string; deviceId: string | null } | undefined;
}
export type AuthEnv = { Variables: AuthVariables };

/**
 * Lets the request through only for a signed-in user whose role may do this: 401 without a session,
 * 403 with a role too low. Every coordinator and administrator route has one.
 */
export function requirePermission(permission: Permission): MiddlewareHandler<AuthEnv> {
  return tagAccess(
    async (c, next) => {
      const user = c.get('user');
      if (!user) return apiError(c, 401, 'unauthenticated', 'Sign in first: this needs a signed-in user.');
      if (!can(user.role, permission)) {
        return apiError(c, 403, 'forbidden', `This needs the role ${requiredRole(permission)}; you are ${user.role}.`);
      }
      await next();
    },
    { kind: 'permission', permission },
  );
}

/** The signed-in user of a request that passed requirePermission. */
export function currentUser(c: Context<AuthEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new Error('currentUser outside requirePermission');
  return user;
}
