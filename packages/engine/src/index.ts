/**
 * @sarhad/engine: fingerprint biometrics in pure TypeScript, no runtime dependencies.
 * image -> minutiae -> template -> 1:1 match (calibrated to false-match rate) -> 1:N search.
 */
export * from './errors.js';
export * from './image/gray-image.js';
export * from './template/template.js';
export * from './template/template-format.js';
export * from './template/template-fields.js';
export * from './template/angle-units.js';
export * from './template/internal-format.js';
export * from './template/iso19794-2.js';
export * from './template/ansi378.js';
export * from './template/detect.js';
export * from './eval/fvc-protocol.js';
export * from './eval/metrics.js';
export * from './eval/quantile.js';
export * from './eval/det-svg.js';
export * from './image/resample.js';
export * from './minutiae/extract.js';
export * from './synthetic/index.js';
export * from './match/prepared-template.js';
export * from './match/matcher.js';
export * from './match/calibration.js';
