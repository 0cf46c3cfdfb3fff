/**
 * Access rules shared by services: which principal kind an action needs, which permission (roles), and which
 * post. An officer at Chaman neither sees nor acts at Torkham unless granted it.
 */
import { ServerError } from '../errors.js';
import type { DevicePrincipal, Principal, UserPrincipal } from '../domain/principal.js';
import { grants, type Permission } from '../domain/roles.js';

/** The principal as a user, or FORBIDDEN_PRINCIPAL for a device key. */
export function requireUser(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') {
    throw new ServerError('FORBIDDEN_PRINCIPAL', 'this action needs a signed-in user, not a device key');
  }
  return principal;
}

/** The principal as a device, or FORBIDDEN_PRINCIPAL for a user session. */
export function requireDevice(principal: Principal): DevicePrincipal {
  if (principal.kind !== 'device') {
    throw new ServerError('FORBIDDEN_PRINCIPAL', 'this action needs a lane device key, not a user session');
  }
  return principal;
}

/** Throws FORBIDDEN_ROLE unless one of the user's roles grants `permission`. */
export function requirePermission(user: UserPrincipal, permission: Permission): void {
  if (!grants(user.roles, permission)) {
    throw new ServerError('FORBIDDEN_ROLE', `${user.username} lacks a role allowing ${permission}`);
  }
}

export function canAccessPost(user: UserPrincipal, postId: string): boolean {
  return user.allPosts || user.postIds.includes(postId);
}

/** Throws FORBIDDEN_POST unless the user is granted the post. */
export function requirePost(user: UserPrincipal, post: { readonly id: string; readonly code: string }): void {
  if (!canAccessPost(user, post.id)) {
    throw new ServerError('FORBIDDEN_POST', `${user.username} is not granted post ${post.code}`);
  }
}

/** Throws FORBIDDEN_POST unless the user has every post (headquarters). */
export function requireAllPosts(user: UserPrincipal, what: string): void {
  if (!user.allPosts) throw new ServerError('FORBIDDEN_POST', `${what} needs access to all posts`);
}
