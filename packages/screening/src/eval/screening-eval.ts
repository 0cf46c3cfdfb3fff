/**
 * The screening evaluation protocol.
 * - One screener is built over all entries. For each alias pair, the queried alias is left out of its record for
 *   that query only (ScreenOptions.excludeName): the same as removing it before indexing, except that token
 *   weights still count it (one name among thousands; documented in MATCHING.md). Names left out are the record's
 *   names whose folded text equals the query or one of its script parts (a mixed "Latin + Arabic" alias is listed
 *   as two names).
 * - Pairs are screened as their record's kind (individual or entity: a traveller is compared with listed
 *   individuals, an organisation with listed entities); negatives, people, as individuals.
 * - Negatives are screened name-only; the threshold is the lowest score at which at most `falseAlertRate` of them
 *   alert (a negative alerts when any hit is at or above it).
 * - Recall per category: the share of pairs whose record is among the hits at the threshold. The same is done
 *   with context: pairs carry the record's nationality (no date of birth), negatives their date of birth and
 *   nationality.
 * - Latency: CPU time of each name-only screen() call (pairs and negatives), after Screener.warmUp() (listed names,
 *   none of the queries).
 * - For error analysis the result also lists the pairs missed and the negatives alerting (name-only), each with
 *   the score, the listed name compared and the token pairs that agreed.
 */
import type { ListedName, SubjectKind, WatchlistEntry } from '../entry.js';
import { Screener, type Hit, type PersonQuery, type ScreenerOptions } from '../screener/screener.js';
import { calibrationFromScores, falseAlertRateAt, thresholdForRate } from '../screener/calibration.js';
import { percentile } from './percentile.js';
import type { AliasPair, NegativePerson } from './test-sets.js';

/** A pair whose record did not alert name-only: what it scored and against which of the record's names. */
export interface EvalMiss {
  readonly category: string;
  readonly ref: string;
  readonly query: string;
  /** The record's name-only score (0 when it was not among the candidates). */
  readonly score: number;
  /** The record's name the best comparison was with, and the token pairs that agreed. */
  readonly listed?: string;
  readonly pairs: readonly string[];
}

/** A negative that alerted name-only: the entry and name it alerted on. */
export interface EvalFalseAlert {
  readonly name: string;
  readonly score: number;
  readonly entryId: string;
  readonly listed?: string;
  readonly pairs: readonly string[];
}

export interface ScreeningEvalResult {
  readonly threshold: number;
  readonly recall: Readonly<Record<string, number>>;
  readonly falseAlertRate: number;
  readonly recallWithDob: Readonly<Record<string, number>>;
  readonly falseAlertRateWithDob: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number };
  /** Pairs per category and pairs whose record is not in the lists (skipped). */
  readonly counts: Readonly<Record<string, number>>;
  readonly skippedPairs: number;
  readonly negatives: number;
  /** For error analysis (`sarhad eval screening --misses`): pairs not found and negatives alerting, name-only. */
  readonly misses: readonly EvalMiss[];
  readonly falseAlerts: readonly EvalFalseAlert[];
}

export interface ScreeningEvalOptions {
  /** Target name-only false-alert rate on the negatives (default 0.005). */
  readonly falseAlertRate?: number;
  readonly screener?: ScreenerOptions;
  /** Screen listed names before timing (Screener.warmUp; default true). */
  readonly warmUp?: boolean;
  /** Clock in milliseconds (tests pass a fake one); default: this process's CPU time (see processCpuMs). */
  readonly now?: () => number;
}

/**
 * CPU time this process has used, in milliseconds. Latency is measured in CPU time rather than wall time: screening
 * is synchronous on one thread, and on a shared machine wall time mostly measures the other processes.
 */
export function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Letters and digits only, lower case, words single-spaced, script kept: the key for "is this listed name the
 * queried alias". No transliteration here: a Cyrillic original-script name is not its Latin primary name.
 */
export function aliasKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Keys of a query and of its script runs ("Agha Jan Alizai اغا جان عالیزی" is listed as two names). */
export function queryKeys(query: string): Set<string> {
  const key = aliasKey(query);
  const keys = new Set([key]);
  for (const run of key.match(/[\p{Script=Latin}\p{N} ]+|[^\p{Script=Latin}\p{N} ][^\p{Script=Latin}\p{N}]*/gu) ?? [])
    if (run.trim() !== '') keys.add(run.trim());
  return keys;
}

/**
 * The negatives are people (travellers): they are screened as individuals, against listed individuals only, as a
 * border post screens a traveller. Alias pairs are screened as their record's kind when the file says it.
 */
const NEGATIVE_KIND = 'individual' satisfies SubjectKind;

function rate(hits: number, total: number): number {
  return total === 0 ? 0 : hits / total;
}

/** Runs the protocol; pure apart from the clock. */
export function evaluateScreening(
  entries: readonly WatchlistEntry[],
  pairs: readonly AliasPair[],
  negatives: readonly NegativePerson[],
  options: ScreeningEvalOptions = {},
): ScreeningEvalResult {
  const now = options.now ?? processCpuMs;
  const screener = new Screener(entries, { ...options.screener, threshold: 0 });
  // Latency as a running post sees it: the engine compiles the hot paths during the first few hundred queries.
  if (options.warmUp !== false) screener.warmUp();
  const latencies: number[] = [];
  const top = (person: PersonQuery, withContext: boolean, timed: boolean): Hit | undefined => {
    const start = now();
    const hits = screener.screen(person, { threshold: 0, useDateAndNationality: withContext, limit: 1 });
    if (timed) latencies.push(now() - start);
    return hits[0];
  };
  const best = (person: PersonQuery, withContext: boolean, timed: boolean): number => top(person, withContext, timed)?.score ?? 0;

  const negativeScores: number[] = [];
  const negativeScoresWithDob: number[] = [];
  const negativeTops: (Hit | undefined)[] = [];
  for (const n of negatives) {
    const hit = top({ names: [n.name], kind: NEGATIVE_KIND }, false, true);
    negativeTops.push(hit);
    negativeScores.push(hit?.score ?? 0);
    const person: PersonQuery = {
      names: [n.name],
      kind: NEGATIVE_KIND,
      ...(n.dateOfBirth !== undefined ? { dateOfBirth: n.dateOfBirth } : {}),
      nationalities: n.nationality !== undefined ? [n.nationality] : [],
    };
    negativeScoresWithDob.push(best(person, true, false));
  }
  const calibration = calibrationFromScores(negativeScores.length > 0 ? negativeScores : [0]);
  const threshold = thresholdForRate(calibration, options.falseAlertRate ?? 0.005);

  const listedIds = new Set(entries.map((e) => e.id));
  const misses: EvalMiss[] = [];
  const found: Record<string, number> = {};
  const foundWithDob: Record<string, number> = {};
  const counts: Record<string, number> = {};
  let skippedPairs = 0;
  for (const pair of pairs) {
    if (!listedIds.has(pair.ref)) {
      skippedPairs++;
      continue;
    }
    const keys = queryKeys(pair.query);
    const excludeName = (entry: WatchlistEntry, name: ListedName): boolean => entry.id === pair.ref && keys.has(aliasKey(name.full));
    counts[pair.category] = (counts[pair.category] ?? 0) + 1;
    const record = (withContext: boolean, at: number, timed: boolean): Hit | undefined => {
      const start = now();
      const hits = screener.screen(
        { names: [pair.query], nationalities: withContext ? pair.nationalities : [], ...(pair.kind !== undefined ? { kind: pair.kind } : {}) },
        { threshold: at, excludeName, useDateAndNationality: withContext },
      );
      if (timed) latencies.push(now() - start);
      return hits.find((h) => h.entryId === pair.ref);
    };
    if (record(false, threshold, true) !== undefined) found[pair.category] = (found[pair.category] ?? 0) + 1;
    else {
      // Screened again, untimed, at threshold 0: the missed record's score and the names it was compared with.
      const missed = record(false, 0, false);
      misses.push({ category: pair.category, ref: pair.ref, query: pair.query, score: missed?.score ?? 0, ...explained(missed) });
    }
    if (record(true, threshold, false) !== undefined) foundWithDob[pair.category] = (foundWithDob[pair.category] ?? 0) + 1;
  }
  const falseAlerts: EvalFalseAlert[] = [];
  negatives.forEach((n, i) => {
    const hit = negativeTops[i];
    if (hit !== undefined && hit.score >= threshold) falseAlerts.push({ name: n.name, score: hit.score, entryId: hit.entryId, ...explained(hit) });
  });
  falseAlerts.sort((a, b) => b.score - a.score);
  const recall: Record<string, number> = {};
  const recallWithDob: Record<string, number> = {};
  for (const category of Object.keys(counts).sort()) {
    recall[category] = rate(found[category] ?? 0, counts[category]!);
    recallWithDob[category] = rate(foundWithDob[category] ?? 0, counts[category]!);
  }
  return {
    threshold,
    recall,
    falseAlertRate: falseAlertRateAt(calibration, threshold),
    recallWithDob,
    falseAlertRateWithDob: falseAlertRateAt(calibrationFromScores(negativeScoresWithDob.length > 0 ? negativeScoresWithDob : [0]), threshold),
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
    counts,
    skippedPairs,
    negatives: negatives.length,
    misses,
    falseAlerts,
  };
}

/** The listed name and agreeing token pairs of a hit, for the error-analysis lists. */
function explained(hit: Hit | undefined): { listed?: string; pairs: string[] } {
  const name = hit?.explanation.name;
  if (name === undefined) return { pairs: [] };
  return { listed: name.listed, pairs: name.pairs.map((p) => `${p.query}~${p.listed} ${p.similarity.toFixed(2)}`) };
}
