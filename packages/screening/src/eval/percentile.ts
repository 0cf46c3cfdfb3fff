/** Percentiles of latency samples (nearest-rank method, as latency reports usually state them). */

/** The p-th percentile (0 < p <= 100) of `samples` by nearest rank; 0 for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
