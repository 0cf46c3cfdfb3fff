/**
 * The 1:N identification gallery: every enrolled finger, prepared for matching and held in memory. Loaded from the
 * database once when the application becomes ready, updated after each enrolment commits, and emptied of a subject
 * after the transaction that deleted their fingers commits (retention). Search is exhaustive (every subject who has
 * a finger at a probe's position is compared); a candidate index sits behind the same {@link IdentificationGallery}
 * interface.
 *
 * A gallery holds one population, read through a {@link GallerySource}: enrolled travellers (`fingerprints`, the
 * default) or the references an identity platform stored through the ABIS interface (`abis_fingers`). Candidates
 * are confirmed against the source before they are answered, so fingers deleted behind this process's back (by
 * `sarhad retention purge` from the console) are never reported, and are dropped from memory when noticed.
 *
 * Per traveller, the scores of the fingers compared are fused by {@link fuseFingerScores} (sum of calibrated
 * scores, converted back to a calibrated score through the Erlang tail: see domain/score-fusion.ts), so a fused
 * score S means a false-match rate of about 10^(-S/10) for that traveller. Over a gallery of N travellers the
 * false-positive identification rate is about N times that.
 *
 * The gallery belongs to one server process. Several processes writing one PostgreSQL database would each miss
 * the others' enrolments until restarted; a post runs one process per database (DATABASE.md).
 */
import type { Kysely } from 'kysely';
import { decodeAnyTemplate, matchPrepared, prepare, type FingerprintTemplate, type PreparedTemplate } from '@sarhad/engine';
import * as fingerprintsRepo from '../repositories/fingerprints-repository.js';
import * as abisRepo from '../repositories/abis-repository.js';
import type { DB } from '../db/schema.js';
import { fuseFingerScores } from '../domain/score-fusion.js';
import { preparedFromStored } from './fingerprint-capture.js';

/**
 * A probe or enrolled finger: its position, template and prepared template (the exhaustive gallery matches the
 * prepared form; the indexed gallery encodes the template). Captures (CapturedFinger) carry both.
 */
export interface GalleryFinger {
  readonly position: number;
  readonly prepared: PreparedTemplate;
  readonly template?: FingerprintTemplate;
}

/** A stored template (Sarhad internal format, base64), decoded. */
export function templateFromStored(templateBase64: string): FingerprintTemplate {
  return decodeAnyTemplate(new Uint8Array(Buffer.from(templateBase64, 'base64'))).views[0]!;
}

/** A stored finger (Sarhad template, base64) as a gallery finger, decoded and prepared. */
export function galleryFingerFromStored(position: number, templateBase64: string): GalleryFinger {
  const template = templateFromStored(templateBase64);
  return { position, template, prepared: prepare(template) };
}

/** One finger compared: the probe position and the calibrated 1:1 score. */
export interface FingerScore {
  readonly position: number;
  readonly score: number;
}

/**
 * A subject compared against a probe: fused score and the per-finger scores it came from. The subject is a
 * traveller id (or, in the ABIS gallery, a referenceId).
 */
export interface GalleryComparison {
  readonly travellerId: string;
  readonly score: number;
  readonly fingers: readonly FingerScore[];
}

export interface IdentifyOptions {
  /** Calibrated fused score a candidate must reach. */
  readonly threshold: number;
  /** Most candidates returned, best first. */
  readonly limit: number;
  /** A traveller to leave out (the one being enrolled more fingers). */
  readonly exclude?: string;
}

/** The operations enrolment and crossings need from a 1:N gallery. */
export interface IdentificationGallery {
  /** Loads the enrolled fingers (once; later calls wait for the same load). */
  ready(): Promise<void>;
  /** Travellers whose fused score reaches the threshold, best first. */
  identify(probe: readonly GalleryFinger[], options: IdentifyOptions): Promise<GalleryComparison[]>;
  /** The probe against one traveller's fingers at the same positions; undefined when they share none. */
  verify(travellerId: string, probe: readonly GalleryFinger[]): Promise<GalleryComparison | undefined>;
  /** Fingers now enrolled for a traveller (call after the transaction that stored them commits). */
  add(travellerId: string, fingers: readonly GalleryFinger[]): void;
  /**
   * Forgets every finger of a traveller (call after the transaction that deleted them commits), so they can no
   * longer be identified. Removing someone absent is harmless.
   */
  remove(travellerId: string): void;
  /** Positions enrolled for a traveller. */
  positionsOf(travellerId: string): Promise<readonly number[]>;
  /** Number of travellers with at least one finger. */
  size(): Promise<number>;
  /** Releases what the gallery holds (worker threads); it answers nothing afterwards. */
  close(): Promise<void>;
  /**
   * Runs `work` after every earlier call's work has finished: an enrolment searches and then inserts, and two
   * enrolments of the same person must not both search before either inserts.
   */
  serialize<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Travellers compared between yields to the event loop: an exhaustive search costs about 40-130 µs per finger
 * comparison, so without yielding a search over tens of thousands of travellers would stall every other request.
 */
const YIELD_EVERY = 256; // travellers

/** Rows read per query while loading. */
const LOAD_BATCH = 2000; // fingerprints

/** One stored finger as a gallery loads it: the subject it belongs to, its position and Sarhad template (base64). */
export interface StoredFinger {
  readonly id: string;
  readonly subjectId: string;
  readonly position: number;
  readonly template: string;
}

/** Where a gallery's population is stored. */
export interface GallerySource {
  /** Short name of the population (`travellers`, `abis`), e.g. for its snapshot file. */
  readonly name: string;
  /**
   * How many subjects have fingers, and a watermark that changes whenever a finger is stored or deleted (counts and
   * the latest creation time): a snapshot taken at one watermark is in step with the database while it is unchanged.
   */
  state(db: Kysely<DB>): Promise<{ readonly subjects: number; readonly watermark: string }>;
  /** Fingers in id order after `afterId` (`''` for the first batch), at most `limit`. */
  listAfter(db: Kysely<DB>, afterId: string, limit: number): Promise<StoredFinger[]>;
  /** Fingers of subjects after `afterSubjectId`, by subject then position, at most `limit` rows. */
  listBySubjectAfter(db: Kysely<DB>, afterSubjectId: string, limit: number): Promise<StoredFinger[]>;
  /** One subject's fingers. */
  fingersOf(db: Kysely<DB>, subjectId: string): Promise<StoredFinger[]>;
  /** Of `subjectIds`, those that still have at least one finger stored. */
  withFingers(db: Kysely<DB>, subjectIds: readonly string[]): Promise<Set<string>>;
}

/** Enrolled travellers: the `fingerprints` table. */
export const TRAVELLER_FINGERPRINTS: GallerySource = {
  name: 'travellers',
  state: async (db) => {
    const s = await fingerprintsRepo.fingerprintsState(db);
    return { subjects: s.travellers, watermark: `fingerprints rows=${s.rows} travellers=${s.travellers} latest=${s.latest ?? '-'}` };
  },
  listAfter: async (db, afterId, limit) =>
    (await fingerprintsRepo.listTemplatesAfter(db, afterId, limit)).map((r) => ({
      id: r.id,
      subjectId: r.traveller_id,
      position: r.finger_position,
      template: r.template,
    })),
  listBySubjectAfter: async (db, after, limit) =>
    (await fingerprintsRepo.listTemplatesByTravellerAfter(db, after, limit)).map((r) => ({
      id: r.id,
      subjectId: r.traveller_id,
      position: r.finger_position,
      template: r.template,
    })),
  fingersOf: async (db, id) =>
    (await fingerprintsRepo.listFingerprints(db, id)).map((r) => ({ id: r.id, subjectId: r.traveller_id, position: r.finger_position, template: r.template })),
  withFingers: (db, ids) => fingerprintsRepo.travellersWithFingerprints(db, ids),
};

/** References stored through the MOSIP ABIS interface: the `abis_fingers` table. */
export const ABIS_REFERENCE_FINGERS: GallerySource = {
  name: 'abis',
  state: async (db) => {
    const s = await abisRepo.fingersState(db);
    return { subjects: s.references, watermark: `abis_fingers rows=${s.rows} references=${s.references} latest=${s.latest ?? '-'}` };
  },
  listAfter: async (db, afterId, limit) =>
    (await abisRepo.listFingersAfter(db, afterId, limit)).map((r) => ({
      id: r.id,
      subjectId: r.reference_id,
      position: r.finger_position,
      template: r.template,
    })),
  listBySubjectAfter: async (db, after, limit) =>
    (await abisRepo.listFingersByReferenceAfter(db, after, limit)).map((r) => ({
      id: r.id,
      subjectId: r.reference_id,
      position: r.finger_position,
      template: r.template,
    })),
  fingersOf: async (db, id) =>
    (await abisRepo.listFingers(db, id)).map((r) => ({ id: r.id, subjectId: r.reference_id, position: r.finger_position, template: r.template })),
  withFingers: (db, ids) => abisRepo.referencesWithFingers(db, ids),
};

/**
 * The first `limit` of `hits` (best first) whose subjects still have fingers stored; `forget` is called for each
 * subject found deleted, so the gallery drops it. Shared by every gallery implementation.
 */
export async function confirmedHits(
  db: Kysely<DB>,
  source: GallerySource,
  hits: readonly GalleryComparison[],
  limit: number,
  forget: (subjectId: string) => void,
): Promise<GalleryComparison[]> {
  const kept: GalleryComparison[] = [];
  if (limit <= 0) return kept;
  for (let start = 0; start < hits.length && kept.length < limit; start += limit) {
    const batch = hits.slice(start, start + limit);
    const stored = await source.withFingers(db, batch.map((h) => h.travellerId));
    for (const hit of batch) {
      if (!stored.has(hit.travellerId)) forget(hit.travellerId);
      else if (kept.length < limit) kept.push(hit);
    }
  }
  return kept;
}

/** An exhaustive in-memory gallery over one {@link GallerySource} (enrolled travellers unless told otherwise). */
export class ExhaustiveGallery implements IdentificationGallery {
  readonly #db: Kysely<DB>;
  readonly #source: GallerySource;
  readonly #byTraveller = new Map<string, Map<number, PreparedTemplate>>();
  #loading: Promise<void> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(db: Kysely<DB>, source: GallerySource = TRAVELLER_FINGERPRINTS) {
    this.#db = db;
    this.#source = source;
  }

  ready(): Promise<void> {
    this.#loading ??= this.#load().catch((error: unknown) => {
      this.#loading = undefined; // a later call retries (the database may have been unavailable)
      throw error;
    });
    return this.#loading;
  }

  async #load(): Promise<void> {
    let after = '';
    for (;;) {
      const rows = await this.#source.listAfter(this.#db, after, LOAD_BATCH);
      for (const row of rows) this.#put(row.subjectId, row.position, preparedFromStored(row.template));
      if (rows.length < LOAD_BATCH) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  #put(travellerId: string, position: number, prepared: PreparedTemplate): void {
    let fingers = this.#byTraveller.get(travellerId);
    if (!fingers) this.#byTraveller.set(travellerId, (fingers = new Map()));
    fingers.set(position, prepared);
  }

  #compare(travellerId: string, enrolled: Map<number, PreparedTemplate>, probe: readonly GalleryFinger[]): GalleryComparison | undefined {
    const fingers: FingerScore[] = [];
    for (const finger of probe) {
      const candidate = enrolled.get(finger.position);
      if (candidate) fingers.push({ position: finger.position, score: matchPrepared(finger.prepared, candidate) });
    }
    if (fingers.length === 0) return undefined;
    return { travellerId, score: fuseFingerScores(fingers.map((f) => f.score)), fingers };
  }

  async identify(probe: readonly GalleryFinger[], options: IdentifyOptions): Promise<GalleryComparison[]> {
    await this.ready();
    const hits: GalleryComparison[] = [];
    let compared = 0;
    for (const [travellerId, enrolled] of this.#byTraveller) {
      if (++compared % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (travellerId === options.exclude) continue;
      const comparison = this.#compare(travellerId, enrolled, probe);
      if (comparison && comparison.score >= options.threshold) hits.push(comparison);
    }
    hits.sort((a, b) => b.score - a.score || (a.travellerId < b.travellerId ? -1 : 1));
    return confirmedHits(this.#db, this.#source, hits, options.limit, (id) => this.remove(id));
  }


  async verify(travellerId: string, probe: readonly GalleryFinger[]): Promise<GalleryComparison | undefined> {
    await this.ready();
    const enrolled = this.#byTraveller.get(travellerId);
    return enrolled && this.#compare(travellerId, enrolled, probe);
  }

  add(travellerId: string, fingers: readonly GalleryFinger[]): void {
    // Before the load finishes the rows are in the database and the load will read them.
    if (!this.#loading) return;
    for (const finger of fingers) this.#put(travellerId, finger.position, finger.prepared);
  }

  remove(travellerId: string): void {
    this.#byTraveller.delete(travellerId);
  }

  async positionsOf(travellerId: string): Promise<readonly number[]> {
    await this.ready();
    return [...(this.#byTraveller.get(travellerId)?.keys() ?? [])].sort((a, b) => a - b);
  }

  async size(): Promise<number> {
    await this.ready();
    return this.#byTraveller.size;
  }

  serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    // Nothing outside the heap to release.
  }
}

