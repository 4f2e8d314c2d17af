import type { Context } from 'hono';
import {
  createEnrollmentCodeSchema,
  type DeviceSummary,
  ENROLLMENT_CODE_TTL_MS,
  type EnrollmentCode,
  type EnrollResponse,
  enrollRequestSchema,
  revokeRequestSchema,
} from '../../domain/auth/api.ts';
import { deviceIdSchema } from '../../domain/count-event.ts';
import { actorOf } from '../auth/authenticate.ts';
import { type AuthEnv, currentUser } from '../auth/context.ts';
import { newOneTimeCode, normalizeOneTimeCode } from '../auth/one-time-codes.ts';
import { hashSecret, newToken } from '../auth/tokens.ts';
import type { DeviceWithUsers } from '../storage/auth-store.ts';
import type { EventStore } from '../storage/event-store.ts';
import { apiError } from './errors.ts';
import { parseJsonBody } from './json-body.ts';

/**
 * POST /api/v1/devices/enrollment-codes (devices:enroll): a one-time code for one device, valid
 * 15 minutes. The answer carries the code (shown as text and as a QR code of `enrollUrl`, the app's
 * enroll screen on this server); the server keeps only its hash.
 */
export async function handleCreateEnrollmentCode(
  c: Context<AuthEnv>,
  store: EventStore,
  origin: string,
): Promise<Response> {
  const body = await parseJsonBody(c, createEnrollmentCodeSchema, 'enrollment code request');
  if (!body.ok) return body.response;
  const { label } = body.value;
  const code = newOneTimeCode();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ENROLLMENT_CODE_TTL_MS).toISOString();
  const user = currentUser(c);
  await store.auth.createEnrollmentCode({
    codeHash: hashSecret(normalizeOneTimeCode(code) ?? code),
    label,
    createdBy: user.id,
    createdAt: now.toISOString(),
    expiresAt,
  });
  await store.auth.appendAudit({
    action: 'enrollment-code-created',
    ...actorOf(c),
    subject: null,
    details: { label, expiresAt },
  });
  const answer: EnrollmentCode = {
    code,
    label,
    expiresAt,
    enrollUrl: `${origin}/enroll?code=${encodeURIComponent(code)}`,
  };
  return c.json(answer, 201);
}

/**
 * POST /api/v1/devices/enroll (public, rate-limited; the code is the credential): binds a new
 * device credential to the device id. A code works once and for 15 minutes (410 afterwards). A
 * device id that is enrolled and not revoked cannot be taken over (409); a revoked one can be
 * enrolled again with a fresh code, and the audit log says so.
 */
export async function handleEnroll(c: Context, store: EventStore): Promise<Response> {
  const body = await parseJsonBody(c, enrollRequestSchema, 'enrollment');
  if (!body.ok) return body.response;
  const { code, deviceId } = body.value;
  const normalized = normalizeOneTimeCode(code);
  if (normalized === null) {
    return apiError(c, 400, 'invalid_request', 'An enrollment code has 12 letters and digits, like ABCD-EFGH-JKMN.');
  }
  const credential = newToken('device');
  const at = new Date().toISOString();
  const outcome = await store.auth.enrollDevice({
    codeHash: hashSecret(normalized),
    deviceId,
    credentialHash: hashSecret(credential),
    at,
  });
  switch (outcome.status) {
    case 'unknown-code':
      return apiError(c, 401, 'unauthenticated', 'This enrollment code is not known: check it, or ask for a new one.');
    case 'code-expired':
      return apiError(
        c,
        410,
        'code_expired',
        outcome.usedAt
          ? 'This enrollment code has already been used: ask a supervisor for a new one.'
          : 'This enrollment code has expired (codes last 15 minutes): ask a supervisor for a new one.',
      );
    case 'already-enrolled':
      return apiError(
        c,
        409,
        'conflict',
        'A device with this id is already enrolled; a supervisor must revoke it before it can be enrolled again.',
      );
    case 'enrolled': {
      const { device, previouslyRevokedAt } = outcome;
      await store.auth.appendAudit({
        action: 'device-enrolled',
        userId: null,
        deviceId,
        subject: deviceId,
        details: {
          label: device.label,
          authorizedBy: device.enrolledBy,
          reEnrolled: previouslyRevokedAt !== null,
          ...(previouslyRevokedAt ? { previouslyRevokedAt } : {}),
        },
      });
      const answer: EnrollResponse = { deviceId, label: device.label, credential };
      return c.json(answer, 201);
    }
  }
}

/** GET /api/v1/devices (devices:read): every enrolled device, revoked ones too, with the users who signed in on it. */
export async function handleListDevices(c: Context, store: EventStore): Promise<Response> {
  const devices = await store.auth.listDevices();
  return c.json({ devices: devices.map(deviceSummary) }, 200);
}

/**
 * POST /api/v1/devices/:id/revoke (devices:revoke): the device's credential stops working at once
 * (401 device_revoked, with who, when and why) and the sessions signed in on it end. Its unsent
 * counts stay on the device.
 */
export async function handleRevokeDevice(c: Context<AuthEnv>, store: EventStore): Promise<Response> {
  const id = deviceIdSchema.safeParse(c.req.param('id'));
  if (!id.success) return apiError(c, 400, 'invalid_request', 'A device id is a lower-case UUID.');
  const body = await parseJsonBody(c, revokeRequestSchema, 'revocation');
  if (!body.ok) return body.response;
  const { reason } = body.value;
  const user = currentUser(c);
  const outcome = await store.auth.revokeDevice(id.data, { at: new Date().toISOString(), by: user.id, reason });
  if (outcome === 'unknown') return apiError(c, 404, 'not_found', `No enrolled device has the id ${id.data}.`);
  if (outcome === 'already-revoked') return apiError(c, 409, 'conflict', 'This device is already revoked.');
  await store.auth.appendAudit({ action: 'device-revoked', ...actorOf(c), subject: id.data, details: { reason } });
  const device = await store.auth.device(id.data);
  if (!device) return apiError(c, 404, 'not_found', `No enrolled device has the id ${id.data}.`);
  return c.json(deviceSummary(device), 200);
}

function deviceSummary(device: DeviceWithUsers): DeviceSummary {
  return {
    deviceId: device.deviceId,
    label: device.label,
    enrolledAt: device.enrolledAt,
    enrolledBy: device.enrolledBy,
    lastContactAt: device.lastContactAt,
    appVersion: device.appVersion,
    oldestUnsentAt: device.oldestUnsentAt,
    revokedAt: device.revokedAt,
    revokedBy: device.revokedBy,
    revokedReason: device.revokedReason,
    users: device.users,
  };
}
