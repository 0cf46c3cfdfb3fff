/** User administration. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as usersService from '../services/users-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';

const UserParams = z.object({ id: z.uuid() });

export function usersRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/api/users', async (request) => ({ users: await usersService.listUsers(ctx, await userOf(ctx, request)) }));

  app.post('/api/users', async (request, reply) => {
    const actor = await userOf(ctx, request);
    const user = await usersService.createUser(ctx, actor, usersService.NewUser.parse(request.body));
    return reply.code(201).send({ user });
  });

  app.get('/api/users/:id', async (request) => {
    const actor = await userOf(ctx, request);
    return { user: await usersService.getUser(ctx, actor, UserParams.parse(request.params).id) };
  });

  app.patch('/api/users/:id', async (request) => {
    const actor = await userOf(ctx, request);
    const { id } = UserParams.parse(request.params);
    return { user: await usersService.updateUser(ctx, actor, id, usersService.UserChanges.parse(request.body)) };
  });

  app.post('/api/users/:id/password', async (request, reply) => {
    const actor = await userOf(ctx, request);
    const { id } = UserParams.parse(request.params);
    await usersService.resetPassword(ctx, actor, id, usersService.PasswordReset.parse(request.body).password);
    return reply.code(204).send();
  });
}
