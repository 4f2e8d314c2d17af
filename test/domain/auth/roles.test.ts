import { describe, expect, it } from 'vitest';
import { can, mayGrant, PERMISSIONS, type Permission, requiredRole } from '../../../src/domain/auth/roles.ts';
import type { UserRole } from '../../../src/domain/users.ts';

const ROLES: readonly UserRole[] = ['counter', 'supervisor', 'administrator'];
const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

describe('roles (issue 7)', () => {
  it('counters count and submit, and nothing else', () => {
    expect(PERMISSION_NAMES.filter((p) => can('counter', p)).sort()).toEqual(['count', 'stock-takes:submit']);
  });

  it('supervisors create and approve stock-takes, enroll and revoke devices, revoke users, read the audit log', () => {
    for (const permission of [
      'stock-takes:create',
      'stock-takes:approve',
      'stock-takes:resolve',
      'devices:enroll',
      'devices:revoke',
      'devices:read',
      'users:read',
      'users:revoke',
      'audit:read',
      'overview:read',
      'exports:read',
    ] as const) {
      expect(can('supervisor', permission), permission).toBe(true);
    }
    expect(can('supervisor', 'users:manage')).toBe(false);
    expect(can('supervisor', 'master-data:manage')).toBe(false);
  });

  it('administrators manage users and master data, and may do everything', () => {
    for (const permission of PERMISSION_NAMES) expect(can('administrator', permission), permission).toBe(true);
  });

  it('roles are ordered: whatever a role may do, every higher role may do too', () => {
    for (const permission of PERMISSION_NAMES) {
      const allowed = ROLES.map((role) => can(role, permission));
      // Once true, true for every role above it.
      expect(allowed.slice(allowed.indexOf(true)).every(Boolean), permission).toBe(true);
      expect(can(requiredRole(permission), permission)).toBe(true);
      const below = ROLES[ROLES.indexOf(requiredRole(permission)) - 1];
      if (below) expect(can(below, permission), `${below} ${permission}`).toBe(false);
    }
  });

  it('nobody hands out a role above their own', () => {
    expect(mayGrant('administrator', 'administrator')).toBe(true);
    expect(mayGrant('administrator', 'counter')).toBe(true);
    expect(mayGrant('supervisor', 'supervisor')).toBe(true);
    expect(mayGrant('supervisor', 'counter')).toBe(true);
    expect(mayGrant('supervisor', 'administrator')).toBe(false);
    expect(mayGrant('counter', 'supervisor')).toBe(false);
    expect(mayGrant('counter', 'counter')).toBe(true);
  });
});
