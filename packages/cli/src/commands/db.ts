/**
 * `sarhad db migrate [--data-dir d]`: brings the database (SQLite in the data directory, created if missing, or
 * PostgreSQL from DATABASE_URL) to the latest schema and lists every migration with when it was applied.
 * `sarhad serve` migrates at every start too; this verb is for upgrading ahead of a start or checking a database.
 */
import type { Command } from 'commander';

interface MigrateOptions {
  dataDir?: string;
  json?: boolean;
}

export function register(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations and list them all')
    .option('--data-dir <dir>', 'data directory for sarhad.sqlite (default: $SARHAD_DATA_DIR or ./.sarhad)')
    .option('--json', 'print {database, applied, migrations} as JSON')
    .action(async (options: MigrateOptions) => {
      // Loaded here: the server package takes over a second to load and other verbs never need it.
      const { loadConfig, openDatabase, migrateToLatest, listMigrations } = await import('@sarhad/server');
      const config = loadConfig(process.env, process.cwd(), { dataDir: options.dataDir });
      const database = await openDatabase(config.database);
      try {
        const applied = await migrateToLatest(database);
        const migrations = await listMigrations(database);
        if (options.json) {
          console.log(JSON.stringify({ database: database.description, applied, migrations }));
          return;
        }
        console.log(`Database: ${database.description}`);
        for (const m of migrations) {
          const state = applied.includes(m.name) ? 'applied now' : m.appliedAt ? `applied ${m.appliedAt}` : 'pending';
          console.log(`  ${m.name.padEnd(28)} ${state}`);
        }
        console.log(applied.length ? `${applied.length} applied now.` : 'Already up to date.');
      } finally {
        await database.close();
      }
    });
}
