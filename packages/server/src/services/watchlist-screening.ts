/**
 * The screener the crossing uses: built from the latest stored version of every watchlist source and rebuilt when
 * a newer version appears (one small query per screening checks the latest version ids, so an import made by
 * another process is picked up too). It also reads the recorded "not the listed person" decisions about a traveller
 * (watchlist_suppressions), which the crossing applies to the hits: a decision holds for the entry's content hash it
 * was made on, so a new list version that changes the entry brings the alert back (@sarhad/screening suppression.ts).
 */
import type { Kysely } from 'kysely';
import { Screener, SuppressionSet, type Hit, type ListSource, type WatchlistEntry } from '@sarhad/screening';
import * as watchlistRepo from '../repositories/watchlist-repository.js';
import * as suppressionsRepo from '../repositories/suppressions-repository.js';
import type { DB } from '../db/schema.js';

/** Longest the screener's warm-up holds the event loop before letting requests through. */
const WARM_UP_SLICE_MS = 10;

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

  /**
   * The decisions recorded about a traveller, ready for the screener (one indexed read per screened traveller, so a
   * decision made by another process applies at once). No traveller: nothing can be suppressed.
   */
  async suppressionsFor(travellerId: string | undefined): Promise<SuppressionSet> {
    if (travellerId === undefined) return new SuppressionSet([]);
    const rows = await suppressionsRepo.listForTraveller(this.#db, travellerId);
    return new SuppressionSet(rows.map((r) => ({ travellerId: r.traveller_id, source: r.source as ListSource, entryId: r.entry_id, entryHash: r.entry_hash })));
  }

  async #build(versions: readonly { source: string; id: string }[]): Promise<CurrentScreener> {
    const store = new watchlistRepo.DatabaseWatchlistStore(this.#db, () => new Date());
    const entries: WatchlistEntry[] = [];
    for (const version of versions) entries.push(...(await store.loadEntries(version.id)));
    const screener = new Screener(entries);
    this.#current = { screener, versions };
    // Compile the matcher's hot paths now, after an import, rather than during the first travellers' crossings; a
    // few queries at a time, since the whole warm-up is seconds of CPU and every lane's requests share this thread.
    // Nothing waits for it: a query that failed here would fail, and be reported, when a crossing screens it, so a
    // failure must not become an unhandled rejection that stops the server.
    this.#warmUp(screener).catch(() => undefined);
    return this.#current;
  }

  async #warmUp(screener: Screener): Promise<void> {
    let sliceStart = performance.now();
    for (const query of screener.warmUpQueries()) {
      screener.screen(query);
      if (performance.now() - sliceStart >= WARM_UP_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        // A newer list version replaced this screener: warming the old one is wasted work.
        if (this.#current?.screener !== screener) return;
        sliceStart = performance.now();
      }
    }
  }
}

/** Hits split into those that alert and those a recorded decision suppresses for this traveller. */
export function partitionSuppressed(hits: readonly Hit[], travellerId: string | undefined, decisions: SuppressionSet): { alerting: Hit[]; suppressed: Hit[] } {
  const alerting: Hit[] = [];
  const suppressed: Hit[] = [];
  for (const hit of hits) (decisions.suppresses(travellerId, hit.source, hit.entryId, hit.entryHash) ? suppressed : alerting).push(hit);
  return { alerting, suppressed };
}
