import type { AuditAction, AuditEntry } from '../../domain/auth/api.ts';
import type { UserRole } from '../../domain/users.ts';

/** A line for the audit log; the store adds its id and the time. */
export interface NewAuditEntry {
  action: AuditAction;
  userId: string | null;
  deviceId: string | null;
  subject: string | null;
  /** Never a secret (password, PIN, code, credential, token): the log is read by supervisors. */
  details: Record<string, unknown>;
}

/** A person who may sign in. `passwordHash` is an scrypt hash (auth/passwords.ts), null: cannot sign in yet. */
export interface AccountRecord {
  userId: string;
  /** Lower case (usernameSchema); unique. */
  username: string;
  name: string;
  role: UserRole;
  passwordHash: string | null;
  createdAt: string;
  revokedAt: string | null;
  /** The user id of who revoked it. */
  revokedBy: string | null;
  revokedReason: string | null;
}
export type NewAccount = Omit<AccountRecord, 'revokedAt' | 'revokedBy' | 'revokedReason'>;

/** A signed-in user: the SHA-256 of the bearer token, never the token. */
export interface SessionRecord {
  tokenHash: string;
  userId: string;
  /** The enrolled device the user signed in on; null for a browser that is not an enrolled device. */
  deviceId: string | null;
  createdAt: string;
  expiresAt: string;
}

/** A one-time enrollment code, by the SHA-256 of its canonical form (auth/one-time-codes.ts). */
export interface NewEnrollmentCode {
  codeHash: string;
  /** What the device will be called ("Tablet 3, Visby"). */
  label: string;
  /** The user id of the supervisor who made it. */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

/** An enrolled device (its credential is kept only as a hash, and never read back). */
export interface DeviceRecord {
  deviceId: string;
  label: string;
  enrolledAt: string;
  /** The user id of the supervisor whose code enrolled it. */
  enrolledBy: string;
  lastContactAt: string | null;
  appVersion: string | null;
  oldestUnsentAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedReason: string | null;
}

/** A device with the users who signed in on it, latest first. */
export interface DeviceWithUsers extends DeviceRecord {
  users: Array<{ userId: string; name: string; lastSignInAt: string }>;
}

export interface Revocation {
  at: string;
  /** The user id of who revoked. */
  by: string;
  reason: string;
}

export type EnrollOutcome =
  | {
      status: 'enrolled';
      device: DeviceRecord;
      /** The device id was enrolled before and revoked: when. */
      previouslyRevokedAt: string | null;
    }
  /** No such code (mistyped, or never made). */
  | { status: 'unknown-code' }
  /** The code was used already (usedAt) or is past its expiry (usedAt null). */
  | { status: 'code-expired'; usedAt: string | null }
  /** The device id is enrolled and not revoked: another device cannot take it over with a code. */
  | { status: 'already-enrolled' };

export type RevokeOutcome = 'revoked' | 'unknown' | 'already-revoked';

/**
 * What the server keeps about identity (issue 7): accounts, sessions, device enrollments and the
 * append-only audit log. Same database and same contract suite as the events (SQLite and
 * PostgreSQL; test/server/storage/auth-contract.ts); credentials, codes and session tokens are
 * stored only as hashes, passwords only as scrypt hashes.
 */
export interface AuthStore {
  /** Appends one line to the audit log (never changed or deleted afterwards: the database refuses). */
  appendAudit(entry: NewAuditEntry, at?: string): Promise<void>;
  /** Newest first; `before` (an id) pages to older lines; `action` filters. */
  auditPage(options: { before?: number; action?: AuditAction; subject?: string; limit: number }): Promise<AuditEntry[]>;

  /** Whether an administrator who is not revoked exists (if not, the server waits for its set-up). */
  hasAdministrator(): Promise<boolean>;
  /** Creates an account; false (and nothing written) when the user id or the username is taken. */
  createAccount(account: NewAccount): Promise<boolean>;
  /**
   * Creates the first administrator, only while no administrator exists: the check and the write are
   * one transaction, so two set-ups at once make one administrator. False when one exists.
   */
  createFirstAdministrator(account: NewAccount): Promise<boolean>;
  accountById(userId: string): Promise<AccountRecord | null>;
  accountByUsername(username: string): Promise<AccountRecord | null>;
  /** Every account, revoked ones too, by name. */
  listAccounts(): Promise<AccountRecord[]>;
  /** Changes what is given; null when there is no such account. */
  updateAccount(
    userId: string,
    changes: { name?: string; role?: UserRole; passwordHash?: string },
  ): Promise<AccountRecord | null>;
  /** Revokes the account and ends its sessions (they answer user_revoked from now on). */
  revokeAccount(userId: string, revocation: Revocation): Promise<RevokeOutcome>;

  createSession(session: SessionRecord): Promise<void>;
  sessionByTokenHash(tokenHash: string): Promise<SessionRecord | null>;
  /** Signs out: the session is gone. */
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user at `at` (e.g. after a new password), except the one given. */
  endSessionsOfUser(userId: string, at: string, exceptTokenHash?: string): Promise<void>;
  /** Forgets sessions and unused enrollment codes that expired before the given time. */
  purgeExpired(before: string): Promise<void>;

  createEnrollmentCode(code: NewEnrollmentCode): Promise<void>;
  /**
   * Uses a one-time code to bind a credential (its hash) to a device id, in one transaction: the code
   * is marked used, and the device enrolled — or re-enrolled, if it was revoked — under the code's
   * label. Nothing changes unless the outcome is 'enrolled'.
   */
  enrollDevice(request: {
    codeHash: string;
    deviceId: string;
    credentialHash: string;
    at: string;
  }): Promise<EnrollOutcome>;
  deviceByCredentialHash(credentialHash: string): Promise<DeviceRecord | null>;
  device(deviceId: string): Promise<DeviceWithUsers | null>;
  /** Every enrolled device, revoked ones too, latest enrolled first. */
  listDevices(): Promise<DeviceWithUsers[]>;
  /** Revokes the device and ends the sessions signed in on it. */
  revokeDevice(deviceId: string, revocation: Revocation): Promise<RevokeOutcome>;
  /** The device's last authenticated request, its app version, and the age of its oldest unsent count. */
  recordDeviceContact(
    deviceId: string,
    contact: { at: string; appVersion: string | null; oldestUnsentAt: string | null },
  ): Promise<void>;
  /** A user signed in online on this device (from then on the device may push the user's counts). */
  recordDeviceSignIn(deviceId: string, userId: string, at: string): Promise<void>;
  /** Which of these users have ever signed in online on this device. */
  usersSignedInOnDevice(deviceId: string, userIds: readonly string[]): Promise<Set<string>>;
}
