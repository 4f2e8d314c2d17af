import type { UserRole } from '../users.ts';

/**
 * Who may do what (issue 7). Checked on the server for every request; the app uses the same table
 * only to hide what a user may not do. Roles are ordered: a supervisor may do all a counter may,
 * an administrator all a supervisor may.
 */
export const PERMISSIONS = {
  /** Sign in on an enrolled device and count (events are pushed by the device). */
  count: 'counter',
  /** Mark a stock-take as counted and ready for approval. */
  'stock-takes:submit': 'counter',
  'stock-takes:read': 'supervisor',
  'stock-takes:create': 'supervisor',
  /** Resolve conflicts and request recounts. */
  'stock-takes:resolve': 'supervisor',
  'stock-takes:approve': 'supervisor',
  'overview:read': 'supervisor',
  /** Stock, expiry and stock-take exports (CSV, XLSX). */
  'exports:read': 'supervisor',
  'devices:read': 'supervisor',
  'devices:enroll': 'supervisor',
  'devices:revoke': 'supervisor',
  'users:read': 'supervisor',
  'users:revoke': 'supervisor',
  'audit:read': 'supervisor',
  /** Create users, change roles, set passwords. */
  'users:manage': 'administrator',
  /** Catalog, sites, locations and target levels (imports and edits), the demo data set. */
  'master-data:manage': 'administrator',
} as const satisfies Record<string, UserRole>;

export type Permission = keyof typeof PERMISSIONS;

const RANK: Record<UserRole, number> = { counter: 1, supervisor: 2, administrator: 3 };

/** True when a user with this role may do this. */
export function can(role: UserRole, permission: Permission): boolean {
  return RANK[role] >= RANK[PERMISSIONS[permission]];
}

/** The lowest role that may do this (for error messages: "this needs a supervisor"). */
export function requiredRole(permission: Permission): UserRole {
  return PERMISSIONS[permission];
}

/** Whether `actor` may give `target` (a role) to someone: nobody hands out more than they hold. */
export function mayGrant(actor: UserRole, target: UserRole): boolean {
  return RANK[actor] >= RANK[target];
}
