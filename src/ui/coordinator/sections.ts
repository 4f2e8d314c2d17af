import { can, type Permission } from '../../domain/auth/roles.ts';
import type { UserRole } from '../../domain/users.ts';
import type { Route } from '../router.ts';

/** The sections of the coordinators' navigation, in the order they are shown. */
export type CoordinatorSection = 'overview' | 'stock-takes' | 'devices' | 'users' | 'audit' | 'import' | 'labels';

export interface SectionLink {
  section: CoordinatorSection;
  route: Route;
  /** Who sees the link: the server checks the same permission on every call behind it. */
  permission: Permission;
}

export const SECTION_LINKS: readonly SectionLink[] = [
  { section: 'overview', route: { name: 'overview' }, permission: 'overview:read' },
  { section: 'stock-takes', route: { name: 'stock-takes' }, permission: 'stock-takes:read' },
  { section: 'devices', route: { name: 'devices' }, permission: 'devices:read' },
  { section: 'users', route: { name: 'users' }, permission: 'users:read' },
  { section: 'audit', route: { name: 'audit' }, permission: 'audit:read' },
  { section: 'import', route: { name: 'import' }, permission: 'master-data:manage' },
  // Labels only read the sites: a supervisor prints them too.
  { section: 'labels', route: { name: 'labels', siteCode: null }, permission: 'overview:read' },
];

/** The links a role sees; nobody signed in sees none. */
export function visibleSections(role: UserRole | null): SectionLink[] {
  return role ? SECTION_LINKS.filter((link) => can(role, link.permission)) : [];
}
