/**
 * The comparison lists of the Fingerprint Verification Competition (FVC) protocol, generic over the layout of a
 * data set (which finger ids, how many impressions of each).
 *
 * FVC2000/2002/2004 (Maio, Maltoni, Cappelli, Wayman, Jain: "FVC2002: Second Fingerprint Verification
 * Competition", ICPR 2002, section 3) compare:
 * - genuine: every impression of a finger against every later impression of the same finger, so each unordered
 *   pair once (symmetric comparisons are not repeated): fingers x C(impressions, 2), 10 x 28 = 280 on a B set;
 * - impostor: the first impression of each finger against the first impression of every later finger, each
 *   unordered pair once: C(fingers, 2) = 45 on a B set.
 * Forty-five impostor scores give an FMR resolution of 2.2 points, so we also use the all-pairs impostor set:
 * every unordered pair of images of different fingers, once: C(80, 2) - 280 = 2,880 on a B set. The 45 FVC pairs
 * are a subset of it.
 *
 * Pairs are indices into {@link FvcProtocol.samples}; the probe is always the earlier sample (lower finger, then
 * lower impression), which fixes the argument order for matchers that are not exactly symmetric.
 */
import { EngineError } from '../errors.js';

/** Which fingers a data set holds and which impression numbers of each. */
export interface FvcLayout {
  /** Finger ids in data-set order, e.g. 101..110 for an FVC B set. Distinct. */
  readonly fingers: readonly number[];
  /** Impression numbers of every finger in capture order, e.g. 1..8. Distinct; the first one is used for FVC impostors. */
  readonly impressions: readonly number[];
}

/** One image (or template) of the data set. */
export interface FvcSample {
  readonly finger: number;
  readonly impression: number;
}

/** An ordered comparison: `probe` and `candidate` index {@link FvcProtocol.samples}, probe < candidate. */
export interface FvcPair {
  readonly probe: number;
  readonly candidate: number;
}

/** The three comparison lists of one data set. */
export interface FvcProtocol {
  readonly layout: FvcLayout;
  /** Finger-major: samples[f * impressions.length + i] is impression i of finger f. */
  readonly samples: readonly FvcSample[];
  readonly genuine: readonly FvcPair[];
  /** The FVC impostor list: first impression against first impression of every other finger, once. */
  readonly impostorFvc: readonly FvcPair[];
  /** Every unordered pair of samples of different fingers, once (includes the {@link impostorFvc} pairs). */
  readonly impostorAll: readonly FvcPair[];
}

/** The layout of every FVC2000/2002/2004 B set: fingers 101..110, impressions 1..8 (80 images). */
export const FVC_B_LAYOUT: FvcLayout = Object.freeze({
  fingers: Object.freeze([101, 102, 103, 104, 105, 106, 107, 108, 109, 110]),
  impressions: Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]),
});

/** How a comparison is labelled in score files: each unordered pair is listed once, under one kind. */
export const COMPARISON_KINDS = ['genuine', 'impostor_fvc', 'impostor'] as const;
/** One of {@link COMPARISON_KINDS}. */
export type ComparisonKind = (typeof COMPARISON_KINDS)[number];

/** A comparison with its kind, for running every distinct comparison of a protocol exactly once. */
export interface LabelledPair extends FvcPair {
  readonly kind: ComparisonKind;
}

function assertDistinctIntegers(values: readonly number[], what: string): void {
  if (values.length === 0) throw new EngineError('ENGINE_EVAL_INPUT', `the layout lists no ${what}`);
  const seen = new Set<number>();
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new EngineError('ENGINE_EVAL_INPUT', `${what} must be integers, got ${v}`);
    if (seen.has(v)) throw new EngineError('ENGINE_EVAL_INPUT', `${what} must be distinct, ${v} is repeated`);
    seen.add(v);
  }
}

/**
 * Builds the genuine, FVC impostor and all-pairs impostor lists for `layout`.
 * Throws ENGINE_EVAL_INPUT when the layout is empty or repeats a finger or impression.
 */
export function fvcProtocol(layout: FvcLayout = FVC_B_LAYOUT): FvcProtocol {
  assertDistinctIntegers(layout.fingers, 'finger ids');
  assertDistinctIntegers(layout.impressions, 'impression numbers');
  const perFinger = layout.impressions.length;
  const samples: FvcSample[] = [];
  for (const finger of layout.fingers) {
    for (const impression of layout.impressions) samples.push({ finger, impression });
  }
  const genuine: FvcPair[] = [];
  const impostorFvc: FvcPair[] = [];
  const impostorAll: FvcPair[] = [];
  for (let f = 0; f < layout.fingers.length; f++) {
    for (let i = 0; i < perFinger; i++) {
      const probe = f * perFinger + i;
      for (let j = i + 1; j < perFinger; j++) genuine.push({ probe, candidate: f * perFinger + j });
      for (let g = f + 1; g < layout.fingers.length; g++) {
        for (let j = 0; j < perFinger; j++) impostorAll.push({ probe, candidate: g * perFinger + j });
      }
    }
    for (let g = f + 1; g < layout.fingers.length; g++) {
      impostorFvc.push({ probe: f * perFinger, candidate: g * perFinger });
    }
  }
  return { layout, samples, genuine, impostorFvc, impostorAll };
}

/**
 * Every distinct comparison of `protocol` once, labelled: the genuine pairs, then the all-pairs impostors with
 * the FVC ones labelled `impostor_fvc` and the rest `impostor` (so the 45 FVC pairs are not compared twice).
 */
export function distinctComparisons(protocol: FvcProtocol): LabelledPair[] {
  const fvc = new Set(protocol.impostorFvc.map((p) => pairKey(p, protocol.samples.length)));
  const out: LabelledPair[] = protocol.genuine.map((p) => ({ ...p, kind: 'genuine' as const }));
  for (const p of protocol.impostorAll) {
    out.push({ ...p, kind: fvc.has(pairKey(p, protocol.samples.length)) ? 'impostor_fvc' : 'impostor' });
  }
  return out;
}

/** A number that identifies an unordered pair of sample indices below `n`. */
export function pairKey(pair: FvcPair, n: number): number {
  const a = Math.min(pair.probe, pair.candidate);
  const b = Math.max(pair.probe, pair.candidate);
  return a * n + b;
}

/** The FVC file stem of a sample, `101_3` for finger 101 impression 3 (files are `101_3.tif`, `101_3.iso`...). */
export function sampleName(sample: FvcSample): string {
  return `${sample.finger}_${sample.impression}`;
}
