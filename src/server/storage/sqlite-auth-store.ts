import type Database from 'better-sqlite3';
import type { AuditAction, AuditEntry } from '../../domain/auth/api.ts';
import type { UserRole } from '../../domain/users.ts';
import {
  type AccountRow,
  type AuditRow,
  accountFromRow,
  auditEntryFromRow,
  type CodeRow,
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

const DEVICE_COLUMNS = `device_id, label, enrolled_at, enrolled_by, last_contact_at, app_version, oldest_unsent_at,
  revoked_at, revoked_by, revoked_reason`;

/** The identity tables (migration 5) in the embedded SQLite database. */
export class SqliteAuthStore implements AuthStore {
  private readonly insertAudit;
  private readonly s;
  private readonly createFirstAdministratorNow: (account: NewAccount) => boolean;
  private readonly enrollNow: (request: {
    codeHash: string;
    deviceId: string;
    credentialHash: string;
    at: string;
  }) => EnrollOutcome;
  private readonly revokeAccountNow: (userId: string, revocation: Revocation) => RevokeOutcome;
  private readonly revokeDeviceNow: (deviceId: string, revocation: Revocation) => RevokeOutcome;

  constructor(private readonly db: Database.Database) {
    this.insertAudit = db.prepare(
      `INSERT INTO audit_log (at, action, user_id, device_id, subject, details)
       VALUES (@at, @action, @userId, @deviceId, @subject, @details)`,
    );
    this.s = {
      anyAdministrator: db.prepare<[], { found: number }>(
        `SELECT 1 AS found FROM accounts WHERE role = 'administrator' AND revoked_at IS NULL LIMIT 1`,
      ),
      insertAccount: db.prepare<[Record<string, string | null>]>(
        `INSERT INTO accounts (user_id, username, name, role, password_hash, created_at)
         VALUES (@userId, @username, @name, @role, @passwordHash, @createdAt) ON CONFLICT DO NOTHING`,
      ),
      accountById: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE user_id = ?'),
      accountByUsername: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE username = ?'),
      allAccounts: db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY name, username'),
      updateAccount: db.prepare<[{ userId: string; name: string | null; role: string | null; hash: string | null }]>(
        `UPDATE accounts SET name = coalesce(@name, name), role = coalesce(@role, role),
                password_hash = coalesce(@hash, password_hash)
          WHERE user_id = @userId`,
      ),
      revokeAccount: db.prepare<[{ userId: string; at: string; by: string; reason: string }]>(
        `UPDATE accounts SET revoked_at = @at, revoked_by = @by, revoked_reason = @reason WHERE user_id = @userId`,
      ),
      endUserSessions: db.prepare<[{ userId: string; at: string; except: string | null }]>(
        `UPDATE sessions SET expires_at = @at
          WHERE user_id = @userId AND expires_at > @at AND (@except IS NULL OR token_hash <> @except)`,
      ),
      insertSession: db.prepare<[SessionRecord]>(
        `INSERT INTO sessions (token_hash, user_id, device_id, created_at, expires_at)
         VALUES (@tokenHash, @userId, @deviceId, @createdAt, @expiresAt)`,
      ),
      sessionByHash: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?'),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?'),
      purgeSessions: db.prepare<[string]>('DELETE FROM sessions WHERE expires_at < ?'),
      purgeCodes: db.prepare<[string]>('DELETE FROM enrollment_codes WHERE used_at IS NULL AND expires_at < ?'),
      insertCode: db.prepare<[NewEnrollmentCode]>(
        `INSERT INTO enrollment_codes (code_hash, label, created_by, created_at, expires_at)
         VALUES (@codeHash, @label, @createdBy, @createdAt, @expiresAt)`,
      ),
      codeByHash: db.prepare<[string], CodeRow>(
        'SELECT label, created_by, expires_at, used_at FROM enrollment_codes WHERE code_hash = ?',
      ),
      useCode: db.prepare<[{ codeHash: string; at: string; deviceId: string }]>(
        'UPDATE enrollment_codes SET used_at = @at, used_by_device = @deviceId WHERE code_hash = @codeHash',
      ),
      enroll: db.prepare<[Record<string, string>]>(
        `INSERT INTO device_enrollments (device_id, credential_hash, label, enrolled_at, enrolled_by)
         VALUES (@deviceId, @credentialHash, @label, @at, @by)
         ON CONFLICT (device_id) DO UPDATE SET credential_hash = excluded.credential_hash, label = excluded.label,
           enrolled_at = excluded.enrolled_at, enrolled_by = excluded.enrolled_by,
           revoked_at = NULL, revoked_by = NULL, revoked_reason = NULL`,
      ),
      deviceById: db.prepare<[string], DeviceRow>(
        `SELECT ${DEVICE_COLUMNS} FROM device_enrollments WHERE device_id = ?`,
      ),
      deviceByCredential: db.prepare<[string], DeviceRow>(
        `SELECT ${DEVICE_COLUMNS} FROM device_enrollments WHERE credential_hash = ?`,
      ),
      allDevices: db.prepare<[], DeviceRow>(
        `SELECT ${DEVICE_COLUMNS} FROM device_enrollments ORDER BY enrolled_at DESC, device_id`,
      ),
      deviceUsers: db.prepare<[{ deviceId: string | null }], DeviceUserRow>(
        `SELECT d.device_id, d.user_id, a.name, d.last_sign_in_at
           FROM device_users d LEFT JOIN accounts a ON a.user_id = d.user_id
          WHERE @deviceId IS NULL OR d.device_id = @deviceId
          ORDER BY d.last_sign_in_at DESC, d.user_id`,
      ),
      revokeDevice: db.prepare<[{ deviceId: string; at: string; by: string; reason: string }]>(
        `UPDATE device_enrollments SET revoked_at = @at, revoked_by = @by, revoked_reason = @reason
          WHERE device_id = @deviceId`,
      ),
      endDeviceSessions: db.prepare<[{ deviceId: string; at: string }]>(
        'UPDATE sessions SET expires_at = @at WHERE device_id = @deviceId AND expires_at > @at',
      ),
      contact: db.prepare<[{ deviceId: string; at: string; appVersion: string | null; oldestUnsentAt: string | null }]>(
        `UPDATE device_enrollments SET last_contact_at = @at, app_version = coalesce(@appVersion, app_version),
                oldest_unsent_at = @oldestUnsentAt
          WHERE device_id = @deviceId`,
      ),
      signIn: db.prepare<[{ deviceId: string; userId: string; at: string }]>(
        `INSERT INTO device_users (device_id, user_id, first_sign_in_at, last_sign_in_at) VALUES (@deviceId, @userId, @at, @at)
         ON CONFLICT (device_id, user_id) DO UPDATE SET last_sign_in_at = excluded.last_sign_in_at`,
      ),
      signedIn: db.prepare<[{ deviceId: string; userIds: string }], { user_id: string }>(
        `SELECT user_id FROM device_users
          WHERE device_id = @deviceId AND user_id IN (SELECT value FROM json_each(@userIds))`,
      ),
    };

    this.createFirstAdministratorNow = db.transaction((account: NewAccount) => {
      if (this.s.anyAdministrator.get()) return false;
      return this.s.insertAccount.run(accountParams(account)).changes === 1;
    });
    this.enrollNow = db.transaction((request) => this.enroll(request));
    this.revokeAccountNow = db.transaction((userId: string, revocation: Revocation): RevokeOutcome => {
      const account = this.s.accountById.get(userId);
      if (!account) return 'unknown';
      if (account.revoked_at !== null) return 'already-revoked';
      this.s.revokeAccount.run({ userId, ...revocation });
      this.s.endUserSessions.run({ userId, at: revocation.at, except: null });
      return 'revoked';
    });
    this.revokeDeviceNow = db.transaction((deviceId: string, revocation: Revocation): RevokeOutcome => {
      const device = this.s.deviceById.get(deviceId);
      if (!device) return 'unknown';
      if (device.revoked_at !== null) return 'already-revoked';
      this.s.revokeDevice.run({ deviceId, ...revocation });
      this.s.endDeviceSessions.run({ deviceId, at: revocation.at });
      return 'revoked';
    });
  }

  async appendAudit(entry: NewAuditEntry, at = new Date().toISOString()): Promise<void> {
    this.insertAudit.run({
      at,
      action: entry.action,
      userId: entry.userId,
      deviceId: entry.deviceId,
      subject: entry.subject,
      details: JSON.stringify(entry.details),
    });
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
    const rows = this.db
      .prepare<[{ before: number | null; action: string | null; subject: string | null; limit: number }], AuditRow>(
        `SELECT * FROM audit_log
          WHERE (@before IS NULL OR id < @before) AND (@action IS NULL OR action = @action)
            AND (@subject IS NULL OR subject = @subject)
          ORDER BY id DESC LIMIT @limit`,
      )
      .all({ before: before ?? null, action: action ?? null, subject: subject ?? null, limit });
    return rows.map(auditEntryFromRow);
  }

  async hasAdministrator(): Promise<boolean> {
    return this.s.anyAdministrator.get() !== undefined;
  }

  async createAccount(account: NewAccount): Promise<boolean> {
    return this.s.insertAccount.run(accountParams(account)).changes === 1;
  }

  async createFirstAdministrator(account: NewAccount): Promise<boolean> {
    return this.createFirstAdministratorNow({ ...account, role: 'administrator' });
  }

  async accountById(userId: string): Promise<AccountRecord | null> {
    const row = this.s.accountById.get(userId);
    return row ? accountFromRow(row) : null;
  }

  async accountByUsername(username: string): Promise<AccountRecord | null> {
    const row = this.s.accountByUsername.get(username);
    return row ? accountFromRow(row) : null;
  }

  async listAccounts(): Promise<AccountRecord[]> {
    return this.s.allAccounts.all().map(accountFromRow);
  }

  async updateAccount(
    userId: string,
    changes: { name?: string; role?: UserRole; passwordHash?: string },
  ): Promise<AccountRecord | null> {
    this.s.updateAccount.run({
      userId,
      name: changes.name ?? null,
      role: changes.role ?? null,
      hash: changes.passwordHash ?? null,
    });
    return this.accountById(userId);
  }

  async revokeAccount(userId: string, revocation: Revocation): Promise<RevokeOutcome> {
    return this.revokeAccountNow(userId, revocation);
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.s.insertSession.run(session);
  }

  async sessionByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
    const row = this.s.sessionByHash.get(tokenHash);
    return row ? sessionFromRow(row) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.s.deleteSession.run(tokenHash);
  }

  async endSessionsOfUser(userId: string, at: string, exceptTokenHash?: string): Promise<void> {
    this.s.endUserSessions.run({ userId, at, except: exceptTokenHash ?? null });
  }

  async purgeExpired(before: string): Promise<void> {
    this.s.purgeSessions.run(before);
    this.s.purgeCodes.run(before);
  }

  async createEnrollmentCode(code: NewEnrollmentCode): Promise<void> {
    this.s.insertCode.run(code);
  }

  async enrollDevice(request: {
    codeHash: string;
    deviceId: string;
    credentialHash: string;
    at: string;
  }): Promise<EnrollOutcome> {
    return this.enrollNow(request);
  }

  private enroll({
    codeHash,
    deviceId,
    credentialHash,
    at,
  }: {
    codeHash: string;
    deviceId: string;
    credentialHash: string;
    at: string;
  }): EnrollOutcome {
    const code = this.s.codeByHash.get(codeHash);
    if (!code) return { status: 'unknown-code' };
    if (code.used_at !== null) return { status: 'code-expired', usedAt: code.used_at };
    if (Date.parse(code.expires_at) <= Date.parse(at)) return { status: 'code-expired', usedAt: null };
    const before = this.s.deviceById.get(deviceId);
    if (before && before.revoked_at === null) return { status: 'already-enrolled' };
    this.s.useCode.run({ codeHash, at, deviceId });
    this.s.enroll.run({ deviceId, credentialHash, label: code.label, at, by: code.created_by });
    const device = this.s.deviceById.get(deviceId);
    if (!device) throw new Error(`device ${deviceId} vanished while it was enrolled`);
    return {
      status: 'enrolled',
      device: deviceFromRow(device),
      previouslyRevokedAt: before?.revoked_at ? iso(before.revoked_at) : null,
    };
  }

  async deviceByCredentialHash(credentialHash: string): Promise<DeviceRecord | null> {
    const row = this.s.deviceByCredential.get(credentialHash);
    return row ? deviceFromRow(row) : null;
  }

  async device(deviceId: string): Promise<DeviceWithUsers | null> {
    const row = this.s.deviceById.get(deviceId);
    if (!row) return null;
    return withUsers([row], this.s.deviceUsers.all({ deviceId }))[0] ?? null;
  }

  async listDevices(): Promise<DeviceWithUsers[]> {
    return withUsers(this.s.allDevices.all(), this.s.deviceUsers.all({ deviceId: null }));
  }

  async revokeDevice(deviceId: string, revocation: Revocation): Promise<RevokeOutcome> {
    return this.revokeDeviceNow(deviceId, revocation);
  }

  async recordDeviceContact(
    deviceId: string,
    contact: { at: string; appVersion: string | null; oldestUnsentAt: string | null },
  ): Promise<void> {
    this.s.contact.run({ deviceId, ...contact });
  }

  async recordDeviceSignIn(deviceId: string, userId: string, at: string): Promise<void> {
    this.s.signIn.run({ deviceId, userId, at });
  }

  async usersSignedInOnDevice(deviceId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = this.s.signedIn.all({ deviceId, userIds: JSON.stringify([...new Set(userIds)]) });
    return new Set(rows.map((row) => row.user_id));
  }
}

function accountParams(account: NewAccount): Record<string, string | null> {
  return {
    userId: account.userId,
    username: account.username,
    name: account.name,
    role: account.role,
    passwordHash: account.passwordHash,
    createdAt: account.createdAt,
  };
}
