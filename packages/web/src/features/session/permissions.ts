/**
 * What each role may do, mirrored from the server's role table (packages/server/src/domain/roles.ts) to decide
 * which pages to offer. The server still checks every call; this only keeps the navigation honest.
 */
import { ROLES, type Role } from '../../api/types.js';

export const PERMISSIONS = {
  'posts.read': ROLES,
  'posts.manage': ['admin'],
  'devices.manage': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['auditor', 'admin'],
  'travellers.read': ['officer', 'enrolment_officer', 'supervisor', 'analyst'],
  'reports.read': ['analyst', 'supervisor'],
  'watchlists.manage': ['watchlist_manager', 'admin'],
  'retention.manage': ['admin'],
  'travellers.identify': ['analyst', 'supervisor'],
  'travellers.write': ['officer', 'enrolment_officer', 'supervisor'],
  'crossings.process': ['officer', 'supervisor'],
  'crossings.supervise': ['supervisor'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** True when any of `roles` grants `permission`. */
export function grants(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
