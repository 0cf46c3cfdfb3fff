/**
 * Accounts created at the server's console (`sarhad admin create`): someone with access to the data directory or
 * the database creates a user without signing in, for example a second headquarters administrator or the first
 * administrator of a post, and is shown a generated password once. The password is stored only as its argon2id
 * hash; it is "one-time": never shown again, and the account must change it at first sign-in (until then the API
 * answers PASSWORD_CHANGE_REQUIRED to everything but `POST /api/auth/password`, `GET /api/auth/me` and sign-out).
 * The creation is audited as `user.created` by `system`, like the first-run setup.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { ServerError } from '../errors.js';
import { ExhaustiveGallery } from './identification-gallery.js';
import { Metrics } from './metrics.js';
import { EventBus } from './events.js';
import { WatchlistScreening } from './watchlist-screening.js';
import { NewUser, createUser, type User } from './users-service.js';
import type { ServiceContext } from './context.js';

/** Random bytes in a generated password: 144 bits, 24 base64url characters. */
const GENERATED_PASSWORD_BYTES = 18; // bytes

export interface ConsoleUserRequest {
  readonly username: string;
  readonly displayName?: string | undefined;
  readonly roles: readonly string[];
  readonly posts: readonly string[];
  readonly allPosts: boolean;
}

/**
 * Creates a user with a generated password and returns both. Throws VALIDATION_FAILED for a bad username or role,
 * POST_NOT_FOUND for an unknown post code, USERNAME_TAKEN.
 */
export async function createUserFromConsole(
  deps: { readonly database: Database; readonly config: Config; readonly clock: Clock },
  request: ConsoleUserRequest,
): Promise<{ user: User; password: string }> {
  const password = randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url');
  const parsed = NewUser.safeParse({
    username: request.username,
    displayName: request.displayName ?? request.username,
    password,
    roles: request.roles,
    posts: request.posts,
    allPosts: request.allPosts,
  });
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ServerError('VALIDATION_FAILED', `cannot create user ${request.username}: ${detail}`, { cause: parsed.error });
  }
  // The service context of a server without its HTTP side: the gallery and screener are built but never loaded.
  const ctx: ServiceContext = {
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    config: deps.config,
    logger: pino({ level: 'silent' }),
    gallery: new ExhaustiveGallery(deps.database.db),
    watchlists: new WatchlistScreening(deps.database.db),
    metrics: new Metrics(),
    events: new EventBus(),
  };
  const user = await createUser(ctx, { bootstrap: true, passwordChangeRequired: true }, parsed.data);
  return { user, password };
}
