/**
 * Sign in, sign out, who am I, change my password. These three are the routes a user whose password an
 * administrator set may call (routes/authenticate.ts): everything else answers PASSWORD_CHANGE_REQUIRED until the
 * change is made.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as authService from '../services/auth-service.js';
import * as usersService from '../services/users-service.js';
import type { ServiceContext } from '../services/context.js';
import { clearedSessionCookie, sessionCookie, userOf } from './authenticate.js';
import { doc } from './openapi.js';
import { UserShape } from './response-schemas.js';

const PENDING_CHANGE_ALLOWED = { pendingPasswordChange: 'allow' } as const;
const UserBody = z.object({ user: UserShape });

export function authRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/api/auth/login',
    doc({
      tag: 'Auth',
      summary: 'Sign in',
      description:
        'Sets the `sarhad_session` cookie and answers the token for Bearer use. Failed logins are counted per username and lock it for a while (AUTH_LOCKED_OUT). When `user.passwordChangeRequired`, change the password first.',
      auth: 'none',
      body: authService.Credentials,
      responses: {
        200: { description: 'Signed in.', body: z.object({ token: z.string(), expiresAt: z.string(), user: UserShape }) },
      },
    }),
    async (request, reply) => {
      const credentials = authService.Credentials.parse(request.body);
      const signedIn = await authService.login(ctx, credentials, { ip: request.ip });
      reply.header('set-cookie', sessionCookie(ctx.config, signedIn.token));
      return signedIn;
    },
  );

  app.post(
    '/api/auth/logout',
    doc({ tag: 'Auth', summary: 'Sign out (end this session)', auth: 'user', responses: { 204: { description: 'Signed out; the cookie is cleared.' } } }),
    async (request, reply) => {
      await authService.logout(ctx, await userOf(ctx, request, PENDING_CHANGE_ALLOWED));
      reply.header('set-cookie', clearedSessionCookie(ctx.config));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    doc({ tag: 'Auth', summary: 'Who am I', auth: 'user', responses: { 200: { description: 'The signed-in account.', body: UserBody } } }),
    async (request) => ({ user: await authService.me(ctx, await userOf(ctx, request, PENDING_CHANGE_ALLOWED)) }),
  );

  // The caller's session stays signed in; every other session of the user ends.
  app.post(
    '/api/auth/password',
    doc({
      tag: 'Auth',
      summary: 'Change one\'s own password',
      description:
        'Needs the current password; the new one follows the policy (12 to 256 characters) and differs from it. Ends the user\'s other sessions, keeps this one, clears `passwordChangeRequired`; audited.',
      auth: 'user',
      body: usersService.PasswordChange,
      responses: { 200: { description: 'Changed.', body: UserBody } },
    }),
    async (request) => {
      const user = await userOf(ctx, request, PENDING_CHANGE_ALLOWED);
      return { user: await usersService.changeOwnPassword(ctx, user, usersService.PasswordChange.parse(request.body)) };
    },
  );
}
