/**
 * The behaviour every {@link WatchlistStore} must show, as one suite run against each implementation (the file
 * store here; the server's database store will call it too), in the way Kysely runs its suites over every dialect.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WatchlistStore } from '../src/store/watchlist-store.js';
import type { WatchlistEntry, ListSource } from '../src/entry.js';
import type { VersionedEntries } from '../src/versions/diff-versions.js';

/** Builds a fresh, empty store for one test; `now` is the clock the store must use for savedAt. */
export type StoreFactory = (now: () => Date) => Promise<{ store: WatchlistStore; dispose: () => Promise<void> }>;

function entry(id: string, source: ListSource): WatchlistEntry {
  return {
    id,
    source,
    kind: 'individual',
    listType: 'test',
    names: [{ full: `Person ${id}`, parts: ['Person', id], kind: 'primary', quality: 'good' }],
    titles: [],
    datesOfBirth: [{ kind: 'between', fromYear: 1960, toYear: 1962 }],
    nationalities: ['AFG'],
    documents: [{ kind: 'passport', number: `P ${id}`, country: 'AFG' }],
    remarks: 'ünïcödé and "quotes"',
  };
}

/** A list of `ids` from `source` whose content hash is `hash`. */
export function listOf(source: ListSource, hash: string, ids: readonly string[]): VersionedEntries {
  const entries = ids.map((id) => entry(id, source));
  return {
    version: { source, format: source === 'national' ? 'csv' : source, contentHash: hash.repeat(64).slice(0, 64), entryCount: entries.length, files: ['list'] },
    entries,
  };
}

/** Registers the conformance tests for one implementation. */
export function runStoreConformance(name: string, makeStore: StoreFactory): void {
  const withStore = async (body: (store: WatchlistStore, tick: () => void) => Promise<void>): Promise<void> => {
    let clock = Date.UTC(2026, 4, 8, 12, 0, 0);
    const { store, dispose } = await makeStore(() => new Date(clock));
    try {
      await body(store, () => {
        clock += 1000;
      });
    } finally {
      await dispose();
    }
  };

  test(`${name}: an empty store has no versions and no latest list`, () =>
    withStore(async (store) => {
      assert.deepEqual(await store.listVersions(), []);
      assert.equal(await store.loadLatest('un'), undefined);
    }));

  test(`${name}: loads back exactly the entries it saved, with the version`, () =>
    withStore(async (store) => {
      const list = listOf('un', 'a', ['QDi.1', 'TAi.2']);
      const saved = await store.save(list);
      assert.equal(saved.source, 'un');
      assert.equal(saved.contentHash, list.version.contentHash);
      assert.equal(saved.entryCount, 2);
      assert.equal(saved.savedAt, '2026-05-08T12:00:00.000Z');
      const latest = await store.loadLatest('un');
      assert.deepEqual(latest?.version, saved);
      assert.deepEqual(latest?.entries, list.entries);
    }));

  test(`${name}: the latest version of a source is the last one saved, whatever the other sources do`, () =>
    withStore(async (store, tick) => {
      await store.save(listOf('un', 'a', ['1']));
      tick();
      const second = await store.save(listOf('un', 'b', ['1', '2']));
      tick();
      await store.save(listOf('ofac', 'c', ['9']));
      assert.equal((await store.loadLatest('un'))?.version.id, second.id);
      assert.deepEqual((await store.loadLatest('ofac'))?.entries.map((e) => e.id), ['9']);
      assert.equal(await store.loadLatest('national'), undefined);
    }));

  test(`${name}: lists versions oldest first, for one source or all`, () =>
    withStore(async (store, tick) => {
      const a = await store.save(listOf('un', 'a', ['1']));
      tick();
      const b = await store.save(listOf('national', 'b', ['N1']));
      tick();
      const c = await store.save(listOf('un', 'c', ['1', '2']));
      assert.deepEqual((await store.listVersions()).map((v) => v.id), [a.id, b.id, c.id]);
      assert.deepEqual((await store.listVersions('un')).map((v) => v.id), [a.id, c.id]);
    }));

  test(`${name}: saving the same content twice at the same instant keeps two distinct versions`, () =>
    withStore(async (store) => {
      const first = await store.save(listOf('un', 'a', ['1']));
      const second = await store.save(listOf('un', 'a', ['1']));
      assert.notEqual(first.id, second.id);
      assert.equal((await store.listVersions('un')).length, 2);
      assert.equal((await store.loadLatest('un'))?.version.id, second.id);
    }));

  test(`${name}: concurrent saves all land as distinct versions`, () =>
    withStore(async (store) => {
      const saved = await Promise.all(['a', 'a', 'b', 'a'].map((hash, i) => store.save(listOf('ofac', hash, [String(i)]))));
      assert.equal(new Set(saved.map((v) => v.id)).size, 4);
      assert.equal((await store.listVersions('ofac')).length, 4);
    }));
}
