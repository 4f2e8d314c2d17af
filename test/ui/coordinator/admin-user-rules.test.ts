import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, type SessionUser, type UserAccount } from '../../../src/domain/auth/api.ts';
import type { UserRole } from '../../../src/domain/users.ts';
import {
  grantableRoles,
  newUserRequest,
  revokeUserBlock,
  roleChoices,
  userChangeRequest,
} from '../../../src/ui/coordinator/admin/user-rules.ts';

const me = (role: UserRole): SessionUser => ({ id: 'me', username: 'me', name: 'Me', role });
const account = (id: string, role: UserRole, revoked = false): UserAccount => ({
  id,
  username: id,
  name: `Name ${id}`,
  role,
  createdAt: '2026-01-01T00:00:00.000Z',
  hasPassword: true,
  revokedAt: revoked ? '2026-02-01T00:00:00.000Z' : null,
  revokedReason: revoked ? 'left' : null,
});
const goodPassword = 'x'.repeat(PASSWORD_MIN_LENGTH);

describe("revokeUserBlock: the server's rules for revoking a user", () => {
  it('a supervisor revokes counters and supervisors, not administrators', () => {
    expect(revokeUserBlock(me('supervisor'), account('c', 'counter'))).toBeNull();
    expect(revokeUserBlock(me('supervisor'), account('s', 'supervisor'))).toBeNull();
    expect(revokeUserBlock(me('supervisor'), account('a', 'administrator'))).toBe('administrator');
    expect(revokeUserBlock(me('administrator'), account('a', 'administrator'))).toBeNull();
  });

  it('nobody revokes themselves, a counter nobody, and a revoked user stays revoked', () => {
    expect(revokeUserBlock(me('administrator'), account('me', 'administrator'))).toBe('self');
    expect(revokeUserBlock(me('counter'), account('c', 'counter'))).toBe('forbidden');
    expect(revokeUserBlock(me('administrator'), account('c', 'counter', true))).toBe('already-revoked');
  });
});

describe('grantableRoles: nobody hands out more than they hold', () => {
  it('orders the roles from counter up', () => {
    expect(grantableRoles('administrator')).toEqual(['counter', 'supervisor', 'administrator']);
    expect(grantableRoles('supervisor')).toEqual(['counter', 'supervisor']);
  });
});

describe('roleChoices: the roles offered when changing a user', () => {
  it("what the actor may grant plus the user's own; for oneself only the current role", () => {
    expect(roleChoices(me('administrator'), account('c', 'counter'))).toEqual([
      'counter',
      'supervisor',
      'administrator',
    ]);
    expect(roleChoices(me('supervisor'), account('c', 'counter'))).toEqual(['counter', 'supervisor']);
    expect(roleChoices(me('supervisor'), account('a', 'administrator'))).toEqual([
      'counter',
      'supervisor',
      'administrator',
    ]);
    expect(roleChoices(me('administrator'), account('me', 'administrator'))).toEqual(['administrator']);
  });
});

describe('newUserRequest: the "New user" form', () => {
  it('accepts a complete form, the username lower-cased and the name trimmed', () => {
    expect(
      newUserRequest({ username: 'Anna.Berg', name: ' Anna Berg ', role: 'counter', password: goodPassword }),
    ).toEqual({
      ok: true,
      request: { username: 'anna.berg', name: 'Anna Berg', role: 'counter', password: goodPassword },
    });
  });

  it('names the password policy and a bad username', () => {
    expect(newUserRequest({ username: 'a b', name: '', role: 'counter', password: 'short' })).toEqual({
      ok: false,
      errors: { username: 'username-invalid', name: 'name-missing', password: 'password-too-short' },
    });
    expect(newUserRequest({ username: 'ab', name: 'A', role: 'counter', password: 'x'.repeat(257) })).toEqual({
      ok: false,
      errors: { password: 'password-too-long' },
    });
  });
});

describe('userChangeRequest: the "Change" form sends only what changed', () => {
  const user = account('c', 'counter');
  it('name, role, new password — or nothing at all', () => {
    expect(userChangeRequest(user, { name: user.name, role: 'counter', password: '' })).toEqual({
      ok: true,
      request: null,
    });
    expect(userChangeRequest(user, { name: 'New Name ', role: 'supervisor', password: '' })).toEqual({
      ok: true,
      request: { name: 'New Name', role: 'supervisor' },
    });
    expect(userChangeRequest(user, { name: user.name, role: 'counter', password: goodPassword })).toEqual({
      ok: true,
      request: { password: goodPassword },
    });
  });

  it('an empty password keeps it; a short one is refused', () => {
    expect(userChangeRequest(user, { name: '', role: 'counter', password: 'short' })).toEqual({
      ok: false,
      errors: { name: 'name-missing', password: 'password-too-short' },
    });
  });
});
