/**
 * Which 1:N gallery the server runs, from the configuration (`SARHAD_GALLERY`): the engine's indexed gallery
 * (default: candidate index, worker threads) or the exhaustive one (every subject fully matched; the reference).
 * One function for every population: enrolled travellers (enrolment de-duplication, identification at crossings)
 * and the ABIS references.
 */
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { ExhaustiveGallery, TRAVELLER_FINGERPRINTS, type GallerySource, type IdentificationGallery } from './identification-gallery.js';
import { IndexedGallery } from './indexed-gallery.js';

/** The configured gallery over `source` (enrolled travellers unless told otherwise). */
export function createGallery(
  db: Kysely<DB>,
  config: Pick<Config, 'gallery'>,
  source: GallerySource = TRAVELLER_FINGERPRINTS,
  logger?: Pick<Logger, 'error' | 'info'>,
): IdentificationGallery {
  if (config.gallery.kind === 'exhaustive') return new ExhaustiveGallery(db, source);
  const { workers, snapshotDir } = config.gallery;
  return new IndexedGallery(db, source, {
    ...(workers === undefined ? {} : { workers }),
    ...(logger ? { logger } : {}),
    ...(snapshotDir === undefined ? {} : { snapshotFile: join(snapshotDir, `gallery-${source.name}.snapshot`) }),
  });
}
