/**
 * Sign in, sign out, who am I, change my password. These three are the routes a user whose password an
 * administrator set may call (routes/authenticate.ts): everything else answers PASSWORD_CHANGE_REQUIRED until the
 * change is made.
 */
import type { FastifyInstance } from 'fastify';
import * as authService from '../services/auth-service.js';
import * as usersService from '../services/users-service.js';
import type { ServiceContext } from '../services/context.js';
import { clearedSessionCookie, sessionCookie, userOf } from './authenticate.js';

const PENDING_CHANGE_ALLOWED = { pendingPasswordChange: 'allow' } as const;

export function authRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/api/auth/login', async (request, reply) => {
    const credentials = authService.Credentials.parse(request.body);
    const signedIn = await authService.login(ctx, credentials, { ip: request.ip });
    reply.header('set-cookie', sessionCookie(ctx.config, signedIn.token));
    return signedIn;
  });

  app.post('/api/auth/logout', async (request, reply) => {
    await authService.logout(ctx, await userOf(ctx, request, PENDING_CHANGE_ALLOWED));
    reply.header('set-cookie', clearedSessionCookie(ctx.config));
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (request) => ({ user: await authService.me(ctx, await userOf(ctx, request, PENDING_CHANGE_ALLOWED)) }));

  // The caller's session stays signed in; every other session of the user ends.
  app.post('/api/auth/password', async (request) => {
    const user = await userOf(ctx, request, PENDING_CHANGE_ALLOWED);
    return { user: await usersService.changeOwnPassword(ctx, user, usersService.PasswordChange.parse(request.body)) };
  });
}
