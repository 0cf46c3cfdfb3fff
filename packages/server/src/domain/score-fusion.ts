/**
 * Fusing the calibrated scores of several fingers of one person into one score on the same scale: the sum of the
 * finger scores converted back to a calibrated score through the Erlang tail of summed impostor scores, so a fused
 * score S still means a false-match rate of about 10^(-S/10) for that person.
 *
 * The function lives in the engine (packages/engine/src/identify/fusion.ts, where the derivation is written out),
 * because the engine's 1:N gallery fuses in its search workers; the service's rules use the same one.
 */
export { fuseFingerScores, scoreToFmr } from '@sarhad/engine';
