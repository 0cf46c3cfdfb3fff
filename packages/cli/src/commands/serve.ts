/**
 * `sarhad serve`: runs the Sarhad API. With no DATABASE_URL it keeps everything in a SQLite file in the data
 * directory (created on first run), so a post's laptop needs nothing else installed. Prints the URL and, while no
 * administrator exists, the one-time setup token. Logs go to stderr as JSON lines; stdout carries only this banner.
 */
import type { Command } from 'commander';
import type { RunningServer } from '@sarhad/server';

interface ServeOptions {
  port?: string;
  host?: string;
  dataDir?: string;
}

function banner(server: RunningServer): string {
  const lines = [`Sarhad is listening on ${server.url}`, `Database: ${server.database.description}`];
  if (server.migrations.length) lines.push(`Migrations applied: ${server.migrations.join(', ')}`);
  if (server.setupToken) {
    const body = JSON.stringify({
      token: server.setupToken,
      username: 'admin',
      displayName: 'Administrator',
      password: '<at least 12 characters>',
    });
    lines.push(
      '',
      'No administrator exists yet. Create the first one with this one-time setup token',
      '(a new token is printed at every start until an administrator exists):',
      '',
      `  Setup token: ${server.setupToken}`,
      '',
      `Open ${server.url}/ in a browser: it asks for this token (first-run setup). Or from a shell:`,
      '',
      `  curl -X POST ${server.url}/api/setup -H 'content-type: application/json' -d '${body}'`,
      '',
    );
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('run the Sarhad API server (SQLite in the data directory unless DATABASE_URL is set)')
    .option('--port <port>', 'TCP port, 0 for any free port (default: $SARHAD_PORT or 4400)')
    .option('--host <host>', 'interface to listen on (default: $SARHAD_HOST or 127.0.0.1)')
    .option('--data-dir <dir>', 'where the SQLite database lives (default: $SARHAD_DATA_DIR or ./.sarhad)')
    .action(async (options: ServeOptions) => {
      // Loaded here, not at the top: the server package takes over a second to load and other verbs never need it.
      const { loadConfig, startServer } = await import('@sarhad/server');
      const config = loadConfig(process.env, process.cwd(), options);
      const server = await startServer(config, { logToStderr: true });
      console.log(banner(server));
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
      });
      console.log('Sarhad is shutting down.');
      await server.close();
    });
}
