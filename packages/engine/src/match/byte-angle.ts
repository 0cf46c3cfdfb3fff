/**
 * Angles stored in one byte: 256 units per turn (1.40625 degrees each). The matcher keeps every angle in this form
 * because differences wrap for free with `& 255`, comparisons are integer operations, and a prepared template
 * stays small. 1.4 degrees is well below the ±10 degree tolerance the matcher applies, so the rounding costs no
 * accuracy.
 */

/** Byte-angle units in a full turn. */
export const BYTE_ANGLE_TURN = 256;

/** Converts radians (any value; wrapped) to the nearest byte angle 0..255. */
export function toByteAngle(radians: number): number {
  return Math.round((radians * BYTE_ANGLE_TURN) / (2 * Math.PI)) & 255;
}

/** Converts a byte angle back to radians in [0, 2π). */
export function fromByteAngle(angle: number): number {
  return ((angle & 255) * 2 * Math.PI) / BYTE_ANGLE_TURN;
}

/** The unsigned distance between two byte angles along the shorter way round: 0..128. */
export function byteAngleDistance(a: number, b: number): number {
  const d = (a - b) & 255;
  return d <= 128 ? d : 256 - d;
}

/** {@link byteAngleDistance} of a wrapped difference `(a - b) & 255`, as a table for the matcher's hot loops. */
export const BYTE_ANGLE_DISTANCE: Uint8Array = Uint8Array.from({ length: 256 }, (_, d) => (d <= 128 ? d : 256 - d));
