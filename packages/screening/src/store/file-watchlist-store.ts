/**
 * A {@link WatchlistStore} in a directory: `<dataDir>/watchlists/<source>/<id>.version.json` holds a version's
 * metadata, the name of its entries file and that file's SHA-256. Every file is written to a temporary name and
 * flushed to disk before it gets its final name, and the version file comes last: it is the commit marker, so a
 * crash mid-save leaves at most a stray entries file that no reader looks at, never a half-written version. The
 * version file is put in place with link(2), which fails if the name exists, so two imports racing for the same id
 * cannot overwrite each other: the loser takes the next id.
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LIST_SOURCES, type ListSource, type WatchlistEntry } from '../entry.js';
import { ScreeningError } from '../errors.js';
import type { VersionedEntries } from '../versions/diff-versions.js';
import type { StoredList, StoredVersion, WatchlistStore } from './watchlist-store.js';

/** What a version file holds besides the version itself. */
interface VersionFile {
  readonly format: 1;
  readonly version: StoredVersion;
  /** The entries file's name in the same directory. */
  readonly entriesFile: string;
  /** SHA-256 (hex) of the entries file's bytes, checked on load. */
  readonly entriesSha256: string;
}

/** Options for {@link FileWatchlistStore}. */
export interface FileWatchlistStoreOptions {
  readonly dataDir: string;
  /** The clock, for savedAt (tests pass a fixed one). */
  readonly now?: () => Date;
}

const VERSION_SUFFIX = '.version.json';
const ENTRIES_SUFFIX = '.entries.json';

function storeError(action: string, path: string, cause: unknown): ScreeningError {
  return new ScreeningError('SCREENING_STORE_IO', `cannot ${action} ${path}: ${(cause as Error).message ?? String(cause)}`, { cause });
}

/** Writes data to a fresh temporary file next to `path` and flushes it; returns the temporary file's path. */
async function writeTemporary(path: string, data: string): Promise<string> {
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temporary;
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw storeError('write', path, cause);
  }
}

/** Writes a file atomically: temporary name, fsync, rename. */
async function writeAtomically(path: string, data: string): Promise<void> {
  const temporary = await writeTemporary(path, data);
  try {
    await rename(temporary, path);
  } catch (cause) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw storeError('write', path, cause);
  }
}

/**
 * Gives a written temporary file the name `path` unless that name exists: true when it did, false when the name
 * was taken. The temporary name is removed either way.
 */
async function linkExclusively(temporary: string, path: string): Promise<boolean> {
  try {
    await link(temporary, path);
    return true;
  } catch (cause) {
    if ((cause as { code?: unknown }).code === 'EEXIST') return false;
    throw storeError('write', path, cause);
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

/** Makes a rename durable across power loss by flushing the directory entry (not possible on every platform). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open directories; the rename is still atomic there, only its durability is the OS's call.
  }
}

/** `2026-05-08T23:00:06.922Z` -> `20260508T230006922Z`: sorts like the instant and is safe in file names. */
function compactInstant(iso: string): string {
  return iso.replace(/[-:.]/g, '');
}

/** A filesystem {@link WatchlistStore}. */
export class FileWatchlistStore implements WatchlistStore {
  readonly #root: string;
  readonly #now: () => Date;

  constructor(options: FileWatchlistStoreOptions) {
    this.#root = join(options.dataDir, 'watchlists');
    this.#now = options.now ?? (() => new Date());
  }

  #dir(source: ListSource): string {
    return join(this.#root, source);
  }

  async save(list: VersionedEntries): Promise<StoredVersion> {
    const dir = this.#dir(list.version.source);
    try {
      await mkdir(dir, { recursive: true });
    } catch (cause) {
      throw storeError('create', dir, cause);
    }
    const entriesJson = JSON.stringify(list.entries);
    const entriesSha256 = createHash('sha256').update(entriesJson, 'utf8').digest('hex');
    const entriesFile = `${list.version.contentHash.slice(0, 12)}-${randomBytes(6).toString('hex')}${ENTRIES_SUFFIX}`;
    await writeAtomically(join(dir, entriesFile), entriesJson);

    // Saves never go back in time, even if the clock does: ids must sort in save order.
    const latest = (await this.listVersions(list.version.source)).at(-1);
    let savedAt = this.#now().toISOString();
    if (latest !== undefined && savedAt < latest.savedAt) savedAt = latest.savedAt;
    const base = `${compactInstant(savedAt)}-${list.version.contentHash.slice(0, 12)}`;
    for (let n = 1; ; n += 1) {
      const id = n === 1 ? base : `${base}-${n}`;
      const version: StoredVersion = { ...list.version, id, savedAt, entryCount: list.entries.length };
      const versionFile: VersionFile = { format: 1, version, entriesFile, entriesSha256 };
      const path = join(dir, `${id}${VERSION_SUFFIX}`);
      const temporary = await writeTemporary(path, `${JSON.stringify(versionFile, null, 2)}\n`);
      if (await linkExclusively(temporary, path)) {
        await syncDirectory(dir);
        return version;
      }
    }
  }

  async loadLatest(source: ListSource): Promise<StoredList | undefined> {
    const latest = (await this.listVersions(source)).at(-1);
    if (latest === undefined) return undefined;
    const file = await this.#readVersionFile(source, `${latest.id}${VERSION_SUFFIX}`);
    const path = join(this.#dir(source), file.entriesFile);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (cause) {
      throw storeError('read', path, cause);
    }
    if (createHash('sha256').update(text, 'utf8').digest('hex') !== file.entriesSha256) {
      throw new ScreeningError('SCREENING_STORE_CORRUPT', `${path} does not match the SHA-256 recorded in its version file`);
    }
    let entries: unknown;
    try {
      entries = JSON.parse(text);
    } catch (cause) {
      throw new ScreeningError('SCREENING_STORE_CORRUPT', `${path} is not JSON`, { cause });
    }
    if (!Array.isArray(entries) || entries.length !== latest.entryCount) {
      throw new ScreeningError('SCREENING_STORE_CORRUPT', `${path} does not hold the ${latest.entryCount} entries its version records`);
    }
    return { version: latest, entries: entries as WatchlistEntry[] };
  }

  async listVersions(source?: ListSource): Promise<readonly StoredVersion[]> {
    const sources = source === undefined ? LIST_SOURCES : [source];
    const versions: StoredVersion[] = [];
    for (const s of sources) {
      for (const name of await this.#versionFiles(s)) versions.push((await this.#readVersionFile(s, name)).version);
    }
    return versions.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async #versionFiles(source: ListSource): Promise<string[]> {
    const dir = this.#dir(source);
    try {
      return (await readdir(dir)).filter((name) => name.endsWith(VERSION_SUFFIX)).sort();
    } catch (cause) {
      if ((cause as { code?: unknown }).code === 'ENOENT') return [];
      throw storeError('list', dir, cause);
    }
  }

  async #readVersionFile(source: ListSource, name: string): Promise<VersionFile> {
    const path = join(this.#dir(source), name);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (cause) {
      throw storeError('read', path, cause);
    }
    try {
      const file = JSON.parse(text) as VersionFile;
      const v = file.version;
      if (
        file.format !== 1 ||
        typeof file.entriesSha256 !== 'string' ||
        typeof file.entriesFile !== 'string' ||
        !/^[0-9a-f]+-[0-9a-f]+\.entries\.json$/.test(file.entriesFile) ||
        typeof v?.id !== 'string' ||
        v.source !== source ||
        typeof v.savedAt !== 'string' ||
        typeof v.contentHash !== 'string' ||
        typeof v.entryCount !== 'number' ||
        `${v.id}${VERSION_SUFFIX}` !== name
      ) {
        throw new Error('fields missing or inconsistent with the file name');
      }
      return file;
    } catch (cause) {
      throw new ScreeningError('SCREENING_STORE_CORRUPT', `${path} is not a valid version file: ${(cause as Error).message}`, { cause });
    }
  }
}
