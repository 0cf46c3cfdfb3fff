/**
 * First-run setup. There are no default passwords: while no active headquarters administrator exists, each start
 * of the server issues a one-time token (printed to the operator's console, stored only as SHA-256). `POST
 * /api/setup` with that token creates the first administrator; the token is then used up, and every setup request
 * fails once an administrator exists.
 */
import { z } from 'zod';
import * as sessionsRepo from '../repositories/sessions-repository.js';
import * as usersRepo from '../repositories/users-repository.js';
import { ServerError } from '../errors.js';
import { hashSecret, newSecret } from '../domain/secrets.js';
import { appendAudit } from './audit-service.js';
import { Username, createUser, type User } from './users-service.js';
import { nowIso, type ServiceContext } from './context.js';

export const SetupRequest = z.object({
  token: z.string().min(1).max(200),
  username: Username,
  displayName: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024),
});
export type SetupRequest = z.infer<typeof SetupRequest>;

/** Whether first-run setup is still needed. */
export async function setupRequired(ctx: Pick<ServiceContext, 'db'>): Promise<boolean> {
  return (await usersRepo.countActiveGlobal(ctx.db, 'admin')) === 0;
}

/**
 * Issues a fresh setup token when no administrator exists (earlier unused tokens stop working); returns undefined
 * when setup is done.
 */
export async function issueSetupToken(ctx: Omit<ServiceContext, 'gallery' | 'watchlists' | 'metrics' | 'events'>): Promise<string | undefined> {
  if (!(await setupRequired(ctx))) return undefined;
  const token = newSecret('setup');
  await ctx.db.transaction().execute(async (trx) => {
    await sessionsRepo.deleteUnusedSetupTokens(trx);
    await sessionsRepo.insertSetupToken(trx, hashSecret(token), nowIso(ctx));
    await appendAudit(trx, ctx.clock, { actor: 'system', action: 'setup.token_issued' });
  });
  return token;
}

/** Creates the first administrator (all posts) with the one-time token. */
export async function completeSetup(ctx: ServiceContext, request: SetupRequest): Promise<User> {
  return ctx.db.transaction().execute(async (trx) => {
    if ((await usersRepo.countActiveGlobal(trx, 'admin')) > 0) {
      throw new ServerError('SETUP_ALREADY_DONE', 'an administrator already exists; sign in instead');
    }
    if (!(await sessionsRepo.consumeSetupToken(trx, hashSecret(request.token), nowIso(ctx)))) {
      throw new ServerError('SETUP_TOKEN_INVALID', 'the setup token is wrong or already used; restart the server for a new one');
    }
    await appendAudit(trx, ctx.clock, { actor: 'system', action: 'setup.completed', details: { username: request.username } });
    return createUser(
      ctx,
      { bootstrap: true },
      {
        username: request.username,
        displayName: request.displayName,
        password: request.password,
        roles: ['admin'],
        posts: [],
        allPosts: true,
      },
      trx,
    );
  });
}
