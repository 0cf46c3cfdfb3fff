/** User administration. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as usersService from '../services/users-service.js';
import type { ServiceContext } from '../services/context.js';
import { PageQuery } from '../services/pagination.js';
import { userOf } from './authenticate.js';
import { doc, pageBody } from './openapi.js';
import { UserShape } from './response-schemas.js';

const UserParams = z.object({ id: z.uuid() });
const UserBody = z.object({ user: UserShape });

export function usersRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/users',
    doc({
      tag: 'Users',
      summary: 'Accounts the administrator may manage, by username',
      description: 'Administrators scoped to posts see the accounts whose grants lie within theirs.',
      auth: 'user',
      query: PageQuery,
      responses: { 200: { description: 'A page of accounts.', body: pageBody('users', UserShape) } },
    }),
    async (request) => {
      const page = await usersService.listUsers(ctx, await userOf(ctx, request), PageQuery.parse(request.query));
      return { users: page.items, nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/users',
    doc({
      tag: 'Users',
      summary: 'Create an account',
      description: 'The password given is one-time: the account must change it at first sign-in (PASSWORD_CHANGE_REQUIRED until then).',
      auth: 'user',
      body: usersService.NewUser,
      responses: { 201: { description: 'Created.', body: UserBody } },
    }),
    async (request, reply) => {
      const actor = await userOf(ctx, request);
      const user = await usersService.createUser(ctx, actor, usersService.NewUser.parse(request.body));
      return reply.code(201).send({ user });
    },
  );

  app.get(
    '/api/users/:id',
    doc({ tag: 'Users', summary: 'One account', auth: 'user', params: UserParams, responses: { 200: { description: 'The account.', body: UserBody } } }),
    async (request) => {
      const actor = await userOf(ctx, request);
      return { user: await usersService.getUser(ctx, actor, UserParams.parse(request.params).id) };
    },
  );

  app.patch(
    '/api/users/:id',
    doc({
      tag: 'Users',
      summary: 'Change display name, roles, posts or status',
      description: 'Disabling an account or changing its grants ends its sessions. Refuses to leave no active headquarters administrator (LAST_ADMIN).',
      auth: 'user',
      params: UserParams,
      body: usersService.UserChanges,
      responses: { 200: { description: 'The account after the change.', body: UserBody } },
    }),
    async (request) => {
      const actor = await userOf(ctx, request);
      const { id } = UserParams.parse(request.params);
      return { user: await usersService.updateUser(ctx, actor, id, usersService.UserChanges.parse(request.body)) };
    },
  );

  app.post(
    '/api/users/:id/password',
    doc({
      tag: 'Users',
      summary: 'Reset a password',
      description: 'Ends the user\'s sessions; the user must change the password at the next sign-in.',
      auth: 'user',
      params: UserParams,
      body: usersService.PasswordReset,
      responses: { 204: { description: 'Reset.' } },
    }),
    async (request, reply) => {
      const actor = await userOf(ctx, request);
      const { id } = UserParams.parse(request.params);
      await usersService.resetPassword(ctx, actor, id, usersService.PasswordReset.parse(request.body).password);
      return reply.code(204).send();
    },
  );
}
