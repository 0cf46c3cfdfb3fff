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
 * Snapshot (optional, `snapshotFile`): at close, when the gallery holds exactly the subjects stored, it is written
 * with the database's watermark (finger and subject counts and the latest creation time: GallerySource.state); at
 * the next start it is used only if the watermark is unchanged, else the database is read. A crash leaves the last
 * snapshot, which is still used if nothing changed since; a snapshot that cannot be read is ignored (logged).
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { FingerprintGallery, type GalleryFingerInput } from '@sarhad/engine';
import type { DB } from '../db/schema.js';
import {
  TRAVELLER_FINGERPRINTS,
  confirmedHits,
  templateFromStored,
  type GalleryComparison,
  type GalleryFinger,
  type GallerySource,
  type IdentificationGallery,
  type IdentifyOptions,
  type StoredFinger,
} from './identification-gallery.js';
import { readGallerySnapshot, writeGallerySnapshot } from './gallery-snapshot.js';

/** Rows read per query while loading. */
const LOAD_BATCH = 2000; // fingerprints
/** Extra candidates asked of the engine, so that a few found deleted can be replaced. */
const CONFIRM_SLACK = 5; // candidates

export interface IndexedGalleryOptions {
  /** Search worker threads (default: one per core). */
  readonly workers?: number;
  /** Where failures (a re-read, a snapshot) and snapshot use are reported. */
  readonly logger?: Pick<Logger, 'error' | 'info'>;
  /** Snapshot file read at load when in step with the database, and written at close. */
  readonly snapshotFile?: string;
}

function inputOf(finger: GalleryFinger): GalleryFingerInput {
  if (!finger.template) throw new Error(`finger ${finger.position} has no template: the indexed gallery needs one`);
  return { position: finger.position, template: finger.template };
}

/** Stored fingers as the engine takes them: decoded only (the engine compacts them; no matcher preparation). */
function inputsOfStored(rows: readonly StoredFinger[]): GalleryFingerInput[] {
  return rows.map((r) => ({ position: r.position, template: templateFromStored(r.template) }));
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
  /** Where the loaded gallery came from (undefined until loaded). */
  #loadedFrom: 'snapshot' | 'database' | undefined;

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

  /** Where the gallery was loaded from: its snapshot file or the database (undefined before the load ends). */
  get loadedFrom(): 'snapshot' | 'database' | undefined {
    return this.#loadedFrom;
  }

  /** The snapshot as a gallery, when it exists, reads soundly and is in step with the database. */
  async #fromSnapshot(): Promise<FingerprintGallery | undefined> {
    const file = this.#options.snapshotFile;
    if (file === undefined || !existsSync(file) || this.#engine) return undefined;
    let loaded: { gallery: FingerprintGallery; watermark: string | undefined };
    try {
      loaded = readGallerySnapshot(file, this.#options.workers === undefined ? {} : { workers: this.#options.workers });
    } catch (error) {
      this.#options.logger?.error({ err: error, file }, 'gallery snapshot unreadable; reading the database');
      return undefined;
    }
    const { watermark } = await this.#source.state(this.#db);
    if (loaded.watermark === watermark) return loaded.gallery;
    this.#options.logger?.info({ file, snapshot: loaded.watermark, database: watermark }, 'gallery snapshot out of step; reading the database');
    await loaded.gallery.close();
    return undefined;
  }

  async #load(): Promise<void> {
    const snapshot = await this.#fromSnapshot();
    if (snapshot && !this.#engine && !this.#closed) {
      this.#engine = snapshot;
      this.#loadedFrom = 'snapshot';
      return;
    }
    await snapshot?.close();
    this.#gallery();
    await this.#loadDatabase();
    this.#loadedFrom = 'database';
  }

  async #loadDatabase(): Promise<void> {
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
    if (this.#closed) return;
    this.#closed = true;
    const engine = this.#engine;
    if (engine && this.#loadedFrom !== undefined) await this.#writeSnapshot(engine);
    await engine?.close();
  }

  /** Writes the snapshot when the gallery holds exactly the subjects stored; failures are logged, never thrown. */
  async #writeSnapshot(engine: FingerprintGallery): Promise<void> {
    const file = this.#options.snapshotFile;
    if (file === undefined || !existsSync(dirname(file))) return;
    try {
      await this.#rereads;
      const state = await this.#source.state(this.#db);
      if (state.subjects !== engine.size) {
        // Someone deleted fingers behind this process's back: the next start reads the database instead.
        this.#options.logger?.info({ file, stored: state.subjects, held: engine.size }, 'gallery out of step; no snapshot written');
        return;
      }
      writeGallerySnapshot(engine, file, state.watermark);
    } catch (error) {
      this.#options.logger?.error({ err: error, file }, 'gallery snapshot not written');
    }
  }
}
