/**
 * @sarhad/engine: fingerprint biometrics in pure TypeScript, no runtime dependencies.
 * image -> minutiae -> template -> 1:1 match (calibrated to false-match rate) -> 1:N search.
 */
export * from './errors.js';

// Images: the grey raster the engine takes, resampled to 500 dpi, and ISO/IEC 19794-4 finger image records.
export * from './image/gray-image.js';
export * from './image/resample.js';
export * from './image/iso19794-4.js';

// Extraction: image -> minutiae template with quality.
export * from './minutiae/extract.js';
export * from './extract-pool/extraction-pool.js';

// Templates: the in-memory model and its codecs (Sarhad, ISO/IEC 19794-2:2005, ANSI/INCITS 378-2004).
export * from './template/template.js';
export * from './template/template-format.js';
export * from './template/template-fields.js';
export * from './template/angle-units.js';
export * from './template/internal-format.js';
export * from './template/iso19794-2.js';
export * from './template/ansi378.js';
export * from './template/detect.js';

// Matching: prepare once, compare many times; scores calibrated to false-match rate.
export * from './match/prepared-template.js';
export * from './match/matcher.js';
export * from './match/calibration.js';

// 1:N identification: a gallery in shared memory, a candidate index, parallel search, fusion, FPIR thresholds.
export * from './identify/fingerprint-gallery.js';
export {
  encodeFinger,
  encodeSubject,
  fingerBatchBuffers,
  newFingerBatch,
  type FingerBatch,
  type GalleryFingerInput,
} from './identify/finger-batch.js';
export * from './identify/fusion.js';
export * from './identify/fpir.js';
export { SNAPSHOT_MAGIC, SNAPSHOT_VERSION, type SnapshotSink, type SnapshotSource } from './identify/snapshot-format.js';
export { startModuleWorker } from './identify/module-worker.js';
export { DEFAULT_PENETRATION, DEFAULT_SHORTLIST, defaultShortlist, MAX_FINGER_CODES, MAX_GALLERY_MINUTIAE, MAX_SUBJECT_FINGERS } from './identify/identify-parameters.js';
export { RECORD_BYTES } from './identify/gallery-chunk.js';

// Evaluation: FVC protocol, error rates, DET curves.
export * from './eval/fvc-protocol.js';
export * from './eval/metrics.js';
export * from './eval/quantile.js';
export * from './eval/det-svg.js';

// Synthetic fingerprints (SFinGe-style) for tests and the demo post.
export * from './synthetic/index.js';
