/** Posts, lanes and lane devices. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as postsService from '../services/posts-service.js';
import * as devicesService from '../services/devices-service.js';
import { requireDevice } from '../services/access.js';
import type { ServiceContext } from '../services/context.js';
import { PageQuery } from '../services/pagination.js';
import { principalOf, userOf } from './authenticate.js';
import { doc, pageBody } from './openapi.js';
import { DeviceShape, LaneShape, PostShape } from './response-schemas.js';

const PostParams = z.object({ code: postsService.PostCode });
const DeviceParams = z.object({ id: z.uuid() });

export function postsRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get(
    '/api/posts',
    doc({
      tag: 'Posts',
      summary: 'Posts the caller is granted, by code, with their lanes',
      auth: 'user',
      query: PageQuery,
      responses: { 200: { description: 'A page of posts.', body: pageBody('posts', PostShape) } },
    }),
    async (request) => {
      const page = await postsService.listPosts(ctx, await userOf(ctx, request), PageQuery.parse(request.query));
      return { posts: page.items, nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/posts',
    doc({
      tag: 'Posts',
      summary: 'Create a post',
      description: 'Administrators with access to all posts.',
      auth: 'user',
      body: postsService.NewPost,
      responses: { 201: { description: 'Created.', body: z.object({ post: PostShape }) } },
    }),
    async (request, reply) => {
      const user = await userOf(ctx, request);
      const post = await postsService.createPost(ctx, user, postsService.NewPost.parse(request.body));
      return reply.code(201).send({ post });
    },
  );

  app.get(
    '/api/posts/:code',
    doc({ tag: 'Posts', summary: 'One post with its lanes', auth: 'user', params: PostParams, responses: { 200: { description: 'The post.', body: z.object({ post: PostShape }) } } }),
    async (request) => {
      const user = await userOf(ctx, request);
      return { post: await postsService.getPost(ctx, user, PostParams.parse(request.params).code) };
    },
  );

  app.post(
    '/api/posts/:code/lanes',
    doc({
      tag: 'Posts',
      summary: 'Add a lane to a post',
      auth: 'user',
      params: PostParams,
      body: postsService.NewLane,
      responses: { 201: { description: 'Created.', body: z.object({ lane: LaneShape }) } },
    }),
    async (request, reply) => {
      const user = await userOf(ctx, request);
      const { code } = PostParams.parse(request.params);
      const lane = await postsService.createLane(ctx, user, code, postsService.NewLane.parse(request.body));
      return reply.code(201).send({ lane });
    },
  );

  app.get(
    '/api/posts/:code/devices',
    doc({
      tag: 'Posts',
      summary: 'Devices of a post, in registration order',
      auth: 'user',
      params: PostParams,
      query: PageQuery,
      responses: { 200: { description: 'A page of devices.', body: pageBody('devices', DeviceShape) } },
    }),
    async (request) => {
      const user = await userOf(ctx, request);
      const page = await devicesService.listDevices(ctx, user, PostParams.parse(request.params).code, PageQuery.parse(request.query));
      return { devices: page.items, nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/posts/:code/devices',
    doc({
      tag: 'Posts',
      summary: 'Register a lane device',
      description: 'The API key is in this answer only; it is stored as a hash.',
      auth: 'user',
      params: PostParams,
      body: devicesService.NewDevice,
      responses: { 201: { description: 'Registered.', body: z.object({ device: DeviceShape, apiKey: z.string() }) } },
    }),
    async (request, reply) => {
      const user = await userOf(ctx, request);
      const { code } = PostParams.parse(request.params);
      const created = await devicesService.createDevice(ctx, user, code, devicesService.NewDevice.parse(request.body));
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/devices/:id/revoke',
    doc({ tag: 'Posts', summary: 'Revoke a device key', auth: 'user', params: DeviceParams, responses: { 200: { description: 'Revoked.', body: z.object({ device: DeviceShape }) } } }),
    async (request) => {
      const user = await userOf(ctx, request);
      return { device: await devicesService.revokeDevice(ctx, user, DeviceParams.parse(request.params).id) };
    },
  );

  /** A device asks where it is bound: lets a capture station confirm its key and lane at start-up. */
  app.get(
    '/api/devices/self',
    doc({
      tag: 'Posts',
      summary: 'The calling device\'s post and lane',
      auth: 'device',
      responses: { 200: { description: 'Where the key is bound.', body: z.object({ device: z.object({ id: z.uuid(), post: z.string(), lane: z.string() }) }) } },
    }),
    async (request) => {
      const device = requireDevice(await principalOf(ctx, request));
      return { device: { id: device.deviceId, post: device.postCode, lane: device.laneCode } };
    },
  );
}
