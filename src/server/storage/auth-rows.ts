import type { AuditAction, AuditEntry } from '../../domain/auth/api.ts';
import type { UserRole } from '../../domain/users.ts';
import type { AccountRecord, DeviceRecord, DeviceWithUsers, SessionRecord } from './auth-store.ts';

/** The identity tables' rows as both backends return them, and their conversion to records. */
export interface AuditRow {
  id: number | string;
  at: Instant;
  action: string;
  user_id: string | null;
  device_id: string | null;
  subject: string | null;
  details: string;
}

/** PostgreSQL gives Date objects for timestamps, SQLite ISO strings. */
type Instant = string | Date;
export interface AccountRow {
  user_id: string;
  username: string;
  name: string;
  role: string;
  password_hash: string | null;
  created_at: Instant;
  revoked_at: Instant | null;
  revoked_by: string | null;
  revoked_reason: string | null;
}
export interface SessionRow {
  token_hash: string;
  user_id: string;
  device_id: string | null;
  created_at: Instant;
  expires_at: Instant;
}
export interface DeviceRow {
  device_id: string;
  label: string;
  enrolled_at: Instant;
  enrolled_by: string;
  last_contact_at: Instant | null;
  app_version: string | null;
  oldest_unsent_at: Instant | null;
  revoked_at: Instant | null;
  revoked_by: string | null;
  revoked_reason: string | null;
}
export interface DeviceUserRow {
  device_id: string;
  user_id: string;
  name: string | null;
  last_sign_in_at: Instant;
}
export interface CodeRow {
  label: string;
  created_by: string;
  expires_at: string;
  used_at: string | null;
}

/** An instant from either backend as an ISO string (UTC, milliseconds). */
export function iso(value: Instant): string {
  return new Date(value).toISOString();
}
function isoOrNull(value: Instant | null): string | null {
  return value === null ? null : iso(value);
}

export function accountFromRow(row: AccountRow): AccountRecord {
  return {
    userId: row.user_id,
    username: row.username,
    name: row.name,
    role: row.role as UserRole,
    passwordHash: row.password_hash,
    createdAt: iso(row.created_at),
    revokedAt: isoOrNull(row.revoked_at),
    revokedBy: row.revoked_by,
    revokedReason: row.revoked_reason,
  };
}

export function sessionFromRow(row: SessionRow): SessionRecord {
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    deviceId: row.device_id,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
  };
}

export function deviceFromRow(row: DeviceRow): DeviceRecord {
  return {
    deviceId: row.device_id,
    label: row.label,
    enrolledAt: iso(row.enrolled_at),
    enrolledBy: row.enrolled_by,
    lastContactAt: isoOrNull(row.last_contact_at),
    appVersion: row.app_version,
    oldestUnsentAt: isoOrNull(row.oldest_unsent_at),
    revokedAt: isoOrNull(row.revoked_at),
    revokedBy: row.revoked_by,
    revokedReason: row.revoked_reason,
  };
}

/** Devices with their users (rows already latest first); a user whose account is gone shows the id. */
export function withUsers(devices: readonly DeviceRow[], users: readonly DeviceUserRow[]): DeviceWithUsers[] {
  const byDevice = new Map<string, DeviceWithUsers['users']>();
  for (const user of users) {
    const list = byDevice.get(user.device_id) ?? [];
    list.push({ userId: user.user_id, name: user.name ?? user.user_id, lastSignInAt: iso(user.last_sign_in_at) });
    byDevice.set(user.device_id, list);
  }
  return devices.map((row) => ({ ...deviceFromRow(row), users: byDevice.get(row.device_id) ?? [] }));
}

export function auditEntryFromRow(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    action: row.action as AuditAction,
    userId: row.user_id,
    deviceId: row.device_id,
    subject: row.subject,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}
