/** The y axis of the hour chart: a round maximum split into a few equal steps, as people read axes. */

/** Grid lines above zero. */
export const Y_STEPS = 4;

/** A round axis maximum at or above `max`: 1, 2, 2.5 or 5 times a power of ten, split in Y_STEPS. */
export function niceAxisMax(max: number): number {
  if (max <= Y_STEPS) return Y_STEPS;
  const rough = max / Y_STEPS;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  return Math.ceil(step) * Y_STEPS;
}
