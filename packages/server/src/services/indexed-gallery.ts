/**
 * The server's 1:N gallery over the engine's {@link FingerprintGallery} (packages/engine/src/identify): fingers in
 * shared memory, a candidate index that passes a small shortlist to full matching, searches in worker threads
 * while enrolments continue. Same interface and answers as the exhaustive gallery (its reference, compared in
 * test/galleries.test.ts); chosen with `SARHAD_GALLERY=indexed` (the default).
 *
 * Loading reads the population once, subject by subject (each subject's fingers together, as the engine inserts a
 * whole subject), in batches. Writes are synchronous in the engine, so `add` and `remove` take effect at once; a
 * traveller given more fingers is re-read from the database (the engine replaces a subject's fingers as a whole and
 * keeps only compact minutiae), and searches wait for such re-reads so they see every enrolment committed before.
 * Candidates are confirmed against the database before they are answered, as in the exhaustive gallery.
 *
 * The engine's snapshot file is not used yet: a restart reads the database (DATABASE.md).
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { FingerprintGallery, type GalleryFingerInput } from '@sarhad/engine';
import type { DB } from '../db/schema.js';
import {
  TRAVELLER_FINGERPRINTS,
  confirmedHits,
  galleryFingerFromStored,
  type GalleryComparison,
  type GalleryFinger,
  type GallerySource,
  type IdentificationGallery,
  type IdentifyOptions,
  type StoredFinger,
} from './identification-gallery.js';

/** Rows read per query while loading. */
const LOAD_BATCH = 2000; // fingerprints
/** Extra candidates asked of the engine, so that a few found deleted can be replaced. */
const CONFIRM_SLACK = 5; // candidates

export interface IndexedGalleryOptions {
  /** Search worker threads (default: one per core). */
  readonly workers?: number;
  /** Where a failed re-read of a subject is reported. */
  readonly logger?: Pick<Logger, 'error'>;
}

function inputOf(finger: GalleryFinger): GalleryFingerInput {
  if (!finger.template) throw new Error(`finger ${finger.position} has no template: the indexed gallery needs one`);
  return { position: finger.position, template: finger.template };
}

function inputsOfStored(rows: readonly StoredFinger[]): GalleryFingerInput[] {
  return rows.map((r) => inputOf(galleryFingerFromStored(r.position, r.template)));
}

export class IndexedGallery implements IdentificationGallery {
  readonly #db: Kysely<DB>;
  readonly #source: GallerySource;
  readonly #options: IndexedGalleryOptions;
  #engine: FingerprintGallery | undefined;
  #loading: Promise<void> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  /** Re-reads of subjects given more fingers, in order; searches wait for them. */
  #rereads: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(db: Kysely<DB>, source: GallerySource = TRAVELLER_FINGERPRINTS, options: IndexedGalleryOptions = {}) {
    this.#db = db;
    this.#source = source;
    this.#options = options;
  }

  ready(): Promise<void> {
    this.#loading ??= this.#load().catch((error: unknown) => {
      this.#loading = undefined; // a later call retries (the database may have been unavailable)
      throw error;
    });
    return this.#loading;
  }

  /** The engine gallery, started on first use (its worker threads start with it). */
  #gallery(): FingerprintGallery {
    if (this.#closed) throw new Error('the gallery is closed');
    this.#engine ??= new FingerprintGallery(this.#options.workers === undefined ? {} : { workers: this.#options.workers });
    return this.#engine;
  }

  /** Puts a whole subject as stored (insert, or replace when `add` got there first during the load). */
  #put(subjectId: string, rows: readonly StoredFinger[]): void {
    const gallery = this.#gallery();
    if (rows.length === 0) gallery.delete(subjectId);
    else if (gallery.has(subjectId)) gallery.update(subjectId, inputsOfStored(rows));
    else gallery.insert(subjectId, inputsOfStored(rows));
  }

  async #load(): Promise<void> {
    this.#gallery();
    let after = '';
    for (;;) {
      const rows = await this.#source.listBySubjectAfter(this.#db, after, LOAD_BATCH);
      // A full batch may end part-way through a subject: keep that subject for the next batch.
      const complete = rows.length < LOAD_BATCH ? rows : rows.filter((r) => r.subjectId !== rows[rows.length - 1]!.subjectId);
      if (complete.length === 0 && rows.length > 0) throw new Error(`a subject has more than ${LOAD_BATCH} fingers`);
      let start = 0;
      for (let i = 1; i <= complete.length; i++) {
        if (i === complete.length || complete[i]!.subjectId !== complete[start]!.subjectId) {
          this.#put(complete[start]!.subjectId, complete.slice(start, i));
          start = i;
        }
      }
      if (rows.length < LOAD_BATCH) return;
      after = complete[complete.length - 1]!.subjectId;
    }
  }

  /** Waits for the load and for re-reads queued before this call. */
  async #current(): Promise<FingerprintGallery> {
    await this.ready();
    await this.#rereads;
    return this.#gallery();
  }

  async identify(probe: readonly GalleryFinger[], options: IdentifyOptions): Promise<GalleryComparison[]> {
    const gallery = await this.#current();
    if (gallery.size === 0 || options.limit <= 0) return [];
    const result = await gallery.search(probe.map(inputOf), {
      threshold: options.threshold,
      limit: options.limit + CONFIRM_SLACK,
      ...(options.exclude === undefined ? {} : { exclude: options.exclude }),
    });
    const hits: GalleryComparison[] = result.candidates.map((c) => ({ travellerId: c.subjectId, score: c.score, fingers: c.fingers }));
    return confirmedHits(this.#db, this.#source, hits, options.limit, (id) => this.remove(id));
  }

  async verify(travellerId: string, probe: readonly GalleryFinger[]): Promise<GalleryComparison | undefined> {
    const found = (await this.#current()).verify(travellerId, probe.map(inputOf));
    return found && { travellerId, score: found.score, fingers: found.fingers };
  }

  add(travellerId: string, fingers: readonly GalleryFinger[]): void {
    // Before the load starts the rows are in the database and the load will read them.
    if (!this.#loading || this.#closed) return;
    const gallery = this.#gallery();
    if (!gallery.has(travellerId)) {
      gallery.insert(travellerId, fingers.map(inputOf));
      return;
    }
    // More fingers for someone enrolled: the engine replaces a subject whole, so read all of them back.
    this.#rereads = this.#rereads
      .then(async () => this.#put(travellerId, await this.#source.fingersOf(this.#db, travellerId)))
      .catch((error: unknown) => {
        // Not fatal to later searches: this traveller keeps the fingers held before until the next start.
        this.#options.logger?.error({ err: error, subject: travellerId }, 'gallery: re-reading a subject failed');
      });
  }

  remove(travellerId: string): void {
    if (this.#engine && !this.#closed) this.#engine.delete(travellerId);
  }

  async positionsOf(travellerId: string): Promise<readonly number[]> {
    return (await this.#current()).positionsOf(travellerId);
  }

  async size(): Promise<number> {
    return (await this.#current()).size;
  }

  serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#engine?.close();
  }
}
