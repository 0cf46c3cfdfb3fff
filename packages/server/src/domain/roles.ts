/**
 * Roles and what each may do. A user holds one or more roles; every service action names the permission it needs
 * and the roles below grant it. Post scope is separate: a role says *what* a user may do, the user's post grants
 * (or `allPosts` for headquarters staff) say *where*.
 */
import { z } from 'zod';

export const ROLES = [
  /** Lane officer at a counter: processes travellers. */
  'officer',
  /** Registers frequent crossers and issues border passes. */
  'enrolment_officer',
  /** Oversees a crossing, adjudicates alerts and duplicates, overrides with a reason. */
  'supervisor',
  /** Headquarters analyst: movement history, statistics, exports. */
  'analyst',
  /** Imports and curates watchlists. */
  'watchlist_manager',
  /** Manages users, posts, lanes and device keys. */
  'admin',
  /** Reads and verifies the audit log. */
  'auditor',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Each permission and the roles that grant it. */
export const PERMISSIONS = {
  'posts.read': ROLES,
  'posts.manage': ['admin'],
  'devices.manage': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['auditor', 'admin'],
  'travellers.read': ['officer', 'enrolment_officer', 'supervisor', 'analyst'],
  /** Aggregate traffic reports (flows) at the user's posts. */
  'reports.read': ['analyst', 'supervisor'],
  /** 1:N fingerprint search of the whole gallery by an investigator (officers identify only through crossings). */
  'travellers.identify': ['analyst', 'supervisor'],
  'travellers.write': ['officer', 'enrolment_officer', 'supervisor'],
  'adjudication.resolve': ['supervisor'],
  'watchlists.manage': ['watchlist_manager', 'admin'],
  'retention.manage': ['admin'],
  'crossings.process': ['officer', 'supervisor'],
  'crossings.supervise': ['supervisor'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** True when any of `roles` grants `permission`. */
export function grants(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
