/**
 * Order-free similarity of two tokenised names. Tokens are paired greedily by similarity (each used once), so word
 * order does not matter; unpaired tokens lower the score without vetoing it, so missing or extra name parts are
 * tolerated. Each token weighs by how rare its phonetic key is in the indexed lists (an inverse document
 * frequency), so agreeing on "Muhammad" says less than agreeing on "Haqqani":
 *
 *   score = M / (M + D + α·Uq + β·Uc)
 *
 * M is the weighted similarity of the pairs (rescaled above SIMILARITY_FLOOR), D their weighted dissimilarity, Uq
 * and Uc the weights of unpaired query and listed tokens. α > β: a traveller's name part the list does not know counts more against the match
 * than a listed part the traveller does not give (list names are long: "ABD AL-RAHMAN OULD MUHAMMAD AL-HUSAYN").
 * Adjacent tokens left unpaired may pair as one with a single token of the other side (names written joined or
 * split: "Wiji Joko" and "Wijijoko").
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

/** Weight of unpaired query tokens (α) and unpaired listed tokens (β) in the score's denominator. */
export const UNPAIRED_QUERY_WEIGHT = 0.8;
export const UNPAIRED_LISTED_WEIGHT = 0.4;

/** A token with its weight (inverse document frequency in [0, 1]). */
export interface WeightedToken {
  readonly token: NameToken;
  readonly weight: number;
}

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
  usedA: boolean[],
  sideB: readonly WeightedToken[],
  usedB: boolean[],
  aIsQuery: boolean,
  similarity: (a: NameToken, b: NameToken) => number,
  sums: JoinSums,
  pairs: TokenPair[],
): void {
  for (let i = 0; i + 1 < sideA.length; i++) {
    if (usedA[i] || usedA[i + 1]) continue;
    const joined = joinTokens(sideA[i]!.token, sideA[i + 1]!.token);
    if (joined === undefined) continue;
    let best = -1;
    let bestS = MIN_TOKEN_SIMILARITY;
    for (let j = 0; j < sideB.length; j++) {
      if (usedB[j]) continue;
      const s = aIsQuery ? similarity(joined, sideB[j]!.token) : similarity(sideB[j]!.token, joined);
      if (s >= bestS) {
        best = j;
        bestS = s;
      }
    }
    if (best < 0) continue;
    usedA[i] = usedA[i + 1] = usedB[best] = true;
    const w = (Math.max(sideA[i]!.weight, sideA[i + 1]!.weight) + sideB[best]!.weight) / 2;
    const e = (bestS - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR);
    sums.matched += e * w;
    sums.dissimilar += (1 - e) * w;
    sums.pairedQueryWeight += (aIsQuery ? sideA[i]!.weight + sideA[i + 1]!.weight : sideB[best]!.weight) * e;
    const text = `${sideA[i]!.token.text} ${sideA[i + 1]!.token.text}`;
    pairs.push(
      aIsQuery
        ? { query: text, listed: sideB[best]!.token.text, similarity: bestS }
        : { query: sideB[best]!.token.text, listed: text, similarity: bestS },
    );
    i++;
  }
}

/** Compares two weighted token lists; `similarity` may be memoised by the caller. */
export function compareNames(
  query: readonly WeightedToken[],
  listed: readonly WeightedToken[],
  similarity: (a: NameToken, b: NameToken) => number = tokenSimilarity,
): NameComparison {
  const candidates: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < query.length; i++)
    for (let j = 0; j < listed.length; j++) {
      const s = similarity(query[i]!.token, listed[j]!.token);
      if (s >= MIN_TOKEN_SIMILARITY) candidates.push({ i, j, s });
    }
  candidates.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const usedQ = new Array<boolean>(query.length).fill(false);
  const usedL = new Array<boolean>(listed.length).fill(false);
  const pairs: TokenPair[] = [];
  let matched = 0;
  let dissimilar = 0;
  let pairedQueryWeight = 0;
  for (const { i, j, s } of candidates) {
    if (usedQ[i] || usedL[j]) continue;
    usedQ[i] = true;
    usedL[j] = true;
    const w = (query[i]!.weight + listed[j]!.weight) / 2;
    const e = (s - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR);
    matched += e * w;
    dissimilar += (1 - e) * w;
    pairedQueryWeight += query[i]!.weight * e;
    pairs.push({ query: query[i]!.token.text, listed: listed[j]!.token.text, similarity: s });
  }
  // Second pass: two adjacent unpaired tokens on one side may be one token on the other ("Wiji Joko" and
  // "Wijijoko", "Abu Bakar" and "Abubakar"): they pair as one, weighing as their heavier part.
  if (usedQ.includes(false) && usedL.includes(false)) {
    const sums: JoinSums = { matched, dissimilar, pairedQueryWeight };
    joinPass(query, usedQ, listed, usedL, true, similarity, sums, pairs);
    joinPass(listed, usedL, query, usedQ, false, similarity, sums, pairs);
    ({ matched, dissimilar, pairedQueryWeight } = sums);
  }

  let unpairedQ = 0;
  let totalQ = 0;
  for (let i = 0; i < query.length; i++) {
    totalQ += query[i]!.weight;
    if (!usedQ[i]) unpairedQ += query[i]!.weight;
  }
  let unpairedL = 0;
  for (let j = 0; j < listed.length; j++) if (!usedL[j]) unpairedL += listed[j]!.weight;
  const denominator = matched + dissimilar + UNPAIRED_QUERY_WEIGHT * unpairedQ + UNPAIRED_LISTED_WEIGHT * unpairedL;
  return {
    score: denominator === 0 ? 0 : matched / denominator,
    pairs,
    queryCoverage: totalQ === 0 ? 0 : pairedQueryWeight / totalQ,
  };
}
