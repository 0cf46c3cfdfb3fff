#!/usr/bin/env node
// Browser journeys of the web UI (packages/web/e2e/*.e2e.ts). Builds the UI, starts a real `sarhad serve` on a
// free port over a fresh data directory (SQLite; PostgreSQL in a fresh schema when DATABASE_URL is set), and runs
// the journeys with node:test in one process after another, in file-name order (the first journey performs the
// first-run setup through the browser). The browser is Debian's Chromium at /usr/bin/chromium, driven by
// playwright-core; no browser is ever downloaded. Screenshots of every journey go to screenshots/ (git-ignored).
//
//   npm run test:e2e                          # all journeys
//   node scripts/run-e2e.mjs analyst          # journeys whose file name contains "analyst"
//   SARHAD_CHROMIUM=/path/to/chromium npm run test:e2e
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout, clearTimeout } from 'node:timers';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const chromium = process.env.SARHAD_CHROMIUM || '/usr/bin/chromium';
const STARTUP_TIMEOUT_MS = 90_000; // tsx compiles the server on a cold cache, on a busy machine

if (!existsSync(chromium)) {
  console.log(
    `\nBrowser journeys skipped: no Chromium at ${chromium}.\n` +
      'Install Debian\'s Chromium (sudo apt-get install chromium) or point SARHAD_CHROMIUM at a Chromium binary, then run\n' +
      '`npm run test:e2e`. CI installs it and runs them.\n',
  );
  process.exit(0);
}

const e2eDir = join(root, 'packages', 'web', 'e2e');
const filters = process.argv.slice(2);
const files = readdirSync(e2eDir)
  .filter((name) => name.endsWith('.e2e.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort()
  .map((name) => join(e2eDir, name));
if (files.length === 0) {
  console.error(`no journeys match ${filters.join(' ')}`);
  process.exit(1);
}

// The journeys test the UI as it is in the work tree, not a stale build.
const build = spawnSync('npm', ['run', 'build', '-w', '@sarhad/web', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const home = mkdtempSync(join(tmpdir(), 'sarhad-e2e-'));
const screenshots = join(root, 'screenshots');
mkdirSync(screenshots, { recursive: true });

// A clean environment for the server: nothing from the caller's Sarhad settings leaks in.
const serverEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SARHAD_')));
serverEnv.SARHAD_LOG_LEVEL = 'warn';
let pgSchema;
if (process.env.DATABASE_URL) {
  pgSchema = `e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  serverEnv.SARHAD_DB_SCHEMA = pgSchema;
}

/** Starts `sarhad serve --port 0` and resolves with its URL and setup token once the banner is out. */
function serve() {
  const child = spawn(
    process.execPath,
    [join(root, 'packages', 'cli', 'bin', 'sarhad.js'), 'serve', '--port', '0', '--data-dir', join(home, 'data')],
    { cwd: home, env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sarhad serve printed no banner within ${STARTUP_TIMEOUT_MS} ms\n${out}\n${err}`));
    }, STARTUP_TIMEOUT_MS);
    child.stderr.on('data', (chunk) => {
      err += chunk.toString();
      if (err.length > 200_000) err = err.slice(-100_000);
    });
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url && /Database: /.test(out)) {
        clearTimeout(timer);
        resolvePromise({ child, url, token: /Setup token: (\S+)/.exec(out)?.[1], stderr: () => err, stdout: () => out });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sarhad serve exited with ${code}\n${out}\n${err}`));
    });
  });
}

function stop(child) {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null) return resolvePromise(child.exitCode);
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolvePromise(code));
    child.kill('SIGTERM');
  });
}

async function dropSchema() {
  if (!pgSchema) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${pgSchema}" cascade`);
  } finally {
    await client.end();
  }
}

let status = 1;
let server;
try {
  server = await serve();
  console.log(`e2e: sarhad serve at ${server.url} (${/Database: (.*)/.exec(server.stdout())?.[1]}); Chromium ${chromium}`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        SARHAD_E2E_URL: server.url,
        SARHAD_E2E_SETUP_TOKEN: server.token ?? '',
        SARHAD_E2E_SCREENSHOTS: screenshots,
        SARHAD_CHROMIUM: chromium,
      },
    },
  );
  status = result.status ?? 1;
  if (status !== 0) {
    const tail = server.stderr().split('\n').filter((l) => /"level":(40|50|60)/.test(l)).slice(-20);
    if (tail.length) console.error(`\nserver warnings and errors:\n${tail.join('\n')}`);
  }
  console.log(`e2e: screenshots in ${screenshots}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  status = 1;
} finally {
  if (server) await stop(server.child);
  await dropSchema().catch((error) => console.error(`e2e: could not drop schema ${pgSchema}: ${error.message}`));
  rmSync(home, { recursive: true, force: true });
}
process.exit(status);
