import { z } from 'zod/mini';
import { deviceIdSchema } from '../count-event.ts';
import { userRoleSchema } from '../users.ts';

/**
 * The identity API (issue 7), shared by the app and the server: set-up, sign-in, device enrollment,
 * revocation, users and the audit log. Every body that crosses the network is parsed with these.
 *
 * Two credentials, in two headers:
 * - a device credential (`Lagerkoll-Device-Credential`), issued once at enrollment and bound to the
 *   device id: the sync endpoints need it, and it must belong to the device the request speaks for;
 * - a user session (`Authorization: Bearer …`), issued by an online sign-in: the coordinator and
 *   administrator endpoints need it, with a role high enough (domain/auth/roles.ts).
 */
export const DEVICE_CREDENTIAL_HEADER = 'Lagerkoll-Device-Credential';
/** Sent by a device with every sync request: when its oldest count not yet accepted by the server was made. */
export const OLDEST_UNSENT_HEADER = 'Lagerkoll-Oldest-Unsent';

/** Device credentials start with this, user sessions with the other: a token pasted in the wrong place is named. */
export const DEVICE_CREDENTIAL_PREFIX = 'lkd_';
export const SESSION_TOKEN_PREFIX = 'lks_';

/** An enrollment code is valid this long, and only once. */
export const ENROLLMENT_CODE_TTL_MS = 15 * 60_000;
/** A user session (a browser or a device signed in online) lasts this long. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;
/** A device lets a user sign in offline with a PIN for this long after the user last signed in online. */
export const OFFLINE_SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** The app locks itself after this long without a touch or a scan; the user's PIN opens it again. */
export const INACTIVITY_LOCK_MS = 5 * 60_000;
/** After this many wrong PINs in a row the user must sign in online (with the password) again. */
export const MAX_PIN_ATTEMPTS = 5;

export const PASSWORD_MIN_LENGTH = 10;
export const PIN_PATTERN = /^\d{6,10}$/;

const isoInstant = z.iso.datetime({ offset: false });
const label = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

export const usernameSchema = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.minLength(2), z.maxLength(64), z.regex(/^[a-z0-9._@-]+$/));
export const passwordSchema = z.string().check(z.minLength(PASSWORD_MIN_LENGTH), z.maxLength(256));
export const pinSchema = z.string().check(z.regex(PIN_PATTERN));
/** Enrollment and set-up codes: Crockford base32, grouped for reading aloud (XXXX-XXXX-XXXX); case and dashes do not matter. */
export const oneTimeCodeSchema = z.string().check(z.trim(), z.minLength(8), z.maxLength(40));

/** GET /api/v1/auth/status (no credential): whether the server still waits for its first administrator. */
export const authStatusSchema = z.object({ setupRequired: z.boolean() });
export type AuthStatus = z.infer<typeof authStatusSchema>;

/** POST /api/v1/auth/setup: the code printed in the server's terminal makes the first administrator. */
export const setupRequestSchema = z.strictObject({
  code: oneTimeCodeSchema,
  username: usernameSchema,
  name: label,
  password: passwordSchema,
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

/** POST /api/v1/auth/sign-in. From an enrolled device (credential header) the sign-in is also recorded for that device. */
export const signInRequestSchema = z.strictObject({
  username: usernameSchema,
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: userRoleSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** The answer to set-up and sign-in. */
export const sessionSchema = z.object({
  token: z.string(),
  expiresAt: isoInstant,
  user: sessionUserSchema,
});
export type Session = z.infer<typeof sessionSchema>;

/** GET /api/v1/auth/me: who the credentials in the request belong to (either may be absent). */
export const whoAmISchema = z.object({
  user: z.nullable(sessionUserSchema),
  device: z.nullable(z.object({ deviceId: deviceIdSchema, label: z.string() })),
});
export type WhoAmI = z.infer<typeof whoAmISchema>;

/** POST /api/v1/devices/enrollment-codes (supervisor): a one-time code for one device. */
export const createEnrollmentCodeSchema = z.strictObject({ label });
export const enrollmentCodeSchema = z.object({
  code: z.string(),
  label: z.string(),
  expiresAt: isoInstant,
  /** What the QR code carries: the app's enroll screen with the code, so a phone camera opens it too. */
  enrollUrl: z.string(),
});
export type EnrollmentCode = z.infer<typeof enrollmentCodeSchema>;

/** POST /api/v1/devices/enroll (the code is the credential): binds a new device credential to the device id. */
export const enrollRequestSchema = z.strictObject({ code: oneTimeCodeSchema, deviceId: deviceIdSchema });
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;
export const enrollResponseSchema = z.object({
  deviceId: deviceIdSchema,
  label: z.string(),
  /** Shown once; the server keeps only its hash. */
  credential: z.string(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/** GET /api/v1/devices (supervisor): every enrolled device, revoked ones too. */
export const deviceSummarySchema = z.object({
  deviceId: deviceIdSchema,
  label: z.string(),
  enrolledAt: isoInstant,
  enrolledBy: z.string(),
  /** The last authenticated request from the device. */
  lastContactAt: z.nullable(isoInstant),
  appVersion: z.nullable(z.string()),
  /** As the device last reported it: when its oldest count not yet on the server was made; null: none. */
  oldestUnsentAt: z.nullable(isoInstant),
  revokedAt: z.nullable(isoInstant),
  revokedBy: z.nullable(z.string()),
  revokedReason: z.nullable(z.string()),
  /** Users who have signed in on the device, latest first. */
  users: z.array(z.object({ userId: z.string(), name: z.string(), lastSignInAt: isoInstant })),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;
export const deviceListSchema = z.object({ devices: z.array(deviceSummarySchema) });

/** POST /api/v1/devices/:id/revoke and /api/v1/users/:id/revoke (supervisor). */
export const revokeRequestSchema = z.strictObject({
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
});

export const userAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: userRoleSchema,
  createdAt: isoInstant,
  /** False for a user who cannot sign in yet (no password set, e.g. a demo user). */
  hasPassword: z.boolean(),
  revokedAt: z.nullable(isoInstant),
  revokedReason: z.nullable(z.string()),
});
export type UserAccount = z.infer<typeof userAccountSchema>;
export const userListSchema = z.object({ users: z.array(userAccountSchema) });

/** POST /api/v1/users (administrator). */
export const createUserSchema = z.strictObject({
  username: usernameSchema,
  name: label,
  role: userRoleSchema,
  password: passwordSchema,
});
export type CreateUser = z.infer<typeof createUserSchema>;
/** PATCH /api/v1/users/:id (administrator): any of name, role and a new password. */
export const updateUserSchema = z.strictObject({
  name: z.optional(label),
  role: z.optional(userRoleSchema),
  password: z.optional(passwordSchema),
});
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const AUDIT_ACTIONS = [
  'server-set-up',
  'signed-in',
  'sign-in-refused',
  'signed-out',
  'enrollment-code-created',
  'device-enrolled',
  'device-revoked',
  'user-created',
  'user-changed',
  'user-revoked',
  'stock-take-created',
  'stock-take-submitted',
  'stock-take-approved',
  'conflict-resolved',
  'recount-requested',
  'imported',
  /** A single master-data row edited on screen (a target level). */
  'master-data-changed',
  'exported',
  'demo-loaded',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** One line of the append-only audit log: who, what, when, from which device. */
export const auditEntrySchema = z.object({
  id: z.int(),
  at: isoInstant,
  action: auditActionSchema,
  /** The signed-in user who did it; null for a device acting alone or a refused sign-in. */
  userId: z.nullable(z.string()),
  deviceId: z.nullable(z.string()),
  /** What it was done to: a device id, user id, stock-take id, file name… */
  subject: z.nullable(z.string()),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
/** GET /api/v1/audit?before=&action=&limit= (supervisor): newest first; `before` pages to older entries. */
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextBefore: z.nullable(z.int()) });
export type AuditPage = z.infer<typeof auditPageSchema>;

/**
 * With a 401 device_revoked or user_revoked the error body also carries `revocation`: the same facts
 * as its English `message`, so the app can say them in the person's language.
 */
export const revocationDetailsSchema = z.object({
  revokedAt: z.nullable(isoInstant),
  /** The name of who revoked it. */
  revokedBy: z.nullable(z.string()),
  reason: z.nullable(z.string()),
});
export type RevocationDetails = z.infer<typeof revocationDetailsSchema>;

/** The revocation details of an error body, or null when it has none (older servers, other errors). */
export function revocationDetailsOf(body: unknown): RevocationDetails | null {
  if (!body || typeof body !== 'object' || !('revocation' in body)) return null;
  const parsed = revocationDetailsSchema.safeParse(body.revocation);
  return parsed.success ? parsed.data : null;
}

/**
 * Why a request was refused (401/403/429), in `error` of the API's error body; the app tells the
 * person what to do about each.
 */
export const AUTH_ERRORS = {
  /** 401: no credential, or one the server does not know. */
  unauthenticated: 401,
  /** 401: the session is over; sign in again. */
  session_expired: 401,
  /** 401: this device was revoked (the message says by whom, when and why). Its counts stay on it. */
  device_revoked: 401,
  /** 401: this user was revoked. */
  user_revoked: 401,
  /** 403: the role is too low for this. */
  forbidden: 403,
  /** 403: the device credential belongs to another device than the one named in the request. */
  device_mismatch: 403,
  /** 429: too many attempts; `Retry-After` says when to try again. */
  rate_limited: 429,
} as const;
export type AuthErrorCode = keyof typeof AUTH_ERRORS;
