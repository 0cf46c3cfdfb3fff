/**
 * Measures 1:1 comparison speed the way the FVC reports it: comparisons per second of CPU time on one core, here the
 * matchPrepared calls of a real comparison list (templates prepared once beforehand, as a search does). The list is
 * timed several times and the median rate reported, so one pass slowed by the JIT warming up, garbage collection or
 * another process on a shared machine does not decide the figure.
 */
import { cpuMs } from './cpu-clock.js';
import type { FvcPair, PreparedTemplate } from '@sarhad/engine';
import { matchPrepared, median } from '@sarhad/engine';

/** Shortest timed run, in milliseconds (200 ms); small lists are repeated to reach it. */
const MIN_RUN_MS = 200;
/**
 * Most pairs timed per run: an FVC A set (800 images) has 319,600 comparisons, over half a minute a pass, and an
 * even sample of 10,000 estimates the rate as well.
 */
export const MAX_TIMED_PAIRS = 10_000;

/** The outcome of {@link measureComparisonRate}. */
export interface ComparisonRate {
  /** Comparisons timed per run: pairs whose two templates exist, evenly sampled down to {@link MAX_TIMED_PAIRS}. */
  readonly comparisons: number;
  /** Median over runs of comparisons per second; 0 when there was nothing to compare. */
  readonly perSecond: number;
  /** Comparisons per second of each run, in run order. */
  readonly runs: readonly number[];
}

/**
 * Times matchPrepared over `pairs` `runs` times on this thread, after untimed warm-up passes. Pairs with a
 * missing template (a failed extraction, which scores 0 without a comparison) are left out of the timing.
 */
export function measureComparisonRate(
  pairs: readonly FvcPair[],
  prepared: readonly (PreparedTemplate | undefined)[],
  runs: number,
): ComparisonRate {
  const usable = pairs.filter((p) => prepared[p.probe] !== undefined && prepared[p.candidate] !== undefined);
  const stride = usable.length / Math.min(usable.length, MAX_TIMED_PAIRS);
  const probes: PreparedTemplate[] = [];
  const candidates: PreparedTemplate[] = [];
  for (let k = 0; k < usable.length && probes.length < MAX_TIMED_PAIRS; k++) {
    const p = usable[Math.floor(k * stride)];
    if (p === undefined) break;
    probes.push(prepared[p.probe]!);
    candidates.push(prepared[p.candidate]!);
  }
  if (probes.length === 0) return { comparisons: 0, perSecond: 0, runs: [] };
  const pass = (): void => {
    for (let i = 0; i < probes.length; i++) matchPrepared(probes[i]!, candidates[i]!);
  };
  // Untimed passes for at least MIN_RUN_MS let the JIT compile the matcher to its optimised tier; the last one
  // sizes the runs: a small list is repeated until a run lasts MIN_RUN_MS, so clock resolution does not dominate.
  const warmStart = cpuMs();
  let passMs = 0;
  do {
    const passStart = cpuMs();
    pass();
    passMs = cpuMs() - passStart;
  } while (cpuMs() - warmStart < MIN_RUN_MS);
  const repeats = Math.max(1, Math.ceil(MIN_RUN_MS / Math.max(passMs, 1e-3)));
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = cpuMs();
    for (let r = 0; r < repeats; r++) pass();
    const ms = cpuMs() - start;
    rates.push((probes.length * repeats * 1000) / Math.max(ms, 1e-3));
  }
  return { comparisons: probes.length, perSecond: median(rates), runs: rates };
}
