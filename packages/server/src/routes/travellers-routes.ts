/** Travellers and their documents. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as travellersService from '../services/travellers-service.js';
import type { ServiceContext } from '../services/context.js';
import { userOf } from './authenticate.js';

const TravellerParams = z.object({ id: z.uuid() });

export function travellersRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post('/api/travellers', async (request, reply) => {
    const user = await userOf(ctx, request);
    const traveller = await travellersService.createTraveller(ctx, user, travellersService.NewTraveller.parse(request.body));
    return reply.code(201).send({ traveller });
  });

  app.get('/api/travellers', async (request) => {
    const user = await userOf(ctx, request);
    const query = travellersService.TravellerQuery.parse(request.query);
    return { travellers: await travellersService.searchTravellers(ctx, user, query) };
  });

  // POST, not GET: an MRZ is personal data and must not travel in a URL (URLs end up in logs and proxies).
  app.post('/api/travellers/lookup-mrz', async (request) => {
    const user = await userOf(ctx, request);
    return travellersService.lookupMrz(ctx, user, travellersService.MrzLookup.parse(request.body).mrz);
  });

  app.get('/api/travellers/:id', async (request) => {
    const user = await userOf(ctx, request);
    return { traveller: await travellersService.getTraveller(ctx, user, TravellerParams.parse(request.params).id) };
  });

  app.post('/api/travellers/:id/documents', async (request, reply) => {
    const user = await userOf(ctx, request);
    const { id } = TravellerParams.parse(request.params);
    const submission = travellersService.DocumentSubmission.parse(request.body);
    const document = await travellersService.addDocument(ctx, user, id, submission);
    return reply.code(201).send({ document });
  });
}
