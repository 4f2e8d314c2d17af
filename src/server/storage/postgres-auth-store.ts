import type pg from 'pg';
import type { AuditAction, AuditEntry } from '../../domain/auth/api.ts';
import type { UserRole } from '../../domain/users.ts';
import {
  type AccountRow,
  accountFromRow,
  auditEntryFromRow,
  type DeviceRow,
  type DeviceUserRow,
  deviceFromRow,
  iso,
  type SessionRow,
  sessionFromRow,
  withUsers,
} from './auth-rows.ts';
import type {
  AccountRecord,
  AuthStore,
  DeviceRecord,
  DeviceWithUsers,
  EnrollOutcome,
  NewAccount,
  NewAuditEntry,
  NewEnrollmentCode,
  Revocation,
  RevokeOutcome,
  SessionRecord,
} from './auth-store.ts';
import { inTransaction } from './postgres-transaction.ts';

const DEVICE_COLUMNS = `device_id::text AS device_id, label, enrolled_at, enrolled_by, last_contact_at, app_version,
  oldest_unsent_at, revoked_at, revoked_by, revoked_reason`;
const DEVICE_USERS = `SELECT d.device_id::text AS device_id, d.user_id, a.name, d.last_sign_in_at
  FROM device_users d LEFT JOIN accounts a ON a.user_id = d.user_id`;
const SESSION_COLUMNS = 'token_hash, user_id, device_id::text AS device_id, created_at, expires_at';
const INSERT_ACCOUNT = `INSERT INTO accounts (user_id, username, name, role, password_hash, created_at)
  VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`;
const ANY_ADMINISTRATOR = `SELECT 1 FROM accounts WHERE role = 'administrator' AND revoked_at IS NULL LIMIT 1`;

/** The identity tables (migration 5) in PostgreSQL. */
export class PostgresAuthStore implements AuthStore {
  constructor(private readonly pool: pg.Pool) {}

  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  async appendAudit(entry: NewAuditEntry, at = new Date().toISOString()): Promise<void> {
    await this.pool.query(
      `INSERT INTO audit_log (at, action, user_id, device_id, subject, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [at, entry.action, entry.userId, entry.deviceId, entry.subject, JSON.stringify(entry.details)],
    );
  }

  async auditPage({
    before,
    action,
    subject,
    limit,
  }: {
    before?: number;
    action?: AuditAction;
    subject?: string;
    limit: number;
  }): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query(
      `SELECT id, at, action, user_id, device_id::text AS device_id, subject, details FROM audit_log
        WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR action = $2)
          AND ($3::text IS NULL OR subject = $3)
        ORDER BY id DESC LIMIT $4`,
      [before ?? null, action ?? null, subject ?? null, limit],
    );
    return rows.map(auditEntryFromRow);
  }

  async hasAdministrator(): Promise<boolean> {
    return ((await this.pool.query(ANY_ADMINISTRATOR)).rowCount ?? 0) > 0;
  }

  async createAccount(account: NewAccount): Promise<boolean> {
    return ((await this.pool.query(INSERT_ACCOUNT, accountParams(account))).rowCount ?? 0) === 1;
  }

  async createFirstAdministrator(account: NewAccount): Promise<boolean> {
    return this.transaction(async (client) => {
      // Two instances set up at once: the second waits here and then sees the first's administrator.
      await client.query('LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE');
      if ((await client.query(ANY_ADMINISTRATOR)).rowCount) return false;
      const inserted = await client.query(INSERT_ACCOUNT, accountParams({ ...account, role: 'administrator' }));
      return inserted.rowCount === 1;
    });
  }

  async accountById(userId: string): Promise<AccountRecord | null> {
    const { rows } = await this.pool.query<AccountRow>('SELECT * FROM accounts WHERE user_id = $1', [userId]);
    return rows[0] ? accountFromRow(rows[0]) : null;
  }

  async accountByUsername(username: string): Promise<AccountRecord | null> {
    const { rows } = await this.pool.query<AccountRow>('SELECT * FROM accounts WHERE username = $1', [username]);
    return rows[0] ? accountFromRow(rows[0]) : null;
  }

  async listAccounts(): Promise<AccountRecord[]> {
    const { rows } = await this.pool.query<AccountRow>('SELECT * FROM accounts ORDER BY name, username');
    return rows.map(accountFromRow);
  }

  async updateAccount(
    userId: string,
    changes: { name?: string; role?: UserRole; passwordHash?: string },
  ): Promise<AccountRecord | null> {
    const { rows } = await this.pool.query<AccountRow>(
      `UPDATE accounts SET name = coalesce($2, name), role = coalesce($3, role), password_hash = coalesce($4, password_hash)
        WHERE user_id = $1 RETURNING *`,
      [userId, changes.name ?? null, changes.role ?? null, changes.passwordHash ?? null],
    );
    return rows[0] ? accountFromRow(rows[0]) : null;
  }

  async revokeAccount(userId: string, { at, by, reason }: Revocation): Promise<RevokeOutcome> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ revoked_at: Date | null }>(
        'SELECT revoked_at FROM accounts WHERE user_id = $1 FOR UPDATE',
        [userId],
      );
      if (!rows[0]) return 'unknown';
      if (rows[0].revoked_at !== null) return 'already-revoked';
      await client.query(
        'UPDATE accounts SET revoked_at = $2, revoked_by = $3, revoked_reason = $4 WHERE user_id = $1',
        [userId, at, by, reason],
      );
      await client.query('UPDATE sessions SET expires_at = $2 WHERE user_id = $1 AND expires_at > $2', [userId, at]);
      return 'revoked';
    });
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (token_hash, user_id, device_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [session.tokenHash, session.userId, session.deviceId, session.createdAt, session.expiresAt],
    );
  }

  async sessionByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query<SessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ? sessionFromRow(rows[0]) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async endSessionsOfUser(userId: string, at: string, exceptTokenHash?: string): Promise<void> {
    await this.pool.query(
      `UPDATE sessions SET expires_at = $2
        WHERE user_id = $1 AND expires_at > $2 AND ($3::text IS NULL OR token_hash <> $3)`,
      [userId, at, exceptTokenHash ?? null],
    );
  }

  async purgeExpired(before: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE expires_at < $1', [before]);
    await this.pool.query('DELETE FROM enrollment_codes WHERE used_at IS NULL AND expires_at < $1', [before]);
  }

  async createEnrollmentCode(code: NewEnrollmentCode): Promise<void> {
    await this.pool.query(
      'INSERT INTO enrollment_codes (code_hash, label, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [code.codeHash, code.label, code.createdBy, code.createdAt, code.expiresAt],
    );
  }

  async enrollDevice({
    codeHash,
    deviceId,
    credentialHash,
    at,
  }: {
    codeHash: string;
    deviceId: string;
    credentialHash: string;
    at: string;
  }): Promise<EnrollOutcome> {
    return this.transaction(async (client) => {
      // The code row lock makes a code one-time across instances; the device lock keeps two codes
      // from enrolling one device id at once.
      const { rows: codes } = await client.query<{
        label: string;
        created_by: string;
        expires_at: Date;
        used_at: Date | null;
      }>('SELECT label, created_by, expires_at, used_at FROM enrollment_codes WHERE code_hash = $1 FOR UPDATE', [
        codeHash,
      ]);
      const code = codes[0];
      if (!code) return { status: 'unknown-code' };
      if (code.used_at !== null) return { status: 'code-expired', usedAt: iso(code.used_at) };
      if (code.expires_at.getTime() <= Date.parse(at)) return { status: 'code-expired', usedAt: null };
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`device:${deviceId}`]);
      const { rows: before } = await client.query<DeviceRow>(
        `SELECT ${DEVICE_COLUMNS} FROM device_enrollments WHERE device_id = $1`,
        [deviceId],
      );
      const previous = before[0];
      if (previous && previous.revoked_at === null) return { status: 'already-enrolled' };
      await client.query('UPDATE enrollment_codes SET used_at = $2, used_by_device = $3 WHERE code_hash = $1', [
        codeHash,
        at,
        deviceId,
      ]);
      const { rows } = await client.query<DeviceRow>(
        `INSERT INTO device_enrollments (device_id, credential_hash, label, enrolled_at, enrolled_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (device_id) DO UPDATE SET credential_hash = EXCLUDED.credential_hash, label = EXCLUDED.label,
           enrolled_at = EXCLUDED.enrolled_at, enrolled_by = EXCLUDED.enrolled_by,
           revoked_at = NULL, revoked_by = NULL, revoked_reason = NULL
         RETURNING ${DEVICE_COLUMNS}`,
        [deviceId, credentialHash, code.label, at, code.created_by],
      );
      const device = rows[0];
      if (!device) throw new Error(`device ${deviceId} was not enrolled`);
      return {
        status: 'enrolled',
        device: deviceFromRow(device),
        previouslyRevokedAt: previous?.revoked_at ? iso(previous.revoked_at) : null,
      };
    });
  }

  async deviceByCredentialHash(credentialHash: string): Promise<DeviceRecord | null> {
    const { rows } = await this.pool.query<DeviceRow>(
      `SELECT ${DEVICE_COLUMNS} FROM device_enrollments WHERE credential_hash = $1`,
      [credentialHash],
    );
    return rows[0] ? deviceFromRow(rows[0]) : null;
  }

  async device(deviceId: string): Promise<DeviceWithUsers | null> {
    const { rows } = await this.pool.query<DeviceRow>(
      `SELECT ${DEVICE_COLUMNS} FROM device_enrollments WHERE device_id = $1`,
      [deviceId],
    );
    if (!rows[0]) return null;
    const users = await this.pool.query<DeviceUserRow>(
      `${DEVICE_USERS} WHERE d.device_id = $1 ORDER BY d.last_sign_in_at DESC, d.user_id`,
      [deviceId],
    );
    return withUsers(rows, users.rows)[0] ?? null;
  }

  async listDevices(): Promise<DeviceWithUsers[]> {
    const devices = await this.pool.query<DeviceRow>(
      `SELECT ${DEVICE_COLUMNS} FROM device_enrollments ORDER BY enrolled_at DESC, device_id`,
    );
    const users = await this.pool.query<DeviceUserRow>(`${DEVICE_USERS} ORDER BY d.last_sign_in_at DESC, d.user_id`);
    return withUsers(devices.rows, users.rows);
  }

  async revokeDevice(deviceId: string, { at, by, reason }: Revocation): Promise<RevokeOutcome> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ revoked_at: Date | null }>(
        'SELECT revoked_at FROM device_enrollments WHERE device_id = $1 FOR UPDATE',
        [deviceId],
      );
      if (!rows[0]) return 'unknown';
      if (rows[0].revoked_at !== null) return 'already-revoked';
      await client.query(
        'UPDATE device_enrollments SET revoked_at = $2, revoked_by = $3, revoked_reason = $4 WHERE device_id = $1',
        [deviceId, at, by, reason],
      );
      await client.query('UPDATE sessions SET expires_at = $2 WHERE device_id = $1 AND expires_at > $2', [
        deviceId,
        at,
      ]);
      return 'revoked';
    });
  }

  async recordDeviceContact(
    deviceId: string,
    contact: { at: string; appVersion: string | null; oldestUnsentAt: string | null },
  ): Promise<void> {
    await this.pool.query(
      `UPDATE device_enrollments SET last_contact_at = $2, app_version = coalesce($3, app_version), oldest_unsent_at = $4
        WHERE device_id = $1`,
      [deviceId, contact.at, contact.appVersion, contact.oldestUnsentAt],
    );
  }

  async recordDeviceSignIn(deviceId: string, userId: string, at: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO device_users (device_id, user_id, first_sign_in_at, last_sign_in_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (device_id, user_id) DO UPDATE SET last_sign_in_at = EXCLUDED.last_sign_in_at`,
      [deviceId, userId, at],
    );
  }

  async usersSignedInOnDevice(deviceId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const { rows } = await this.pool.query<{ user_id: string }>(
      'SELECT user_id FROM device_users WHERE device_id = $1 AND user_id = ANY($2::text[])',
      [deviceId, [...new Set(userIds)]],
    );
    return new Set(rows.map((row) => row.user_id));
  }
}

function accountParams(account: NewAccount): unknown[] {
  return [account.userId, account.username, account.name, account.role, account.passwordHash, account.createdAt];
}
