/** Posts, lanes and lane devices. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as postsService from '../services/posts-service.js';
import * as devicesService from '../services/devices-service.js';
import { requireDevice } from '../services/access.js';
import type { ServiceContext } from '../services/context.js';
import { principalOf, userOf } from './authenticate.js';

const PostParams = z.object({ code: postsService.PostCode });
const DeviceParams = z.object({ id: z.uuid() });

export function postsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get('/api/posts', async (request) => ({ posts: await postsService.listPosts(ctx, await userOf(ctx, request)) }));

  app.post('/api/posts', async (request, reply) => {
    const user = await userOf(ctx, request);
    const post = await postsService.createPost(ctx, user, postsService.NewPost.parse(request.body));
    return reply.code(201).send({ post });
  });

  app.get('/api/posts/:code', async (request) => {
    const user = await userOf(ctx, request);
    return { post: await postsService.getPost(ctx, user, PostParams.parse(request.params).code) };
  });

  app.post('/api/posts/:code/lanes', async (request, reply) => {
    const user = await userOf(ctx, request);
    const { code } = PostParams.parse(request.params);
    const lane = await postsService.createLane(ctx, user, code, postsService.NewLane.parse(request.body));
    return reply.code(201).send({ lane });
  });

  app.get('/api/posts/:code/devices', async (request) => {
    const user = await userOf(ctx, request);
    return { devices: await devicesService.listDevices(ctx, user, PostParams.parse(request.params).code) };
  });

  app.post('/api/posts/:code/devices', async (request, reply) => {
    const user = await userOf(ctx, request);
    const { code } = PostParams.parse(request.params);
    const created = await devicesService.createDevice(ctx, user, code, devicesService.NewDevice.parse(request.body));
    return reply.code(201).send(created);
  });

  app.post('/api/devices/:id/revoke', async (request) => {
    const user = await userOf(ctx, request);
    return { device: await devicesService.revokeDevice(ctx, user, DeviceParams.parse(request.params).id) };
  });

  /** A device asks where it is bound: lets a capture station confirm its key and lane at start-up. */
  app.get('/api/devices/self', async (request) => {
    const device = requireDevice(await principalOf(ctx, request));
    return { device: { id: device.deviceId, post: device.postCode, lane: device.laneCode } };
  });
}
