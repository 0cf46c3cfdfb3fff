/**
 * Who is calling: a signed-in user (session cookie or Bearer session token) or a lane device (Bearer API key).
 */
import type { Role } from './roles.js';

export interface UserPrincipal {
  readonly kind: 'user';
  readonly userId: string;
  readonly username: string;
  readonly roles: readonly Role[];
  /** Headquarters staff: every post, present and future. */
  readonly allPosts: boolean;
  /** Ids of the posts granted (empty when `allPosts`). */
  readonly postIds: readonly string[];
  readonly sessionId: string;
  /**
   * The account's password was set by an administrator and not yet replaced: only the password change, "who am
   * I" and sign-out are allowed (routes/authenticate.ts). Absent means false.
   */
  readonly passwordChangeRequired?: boolean;
}

export interface DevicePrincipal {
  readonly kind: 'device';
  readonly deviceId: string;
  readonly postId: string;
  readonly postCode: string;
  readonly laneId: string;
  readonly laneCode: string;
}

export type Principal = UserPrincipal | DevicePrincipal;

/** The audit log's actor string: `user:<id>` or `device:<id>`. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : `device:${principal.deviceId}`;
}
