/**
 * Starts the server: opens the configured database (creating the SQLite file on first run), applies migrations,
 * issues a first-run setup token when no administrator exists, and listens. `sarhad serve` calls `startServer`;
 * running this file directly (`npx tsx packages/server/src/main.ts`) does the same from the environment.
 */
import { pathToFileURL } from 'node:url';
import { pino, type Logger } from 'pino';
import { build } from './app.js';
import { systemClock, type Clock } from './clock.js';
import { loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import * as setupService from './services/setup-service.js';
import { loadAuditSigningKey } from './services/audit-signing-service.js';
import { startRetentionJob } from './services/retention-job.js';
import { createGallery } from './services/galleries.js';

export interface RunningServer {
  /** Where the API listens, e.g. `http://127.0.0.1:4400`. */
  readonly url: string;
  readonly database: Database;
  /** The one-time first-run token, when no administrator exists yet. */
  readonly setupToken: string | undefined;
  /** Migrations applied at this start. */
  readonly migrations: readonly string[];
  /** Stops listening, waits for requests in flight, closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
  /** Write the default logger's JSON lines to stderr instead of stdout (keeps stdout for a banner). */
  readonly logToStderr?: boolean;
  readonly clock?: Clock;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel }, pino.destination(options.logToStderr ? 2 : 1));
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config.database);
  try {
    const migrations = await migrateToLatest(database);
    // Generated on first start (data directory, mode 0600), so the public key can be handed to auditors at once.
    const auditSigningKey = loadAuditSigningKey(config);
    // Shared by the API and the retention job, which drops purged travellers from it.
    const gallery = createGallery(database.db, config, undefined, logger);
    const app = build({ database, clock, logger, config, auditSigningKey, gallery });
    const ctx = { db: database.db, dialect: database.dialect, clock, config, logger };
    const setupToken = await setupService.issueSetupToken(ctx);
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const retention = startRetentionJob({ db: database.db, clock, config, logger, auditKey: () => auditSigningKey, gallery });
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${host}:${port}`,
      database,
      setupToken,
      migrations,
      close: async () => {
        await retention.stop();
        await app.close();
        await gallery.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startServer(loadConfig(process.env, process.cwd()));
  console.log(`Sarhad listening on ${server.url} (${server.database.description})`);
  if (server.setupToken) console.log(`First-run setup token: ${server.setupToken}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close());
}
