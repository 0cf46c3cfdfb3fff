import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileWatchlistStore } from '../src/store/file-watchlist-store.js';
import { resolveDataDir } from '../src/store/data-dir.js';
import { isScreeningError } from '../src/errors.js';
import { runStoreConformance, listOf } from './store-conformance.js';

async function scratchDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sarhad-store-'));
}

runStoreConformance('file store', async (now) => {
  const dataDir = await scratchDir();
  return { store: new FileWatchlistStore({ dataDir, now }), dispose: () => rm(dataDir, { recursive: true, force: true }) };
});

test('the file store keeps versions under watchlists/<source> and leaves no temporary files', async () => {
  const dataDir = await scratchDir();
  try {
    const store = new FileWatchlistStore({ dataDir });
    const saved = await store.save(listOf('un', 'a', ['1']));
    const files = await readdir(join(dataDir, 'watchlists', 'un'));
    assert.equal(files.length, 2);
    assert.ok(files.includes(`${saved.id}.version.json`));
    assert.ok(files.every((f) => !f.includes('.tmp-')));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the file store ignores an entries file whose version was never committed', async () => {
  const dataDir = await scratchDir();
  try {
    const store = new FileWatchlistStore({ dataDir });
    const saved = await store.save(listOf('un', 'a', ['1']));
    // What a crash between writing the entries and the version file leaves behind.
    await writeFile(join(dataDir, 'watchlists', 'un', 'bbbbbbbbbbbb-000000000000.entries.json'), '[{"id":"half');
    await writeFile(join(dataDir, 'watchlists', 'un', 'x.version.json.tmp-1-abcd'), '{');
    assert.deepEqual((await store.listVersions()).map((v) => v.id), [saved.id]);
    assert.equal((await store.loadLatest('un'))?.entries.length, 1);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the file store reports an entries file altered after saving as corrupt', async () => {
  const dataDir = await scratchDir();
  try {
    const store = new FileWatchlistStore({ dataDir });
    await store.save(listOf('un', 'a', ['1', '2']));
    const dir = join(dataDir, 'watchlists', 'un');
    const entriesFile = (await readdir(dir)).find((f) => f.endsWith('.entries.json'))!;
    const text = await readFile(join(dir, entriesFile), 'utf8');
    await writeFile(join(dir, entriesFile), text.replace('Person 2', 'Person 3'));
    await assert.rejects(store.loadLatest('un'), (e: unknown) => isScreeningError(e, 'SCREENING_STORE_CORRUPT'));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the file store reports a damaged version file as corrupt', async () => {
  const dataDir = await scratchDir();
  try {
    const store = new FileWatchlistStore({ dataDir });
    const saved = await store.save(listOf('un', 'a', ['1']));
    await writeFile(join(dataDir, 'watchlists', 'un', `${saved.id}.version.json`), '{"format":1');
    await assert.rejects(store.listVersions(), (e: unknown) => isScreeningError(e, 'SCREENING_STORE_CORRUPT'));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the file store reports a data directory it cannot write as a store error', async () => {
  const dataDir = await scratchDir();
  try {
    // A file where the directory should be.
    await writeFile(join(dataDir, 'watchlists'), 'not a directory');
    const store = new FileWatchlistStore({ dataDir });
    await assert.rejects(store.save(listOf('un', 'a', ['1'])), (e: unknown) => isScreeningError(e, 'SCREENING_STORE_IO'));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a save never goes back in time when the clock does', async () => {
  const dataDir = await scratchDir();
  try {
    let clock = Date.UTC(2026, 0, 2);
    const store = new FileWatchlistStore({ dataDir, now: () => new Date(clock) });
    const first = await store.save(listOf('un', 'a', ['1']));
    clock = Date.UTC(2025, 0, 1);
    const second = await store.save(listOf('un', 'b', ['2']));
    assert.ok(second.savedAt >= first.savedAt);
    assert.equal((await store.loadLatest('un'))?.version.id, second.id);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the data directory is --data-dir, else SARHAD_DATA_DIR, else .sarhad in the working directory', () => {
  assert.equal(resolveDataDir('lists', { SARHAD_DATA_DIR: '/env' }, '/work'), '/work/lists');
  assert.equal(resolveDataDir(undefined, { SARHAD_DATA_DIR: '/env' }, '/work'), '/env');
  assert.equal(resolveDataDir(undefined, { SARHAD_DATA_DIR: '' }, '/work'), '/work/.sarhad');
  assert.equal(resolveDataDir(undefined, {}, '/work'), '/work/.sarhad');
});
