/**
 * `sarhad bench engine`: how fast the engine is on this machine, one core: extraction time per image (median and
 * 95th percentile) and 1:1 comparisons per second (median of several timed passes over every pair of the set's
 * templates, prepared once, as a search uses them). Accuracy is `sarhad eval fvc`'s job; this command reports no
 * error rates.
 *
 * Images come from `--dir <set>` (any directory of `<finger>_<impression>` images, such as an FVC B set), the
 * SARHAD_BENCH_DIR environment variable, or FVC2002 DB1_B where the docs keep it ({@link BENCH_DIR_CANDIDATES});
 * the resolution from `--dpi`, the files, or a datasets.json in or above the directory, as for `eval fvc`. Without
 * any of these, the engine's own synthetic generator (SFinGe-style master prints
 * and impressions, 500 dpi, deterministic for `--seed`) draws `--fingers` x `--impressions` images first, so
 * `npm run bench:engine` works on a fresh checkout; generation is not timed. Synthetic prints are cleaner than
 * sensor captures, so extraction times on them are indicative only: quote FVC figures.
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Command } from 'commander';
import {
  distinctComparisons,
  fvcProtocol,
  generateImpression,
  generateMasterPrint,
  median,
  quantile,
} from '@sarhad/engine';
import type { FvcProtocol } from '@sarhad/engine';
import { measureComparisonRate } from '../comparison-rate.js';
import { extractSample, extractSamples } from '../extract-samples.js';
import { FVC_IMAGE_EXTENSIONS, readFvcDataset } from '../fvc-dataset.js';
import { findSetInfo } from '../fvc-datasets-json.js';
import { positiveInteger, positiveNumber } from '../option-parsers.js';
import { startProgress } from '../progress.js';
import type { SampleOutcome } from '../sample-outcome.js';
import { benchGroup } from './groups.js';

/** Environment variable naming the default image directory. */
export const BENCH_DIR_ENV = 'SARHAD_BENCH_DIR';
/**
 * Where an FVC set is looked for, relative to the working directory, when neither --dir nor the variable names one:
 * the repository's ignored data/ directory, and the shared data beside the checkout that CONTRIBUTING.md uses.
 */
export const BENCH_DIR_CANDIDATES = ['data/fvc/fvc2002/DB1_B', '../shared/data/fvc/fvc2002/DB1_B'] as const;
/** Images extracted untimed first, so JIT compilation is not billed to the first timed image. */
const WARM_UP_IMAGES = 2;
const DEFAULT_RUNS = 5;
/** Synthetic set size when no directory is given: 20 images, about half a minute to generate on one core. */
const DEFAULT_FINGERS = 5;
const DEFAULT_IMPRESSIONS = 4;
const DEFAULT_SEED = 2026;

interface BenchEngineOptions {
  readonly dir?: string;
  readonly dpi?: number;
  readonly datasets?: string;
  readonly runs: number;
  readonly json?: boolean;
  readonly fingers: number;
  readonly impressions: number;
  readonly seed: number;
}

/** The images measured: their protocol (for the pairs), per-sample outcomes, and how to describe them. */
interface BenchSet {
  readonly name: string;
  readonly dir: string | null;
  readonly protocol: FvcProtocol;
  readonly outcomes: SampleOutcome[];
  readonly dpis: number[];
}

/** Registers `bench engine` under the shared `bench` group. */
export function register(program: Command): void {
  benchGroup(program)
    .command('engine')
    .description('extraction time per image and comparisons per second on one core')
    .option(
      '--dir <set>',
      `directory of <finger>_<impression> images (default: $${BENCH_DIR_ENV}, else ${BENCH_DIR_CANDIDATES.join(' or ')} ` +
        'if present, else synthetic prints)',
    )
    .option('--dpi <n>', 'scanning resolution of the images (default: the files\', else datasets.json)', positiveNumber('--dpi'))
    .option('--datasets <file>', 'datasets.json giving the set\'s dpi (default: searched near the directory)')
    .option('--runs <n>', 'timed passes over all pairs; the median rate is reported', positiveInteger('--runs'), DEFAULT_RUNS)
    .option('--fingers <n>', 'synthetic set without --dir: fingers', positiveInteger('--fingers'), DEFAULT_FINGERS)
    .option('--impressions <n>', 'synthetic set: impressions per finger', positiveInteger('--impressions'), DEFAULT_IMPRESSIONS)
    .option('--seed <n>', 'synthetic set: generator seed', positiveInteger('--seed'), DEFAULT_SEED)
    .option('--json', 'print one JSON object instead of text')
    .action(async (options: BenchEngineOptions) => {
      await benchEngine(options);
    });
}

/** Extracts every image of the FVC-style directory `dir`, after a short untimed warm-up. */
async function directorySet(dir: string, options: BenchEngineOptions): Promise<BenchSet> {
  const dataset = readFvcDataset(dir, FVC_IMAGE_EXTENSIONS);
  const setInfo = options.dpi === undefined ? findSetInfo(dataset.dir, options.datasets) : undefined;
  const decodeOptions = { dpi: options.dpi, fallbackDpi: setInfo?.info.dpi };
  await extractSamples(dataset.files.slice(0, WARM_UP_IMAGES), decodeOptions);
  const bar = startProgress('extracting', dataset.files.length);
  const { outcomes, dpis } = await extractSamples(dataset.files, { ...decodeOptions, onProgress: (d) => bar.update(d) });
  bar.stop();
  return { name: dataset.name, dir: dataset.dir, protocol: dataset.protocol, outcomes, dpis };
}

/** Generates `fingers` x `impressions` synthetic images (untimed), then extracts each after a warm-up. */
function syntheticSet(options: BenchEngineOptions): BenchSet {
  const protocol = fvcProtocol({
    fingers: Array.from({ length: options.fingers }, (_, i) => i + 1),
    impressions: Array.from({ length: options.impressions }, (_, i) => i + 1),
  });
  const bar = startProgress('generating', protocol.samples.length);
  const images = [];
  for (const finger of protocol.layout.fingers) {
    // Seeds of distinct fingers and impressions never collide for sets below 1,000 fingers of 1,000 impressions.
    const master = generateMasterPrint(options.seed * 1e6 + finger * 1e3);
    for (const impression of protocol.layout.impressions) {
      images.push(generateImpression(master, options.seed * 1e6 + finger * 1e3 + impression));
      bar.update(images.length);
    }
  }
  bar.stop();
  for (const image of images.slice(0, WARM_UP_IMAGES)) extractSample('warm-up', image);
  const outcomes = images.map((image, i) => {
    const s = protocol.samples[i]!;
    return extractSample(`${s.finger}_${s.impression}`, image);
  });
  const name = `synthetic (seed ${options.seed}, ${options.fingers} fingers x ${options.impressions} impressions)`;
  return { name, dir: null, protocol, outcomes, dpis: [...new Set(images.map((im) => im.dpi))] };
}

async function benchEngine(options: BenchEngineOptions): Promise<void> {
  const fromEnv = process.env[BENCH_DIR_ENV];
  const named = options.dir ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : undefined);
  const dir = named ?? BENCH_DIR_CANDIDATES.find((d) => existsSync(d));
  const set = dir === undefined ? syntheticSet(options) : await directorySet(dir, options);
  const { outcomes, dpis } = set;
  const times = outcomes.map((o) => o.ms);
  const made = outcomes.filter((o) => o.prepared !== undefined);
  const rate = measureComparisonRate(distinctComparisons(set.protocol), outcomes.map((o) => o.prepared), options.runs);
  const round3 = (v: number) => Math.round(v * 1e3) / 1e3;
  const result = {
    command: 'sarhad bench engine',
    set: set.name,
    source: set.dir === null ? 'synthetic' : 'images',
    dir: set.dir,
    images: outcomes.length,
    dpi: dpis.length === 1 ? dpis[0]! : null,
    dpis,
    failedExtractions: outcomes.length - made.length,
    extractMsMedian: round3(median(times)),
    extractMsP95: round3(quantile(times, 0.95)),
    extractMsMean: round3(times.reduce((a, b) => a + b, 0) / times.length),
    prepareMsMedian: made.length > 0 ? round3(median(made.map((o) => o.prepareMs))) : 0,
    minutiaeMedian: made.length > 0 ? median(made.map((o) => o.minutiae)) : 0,
    comparisons: rate.comparisons,
    comparisonsPerSecond: Math.round(rate.perSecond),
    comparisonRuns: rate.runs.map((r) => Math.round(r)),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
  };
  if (options.json === true) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  process.stdout.write(
    [
      `sarhad bench engine: ${result.set} (${result.images} images at ${dpis.join(', ')} dpi; ${result.cpu}, Node ${result.node})`,
      `  extraction          median ${result.extractMsMedian.toFixed(1)} ms, p95 ${result.extractMsP95.toFixed(1)} ms, ` +
        `mean ${result.extractMsMean.toFixed(1)} ms per image (${result.failedExtractions} failed)`,
      `  preparation         median ${result.prepareMsMedian.toFixed(2)} ms per template (median ${result.minutiaeMedian} minutiae)`,
      `  comparison          ${result.comparisonsPerSecond} per second on one core ` +
        `(median of ${rate.runs.length} runs over ${rate.comparisons} pairs)`,
    ].join('\n') + '\n',
  );
}
