/**
 * The candidate index: which listed names could match a query, found by key lookup instead of a scan of every
 * name. Each listed token is posted under its phonetic key (phonetic-key.ts) and under the keys one deletion away,
 * so a query token reaches names whose key is equal or one class edit away (SymSpell). Names are ranked by the
 * weights of the query tokens that reached them, against the weight of the query and of what the query left of
 * them, and only the best `limit` are scored in full.
 *
 * Token weights come from here too: the inverse document frequency of the token's key over all indexed names,
 * averaged with how common the name is in the general population (the learned model's name frequencies).
 */
import type { NameToken } from '../normalize/name-tokens.js';
import { deletionKeys, tokenKeys } from './phonetic-key.js';
import { TRANSLITERATION_MODEL } from '../model/transliteration-model.js';

/** How much a near (one-deletion) key hit counts against an exact key hit when ranking candidates. */
const NEAR_HIT = 0.7;
/**
 * Weight of a listed name's unreached part in the ranking. The name score discounts it by its share of the name
 * instead (name-similarity.ts); ranking by that share retrieved the same pairs on the dev set, so the cheaper
 * additive form stays.
 */
const UNREACHED_LISTED_WEIGHT = 0.4;
/** Shortest key posted under its one-deletion neighbours. */
const MIN_NEAR_KEY = 4;
/** Tokens weighing less than this are skipped in retrieval when the query has a heavier one. */
const COMMON_TOKEN_WEIGHT = 0.3;
/** Floor on token weight: even "Muhammad" says something. */
const MIN_WEIGHT = 0.1;
/**
 * Pseudo-count of a name in the population prior: below the smallest count of a variant group, so the rarest
 * counted names come out nearly as informative as names get, never infinitely so.
 */
const PRIOR_SMOOTHING = 5;

const FREQUENCIES = TRANSLITERATION_MODEL.nameFrequencies;
const LOG_PRIOR_RANGE = Math.log(FREQUENCIES.total / PRIOR_SMOOTHING);

/** -log of a count's smoothed relative frequency among the counted names, scaled so a count of 0 gives 1. */
function countInformativeness(count: number): number {
  const x = Math.log(FREQUENCIES.total / (count + PRIOR_SMOOTHING)) / LOG_PRIOR_RANGE;
  return Math.max(0, Math.min(1, x));
}

/**
 * Population informativeness of a name the frequency table does not count: the mean over the names it counts
 * (0.72). The table holds the commoner names that have an Arabic spelling (594 keys), not all names, so a name
 * missing from it is not known to be rare: Johnson and Jordan are among the commonest names in much of the world. Weighing them 1, as the rarest name, made an unlisted Western surname shared with one listed
 * name a strong match ("Matthew Johnson" against JOHNSON ANDRE 0.589, among the negatives that set the threshold).
 * The table's mean is the neutral prior: what a name is expected to tell when nothing is known of it. The median
 * (0.74) was the other candidate; on the dev pairs the mean lost no pair and the median two (MATCHING.md, section 3).
 */
const UNCOUNTED_INFORMATIVENESS = ((): number => {
  const counts = Object.values(FREQUENCIES.counts);
  let sum = 0;
  for (const count of counts) sum += countInformativeness(count);
  return counts.length === 0 ? 1 : sum / counts.length;
})();

/**
 * How informative a name with this key is in the general population, in [0, 1]: -log of its smoothed relative
 * frequency among the counted names (the learned model's nameFrequencies); a name not counted gets the counted
 * names' mean (UNCOUNTED_INFORMATIVENESS). Smith 0.36, Muhammad 0.43, Qasim 0.75, Johnson 0.72.
 */
export function populationInformativeness(key: string): number {
  const count = FREQUENCIES.counts[key];
  return count === undefined ? UNCOUNTED_INFORMATIVENESS : countInformativeness(count);
}

/** One indexed name: the caller's ids plus its tokens. */
export interface IndexedName {
  readonly entryIndex: number;
  readonly nameIndex: number;
  readonly tokens: readonly NameToken[];
  /** A small group number (the screener's entry kind), so that a query can be restricted to one group. */
  readonly group?: number;
}

/** A retrieved name with its retrieval strength (sum of reaching tokens' weights). */
export interface Candidate {
  readonly nameId: number;
  readonly strength: number;
}

export class CandidateIndex {
  readonly names: readonly IndexedName[];
  readonly #exact = new Map<string, Int32Array>();
  readonly #near = new Map<string, Int32Array>();
  readonly #documentFrequency = new Map<string, number>();
  readonly #logNames: number;

  /** Summed token weights per name, to rank retrieved names by how much of them the query covers. */
  readonly #nameWeight: Float64Array;
  /** Group of each name (IndexedName.group, 0 when not given). */
  readonly #group: Uint8Array;
  // Scratch space reused by every query (one query at a time: screening is synchronous), so retrieval allocates
  // nothing per listed name. Stamps mark which slots belong to the current token and query.
  readonly #tokenStamp: Int32Array;
  readonly #tokenHit: Float64Array;
  readonly #queryStamp: Int32Array;
  readonly #strength: Float64Array;
  readonly #touched: Int32Array;
  readonly #tokenTouched: Int32Array;
  /** Ranks of the reached names, and a copy for quickselect to reorder. */
  readonly #rank: Float64Array;
  readonly #select: Float64Array;
  #stamp = 0;

  constructor(names: readonly IndexedName[]) {
    this.names = names;
    const exact = new Map<string, number[]>();
    const near = new Map<string, number[]>();
    names.forEach((name, id) => {
      const keys = new Set<string>();
      for (const token of name.tokens) for (const key of tokenKeys(token)) keys.add(key);
      const nearKeys = new Set<string>();
      for (const key of keys) {
        push(exact, key, id);
        this.#documentFrequency.set(key, (this.#documentFrequency.get(key) ?? 0) + 1);
        // Near postings only from keys of four classes or more: deletions of shorter keys (two classes) would
        // reach a large share of the list and tell nothing.
        if (key.length >= MIN_NEAR_KEY) for (const d of deletionKeys(key)) nearKeys.add(d);
      }
      for (const d of nearKeys) push(near, d, id);
    });
    for (const [key, ids] of exact) this.#exact.set(key, Int32Array.from(ids));
    for (const [key, ids] of near) this.#near.set(key, Int32Array.from(ids));
    this.#logNames = Math.log(Math.max(2, names.length));
    const n = names.length;
    this.#nameWeight = new Float64Array(n);
    this.#group = Uint8Array.from(names, (name) => name.group ?? 0);
    names.forEach((name, id) => {
      let w = 0;
      for (const token of name.tokens) w += this.weight(token);
      this.#nameWeight[id] = w;
    });
    this.#tokenStamp = new Int32Array(n);
    this.#tokenHit = new Float64Array(n);
    this.#queryStamp = new Int32Array(n);
    this.#strength = new Float64Array(n);
    this.#touched = new Int32Array(n);
    this.#tokenTouched = new Int32Array(n);
    this.#rank = new Float64Array(n);
    this.#select = new Float64Array(n);
  }

  /**
   * Weight of a token, in [0.1, 1]: for its most telling key, the mean of the key's inverse document frequency in
   * the indexed names (1 for a key never indexed) and its population informativeness.
   */
  weight(token: NameToken): number {
    const keys = tokenKeys(token);
    if (keys.length === 0) return MIN_WEIGHT * 3;
    let best = MIN_WEIGHT;
    for (const key of keys) {
      const df = this.#documentFrequency.get(key) ?? 0;
      // Rarity in the lists and in the population count alike: a name common on the lists (Rajab on a list of
      // Afghan names) or common among travellers (Thomas, Matthew) is weak evidence either way.
      const idf = Math.min(1, df === 0 ? 1 : Math.log((this.names.length + 1) / df) / this.#logNames);
      best = Math.max(best, (idf + populationInformativeness(key)) / 2);
    }
    return best;
  }

  /**
   * Names reached by the query tokens, strongest first, at most `limit`; only names of `group` when it is given
   * (the others do not take places in the cut).
   */
  retrieve(query: readonly NameToken[], weights: readonly number[], limit: number, group?: number): Candidate[] {
    const queryStamp = ++this.#stamp;
    const only = group ?? -1;
    const postings: TokenPostings = { stamp: this.#tokenStamp, hit: this.#tokenHit, touched: this.#tokenTouched };
    let touched = 0;
    let queryWeight = 0;
    // Common tokens (Muhammad, Ali) have posting lists of thousands and little weight: when the query has a more
    // telling token, they are left out of retrieval (the scoring still compares them).
    let telling = false;
    for (let t = 0; t < weights.length; t++) if (weights[t]! >= COMMON_TOKEN_WEIGHT) telling = true;
    // Plain loops over typed arrays: this runs once per query name over posting lists of thousands of names.
    for (let t = 0; t < query.length; t++) {
      const w = weights[t]!;
      queryWeight += w;
      if (telling && w < COMMON_TOKEN_WEIGHT) continue;
      const tokenStamp = ++this.#stamp;
      let tokenTouched = 0;
      for (const key of tokenKeys(query[t]!)) {
        tokenTouched = visit(this.#exact.get(key), 1, tokenStamp, postings, tokenTouched);
        tokenTouched = visit(this.#near.get(key), NEAR_HIT, tokenStamp, postings, tokenTouched);
        for (const d of deletionKeys(key)) {
          tokenTouched = visit(this.#exact.get(d), NEAR_HIT, tokenStamp, postings, tokenTouched);
          if (d.length >= MIN_NEAR_KEY - 1) tokenTouched = visit(this.#near.get(d), NEAR_HIT, tokenStamp, postings, tokenTouched);
        }
      }
      const reached = postings.touched;
      const queryStamps = this.#queryStamp;
      const strength = this.#strength;
      const tokenHit = postings.hit;
      const groups = this.#group;
      for (let k = 0; k < tokenTouched; k++) {
        const id = reached[k]!;
        if (only >= 0 && groups[id] !== only) continue;
        if (queryStamps[id] !== queryStamp) {
          queryStamps[id] = queryStamp;
          strength[id] = 0;
          this.#touched[touched++] = id;
        }
        strength[id] += tokenHit[id]! * w;
      }
    }
    // Rank as the full score would, roughly: reached weight against the query's weight and the listed name's
    // weight left unreached (names mostly covered by the query first).
    const rank = this.#rank;
    for (let k = 0; k < touched; k++) {
      const id = this.#touched[k]!;
      const s = this.#strength[id]!;
      rank[k] = s / (queryWeight + UNREACHED_LISTED_WEIGHT * Math.max(0, this.#nameWeight[id]! - s));
    }
    let cut = Number.NEGATIVE_INFINITY;
    if (touched > limit) {
      this.#select.set(rank.subarray(0, touched));
      cut = kthLargest(this.#select, touched, limit);
    }
    const out: Candidate[] = [];
    for (let k = 0; k < touched; k++) if (rank[k]! > cut) out.push({ nameId: this.#touched[k]!, strength: rank[k]! });
    // Ties at the cut fill the remaining places in name order, so results do not depend on traversal order.
    if (touched > limit && out.length < limit) {
      const tied: number[] = [];
      for (let k = 0; k < touched; k++) if (rank[k] === cut) tied.push(this.#touched[k]!);
      tied.sort((a, b) => a - b);
      for (const nameId of tied.slice(0, limit - out.length)) out.push({ nameId, strength: cut });
    }
    out.sort((a, b) => b.strength - a.strength || a.nameId - b.nameId);
    return out;
  }
}

/** Per-token scratch of retrieve(): which names the current token reached (stamped) and how well. */
interface TokenPostings {
  readonly stamp: Int32Array;
  readonly hit: Float64Array;
  readonly touched: Int32Array;
}

/**
 * Marks the names of a posting list as reached by the current token, keeping each name's best hit; returns the new
 * count of reached names.
 */
function visit(ids: Int32Array | undefined, hit: number, tokenStamp: number, postings: TokenPostings, count: number): number {
  if (ids === undefined) return count;
  const { stamp, hit: hits, touched } = postings;
  let n = count;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    if (stamp[id] !== tokenStamp) {
      stamp[id] = tokenStamp;
      hits[id] = hit;
      touched[n++] = id;
    } else if (hits[id]! < hit) hits[id] = hit;
  }
  return n;
}

/** The k-th largest value (1-based) of the first `length` of `values`, which it reorders (Hoare's quickselect). */
function kthLargest(values: Float64Array, length: number, k: number): number {
  let lo = 0;
  let hi = length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}
