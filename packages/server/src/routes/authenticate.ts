/**
 * Reads the caller's credentials from the request: `Authorization: Bearer <token>` (a session token or a device
 * API key, told apart by prefix) or the `sarhad_session` cookie, HttpOnly and SameSite=Strict so that scripts
 * cannot read it and other sites cannot send it (RFC 6265bis section 5.4.7).
 *
 * A user whose password an administrator set (new account, reset) gets PASSWORD_CHANGE_REQUIRED from every route
 * that authenticates here, except the few that opt in with `pendingPasswordChange: 'allow'` (the password change,
 * "who am I", sign-out). Checking here, where every route authenticates, means a route added later is covered
 * without remembering to.
 */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { ServerError } from '../errors.js';
import type { Principal, UserPrincipal } from '../domain/principal.js';
import { SECRET_PREFIXES } from '../domain/secrets.js';
import * as authService from '../services/auth-service.js';
import * as devicesService from '../services/devices-service.js';
import { requireUser } from '../services/access.js';
import type { ServiceContext } from '../services/context.js';

export const SESSION_COOKIE = 'sarhad_session';

/** The bearer token or session cookie, if any. */
export function credentialOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ServerError('AUTH_REQUIRED', 'the Authorization header must be "Bearer <token>"');
    return match[1];
  }
  const cookies = request.headers.cookie?.split(';') ?? [];
  for (const cookie of cookies) {
    const [name, ...value] = cookie.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

export interface AuthenticateOptions {
  /** `allow` only on the routes a user with a pending password change may call. Default `refuse`. */
  readonly pendingPasswordChange?: 'allow' | 'refuse';
}

/** The authenticated caller, or AUTH_REQUIRED; PASSWORD_CHANGE_REQUIRED for a user who must change their password. */
export async function principalOf(ctx: ServiceContext, request: FastifyRequest, options: AuthenticateOptions = {}): Promise<Principal> {
  const credential = credentialOf(request);
  if (!credential) throw new ServerError('AUTH_REQUIRED', 'sign in, or send a device key as a Bearer token');
  if (credential.startsWith(SECRET_PREFIXES.device)) return devicesService.authenticateDevice(ctx, credential);
  const user = await authService.authenticateSession(ctx, credential);
  if (user.passwordChangeRequired && options.pendingPasswordChange !== 'allow') {
    throw new ServerError(
      'PASSWORD_CHANGE_REQUIRED',
      `${user.username} must change the password an administrator set first (POST /api/auth/password)`,
    );
  }
  return user;
}

/** The authenticated user, AUTH_REQUIRED without credentials, FORBIDDEN_PRINCIPAL for a device key. */
export async function userOf(ctx: ServiceContext, request: FastifyRequest, options: AuthenticateOptions = {}): Promise<UserPrincipal> {
  return requireUser(await principalOf(ctx, request, options));
}

/** The Set-Cookie value carrying a new session. */
export function sessionCookie(config: Config, token: string): string {
  const maxAge = config.session.ttlMinutes * 60; // s
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${config.session.cookieSecure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(config: Config): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${config.session.cookieSecure ? '; Secure' : ''}`;
}
