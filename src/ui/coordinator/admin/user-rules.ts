import {
  type CreateUser,
  createUserSchema,
  PASSWORD_MIN_LENGTH,
  type SessionUser,
  type UpdateUser,
  type UserAccount,
  updateUserSchema,
  usernameSchema,
} from '../../../domain/auth/api.ts';
import { can, mayGrant } from '../../../domain/auth/roles.ts';
import type { UserRole } from '../../../domain/users.ts';

export const ROLES: readonly UserRole[] = ['counter', 'supervisor', 'administrator'];

/** Why the revoke button is not offered for a user (the server refuses the same). */
export type RevokeBlock = 'forbidden' | 'self' | 'administrator' | 'already-revoked';

/**
 * Mirrors the server's rules for revoking a user: a supervisor or administrator may; nobody revokes
 * themselves (the last administrator could lock everyone out); a supervisor may not revoke an
 * administrator; a revoked user is revoked already.
 */
export function revokeUserBlock(actor: SessionUser, target: UserAccount): RevokeBlock | null {
  if (!can(actor.role, 'users:revoke')) return 'forbidden';
  if (target.revokedAt !== null) return 'already-revoked';
  if (actor.id === target.id) return 'self';
  if (target.role === 'administrator' && actor.role !== 'administrator') return 'administrator';
  return null;
}

/** The roles `actor` may give: nobody hands out more than they hold. */
export function grantableRoles(actor: UserRole): UserRole[] {
  return ROLES.filter((role) => mayGrant(actor, role));
}

/**
 * The roles offered when changing `target`: what the actor may grant, plus the target's current
 * role. Nobody changes their own role (the server refuses it: the last administrator cannot demote
 * themselves), so for oneself only the current role is offered.
 */
export function roleChoices(actor: SessionUser, target: UserAccount): UserRole[] {
  if (actor.id === target.id) return [target.role];
  return ROLES.filter((role) => role === target.role || mayGrant(actor.role, role));
}

export type UserField = 'username' | 'name' | 'password';
export type UserFieldError =
  | 'username-invalid'
  | 'name-missing'
  | 'name-too-long'
  | 'password-too-short'
  | 'password-too-long';
export type UserErrors = Partial<Record<UserField, UserFieldError>>;

const NAME_MAX_LENGTH = 100;
const PASSWORD_MAX_LENGTH = 256;

function nameError(name: string): UserFieldError | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'name-missing';
  if (trimmed.length > NAME_MAX_LENGTH) return 'name-too-long';
  return null;
}

function passwordError(password: string): UserFieldError | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'password-too-short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'password-too-long';
  return null;
}

export interface NewUserDraft {
  username: string;
  name: string;
  role: UserRole;
  password: string;
}

/** The "Create user" form checked with the password policy of domain/auth/api.ts, or why not. */
export function newUserRequest(
  draft: NewUserDraft,
): { ok: true; request: CreateUser } | { ok: false; errors: UserErrors } {
  const errors: UserErrors = {};
  if (!usernameSchema.safeParse(draft.username).success) errors.username = 'username-invalid';
  const name = nameError(draft.name);
  if (name) errors.name = name;
  const password = passwordError(draft.password);
  if (password) errors.password = password;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: createUserSchema.parse({ ...draft, name: draft.name.trim() }) };
}

export interface UserChangeDraft {
  name: string;
  role: UserRole;
  /** Empty: keep the password. */
  password: string;
}

/**
 * The "Change" form as a PATCH body with only what changed, or why not; `null` request when
 * nothing changed (nothing to send).
 */
export function userChangeRequest(
  user: UserAccount,
  draft: UserChangeDraft,
): { ok: true; request: UpdateUser | null } | { ok: false; errors: UserErrors } {
  const errors: UserErrors = {};
  const name = nameError(draft.name);
  if (name) errors.name = name;
  const password = draft.password === '' ? null : passwordError(draft.password);
  if (password) errors.password = password;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const change: UpdateUser = {};
  if (draft.name.trim() !== user.name) change.name = draft.name.trim();
  if (draft.role !== user.role) change.role = draft.role;
  if (draft.password !== '') change.password = draft.password;
  if (Object.keys(change).length === 0) return { ok: true, request: null };
  return { ok: true, request: updateUserSchema.parse(change) };
}
