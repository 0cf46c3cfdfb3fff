/**
 * Order-free similarity of two tokenised names. Tokens are paired greedily by similarity (each used once), so word
 * order does not matter; unpaired tokens lower the score without vetoing it, so missing or extra name parts are
 * tolerated. Each token weighs by how rare its phonetic key is in the indexed lists and in the general population
 * (candidate-index.ts), so agreeing on "Muhammad" says less than agreeing on "Haqqani":
 *
 *   score = M / (M + D + α·Uq) · (1 - γ·Uc / C)
 *
 * M is the weighted similarity of the pairs (rescaled above SIMILARITY_FLOOR), D their weighted dissimilarity, Uq
 * and Uc the weights of unpaired query and listed tokens, C the listed name's weight. The score is first how much
 * of the query the listed name explains; the listed parts the traveller did not give cost only a share of it, by
 * the share of the listed name they make up (a traveller routinely gives two or three parts of a list's long name:
 * "Muhammad Qasim" for MOHAMMED QASIM MIR WALI KHUDAI RAHIM), so a query part the list does not know counts more
 * against the match than a listed part the traveller leaves out.
 * Unpaired kunya parts ("Abu Ali") count at KUNYA_UNPAIRED of their weight in Uq and Uc: a byname, not a name part.
 * A kunya part pairs with a part that is no kunya only when they are alike (KUNYA_MIN_SIMILARITY). Unpaired listed
 * forefathers' names (the nasab chain after bin/ibn) count at NASAB_UNPAIRED of their weight in Uc.
 * Adjacent tokens left unpaired may pair as one with a single token of the other side (names written joined or
 * split: "Wiji Joko" and "Wijijoko"), and a weak pair of a joined token with one part of the other side's split
 * spelling is replaced by the pair with both parts joined.
 */
import { joinTokens, type NameToken } from '../normalize/name-tokens.js';
import { tokenSimilarity } from './token-similarity.js';

/** Tokens below this similarity are not paired: they are different names. */
export const MIN_TOKEN_SIMILARITY = 0.6;
/**
 * Pairs count by their similarity above this floor, rescaled to [0, 1]: two unrelated names at 0.65 must not add
 * up to a match, while spelling variants (0.85 and up) keep most of their weight.
 */
export const SIMILARITY_FLOOR = 0.6;

/** Weight of unpaired query tokens (α) in the query-side score's denominator. */
export const UNPAIRED_QUERY_WEIGHT = 0.8;
/**
 * Share of the score (γ) lost when none of the listed name is paired: a listed name half of whose weight the
 * traveller did not give loses 20 % of the score. Chosen on the dev pairs (0.3 and 0.5 do worse at 0.5 % false
 * alerts, see MATCHING.md).
 */
export const UNPAIRED_LISTED_PENALTY = 0.4;

/**
 * Share of its weight an unpaired kunya part ("Abu Ali", normalize/particles.ts) keeps: a kunya is a byname that
 * lists and travellers give or leave out independently of the given names, so its absence on the other side is weak
 * evidence against a match. Chosen on the dev pairs among 1, 0.5, 0.25 and 0 (fuzzy_partial_overlap 386, 389, 391
 * and 391 of 521 found; the threshold did not move): the largest value that gains all.
 */
export const KUNYA_UNPAIRED = 0.25;

/**
 * A kunya part ("Ali" in "Abu Ali": the son the bearer is called father of) pairs with a part that is no kunya only
 * at this similarity or above, and so does a kunya written joined ("Abuali"): the son's name is not the bearer's, so
 * a loose likeness to a given name ("Ali"/Salih 0.73, "Abuali"/Abdallah 0.67) is chance, while the same name
 * (Abubakar for "Abu Bakar", 1.0) is still found. 0.8 is the level at which a part agrees elsewhere (weak aliases'
 * support, REPAIR_BELOW); 0.75 gave the same results on the dev pairs, 0.9 lost a spelling variant ("Rusjan").
 */
export const KUNYA_MIN_SIMILARITY = 0.8;

/**
 * Share of its weight an unpaired listed forefather's name (a nasab link: "Abdallah Salih Muhammad" in "Abd al-Latif
 * bin Abdallah Salih Muhammad al-Kawari", normalize/particles.ts) keeps in Uc: a list writes the chain to two or
 * three links and a traveller's name, or an alias, gives one or none of them, so their absence says less than that
 * of the given name or the nisba. Chosen on the dev pairs among 1, 0.5 and 0.25 (with KUNYA_MIN_SIMILARITY: 230,
 * 231 and 231 of 237 spelling variants, no other category or the threshold moved): the largest value that gains.
 */
export const NASAB_UNPAIRED = 0.5;

/** A token with its weight (informativeness in [0, 1], candidate-index.ts). */
export interface WeightedToken {
  readonly token: NameToken;
  readonly weight: number;
  /** A caller's number for the token (the screener numbers listed tokens), passed to `similarity` for memoising. */
  readonly id?: number;
}

/**
 * Similarity of a query token and a listed token. `queryIndex` is the query token's position and `listedId` the
 * listed token's WeightedToken.id (-1 for none, and for tokens this module joins), so a caller can memoise by number.
 */
export type TokenSimilarityFn = (query: NameToken, listed: NameToken, queryIndex: number, listedId: number) => number;

/** Which query token was paired with which listed token, and how alike they are. */
export interface TokenPair {
  readonly query: string;
  readonly listed: string;
  readonly similarity: number;
}

export interface NameComparison {
  readonly score: number;
  readonly pairs: readonly TokenPair[];
  /** Weighted share of the query that found a partner, in [0, 1]. */
  readonly queryCoverage: number;
}

interface JoinSums {
  matched: number;
  dissimilar: number;
  pairedQueryWeight: number;
}

/** Pairs adjacent unpaired tokens of side A, joined, with unpaired single tokens of side B (see compareNames). */
function joinPass(
  sideA: readonly WeightedToken[],
  usedA: Uint8Array,
  sideB: readonly WeightedToken[],
  usedB: Uint8Array,
  aIsQuery: boolean,
  similarity: TokenSimilarityFn,
  sums: JoinSums,
): void {
  for (let i = 0; i + 1 < sideA.length; i++) {
    if (usedA[i] === 1 || usedA[i + 1] === 1) continue;
    // A token written for two joined parts has more consonants than either part: others are not compared, and
    // when there is none the joined token is not even made (making and comparing the long joined spelling is the
    // costly part of this pass).
    const longerPart = Math.max(sideA[i]!.token.skeleton.length, sideA[i + 1]!.token.skeleton.length);
    let longEnough = false;
    for (let j = 0; j < sideB.length && !longEnough; j++) longEnough = usedB[j] === 0 && sideB[j]!.token.skeleton.length > longerPart;
    if (!longEnough) continue;
    const joined = joinTokens(sideA[i]!.token, sideA[i + 1]!.token);
    if (joined === undefined) continue;
    let best = -1;
    let bestS = MIN_TOKEN_SIMILARITY;
    for (let j = 0; j < sideB.length; j++) {
      if (usedB[j] === 1 || sideB[j]!.token.skeleton.length <= longerPart) continue;
      const s = aIsQuery ? similarity(joined, sideB[j]!.token, -1, sideB[j]!.id ?? -1) : similarity(sideB[j]!.token, joined, j, -1);
      if (s < KUNYA_MIN_SIMILARITY && (sideA[i]!.token.kunya || sideA[i + 1]!.token.kunya) !== sideB[j]!.token.kunya) continue;
      if (s >= bestS) {
        best = j;
        bestS = s;
      }
    }
    if (best < 0) continue;
    usedA[i] = usedA[i + 1] = usedB[best] = 1;
    const w = (Math.max(sideA[i]!.weight, sideA[i + 1]!.weight) + sideB[best]!.weight) / 2;
    const e = (bestS - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR);
    sums.matched += e * w;
    sums.dissimilar += (1 - e) * w;
    sums.pairedQueryWeight += (aIsQuery ? sideA[i]!.weight + sideA[i + 1]!.weight : sideB[best]!.weight) * e;
    if (aIsQuery) logPair(i, best, bestS, QUERY_JOINED);
    else logPair(best, i, bestS, LISTED_JOINED);
    i++;
  }
}

const joinSums: JoinSums = { matched: 0, dissimilar: 0, pairedQueryWeight: 0 };
const repairSums: JoinSums = { matched: 0, dissimilar: 0, pairedQueryWeight: 0 };

/** A single pair below this similarity is checked for a better partner made of two joined parts (repairPass). */
const REPAIR_BELOW = 0.8;

/** Contribution of a pair to the sums, added (sign 1) or taken back (sign -1). */
function addPair(sums: JoinSums, s: number, pairWeight: number, queryWeight: number, sign: number): void {
  const e = (s - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR);
  sums.matched += sign * e * pairWeight;
  sums.dissimilar += sign * (1 - e) * pairWeight;
  sums.pairedQueryWeight += sign * queryWeight * e;
}

/**
 * The greedy pass pairs a token written joined with the part of the other side's split spelling it resembles most
 * ("Wijijoko" with "Joko" at 0.63, leaving "Wiji" unpaired): a weak single pair whose split side has an unpaired
 * neighbour is replaced by the joined pair when that is more alike ("Wijijoko" / "Wiji Joko" 1.0).
 */
function repairPass(query: readonly WeightedToken[], listed: readonly WeightedToken[], similarity: TokenSimilarityFn, sums: JoinSums): void {
  const n = pairCount;
  for (let k = 0; k < n; k++) {
    if (pairKind[k] !== SINGLE || pairS[k]! >= REPAIR_BELOW) continue;
    const i = pairQ[k]!;
    const j = pairL[k]!;
    const old = pairS[k]!;
    let bestS = old;
    let bestKind = SINGLE;
    let bestAt = -1;
    // Listed j joined with an unpaired neighbour, against query i (longer than both parts, as in joinPass).
    for (let at = j - 1; at <= j; at++) {
      if (at < 0 || at + 1 >= listed.length || usedL[at === j ? j + 1 : j - 1] === 1) continue;
      if (query[i]!.token.skeleton.length <= Math.max(listed[at]!.token.skeleton.length, listed[at + 1]!.token.skeleton.length)) continue;
      const joined = joinTokens(listed[at]!.token, listed[at + 1]!.token);
      if (joined === undefined) continue;
      const s = similarity(query[i]!.token, joined, i, -1);
      if (s > bestS) {
        bestS = s;
        bestKind = LISTED_JOINED;
        bestAt = at;
      }
    }
    for (let at = i - 1; at <= i; at++) {
      if (at < 0 || at + 1 >= query.length || usedQ[at === i ? i + 1 : i - 1] === 1) continue;
      if (listed[j]!.token.skeleton.length <= Math.max(query[at]!.token.skeleton.length, query[at + 1]!.token.skeleton.length)) continue;
      const joined = joinTokens(query[at]!.token, query[at + 1]!.token);
      if (joined === undefined) continue;
      const s = similarity(joined, listed[j]!.token, -1, listed[j]!.id ?? -1);
      if (s > bestS) {
        bestS = s;
        bestKind = QUERY_JOINED;
        bestAt = at;
      }
    }
    if (bestKind === SINGLE) continue;
    addPair(sums, old, (query[i]!.weight + listed[j]!.weight) / 2, query[i]!.weight, -1);
    if (bestKind === LISTED_JOINED) {
      usedL[bestAt] = usedL[bestAt + 1] = 1;
      addPair(sums, bestS, (query[i]!.weight + Math.max(listed[bestAt]!.weight, listed[bestAt + 1]!.weight)) / 2, query[i]!.weight, 1);
      pairL[k] = bestAt;
    } else {
      usedQ[bestAt] = usedQ[bestAt + 1] = 1;
      const qw = query[bestAt]!.weight + query[bestAt + 1]!.weight;
      addPair(sums, bestS, (Math.max(query[bestAt]!.weight, query[bestAt + 1]!.weight) + listed[j]!.weight) / 2, qw, 1);
      pairQ[k] = bestAt;
    }
    pairKind[k] = bestKind;
    pairS[k] = bestS;
  }
}

// Scratch space reused by every comparison (screening is synchronous and compares thousands of names per query, so
// allocating per comparison would keep the garbage collector busy): candidate pairs as similarity + packed indexes,
// and the used flags of both sides.
let candidateSim = new Float64Array(64);
let candidateIJ = new Int32Array(64);
let usedQ = new Uint8Array(16);
let usedL = new Uint8Array(16);

// The pairs of the comparison under way, as indexes (made into TokenPair objects only when the caller wants them).
const SINGLE = 0;
/** Query tokens i and i + 1 joined, paired with listed token j. */
const QUERY_JOINED = 1;
/** Listed tokens j and j + 1 joined, paired with query token i. */
const LISTED_JOINED = 2;
let pairQ = new Int32Array(16);
let pairL = new Int32Array(16);
let pairS = new Float64Array(16);
let pairKind = new Uint8Array(16);
let pairCount = 0;
const NO_PAIRS: readonly TokenPair[] = Object.freeze([]);

function logPair(i: number, j: number, s: number, kind: number): void {
  if (pairCount === pairQ.length) {
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    pairQ = grow(pairQ, (n) => new Int32Array(n));
    pairL = grow(pairL, (n) => new Int32Array(n));
    pairS = grow(pairS, (n) => new Float64Array(n));
    pairKind = grow(pairKind, (n) => new Uint8Array(n));
  }
  pairQ[pairCount] = i;
  pairL[pairCount] = j;
  pairS[pairCount] = s;
  pairKind[pairCount] = kind;
  pairCount++;
}

function loggedPairs(query: readonly WeightedToken[], listed: readonly WeightedToken[]): TokenPair[] {
  const out: TokenPair[] = [];
  for (let k = 0; k < pairCount; k++) {
    const i = pairQ[k]!;
    const j = pairL[k]!;
    const kind = pairKind[k]!;
    out.push({
      query: kind === QUERY_JOINED ? `${query[i]!.token.text} ${query[i + 1]!.token.text}` : query[i]!.token.text,
      listed: kind === LISTED_JOINED ? `${listed[j]!.token.text} ${listed[j + 1]!.token.text}` : listed[j]!.token.text,
      similarity: pairS[k]!,
    });
  }
  return out;
}

/**
 * Compares two weighted token lists; `similarity` may be memoised by the caller. The token pairs are returned only
 * when the score is above `pairsAbove` (a caller keeping the best comparison passes the best score so far: the
 * pairs of a comparison it will drop are not made).
 */
export function compareNames(
  query: readonly WeightedToken[],
  listed: readonly WeightedToken[],
  similarity: TokenSimilarityFn = tokenSimilarity,
  pairsAbove = Number.NEGATIVE_INFINITY,
): NameComparison {
  const score = scoreNames(query, listed, similarity);
  return { score, pairs: score > pairsAbove ? comparedPairs(query, listed) : NO_PAIRS, queryCoverage: lastQueryCoverage };
}

/** Weighted share of the query paired in the last scoreNames call. */
let lastQueryCoverage = 0;
/** Similarity of the most alike token pair of the last scoreNames call (0 when nothing paired). */
let lastBestPairSimilarity = 0;

/** The similarity of the most alike token pair of the last scoreNames call (0 when nothing paired). */
export function comparedBestPairSimilarity(): number {
  return lastBestPairSimilarity;
}

/**
 * The token pairs of the last scoreNames call, which must have been with the same `query` and `listed` (the pairs
 * are kept as indexes in scratch space until the next comparison).
 */
export function comparedPairs(query: readonly WeightedToken[], listed: readonly WeightedToken[]): TokenPair[] {
  return loggedPairs(query, listed);
}

/**
 * compareNames' score alone, allocating nothing: the screener compares a few hundred names per query and keeps
 * the best per entry, so it asks for the pairs (comparedPairs) only when a comparison improves an entry's best. An
 * object per comparison made most of a query's garbage, and the young-generation collections it caused landed in
 * the slowest 1 % of queries (MATCHING.md, section 7).
 */
export function scoreNames(query: readonly WeightedToken[], listed: readonly WeightedToken[], similarity: TokenSimilarityFn = tokenSimilarity): number {
  const nq = query.length;
  const nl = listed.length;
  if (candidateSim.length < nq * nl) {
    candidateSim = new Float64Array(nq * nl * 2);
    candidateIJ = new Int32Array(nq * nl * 2);
  }
  if (usedQ.length < nq) usedQ = new Uint8Array(nq * 2);
  if (usedL.length < nl) usedL = new Uint8Array(nl * 2);
  // Candidate pairs by similarity, best first (ties: query order, then listed order), by insertion: there are a few
  // dozen at most.
  let count = 0;
  for (let i = 0; i < nq; i++)
    for (let j = 0; j < nl; j++) {
      const s = similarity(query[i]!.token, listed[j]!.token, i, listed[j]!.id ?? -1);
      if (s < MIN_TOKEN_SIMILARITY) continue;
      if (s < KUNYA_MIN_SIMILARITY && query[i]!.token.kunya !== listed[j]!.token.kunya) continue;
      const ij = (i << 16) | j;
      let k = count++;
      while (k > 0 && (candidateSim[k - 1]! < s || (candidateSim[k - 1] === s && candidateIJ[k - 1]! > ij))) {
        candidateSim[k] = candidateSim[k - 1]!;
        candidateIJ[k] = candidateIJ[k - 1]!;
        k--;
      }
      candidateSim[k] = s;
      candidateIJ[k] = ij;
    }
  usedQ.fill(0, 0, nq);
  usedL.fill(0, 0, nl);
  pairCount = 0;
  let matched = 0;
  let dissimilar = 0;
  let pairedQueryWeight = 0;
  let pairedQ = 0;
  let pairedL = 0;
  for (let k = 0; k < count; k++) {
    const i = candidateIJ[k]! >>> 16;
    const j = candidateIJ[k]! & 0xffff;
    if (usedQ[i] === 1 || usedL[j] === 1) continue;
    const s = candidateSim[k]!;
    usedQ[i] = 1;
    usedL[j] = 1;
    pairedQ++;
    pairedL++;
    const w = (query[i]!.weight + listed[j]!.weight) / 2;
    const e = (s - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR);
    matched += e * w;
    dissimilar += (1 - e) * w;
    pairedQueryWeight += query[i]!.weight * e;
    logPair(i, j, s, SINGLE);
  }
  // Second pass: two adjacent unpaired tokens on one side may be one token on the other ("Wiji Joko" and
  // "Wijijoko", "Abu Bakar" and "Abubakar"): they pair as one, weighing as their heavier part.
  if ((pairedQ < nq - 1 && pairedL < nl) || (pairedL < nl - 1 && pairedQ < nq)) {
    // One reused object, as for the repair pass below.
    const sums = joinSums;
    sums.matched = matched;
    sums.dissimilar = dissimilar;
    sums.pairedQueryWeight = pairedQueryWeight;
    joinPass(query, usedQ, listed, usedL, true, similarity, sums);
    joinPass(listed, usedL, query, usedQ, false, similarity, sums);
    ({ matched, dissimilar, pairedQueryWeight } = sums);
  }

  if (pairedQ < nq || pairedL < nl) {
    let weak = false;
    for (let k = 0; k < pairCount && !weak; k++) weak = pairKind[k] === SINGLE && pairS[k]! < REPAIR_BELOW;
    if (weak) {
      // One reused object: comparisons with a weak pair are common, and this is the comparison's hot path.
      const sums = repairSums;
      sums.matched = matched;
      sums.dissimilar = dissimilar;
      sums.pairedQueryWeight = pairedQueryWeight;
      repairPass(query, listed, similarity, sums);
      matched = sums.matched;
      dissimilar = sums.dissimilar;
      pairedQueryWeight = sums.pairedQueryWeight;
    }
  }

  let unpairedQ = 0;
  let totalQ = 0;
  for (let i = 0; i < nq; i++) {
    totalQ += query[i]!.weight;
    if (usedQ[i] === 0) unpairedQ += query[i]!.token.kunya ? KUNYA_UNPAIRED * query[i]!.weight : query[i]!.weight;
  }
  let unpairedL = 0;
  let totalL = 0;
  for (let j = 0; j < nl; j++) {
    totalL += listed[j]!.weight;
    if (usedL[j] === 0)
      unpairedL += listed[j]!.token.kunya ? KUNYA_UNPAIRED * listed[j]!.weight : listed[j]!.token.nasab ? NASAB_UNPAIRED * listed[j]!.weight : listed[j]!.weight;
  }
  // How well the query is explained, discounted by the share of the listed name the traveller did not give.
  const denominator = matched + dissimilar + UNPAIRED_QUERY_WEIGHT * unpairedQ;
  lastQueryCoverage = totalQ === 0 ? 0 : pairedQueryWeight / totalQ;
  let most = 0;
  for (let k = 0; k < pairCount; k++) if (pairS[k]! > most) most = pairS[k]!;
  lastBestPairSimilarity = most;
  return denominator === 0 || totalL === 0 ? 0 : (matched / denominator) * (1 - (UNPAIRED_LISTED_PENALTY * unpairedL) / totalL);
}
