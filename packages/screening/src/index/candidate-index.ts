/**
 * The candidate index: which listed names could match a query, found by key lookup instead of a scan of every
 * name. Each listed token is posted under its phonetic key (phonetic-key.ts) and under the keys one deletion away,
 * so a query token reaches names whose key is equal or one class edit away (SymSpell). Names are ranked by the
 * weights of the query tokens that reached them, against the weight of the query and of what the query left of
 * them, and only the best `limit` are scored in full.
 *
 * Token weights come from here too: the inverse document frequency of the token's key over all indexed names.
 */
import type { NameToken } from '../normalize/name-tokens.js';
import { deletionKeys, tokenKeys } from './phonetic-key.js';

/** How much a near (one-deletion) key hit counts against an exact key hit when ranking candidates. */
const NEAR_HIT = 0.7;
/** Weight of a listed name's unreached part in the ranking (as in the name score's β). */
const UNREACHED_LISTED_WEIGHT = 0.4;
/** Floor on token weight: even "Muhammad" says something. */
const MIN_WEIGHT = 0.1;

/** One indexed name: the caller's ids plus its tokens. */
export interface IndexedName {
  readonly entryIndex: number;
  readonly nameIndex: number;
  readonly tokens: readonly NameToken[];
}

/** A retrieved name with its retrieval strength (sum of reaching tokens' weights). */
export interface Candidate {
  readonly nameId: number;
  readonly strength: number;
}

export class CandidateIndex {
  readonly names: readonly IndexedName[];
  readonly #exact = new Map<string, number[]>();
  readonly #near = new Map<string, number[]>();
  readonly #documentFrequency = new Map<string, number>();
  readonly #logNames: number;
  /** Summed token weights per name, to rank retrieved names by how much of them the query covers. */
  readonly #nameWeight: Float64Array;

  constructor(names: readonly IndexedName[]) {
    this.names = names;
    names.forEach((name, id) => {
      const keys = new Set<string>();
      for (const token of name.tokens) for (const key of tokenKeys(token)) keys.add(key);
      const near = new Set<string>();
      for (const key of keys) {
        push(this.#exact, key, id);
        this.#documentFrequency.set(key, (this.#documentFrequency.get(key) ?? 0) + 1);
        for (const d of deletionKeys(key)) near.add(d);
      }
      for (const d of near) push(this.#near, d, id);
    });
    this.#logNames = Math.log(Math.max(2, names.length));
    this.#nameWeight = new Float64Array(names.length);
    names.forEach((name, id) => {
      let w = 0;
      for (const token of name.tokens) w += this.weight(token);
      this.#nameWeight[id] = w;
    });
  }

  /** Weight of a token: inverse document frequency of its rarest key, in [0.1, 1]; 1 for a key never indexed. */
  weight(token: NameToken): number {
    const keys = tokenKeys(token);
    if (keys.length === 0) return MIN_WEIGHT * 3;
    let best = MIN_WEIGHT;
    for (const key of keys) {
      const df = this.#documentFrequency.get(key) ?? 0;
      const w = df === 0 ? 1 : Math.log((this.names.length + 1) / df) / this.#logNames;
      best = Math.max(best, Math.min(1, w));
    }
    return best;
  }

  /** Names reached by the query tokens, strongest first, at most `limit`. */
  retrieve(query: readonly NameToken[], weights: readonly number[], limit: number): Candidate[] {
    const strength = new Map<number, number>();
    query.forEach((token, t) => {
      const reached = new Map<number, number>();
      const visit = (ids: readonly number[] | undefined, hit: number): void => {
        if (ids === undefined) return;
        for (const id of ids) if ((reached.get(id) ?? 0) < hit) reached.set(id, hit);
      };
      for (const key of tokenKeys(token)) {
        visit(this.#exact.get(key), 1);
        visit(this.#near.get(key), NEAR_HIT);
        for (const d of deletionKeys(key)) {
          visit(this.#exact.get(d), NEAR_HIT);
          visit(this.#near.get(d), NEAR_HIT);
        }
      }
      const w = weights[t]!;
      for (const [id, hit] of reached) strength.set(id, (strength.get(id) ?? 0) + hit * w);
    });
    const out: Candidate[] = [];
    let queryWeight = 0;
    for (const w of weights) queryWeight += w;
    // Rank as the full score would, roughly: reached weight against the query's weight and the listed name's
    // weight left unreached (names mostly covered by the query first).
    for (const [nameId, s] of strength) {
      const unreached = Math.max(0, this.#nameWeight[nameId]! - s);
      out.push({ nameId, strength: s / (queryWeight + UNREACHED_LISTED_WEIGHT * unreached) });
    }
    out.sort((a, b) => b.strength - a.strength || a.nameId - b.nameId);
    return out.length > limit ? out.slice(0, limit) : out;
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}
