/**
 * Order statistics for timing reports (median and p95 extraction time, median comparison rate). Kept apart from
 * the accuracy metrics: these summarise measurements, not score distributions.
 */
import { EngineError } from '../errors.js';

function sortedCopy(values: ArrayLike<number>, what: string): Float64Array {
  if (values.length === 0) throw new EngineError('ENGINE_EVAL_INPUT', `no values to take a ${what} of`);
  // Float64Array sorts numerically, ascending.
  return Float64Array.from(values as ArrayLike<number>).sort();
}

/**
 * The `q`-quantile (0 < q <= 1) of `values` by the nearest-rank method: the smallest value with at least
 * q · n values at or below it. Always one of the measured values (no interpolation), so p95 of 80 timings is the
 * 76th fastest.
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (!(q > 0 && q <= 1)) throw new EngineError('ENGINE_EVAL_INPUT', `a quantile must be in (0, 1], got ${q}`);
  const sorted = sortedCopy(values, 'quantile');
  const rank = Math.ceil(q * sorted.length - 1e-9);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}

/** The median of `values`: the middle value, or the mean of the two middle values when the count is even. */
export function median(values: ArrayLike<number>): number {
  const sorted = sortedCopy(values, 'median');
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
