/**
 * `sarhad demo [--seed n] [--travellers n] [--data-dir dir]`: loads the demo post into the configured database (the
 * SQLite file in the data directory, or DATABASE_URL): five posts with lanes and scanners, one account per role with
 * a one-time password printed once, a stop list, synthetic travellers enrolled through the real services (with a
 * progress bar), duplicate enrolments to adjudicate and a history with overstays. Running it again refuses with
 * DEMO_ALREADY_LOADED; an interrupted run resumes where it stopped with the same seed and size.
 *
 * Load before `sarhad serve` (a running server's 1:N gallery sees the new fingers only after a restart), or choose
 * the demo at first-run setup, which loads inside the server.
 */
import type { Command } from 'commander';
import { positiveInteger } from '../option-parsers.js';
import { startProgress } from '../progress.js';

interface DemoOptions {
  seed?: number;
  travellers?: number;
  dataDir?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('load the demo post (posts, accounts, synthetic travellers, watchlist, history) into the database')
    .option('--seed <n>', 'population seed (1..50000; default 7): the same seed gives the same people', positiveInteger('--seed'))
    .option('--travellers <n>', 'travellers to enrol (50..20000; default 2000: about 3 min of 1:N searches)', positiveInteger('--travellers'))
    .option('--data-dir <dir>', 'data directory holding sarhad.sqlite (default: $SARHAD_DATA_DIR or ./.sarhad)')
    .option('--json', 'print {accounts, summary} as JSON at the end')
    .action(async (options: DemoOptions) => {
      // Loaded here: the server package takes over a second to load and other verbs never need it.
      const { loadConfig, openDatabase, migrateToLatest, loadDemoFromConsole, systemClock } = await import('@sarhad/server');
      const config = loadConfig(process.env, process.cwd(), { dataDir: options.dataDir });
      const database = await openDatabase(config.database);
      try {
        await migrateToLatest(database);
        let accounts: readonly { username: string; roles: readonly string[]; posts: readonly string[] | 'all'; password: string | null }[] = [];
        let bar: ReturnType<typeof startProgress> | undefined;
        const summary = await loadDemoFromConsole(
          { database, config, clock: systemClock },
          { seed: options.seed, travellers: options.travellers },
          {
            onAccounts: (created) => {
              accounts = created;
              if (options.json) return;
              console.log('Demo accounts (one-time passwords, shown only now; each must be changed at first sign-in):');
              for (const a of created) {
                const where = a.posts === 'all' ? 'all posts' : a.posts.join(', ');
                console.log(`  ${a.username.padEnd(16)} ${a.roles.join(', ').padEnd(18)} ${where.padEnd(24)} ${a.password ?? '(existed already; password unchanged)'}`);
              }
            },
            onProgress: (progress) => {
              bar ??= startProgress('demo', progress.total);
              bar.update(progress.done);
            },
          },
        );
        bar?.stop();
        if (options.json) {
          console.log(JSON.stringify({ accounts, summary }));
          return;
        }
        console.log(
          `Demo loaded (seed ${summary.seed}): ${summary.enrolled} travellers enrolled, ${summary.duplicateCases} duplicate enrolments to adjudicate, ` +
            `${summary.historyCrossings} past crossings, a stop list of ${summary.watchlistEntries} entries.`,
        );
      } finally {
        await database.close();
      }
    });
}
