/**
 * Synthetic fingerprints of people who do not exist, SFinGe-style (Cappelli, Maio, Maltoni; see
 * packages/engine/SYNTHETIC.md): master prints of a finger and impressions of it, deterministic for a seed. For
 * tests, demos and accuracy evaluations that must not use anyone's real fingerprints.
 */
export { FINGERPRINT_CLASSES, FINGERPRINT_CLASS_FREQUENCIES, type FingerprintClass } from './fingerprint-class.js';
export { type FingertipShape, MIN_MASTER_HEIGHT, MIN_MASTER_WIDTH } from './fingertip-mask.js';
export { SINGULARITY_TYPES, type SingularityType, type SingularPoint } from './singular-points.js';
export { MAX_RIDGE_PERIOD, MIN_RIDGE_PERIOD } from './ridge-period.js';
export {
  generateMasterPrint,
  MASTER_HEIGHT,
  MASTER_WIDTH,
  type MasterPrint,
  type MasterPrintOptions,
} from './master-print.js';
export {
  IMPRESSION_PARAMETER_NAMES,
  IMPRESSION_PRESET_RANGES,
  IMPRESSION_PRESETS,
  type ImpressionParameterName,
  type ImpressionParameters,
  type ImpressionPreset,
  type ParameterRange,
} from './impression-parameters.js';
export { generateImpression, impressionParameters, type ImpressionOptions, MIN_IMPRESSION_SIDE } from './impression.js';
export { Prng } from './prng.js';
export {
  fingerId,
  syntheticFingerImpression,
  syntheticMinutiaeImpression,
  syntheticPersonFinger,
} from './minutiae-finger.js';
export { type SyntheticFinger, syntheticFinger } from './minutiae-master.js';
export { syntheticImpression } from './minutiae-impression.js';
export { BACKGROUND_ENROLMENT_CAPTURE, syntheticBackgroundTemplate } from './background-templates.js';
