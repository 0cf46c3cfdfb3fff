/**
 * Watchlist versions in the database: the server's implementation of screening's {@link WatchlistStore} (the
 * command line keeps the same versions in files). Checked by screening's conformance suite
 * (test/watchlist-store.test.ts). A version and its entries are written in one transaction, so a reader sees all
 * of a version or none of it.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ListSource, StoredList, StoredVersion, VersionedEntries, WatchlistEntry, WatchlistStore } from '@sarhad/screening';
import type { DB, WatchlistVersionsTable } from '../db/schema.js';
import { isUniqueViolation } from '../db/errors.js';

type VersionRow = Selectable<WatchlistVersionsTable>;

/** Entries inserted per statement (well under SQLite's 32,766 bound parameters). */
const INSERT_BATCH = 500; // rows
/** Attempts at a sequence number when concurrent saves race for the same one. */
const SAVE_ATTEMPTS = 20;

function toVersion(row: VersionRow): StoredVersion {
  return {
    source: row.source as ListSource,
    format: row.format as StoredVersion['format'],
    contentHash: row.content_hash,
    ...(row.generated_on !== null ? { generatedOn: row.generated_on } : {}),
    entryCount: row.entry_count,
    files: JSON.parse(row.files) as string[],
    id: row.id,
    savedAt: row.saved_at,
  };
}

/** The latest saved version of each source (by sequence). */
export async function latestVersionIds(db: Kysely<DB>): Promise<{ source: string; id: string }[]> {
  return db
    .selectFrom('watchlist_versions as v')
    .select(['v.source', 'v.id'])
    .where(({ eb, selectFrom }) => eb('v.seq', '=', selectFrom('watchlist_versions as w').select((w) => w.fn.max('w.seq').as('m')).whereRef('w.source', '=', 'v.source')))
    .orderBy('v.source')
    .execute();
}

/** A {@link WatchlistStore} over the server database; `now` is the clock stamped on saved versions. */
export class DatabaseWatchlistStore implements WatchlistStore {
  readonly #db: Kysely<DB>;
  readonly #now: () => Date;

  constructor(db: Kysely<DB>, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  async save(list: VersionedEntries): Promise<StoredVersion> {
    // Inside a caller's transaction (an import audited with it), the caller retries a lost race as a whole.
    if (this.#db.isTransaction) return this.#insert(this.#db, list);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#db.transaction().execute((trx) => this.#insert(trx, list));
      } catch (error) {
        // Two concurrent saves computed the same sequence number: the loser retries with the next one.
        if (!isUniqueViolation(error) || attempt >= SAVE_ATTEMPTS) throw error;
      }
    }
  }

  async #insert(trx: Kysely<DB>, list: VersionedEntries): Promise<StoredVersion> {
    const last = await trx.selectFrom('watchlist_versions').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    const row: VersionRow = {
      id: `${String(seq).padStart(10, '0')}-${randomBytes(4).toString('hex')}`,
      seq,
      source: list.version.source,
      format: list.version.format,
      content_hash: list.version.contentHash,
      generated_on: list.version.generatedOn ?? null,
      entry_count: list.version.entryCount,
      files: JSON.stringify(list.version.files),
      saved_at: this.#now().toISOString(),
    };
    await trx.insertInto('watchlist_versions').values(row).execute();
    for (let i = 0; i < list.entries.length; i += INSERT_BATCH) {
      const batch = list.entries.slice(i, i + INSERT_BATCH).map((entry, j) => ({ version_id: row.id, position: i + j, entry: JSON.stringify(entry) }));
      await trx.insertInto('watchlist_entries').values(batch).execute();
    }
    return toVersion(row);
  }

  async loadLatest(source: ListSource): Promise<StoredList | undefined> {
    const row = await this.#db.selectFrom('watchlist_versions').selectAll().where('source', '=', source).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (!row) return undefined;
    return { version: toVersion(row), entries: await this.loadEntries(row.id) };
  }

  /** The entries of one version, in saved order. */
  async loadEntries(versionId: string): Promise<WatchlistEntry[]> {
    const rows = await this.#db.selectFrom('watchlist_entries').select('entry').where('version_id', '=', versionId).orderBy('position').execute();
    return rows.map((r) => JSON.parse(r.entry) as WatchlistEntry);
  }

  /** A keyset page of versions in save order (seq), `limit + 1` of them after the sequence number `afterSeq`. */
  async listVersionsPage(limit: number, afterSeq: number): Promise<readonly StoredVersion[]> {
    const rows = await this.#db.selectFrom('watchlist_versions').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit + 1).execute();
    return rows.map(toVersion);
  }

  async listVersions(source?: ListSource): Promise<readonly StoredVersion[]> {
    let query = this.#db.selectFrom('watchlist_versions').selectAll().orderBy('seq');
    if (source) query = query.where('source', '=', source);
    return (await query.execute()).map(toVersion);
  }
}
