/**
 * The screener: built once from the entries of one or several lists, it screens a person (names, optional date of
 * birth, nationality, documents) and returns scored, explained hits. Per query:
 * 1. tokenise each name given (normalize/name-tokens.ts) and weigh its tokens by rarity in the lists;
 * 2. retrieve candidate listed names from the candidate index (no full scan);
 * 3. score each candidate entry: its best name comparison (match/name-similarity.ts), where a weak (low-quality)
 *    alias counts only when something else confirms the entry, adjusted for date-of-birth and nationality
 *    agreement; a matching document number makes a hit on its own, whatever the names;
 * 4. drop hits a recorded decision suppresses, and those under the threshold.
 * See MATCHING.md for the reasoning and the calibration of the threshold.
 */
import { SUBJECT_KINDS, type ListedDocument, type ListedName, type ListSource, type SubjectKind, type WatchlistEntry } from '../entry.js';
import { ScreeningError } from '../errors.js';
import { tokenizeName, type NameToken } from '../normalize/name-tokens.js';
import { CandidateIndex, type IndexedName } from '../index/candidate-index.js';
import { comparedBestPairSimilarity, comparedPairs, scoreNames, type TokenPair, type TokenSimilarityFn, type WeightedToken } from '../match/name-similarity.js';
import { tokenSimilarity } from '../match/token-similarity.js';
import { compareDateOfBirth, parsePartialDate, type DobAgreement, type PartialDate } from '../match/date-of-birth.js';
import { compareNationality, nationalityCodes, type NationalityAgreement } from '../match/nationality.js';
import { sameDocumentNumber, unpaddedDocumentNumber, type PresentedDocument } from '../match/document-number.js';
import { entryContentHash } from './entry-hash.js';
import { SuppressionSet, type SuppressionDecision } from './suppression.js';
import { calibrationFromScores, thresholdForRate, type Calibration } from './calibration.js';

/** A person to screen. Only `names` is required. */
export interface PersonQuery {
  /** The traveller's id, used to apply recorded suppression decisions. */
  readonly id?: string;
  /** Every name the person uses or is documented under, in any script. */
  readonly names: readonly string[];
  /** `1970`, `1970-05`, `1970-05-12`, or a parsed partial date. */
  readonly dateOfBirth?: string | PartialDate;
  /** ISO alpha-3 codes or English country names. */
  readonly nationalities?: readonly string[];
  readonly documents?: readonly PresentedDocument[];
  /**
   * What is screened: a traveller is an `individual` and is compared with listed individuals only; an organisation
   * (a carrier, a sponsor) is an `entity` and is compared with listed entities only. Left out, every entry the
   * screener holds is compared (a name of unknown kind).
   */
  readonly kind?: SubjectKind;
}

/** Why an entry was hit. */
export interface HitExplanation {
  /** The best name comparison: the query name, the listed name and the token pairs that agreed. */
  readonly name?: {
    readonly query: string;
    readonly listed: string;
    readonly listedKind: ListedName['kind'];
    readonly quality: ListedName['quality'];
    readonly score: number;
    readonly pairs: readonly TokenPair[];
    /** True when the best name was a weak alias, counted because other evidence confirmed the entry. */
    readonly weakAliasConfirmed?: boolean;
  };
  readonly dateOfBirth: DobAgreement;
  readonly nationality: NationalityAgreement;
  /** The presented and listed document numbers that agree, when one does. */
  readonly document?: { readonly presented: string; readonly listed: string; readonly kind: string };
}

export interface Hit {
  readonly source: ListSource;
  readonly entryId: string;
  readonly entryKind: SubjectKind;
  readonly listType: string;
  /** The entry's primary name, for display. */
  readonly primaryName: string;
  /** In [0, 1]; the hit is an alert at or above the screener's threshold. */
  readonly score: number;
  /** entryContentHash(entry): record it with a suppression decision. */
  readonly entryHash: string;
  readonly explanation: HitExplanation;
}

export interface ScreenerOptions {
  /** Alert threshold on hit scores (see calibration.ts to derive it from a false-alert rate). */
  readonly threshold?: number;
  /** Only entries of these kinds are screened (default: individuals and entities). */
  readonly subjectKinds?: readonly SubjectKind[];
  /** Listed names scored in full per query name (the rest of the retrieved ones are dropped). */
  readonly candidateLimit?: number;
}

export interface ScreenOptions {
  /** Overrides the screener's threshold for this query (0 returns every scored candidate). */
  readonly threshold?: number;
  readonly decisions?: readonly SuppressionDecision[] | SuppressionSet;
  /** Leaves listed names out of this query (the evaluation's fair protocol removes the queried alias). */
  readonly excludeName?: (entry: WatchlistEntry, name: ListedName) => boolean;
  /** Use date of birth and nationality when given (default true); false screens on names and documents only. */
  readonly useDateAndNationality?: boolean;
  /**
   * Returns only the best `limit` hits (default all). Only those are explained: at threshold 0 (a calibration or an
   * evaluation asking for a negative's best score) every entry reached is a hit, and explaining a few hundred of
   * them per query was most of its garbage.
   */
  readonly limit?: number;
}

/**
 * The threshold used when none is configured: calibrated on negatives_global.csv (screened as individuals, as
 * travellers are) against the UN list (2026-05-08) for a 0.5 % name-only false-alert rate (0.551693, recalibrated
 * with the matcher of this revision, where names the population table does not count weigh the counted names'
 * mean; see MATCHING.md). With OFAC SDN loaded too the same rate needs 0.665: `sarhad eval screening` recomputes it
 * for other lists.
 */
export const DEFAULT_THRESHOLD = 0.552;
const DEFAULT_CANDIDATE_LIMIT = 100;
/**
 * Entries whose names warmUp() screens: enough for the engine to compile the hot paths (UN + OFAC: about 2,500
 * queries, three to five seconds of CPU on a loaded machine; UN alone, whose entries have many aliases, 4,250).
 */
const WARM_UP_ENTRIES = 500;
/** Query tokens per screened person whose similarities are memoised in the reused table (the rest in a map). */
const MEMO_ROWS = 24;

/**
 * Weak aliases count when the entry's best good name reaches this score on its own, or agrees with the query on
 * at least one name part at this token similarity (the good name corroborates what the weak alias says).
 */
const WEAK_ALIAS_CONFIRM_FLOOR = 0.45;
const WEAK_ALIAS_CORROBORATING_TOKEN = 0.8;
/** Score adjustments for date-of-birth and nationality agreement (added to the name score). */
const DOB_ADJUSTMENT: Readonly<Record<DobAgreement, number>> = { exact: 0.1, compatible: 0.04, mismatch: -0.2, unknown: 0 };
const NATIONALITY_ADJUSTMENT: Readonly<Record<NationalityAgreement, number>> = { agree: 0.04, differ: -0.08, unknown: 0 };
/** The most that date of birth and nationality add to a name score: a name this far under the threshold is no hit. */
const MAX_CONTEXT_RAISE = Math.max(...Object.values(DOB_ADJUSTMENT)) + Math.max(...Object.values(NATIONALITY_ADJUSTMENT));
/** A document number agreeing is an alert on its own; less when the issuers are both known and differ. */
const DOCUMENT_SCORE = 1;
const DOCUMENT_OTHER_ISSUER_SCORE = 0.9;

interface PreparedEntry {
  readonly entry: WatchlistEntry;
  /**
   * entryContentHash, computed with the index (about 15 µs an entry, 0.25 s for UN + OFAC): computed on first hit
   * instead, it landed in whichever query first reached the entry and made the slowest queries slower.
   */
  readonly hash: string;
}

interface DocumentHit {
  readonly score: number;
  readonly match: { readonly presented: string; readonly listed: string; readonly kind: string };
}

/**
 * An entry's best name comparison so far. Its token pairs are made only when it may become a hit: the screener
 * improves several hundred entries' bests per query, and made them for every one.
 */
interface BestName {
  score: number;
  nameIndex: number;
  nameId: number;
  queryName: string;
  query: readonly WeightedToken[];
  similarity: TokenSimilarityFn;
  /** The most alike token pair's similarity (a weak alias's corroboration looks at it). */
  bestPair: number;
  /** The token pairs, made with the comparison when it may reach the threshold; else made again if it becomes a hit. */
  pairs: readonly TokenPair[] | undefined;
}

/** An entry that alerts, before its hit is made (screen() explains only the hits it returns). */
interface FoundEntry {
  readonly entryIndex: number;
  readonly score: number;
  readonly best: BestName | undefined;
  readonly weakAliasConfirmed: boolean;
  readonly dobAgreement: DobAgreement;
  readonly nationalityAgreement: NationalityAgreement;
  readonly document: DocumentHit | undefined;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export class Screener {
  #threshold: number;
  readonly #entries: PreparedEntry[] = [];
  readonly #index: CandidateIndex;
  readonly #candidateLimit: number;
  readonly #tokenWeights = new Map<NameToken, number>();
  /** Weighted, numbered tokens of each indexed name (made with the index: weights are fixed once it is built). */
  readonly #listedWeighted: (readonly WeightedToken[])[] = [];
  /** Distinct listed tokens (interned), which number the columns of the similarity memo. */
  readonly #tokenCount: number;
  /** The per-query similarity memo: MEMO_ROWS query tokens by #tokenCount listed tokens, valid where stamped. */
  readonly #memoValues: Float64Array;
  readonly #memoStamps: Int32Array;
  #memoStamp = 0;
  /** Indexed name ids of each entry, to score an entry's good names when a weak alias needs corroboration. */
  readonly #entryNames: number[][] = [];
  /** Listed documents by unpadded normal number: a presented document is looked up, not compared with all. */
  readonly #documents = new Map<string, { entryIndex: number; listed: ListedDocument }[]>();

  constructor(entries: readonly WatchlistEntry[], options: ScreenerOptions = {}) {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    if (!(threshold >= 0 && threshold <= 1))
      throw new ScreeningError('SCREENING_INVALID_THRESHOLD', `threshold must be in [0, 1], got ${threshold}`);
    this.#threshold = threshold;
    this.#candidateLimit = options.candidateLimit ?? DEFAULT_CANDIDATE_LIMIT;
    const kinds = options.subjectKinds ?? ['individual', 'entity'];
    // Interning identical tokens lets one query memoise a similarity across every name that shares the token.
    const interned = new Map<string, NameToken>();
    const names: IndexedName[] = [];
    for (const entry of entries) {
      if (!kinds.includes(entry.kind)) continue;
      const entryIndex = this.#entries.length;
      this.#entries.push({ entry, hash: entryContentHash(entry) });
      for (const listed of entry.documents) {
        const key = unpaddedDocumentNumber(listed.number);
        const list = this.#documents.get(key) ?? [];
        list.push({ entryIndex, listed });
        this.#documents.set(key, list);
      }
      entry.names.forEach((name, nameIndex) => {
        for (const tokens of tokenizeName(name.full)) {
          const shared = tokens.map((t) => {
            const key = `${t.script}:${t.text}${t.kunya ? ":kunya" : ""}${t.nasab ? ":nasab" : ""}`;
            const existing = interned.get(key);
            if (existing !== undefined) return existing;
            interned.set(key, t);
            return t;
          });
          (this.#entryNames[entryIndex] ??= []).push(names.length);
          names.push({ entryIndex, nameIndex, tokens: shared, group: SUBJECT_KINDS.indexOf(entry.kind) });
        }
      });
    }
    this.#index = new CandidateIndex(names);
    const ids = new Map<NameToken, number>();
    for (const token of interned.values()) ids.set(token, ids.size);
    this.#tokenCount = ids.size;
    for (const name of names) this.#listedWeighted.push(name.tokens.map((token) => ({ token, weight: this.#weight(token), id: ids.get(token)! })));
    this.#memoValues = new Float64Array(MEMO_ROWS * ids.size);
    this.#memoStamps = new Int32Array(MEMO_ROWS * ids.size);
  }

  /** The alert threshold: hits at or above it are returned. */
  get threshold(): number {
    return this.#threshold;
  }

  /**
   * Sets the threshold from an expected false-alert rate: the negatives (people on no list) are screened on their
   * names only and the threshold becomes the lowest score at which at most `falseAlertRate` of them alert
   * (calibration.ts). Returns the calibration, so the caller can report the rate at other thresholds.
   */
  calibrate(negatives: readonly PersonQuery[], falseAlertRate: number): Calibration {
    const scores = negatives.map(
      (person) =>
        this.screen({ names: person.names, ...(person.kind !== undefined ? { kind: person.kind } : {}) }, { threshold: 0, useDateAndNationality: false, limit: 1 })[0]
          ?.score ?? 0,
    );
    const calibration = calibrationFromScores(scores);
    this.#threshold = thresholdForRate(calibration, falseAlertRate);
    return calibration;
  }

  /**
   * Screens the names of `count` evenly spaced entries, each as its entry's kind, and drops the results. A fresh
   * screener has its hot paths compiled by the JavaScript engine during its first few hundred queries, at several
   * times the steady cost per query; a server calls this once after building the screener, and the benchmark and the
   * evaluation call it before timing, so that latency is measured as a running post sees it. Every name of an entry
   * is screened (its Arabic-script and Latin names take different comparison paths), and so is the name without its
   * first part, the rest reversed (the paths of a partial, reordered name: unpaired parts, joined spellings, weak
   * pairs), at the screener's threshold so that hits and their explanations are built as in service. Only the first
   * names warmed the engine before: a path first taken in timed queries (an Arabic-script query, a partial name, a
   * hit's explanation) was compiled and re-optimised there, and that made most of the slowest 1 % (MATCHING.md,
   * section 7). Returns the CPU milliseconds spent.
   */
  warmUp(count = WARM_UP_ENTRIES): number {
    const start = process.cpuUsage();
    for (const query of this.warmUpQueries(count)) this.screen(query);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  }

  /**
   * The queries warmUp() screens, for a caller that must not hold its thread for the seconds they take: a server
   * screens them a few at a time between other work (the crossings go on meanwhile).
   */
  *warmUpQueries(count = WARM_UP_ENTRIES): Generator<PersonQuery> {
    const step = Math.max(1, Math.floor(this.#entries.length / Math.max(1, count)));
    for (let i = 0; i < this.#entries.length; i += step) {
      const { entry } = this.#entries[i]!;
      for (const name of entry.names) {
        yield { names: [name.full], kind: entry.kind };
        const parts = name.full.split(/\s+/).filter((part) => part !== '');
        if (parts.length > 1) yield { names: [parts.slice(1).reverse().join(' ')], kind: entry.kind };
      }
    }
  }

  /** Number of entries screened against. */
  get size(): number {
    return this.#entries.length;
  }

  #weight(token: NameToken): number {
    let w = this.#tokenWeights.get(token);
    if (w === undefined) {
      w = this.#index.weight(token);
      this.#tokenWeights.set(token, w);
    }
    return w;
  }

  /** Screens a person; hits at or above the threshold, best first. */
  screen(person: PersonQuery, options: ScreenOptions = {}): Hit[] {
    const threshold = options.threshold ?? this.#threshold;
    const useContext = options.useDateAndNationality ?? true;
    const decisions = options.decisions instanceof SuppressionSet ? options.decisions : new SuppressionSet(options.decisions ?? []);
    const dob = !useContext || person.dateOfBirth === undefined ? undefined : typeof person.dateOfBirth === 'string' ? parsePartialDate(person.dateOfBirth) : person.dateOfBirth;
    if (useContext && typeof person.dateOfBirth === 'string' && dob === undefined)
      throw new ScreeningError('SCREENING_INVALID_QUERY', `date of birth must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(person.dateOfBirth)}`);
    const nationalities = useContext ? nationalityCodes(person.nationalities ?? []) : [];
    const group = person.kind === undefined ? undefined : SUBJECT_KINDS.indexOf(person.kind);

    // Per query: memoised token similarities. A query token against a numbered listed token is looked up in a
    // reused table (row: the query token, column: the listed token's number, valid when stamped with this query);
    // other pairs (joined tokens, query tokens past the table) in a map.
    const memo = new Map<NameToken, Map<NameToken, number>>();
    const stamp = ++this.#memoStamp;
    const mapped = (q: NameToken, l: NameToken): number => {
      let row = memo.get(q);
      if (row === undefined) memo.set(q, (row = new Map()));
      let s = row.get(l);
      if (s === undefined) row.set(l, (s = tokenSimilarity(q, l)));
      return s;
    };
    const similarityFor = (rowBase: number): TokenSimilarityFn => (q, l, queryIndex, listedId) => {
      const row = rowBase + queryIndex;
      if (listedId < 0 || queryIndex < 0 || row >= MEMO_ROWS) return mapped(q, l);
      const cell = row * this.#tokenCount + listedId;
      if (this.#memoStamps[cell] === stamp) return this.#memoValues[cell]!;
      const s = tokenSimilarity(q, l);
      this.#memoStamps[cell] = stamp;
      this.#memoValues[cell] = s;
      return s;
    };
    let nextRow = 0;

    const good = new Map<number, BestName>();
    const weak = new Map<number, BestName>();
    const queries: { queryName: string; query: WeightedToken[]; similarity: TokenSimilarityFn }[] = [];
    const scoreName = (nameId: number, queryName: string, query: readonly WeightedToken[], similarity: TokenSimilarityFn): void => {
      const indexed = this.#index.names[nameId]!;
      const { entry } = this.#entries[indexed.entryIndex]!;
      const listedName = entry.names[indexed.nameIndex]!;
      if (options.excludeName?.(entry, listedName) === true) return;
      const target = listedName.quality === 'low' ? weak : good;
      const best = target.get(indexed.entryIndex);
      const listed = this.#listedWeighted[nameId]!;
      // The score alone: no object per comparison, and the best's object is updated in place.
      const score = scoreNames(query, listed, similarity);
      if (best !== undefined && score <= best.score) return;
      const pairs = options.limit === undefined && score + MAX_CONTEXT_RAISE >= threshold ? comparedPairs(query, listed) : undefined;
      if (best === undefined)
        target.set(indexed.entryIndex, { score, nameIndex: indexed.nameIndex, nameId, queryName, query, similarity, bestPair: comparedBestPairSimilarity(), pairs });
      else {
        best.pairs = pairs;
        best.score = score;
        best.nameIndex = indexed.nameIndex;
        best.nameId = nameId;
        best.queryName = queryName;
        best.query = query;
        best.similarity = similarity;
        best.bestPair = comparedBestPairSimilarity();
      }
    };
    for (const queryName of person.names) {
      for (const tokens of tokenizeName(queryName)) {
        const weights = tokens.map((t) => this.#index.weight(t));
        const query: WeightedToken[] = tokens.map((token, i) => ({ token, weight: weights[i]!, id: -1 }));
        const similarity = similarityFor(nextRow);
        nextRow += tokens.length;
        queries.push({ queryName, query, similarity });
        for (const { nameId } of this.#index.retrieve(tokens, weights, this.#candidateLimit, group)) scoreName(nameId, queryName, query, similarity);
      }
    }
    // A weak alias that beats the entry's retrieved good names gets all of the entry's good names scored, so a
    // corroborating good name is not missed just because retrieval ranked it low.
    for (const [entryIndex, weakName] of weak) {
      if ((good.get(entryIndex)?.score ?? 0) >= weakName.score) continue;
      for (const nameId of this.#entryNames[entryIndex] ?? []) {
        const indexed = this.#index.names[nameId]!;
        if (this.#entries[entryIndex]!.entry.names[indexed.nameIndex]!.quality === 'low') continue;
        for (const { queryName, query, similarity } of queries) scoreName(nameId, queryName, query, similarity);
      }
    }

    const documentHits = this.#documentHits(person.documents ?? [], person.kind);
    const found: FoundEntry[] = [];
    const consider = (entryIndex: number): void => {
      const prepared = this.#entries[entryIndex]!;
      const { entry } = prepared;
      const dobAgreement = compareDateOfBirth(dob, entry.datesOfBirth);
      const nationalityAgreement = compareNationality(nationalities, entry.nationalities);
      const document = documentHits.get(entryIndex);
      const goodName = good.get(entryIndex);
      const weakName = weak.get(entryIndex);
      let best = goodName;
      let weakAliasConfirmed = false;
      // A weak alias never raises a hit alone: it counts only when a good name (in part), the date of birth or a
      // document already points at the entry.
      if (weakName !== undefined && weakName.score > (goodName?.score ?? 0)) {
        const corroborated = (goodName?.bestPair ?? 0) >= WEAK_ALIAS_CORROBORATING_TOKEN;
        const confirmed =
          corroborated || (goodName?.score ?? 0) >= WEAK_ALIAS_CONFIRM_FLOOR || dobAgreement === 'exact' || document !== undefined;
        if (confirmed) {
          best = weakName;
          weakAliasConfirmed = true;
        }
      }
      let score = best === undefined ? 0 : best.score + DOB_ADJUSTMENT[dobAgreement] + NATIONALITY_ADJUSTMENT[nationalityAgreement];
      if (document !== undefined) score = Math.max(score, document.score);
      score = round6(Math.min(1, Math.max(0, score)));
      // No name evidence (only an unconfirmed weak alias) and no document: nothing to report, whatever the threshold.
      if (score < threshold || (best === undefined && document === undefined)) return;
      if (decisions.suppresses(person.id, entry.source, entry.id, prepared.hash)) return;
      found.push({ entryIndex, score, best, weakAliasConfirmed, dobAgreement, nationalityAgreement, document });
    };
    // Every entry with name or document evidence once (no set of them is built: a query reaches a few hundred).
    for (const entryIndex of good.keys()) consider(entryIndex);
    for (const entryIndex of weak.keys()) if (!good.has(entryIndex)) consider(entryIndex);
    for (const entryIndex of documentHits.keys()) if (!good.has(entryIndex) && !weak.has(entryIndex)) consider(entryIndex);
    const entryId = (f: FoundEntry): string => this.#entries[f.entryIndex]!.entry.id;
    found.sort((a, b) => b.score - a.score || (entryId(a) < entryId(b) ? -1 : entryId(a) > entryId(b) ? 1 : 0));
    if (options.limit !== undefined && found.length > options.limit) found.length = Math.max(0, options.limit);
    // Hits are made and explained for the entries returned only.
    return found.map(({ entryIndex, score, best, weakAliasConfirmed, dobAgreement, nationalityAgreement, document }): Hit => {
      const { entry, hash } = this.#entries[entryIndex]!;
      const primary = entry.names.find((n) => n.kind === 'primary') ?? entry.names[0];
      const listedName = best === undefined ? undefined : entry.names[best.nameIndex]!;
      return {
        source: entry.source,
        entryId: entry.id,
        entryKind: entry.kind,
        listType: entry.listType,
        primaryName: primary?.full ?? '',
        score,
        entryHash: hash,
        explanation: {
          ...(best !== undefined && listedName !== undefined
            ? {
                name: {
                  query: best.queryName,
                  listed: listedName.full,
                  listedKind: listedName.kind,
                  quality: listedName.quality,
                  score: round6(best.score),
                  pairs: this.#bestPairs(best),
                  ...(weakAliasConfirmed ? { weakAliasConfirmed } : {}),
                },
              }
            : {}),
          dateOfBirth: dobAgreement,
          nationality: nationalityAgreement,
          ...(document !== undefined ? { document: document.match } : {}),
        },
      };
    });
  }

  /** The token pairs of a best name comparison, compared again if not made (within its screen() call: the memo holds). */
  #bestPairs(best: BestName): readonly TokenPair[] {
    if (best.pairs !== undefined) return best.pairs;
    const listed = this.#listedWeighted[best.nameId]!;
    scoreNames(best.query, listed, best.similarity);
    return comparedPairs(best.query, listed);
  }

  /** Entries whose listed documents agree with a presented one (names play no part). */
  #documentHits(documents: readonly PresentedDocument[], kind: SubjectKind | undefined): Map<number, DocumentHit> {
    const out = new Map<number, DocumentHit>();
    for (const presented of documents)
      for (const { entryIndex, listed } of this.#documents.get(unpaddedDocumentNumber(presented.number)) ?? []) {
        if (kind !== undefined && this.#entries[entryIndex]!.entry.kind !== kind) continue;
        if (!sameDocumentNumber(presented.number, listed.number)) continue;
        const otherIssuer = presented.country !== undefined && listed.country !== undefined && presented.country !== listed.country;
        const score = otherIssuer ? DOCUMENT_OTHER_ISSUER_SCORE : DOCUMENT_SCORE;
        if ((out.get(entryIndex)?.score ?? 0) < score)
          out.set(entryIndex, { score, match: { presented: presented.number, listed: listed.number, kind: listed.kind } });
      }
    return out;
  }
}
