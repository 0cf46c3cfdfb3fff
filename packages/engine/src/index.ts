/**
 * @sarhad/engine: fingerprint biometrics in pure TypeScript, no runtime dependencies.
 * image -> minutiae -> template -> 1:1 match (calibrated to false-match rate) -> 1:N search.
 */
export * from './errors.js';
export * from './image/gray-image.js';
export * from './template/template.js';
export * from './eval/fvc-protocol.js';
export * from './eval/metrics.js';
export * from './eval/quantile.js';
export * from './eval/det-svg.js';
