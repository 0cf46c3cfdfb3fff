/** Builds the application in-process over a test database, with a silent logger and a manual clock. */
import { pino } from 'pino';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { build } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { issueSetupToken } from '../../src/services/setup-service.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly clock: ManualClock;
  readonly config: Config;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ SARHAD_LOG_LEVEL: 'silent', ...env }, '/nonexistent-test-cwd');
}

export function buildTestApp(database: Database, env: Record<string, string> = {}): TestApp {
  const clock = new ManualClock('2026-11-26T08:00:00.000Z');
  const config = testConfig(env);
  const app = build({ database, clock, config, logger: pino({ level: 'silent' }) });
  return { app, clock, config };
}

/** The `{ error: { code } }` of a failed response. */
export function errorCode(response: LightMyRequestResponse): string | undefined {
  return (response.json() as { error?: { code?: string } }).error?.code;
}

/** Issues a setup token the way `startServer` does and creates the first administrator over HTTP. */
export async function setupAdmin(
  testApp: TestApp,
  database: Database,
  username = 'root.admin',
): Promise<{ token: string; userId: string }> {
  const setupToken = await issueSetupToken({
    db: database.db,
    dialect: database.dialect,
    clock: testApp.clock,
    config: testApp.config,
    logger: pino({ level: 'silent' }),
  });
  if (!setupToken) throw new Error('an administrator already exists in this test database');
  const setup = await testApp.app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: { token: setupToken, username, displayName: 'Root Admin', password: PASSWORD },
  });
  if (setup.statusCode !== 201) throw new Error(`setup failed: ${setup.body}`);
  return { token: await login(testApp, username), userId: (setup.json() as { user: { id: string } }).user.id };
}

/** A password that satisfies the policy, shared by test accounts. */
export const PASSWORD = 'correct horse battery staple';

/** Signs in and returns the session token. */
export async function login(testApp: TestApp, username: string, password = PASSWORD): Promise<string> {
  const response = await testApp.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.body}`);
  return (response.json() as { token: string }).token;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** The password an administrator gives a new account in tests; the account replaces it with {@link PASSWORD}. */
export const ONE_TIME_PASSWORD = 'one-time password from the admin';

/**
 * Creates a user through the API as `adminToken`, signs them in and replaces the one-time password with
 * {@link PASSWORD} as the user must at first sign-in, so tests that are not about that can use the account at once.
 */
export async function createUser(
  testApp: TestApp,
  adminToken: string,
  user: { username: string; roles: string[]; posts?: string[]; allPosts?: boolean },
): Promise<{ token: string; id: string }> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: bearer(adminToken),
    payload: { displayName: user.username, password: ONE_TIME_PASSWORD, posts: [], ...user },
  });
  if (response.statusCode !== 201) throw new Error(`creating ${user.username} failed: ${response.body}`);
  const id = (response.json() as { user: { id: string } }).user.id;
  const token = await login(testApp, user.username, ONE_TIME_PASSWORD);
  const changed = await testApp.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: bearer(token),
    payload: { currentPassword: ONE_TIME_PASSWORD, newPassword: PASSWORD },
  });
  if (changed.statusCode !== 200) throw new Error(`${user.username} could not replace the one-time password: ${changed.body}`);
  return { token, id };
}

/** Creates a post with one lane through the API. */
export async function createPost(
  testApp: TestApp,
  adminToken: string,
  post: { code: string; name: string; side?: 'PK' | 'AF'; timeZone?: string; lanes?: string[] },
): Promise<void> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/posts',
    headers: bearer(adminToken),
    payload: { side: 'PK', timeZone: 'Asia/Karachi', code: post.code, name: post.name },
  });
  if (response.statusCode !== 201) throw new Error(`creating post ${post.code} failed: ${response.body}`);
  for (const lane of post.lanes ?? []) {
    const created = await testApp.app.inject({
      method: 'POST',
      url: `/api/posts/${post.code}/lanes`,
      headers: bearer(adminToken),
      payload: { code: lane, name: `Counter ${lane}`, direction: 'both' },
    });
    if (created.statusCode !== 201) throw new Error(`creating lane ${lane} failed: ${created.body}`);
  }
}
