import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/sarhad.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'sarhad-cli-serve-'));
const dataDir = join(home, 'data');
// A fresh machine: no PostgreSQL configured, nothing in the environment pointing at Sarhad settings.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('SARHAD_')));
after(() => rmSync(home, { recursive: true, force: true }));

const STARTUP_TIMEOUT_MS = 60_000; // tsx compiles the sources on a cold cache

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly token: string | undefined;
  readonly stdout: () => string;
}

/** Starts `sarhad serve --port 0` and waits for its banner. */
function serve(): Promise<Started> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], { cwd: home, env });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no banner within ${STARTUP_TIMEOUT_MS} ms\nstdout: ${out}\nstderr: ${err}`));
    }, STARTUP_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      // The banner is written in one piece: once the URL and the database line are in, so is any token.
      if (url && /Database: /.test(out)) {
        clearTimeout(timer);
        resolve({ child, url, token: /Setup token: (\S+)/.exec(out)?.[1], stdout: () => out });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sarhad serve exited with ${code}\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function call(url: string, method: string, body?: object, token?: string): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(url, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: response.status === 204 ? undefined : await response.json() };
}

test('sarhad serve on a fresh machine creates the SQLite database, prints the URL and a setup token, and serves HTTP', async () => {
  const server = await serve();
  try {
    assert.match(server.stdout(), /Database: SQLite .*sarhad\.sqlite/);
    assert.ok(existsSync(join(dataDir, 'sarhad.sqlite')));
    assert.match(server.token ?? '', /^sarhad_setup_/);

    const health = await call(`${server.url}/api/health`, 'GET');
    assert.equal(health.status, 200);
    assert.equal(health.json.database, 'sqlite');

    const setup = await call(`${server.url}/api/setup`, 'POST', {
      token: server.token,
      username: 'admin',
      displayName: 'Administrator',
      password: 'a long enough passphrase',
    });
    assert.equal(setup.status, 201, JSON.stringify(setup.json));
    const signedIn = await call(`${server.url}/api/auth/login`, 'POST', { username: 'admin', password: 'a long enough passphrase' });
    assert.equal(signedIn.status, 200);
    const post = await call(`${server.url}/api/posts`, 'POST', { code: 'TKM', name: 'Torkham', side: 'PK', timeZone: 'Asia/Karachi' }, signedIn.json.token);
    assert.equal(post.status, 201);
  } finally {
    assert.equal(await stop(server.child), 0);
  }
});

test('a second start keeps the data and prints no setup token once an administrator exists', async () => {
  const server = await serve();
  try {
    assert.equal(server.token, undefined);
    assert.doesNotMatch(server.stdout(), /setup token/i);
    const signedIn = await call(`${server.url}/api/auth/login`, 'POST', { username: 'admin', password: 'a long enough passphrase' });
    const posts = await call(`${server.url}/api/posts`, 'GET', undefined, signedIn.json.token);
    assert.deepEqual(posts.json.posts.map((p: { code: string }) => p.code), ['TKM']);
  } finally {
    assert.equal(await stop(server.child), 0);
  }
});

test('the audit log the server wrote verifies with sarhad audit verify', () => {
  const run = spawnSync(process.execPath, [bin, 'audit', 'verify', '--data-dir', dataDir, '--json'], { encoding: 'utf8', env });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { ok: boolean; entries: number };
  assert.equal(result.ok, true);
  assert.ok(result.entries >= 5, `expected setup, user, logins and post entries, got ${result.entries}`);
});

test('sarhad serve refuses an invalid port with CONFIG_INVALID and exits 1', () => {
  const run = spawnSync(process.execPath, [bin, 'serve', '--port', '99999', '--data-dir', join(home, 'unused')], { encoding: 'utf8', env });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /CONFIG_INVALID: invalid configuration: SARHAD_PORT/);
  assert.ok(!existsSync(join(home, 'unused')), 'no data directory is created for a configuration that fails');
});
