/** Builds the application in-process over a test database, with a silent logger and a manual clock. */
import { pino } from 'pino';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { build } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';

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
