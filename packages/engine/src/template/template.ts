/**
 * The engine's in-memory fingerprint template: minutiae in a 500-dpi pixel frame plus the capture metadata that
 * ISO/IEC 19794-2 and ANSI/INCITS 378 carry. Every codec (internal binary, ISO, ANSI) converts to and from this.
 *
 * Conventions (the same as ISO/IEC 19794-2:2005 clause 6.4.1, so conversion is a change of units only):
 * - origin at the top-left pixel, x grows to the right, y grows downwards;
 * - `direction` in radians in [0, 2π), measured counter-clockwise from the positive x axis as the image is
 *   viewed, so a direction θ points along the image vector (cos θ, -sin θ).
 */

export const MINUTIA_TYPES = ['other', 'ending', 'bifurcation'] as const;
export type MinutiaType = (typeof MINUTIA_TYPES)[number];

/** ISO/IEC 19794-2 impression types (clause 7.4.2.2, table 2). */
export const IMPRESSION_TYPES = {
  livePlain: 0,
  liveRolled: 1,
  nonLivePlain: 2,
  nonLiveRolled: 3,
  swipe: 8,
} as const;

export interface Minutia {
  /** Pixels at 500 dpi from the left edge. */
  readonly x: number;
  /** Pixels at 500 dpi from the top edge. */
  readonly y: number;
  /** Radians in [0, 2π), counter-clockwise from +x as viewed (see module comment). */
  readonly direction: number;
  readonly type: MinutiaType;
  /** 0 (unknown or worst) to 100 (best). */
  readonly quality: number;
}

export interface FingerprintTemplate {
  /** Width of the capture in pixels at 500 dpi. */
  readonly width: number;
  /** Height of the capture in pixels at 500 dpi. */
  readonly height: number;
  /** 0 unknown, 1..10 right thumb .. left little (ISO/IEC 19794-2 table 4 / ANSI 378 table 5). */
  readonly fingerPosition: number;
  /** One of {@link IMPRESSION_TYPES}. */
  readonly impressionType: number;
  /** Overall finger quality 0..100 (0 where unknown). */
  readonly quality: number;
  readonly minutiae: readonly Minutia[];
}
