/**
 * `sarhad admin create --username u --role r [--role r2] [--post TKM ...|--all-posts]`: creates an account straight
 * in the database (no sign-in: whoever runs it holds the data directory or the database credentials) and prints a
 * generated password once. The creation is audited as `user.created` by `system`.
 */
import type { Command } from 'commander';
import { CliError } from '../errors.js';

interface CreateOptions {
  username: string;
  role: string[];
  post: string[];
  allPosts?: boolean;
  displayName?: string;
  dataDir?: string;
  json?: boolean;
}

/** Commander collector for repeatable options; also splits `a,b`. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];
}

export function register(program: Command): void {
  const admin = program.command('admin').description('manage accounts from the server console');
  admin
    .command('create')
    .description('create a user with a generated one-time password, printed once')
    .requiredOption('--username <name>', 'login name: 3 to 64 of a-z, 0-9, dot, underscore, hyphen')
    .option('--role <role>', 'a role (repeat or comma-separate for several): officer, enrolment_officer, supervisor, analyst, watchlist_manager, admin, auditor', collect, [])
    .option('--post <code>', 'a post the user is granted (repeat or comma-separate)', collect, [])
    .option('--all-posts', 'headquarters: every post, present and future')
    .option('--display-name <name>', 'name shown in the interface (default: the username)')
    .option('--data-dir <dir>', 'data directory holding sarhad.sqlite (default: $SARHAD_DATA_DIR or ./.sarhad)')
    .option('--json', 'print {user, password} as JSON')
    .action(async (options: CreateOptions) => {
      if (options.role.length === 0) throw new CliError('CLI_INVALID_OPTION', '--role is required (at least one role)');
      if (options.post.length === 0 && !options.allPosts) {
        throw new CliError('CLI_INVALID_OPTION', 'give --post <code> (one or more) or --all-posts');
      }
      if (options.post.length > 0 && options.allPosts) {
        throw new CliError('CLI_INVALID_OPTION', '--post and --all-posts exclude each other');
      }
      // Loaded here: the server package takes over a second to load and other verbs never need it.
      const { loadConfig, openDatabase, createUserFromConsole, systemClock } = await import('@sarhad/server');
      const config = loadConfig(process.env, process.cwd(), { dataDir: options.dataDir });
      const database = await openDatabase(config.database, { mustExist: true });
      try {
        const { user, password } = await createUserFromConsole(
          { database, config, clock: systemClock },
          {
            username: options.username,
            displayName: options.displayName,
            roles: options.role,
            posts: options.post,
            allPosts: options.allPosts ?? false,
          },
        );
        if (options.json) console.log(JSON.stringify({ user, password }));
        else {
          const where = user.allPosts ? 'all posts' : `posts ${user.posts.join(', ')}`;
          console.log(`Created ${user.username} (${user.roles.join(', ')}; ${where}).`);
          console.log(`One-time password (shown only now; change it after signing in): ${password}`);
        }
      } finally {
        await database.close();
      }
    });
}
