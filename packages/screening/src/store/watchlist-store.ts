/**
 * Where imported list versions are kept, so that the next import can report what changed. The interface is small
 * on purpose: the command line keeps versions in files (see file-watchlist-store.ts) and the server will keep them
 * in its database behind the same three methods.
 */
import type { ListSource, WatchlistEntry } from '../entry.js';
import type { ListVersion } from '../versions/list-version.js';
import type { VersionedEntries } from '../versions/diff-versions.js';

/** A version as stored: the list's version plus the store's id for it and when it was saved. */
export interface StoredVersion extends ListVersion {
  /** Unique within the store; sorts in save order within a source. */
  readonly id: string;
  /** ISO 8601 instant the version was saved. */
  readonly savedAt: string;
}

/** A stored version with its entries. */
export interface StoredList {
  readonly version: StoredVersion;
  readonly entries: readonly WatchlistEntry[];
}

/** Keeps every imported version of every list source. */
export interface WatchlistStore {
  /** Saves a new version (never overwrites one); a reader sees either all of it or none of it. */
  save(list: VersionedEntries): Promise<StoredVersion>;
  /** The most recently saved version of a source with its entries, or undefined before the first import. */
  loadLatest(source: ListSource): Promise<StoredList | undefined>;
  /** Saved versions, oldest first, of one source or of all. */
  listVersions(source?: ListSource): Promise<readonly StoredVersion[]>;
}
