import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../src/config.js';
import { isServerError } from '../src/errors.js';

test('defaults to port 4400 on loopback with a SQLite file under .sarhad in the working directory', () => {
  const config = loadConfig({}, '/srv/post');
  assert.equal(config.port, 4400);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.dataDir, '/srv/post/.sarhad');
  assert.deepEqual(config.database, { kind: 'sqlite', file: '/srv/post/.sarhad/sarhad.sqlite' });
  assert.equal(config.fingerprintMinAgeYears, 12);
  assert.equal(config.session.cookieSecure, false);
});

test('uses PostgreSQL when DATABASE_URL is set', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://u@db/sarhad' }, '/srv');
  assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://u@db/sarhad', schema: 'public' });
});

test('command-line overrides win over the environment', () => {
  const config = loadConfig({ SARHAD_PORT: '5000', SARHAD_DATA_DIR: '/a' }, '/srv', { port: '6000', dataDir: 'b' });
  assert.equal(config.port, 6000);
  assert.equal(config.dataDir, '/srv/b');
});

test('empty variables count as unset', () => {
  assert.equal(loadConfig({ SARHAD_PORT: '', DATABASE_URL: '' }, '/srv').database.kind, 'sqlite');
});

test('rejects an invalid port naming the variable', () => {
  assert.throws(
    () => loadConfig({ SARHAD_PORT: '70000' }, '/srv'),
    (error) => isServerError(error, 'CONFIG_INVALID') && /SARHAD_PORT/.test(error.message),
  );
});

test('secure cookies are on by default in production', () => {
  assert.equal(loadConfig({ NODE_ENV: 'production' }, '/srv').session.cookieSecure, true);
});

test('the configuration is frozen', () => {
  const config = loadConfig({}, '/srv');
  assert.ok(Object.isFrozen(config));
  assert.ok(Object.isFrozen(config.session));
  assert.throws(() => {
    (config as { port: number }).port = 1;
  }, TypeError);
});

test('extraction workers: one per core unless SARHAD_EXTRACTION_WORKERS says; 0 is refused naming the variable', () => {
  assert.equal(loadConfig({}, '/srv').extraction.workers, undefined);
  assert.equal(loadConfig({ SARHAD_EXTRACTION_WORKERS: '3' }, '/srv').extraction.workers, 3);
  assert.throws(
    () => loadConfig({ SARHAD_EXTRACTION_WORKERS: '0' }, '/srv'),
    (error) => isServerError(error, 'CONFIG_INVALID') && /SARHAD_EXTRACTION_WORKERS/.test(error.message),
  );
});
