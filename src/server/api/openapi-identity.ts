import {
  AUDIT_ACTIONS,
  auditPageSchema,
  authStatusSchema,
  createEnrollmentCodeSchema,
  createUserSchema,
  DEVICE_CREDENTIAL_HEADER,
  deviceListSchema,
  deviceSummarySchema,
  enrollmentCodeSchema,
  enrollRequestSchema,
  enrollResponseSchema,
  OLDEST_UNSENT_HEADER,
  revokeRequestSchema,
  sessionSchema,
  setupRequestSchema,
  signInRequestSchema,
  updateUserSchema,
  userAccountSchema,
  userListSchema,
  whoAmISchema,
} from '../../domain/auth/api.ts';
import type { RouteAccess } from '../auth/access.ts';
import { DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT } from './audit.ts';
import { body, error, json, jsonSchema, ref } from './openapi-parts.ts';

/** The OpenAPI paths and schemas of identity (issue 7: auth.ts, devices.ts, users.ts, audit.ts), for openapi.ts. */

const idParam = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: what,
  schema: { type: 'string' },
});
const rateLimited = {
  '429': {
    ...error('Too many refused attempts from this address (or for this username): wait as Retry-After says.'),
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
  },
};

export function identitySchemas(): Record<string, unknown> {
  return {
    AuthStatus: jsonSchema(authStatusSchema, 'output'),
    SetupRequest: jsonSchema(setupRequestSchema, 'input'),
    SignInRequest: jsonSchema(signInRequestSchema, 'input'),
    Session: jsonSchema(sessionSchema, 'output'),
    WhoAmI: jsonSchema(whoAmISchema, 'output'),
    CreateEnrollmentCode: jsonSchema(createEnrollmentCodeSchema, 'input'),
    EnrollmentCode: jsonSchema(enrollmentCodeSchema, 'output'),
    EnrollRequest: jsonSchema(enrollRequestSchema, 'input'),
    EnrollResponse: jsonSchema(enrollResponseSchema, 'output'),
    DeviceSummary: jsonSchema(deviceSummarySchema, 'output'),
    DeviceList: jsonSchema(deviceListSchema, 'output'),
    RevokeRequest: jsonSchema(revokeRequestSchema, 'input'),
    UserAccount: jsonSchema(userAccountSchema, 'output'),
    UserList: jsonSchema(userListSchema, 'output'),
    CreateUser: jsonSchema(createUserSchema, 'input'),
    UpdateUser: jsonSchema(updateUserSchema, 'input'),
    AuditPage: jsonSchema(auditPageSchema, 'output'),
  };
}

export function identityPaths(): Record<string, unknown> {
  return {
    '/api/v1/auth/status': {
      get: {
        summary: 'Whether the server still waits for its first administrator (public)',
        responses: { '200': json(ref('AuthStatus'), 'The status.') },
      },
    },
    '/api/v1/auth/setup': {
      post: {
        summary: "Create the first administrator with the one-time set-up code printed in the server's terminal",
        requestBody: body('SetupRequest'),
        responses: {
          '201': json(ref('Session'), 'The administrator, signed in.'),
          '400': error('An invalid body (username, name, or a password under the minimum length).'),
          '401': error('Not the set-up code.'),
          '409': error('The server is already set up.'),
          '410': error('The code of this start was used; restart the server for a new one.'),
          ...rateLimited,
        },
      },
    },
    '/api/v1/auth/sign-in': {
      post: {
        summary: `Sign in with username and password; with a ${DEVICE_CREDENTIAL_HEADER} the session belongs to that device, which may then push the user's counts`,
        requestBody: body('SignInRequest'),
        responses: {
          '200': json(ref('Session'), 'Signed in.'),
          '400': error('An invalid body.'),
          '401': error(
            'Wrong username or password (unauthenticated), a revoked user (user_revoked), or a bad device credential.',
          ),
          ...rateLimited,
        },
      },
    },
    '/api/v1/auth/sign-out': {
      post: {
        summary: 'End this session',
        responses: { '200': json(ref('WhoAmI'), 'Signed out: who the request is now (the device, if any).') },
      },
    },
    '/api/v1/auth/me': {
      get: {
        summary: 'Who the credentials of the request belong to (the user, the device, or both)',
        responses: { '200': json(ref('WhoAmI'), 'The user and the device.') },
      },
    },
    '/api/v1/devices/enrollment-codes': {
      post: {
        summary: 'A one-time enrollment code for one device, valid 15 minutes (QR code of enrollUrl, and text)',
        requestBody: body('CreateEnrollmentCode'),
        responses: { '201': json(ref('EnrollmentCode'), 'The code, shown once.'), '400': error('No label.') },
      },
    },
    '/api/v1/devices/enroll': {
      post: {
        summary:
          'Enroll this device with a code: binds a new device credential to the device id (public; the code is the credential)',
        requestBody: body('EnrollRequest'),
        responses: {
          '201': json(ref('EnrollResponse'), 'The credential, shown once; the server keeps only its hash.'),
          '400': error('An invalid body or something that cannot be a code.'),
          '401': error('No such code.'),
          '409': error('A device with this id is enrolled and not revoked.'),
          '410': error('The code was used or has expired (code_expired).'),
          ...rateLimited,
        },
      },
    },
    '/api/v1/devices': {
      get: {
        summary: 'Every enrolled device, revoked ones too: last contact, app version, oldest unsent count, users',
        responses: { '200': json(ref('DeviceList'), 'The devices, latest enrolled first.') },
      },
    },
    '/api/v1/devices/{id}/revoke': {
      post: {
        summary: 'Revoke a device (lost, stolen): its credential and its sessions stop working at once',
        parameters: [idParam('The device id (a UUID).')],
        requestBody: body('RevokeRequest'),
        responses: {
          '200': json(ref('DeviceSummary'), 'The device, revoked.'),
          '400': error('Not a device id, or no reason.'),
          '404': error('No such device.'),
          '409': error('Already revoked.'),
        },
      },
    },
    '/api/v1/users': {
      get: {
        summary: 'Every account, revoked ones too',
        responses: { '200': json(ref('UserList'), 'The accounts, by name.') },
      },
      post: {
        summary: 'Create an account (a role no higher than your own)',
        requestBody: body('CreateUser'),
        responses: {
          '201': json(ref('UserAccount'), 'Created.'),
          '400': error('An invalid body.'),
          '409': error('The username is taken.'),
        },
      },
    },
    '/api/v1/users/{id}': {
      patch: {
        summary: 'Change name, role or password (not your own role; a new password ends the other sessions)',
        parameters: [idParam('The user id.')],
        requestBody: body('UpdateUser'),
        responses: {
          '200': json(ref('UserAccount'), 'Changed.'),
          '400': error('An invalid body, or nothing to change.'),
          '404': error('No such user.'),
          '409': error('The user is revoked.'),
        },
      },
    },
    '/api/v1/users/{id}/revoke': {
      post: {
        summary: 'Revoke a user: their sessions end; not yourself, not someone above your role',
        parameters: [idParam('The user id.')],
        requestBody: body('RevokeRequest'),
        responses: {
          '200': json(ref('UserAccount'), 'The user, revoked.'),
          '404': error('No such user.'),
          '409': error('Already revoked.'),
        },
      },
    },
    '/api/v1/audit': {
      get: {
        summary: 'The append-only audit log, newest first',
        parameters: [
          {
            name: 'before',
            in: 'query',
            required: false,
            description: 'An entry id: older entries only.',
            schema: { type: 'integer' },
          },
          { name: 'action', in: 'query', required: false, schema: { type: 'string', enum: [...AUDIT_ACTIONS] } },
          {
            name: 'subject',
            in: 'query',
            required: false,
            description: 'Only entries about this: a stock-take, device or user id, a dataset.',
            schema: { type: 'string' },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: MAX_AUDIT_LIMIT, default: DEFAULT_AUDIT_LIMIT },
          },
        ],
        responses: { '200': json(ref('AuditPage'), 'A page of entries.'), '400': error('An invalid query.') },
      },
    },
  };
}

export const SECURITY_SCHEMES = {
  session: {
    type: 'http',
    scheme: 'bearer',
    description: 'A user session (lks_…) from POST /api/v1/auth/sign-in or /auth/setup; lasts 12 hours.',
  },
  deviceCredential: {
    type: 'apiKey',
    in: 'header',
    name: DEVICE_CREDENTIAL_HEADER,
    description: `An enrolled device's credential (lkd_…) from POST /api/v1/devices/enroll. Devices also send ${OLDEST_UNSENT_HEADER} (ISO instant of their oldest unsent count; absent: none).`,
  },
};

/**
 * States on every operation what the app enforces (auth/access.ts reads it from the routes' guards):
 * `security` (none for a public route), `x-permission` with the permission a session needs, and the
 * 401/403 answers. `access` is keyed by "METHOD /path" as Hono registered it under the API's base.
 */
export function withRouteAccess(
  document: Record<string, unknown>,
  access: ReadonlyMap<string, readonly RouteAccess[]>,
  base: string,
): Record<string, unknown> {
  const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
  for (const [path, operations] of Object.entries(paths)) {
    const routePath = path.slice(base.length).replace(/\{(\w+)\}/g, ':$1');
    for (const [method, operation] of Object.entries(operations)) {
      const guards = access.get(`${method.toUpperCase()} ${routePath}`) ?? [];
      const responses = (operation.responses ?? {}) as Record<string, unknown>;
      const security: Array<Record<string, string[]>> = [];
      for (const guard of guards) {
        if (guard.kind === 'device') security.push({ deviceCredential: [] });
        else if (guard.kind === 'credential') security.push({ session: [] }, { deviceCredential: [] });
        else security.push({ session: [] });
        if (guard.kind === 'permission') {
          operation['x-permission'] = guard.permission;
          responses['403'] ??= error(`The role may not do this (it needs the permission ${guard.permission}).`);
        }
      }
      operation.security = security;
      if (guards.length > 0) {
        responses['401'] ??= error(
          'No credential, or one that is unknown (unauthenticated), expired (session_expired) or revoked (user_revoked, device_revoked).',
        );
      }
      if (guards.some((guard) => guard.kind === 'device')) {
        responses['403'] ??= error('The request speaks for another device than its credential (device_mismatch).');
      }
      operation.responses = responses;
    }
  }
  const components = (document.components ?? {}) as Record<string, unknown>;
  return { ...document, components: { ...components, securitySchemes: SECURITY_SCHEMES } };
}
