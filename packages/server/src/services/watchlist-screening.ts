/**
 * The screener the crossing uses: built from the latest stored version of every watchlist source and rebuilt when
 * a newer version appears (one small query per screening checks the latest version ids, so an import made by
 * another process is picked up too).
 */
import type { Kysely } from 'kysely';
import { Screener, type WatchlistEntry } from '@sarhad/screening';
import * as watchlistRepo from '../repositories/watchlist-repository.js';
import type { DB } from '../db/schema.js';

/** The current screener and the list versions it was built from. */
export interface CurrentScreener {
  readonly screener: Screener;
  /** `{source, id}` of each version screened against. */
  readonly versions: readonly { readonly source: string; readonly id: string }[];
}

export class WatchlistScreening {
  readonly #db: Kysely<DB>;
  #current: CurrentScreener | undefined;
  #building: Promise<CurrentScreener> | undefined;

  constructor(db: Kysely<DB>) {
    this.#db = db;
  }

  /** The screener over the latest versions (built again only when a version changed). */
  async current(): Promise<CurrentScreener> {
    const latest = await watchlistRepo.latestVersionIds(this.#db);
    const key = latest.map((v) => v.id).join(',');
    if (this.#current && this.#current.versions.map((v) => v.id).join(',') === key) return this.#current;
    this.#building ??= this.#build(latest).finally(() => {
      this.#building = undefined;
    });
    return this.#building;
  }

  async #build(versions: readonly { source: string; id: string }[]): Promise<CurrentScreener> {
    const store = new watchlistRepo.DatabaseWatchlistStore(this.#db, () => new Date());
    const entries: WatchlistEntry[] = [];
    for (const version of versions) entries.push(...(await store.loadEntries(version.id)));
    const screener = new Screener(entries);
    // Compile the matcher's hot paths now, after an import, rather than during the first travellers' crossings.
    screener.warmUp();
    this.#current = { screener, versions };
    return this.#current;
  }
}
