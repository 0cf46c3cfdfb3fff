/** Health: is the server up and does its database answer. */
import * as healthRepo from '../repositories/health-repository.js';
import { ServerError } from '../errors.js';
import { nowIso, type ServiceContext } from './context.js';

export interface Health {
  readonly status: 'ok';
  readonly database: ServiceContext['dialect'];
  readonly time: string;
}

/** Returns the health report or throws STORAGE_UNAVAILABLE. */
export async function checkHealth(ctx: ServiceContext): Promise<Health> {
  try {
    await healthRepo.ping(ctx.db);
  } catch (error) {
    throw new ServerError('STORAGE_UNAVAILABLE', `database does not answer: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { status: 'ok', database: ctx.dialect, time: nowIso(ctx) };
}
