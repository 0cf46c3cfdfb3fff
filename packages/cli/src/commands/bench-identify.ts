/**
 * `sarhad bench identify`: 1:N identification at scale on this machine (issue 5). It builds a gallery of
 * `--subjects` synthetic background subjects (`--fingers` fingers each, made and encoded in worker threads on
 * every core, with a progress bar), adds mated subjects made of real FVC fingers, saves the gallery to a snapshot
 * file and loads it again as a restart would, then searches:
 *
 * - **Mated probes.** In each FVC set of the data directory's datasets.json, all but `--held-out` fingers are
 *   enrolled: consecutive fingers grouped `--fingers` at a time form one subject, impression 1 enrolled, and
 *   impressions 2-8 of the same fingers are that subject's probes (4 sets x 4 subjects x 7 = 112 with the defaults).
 * - **Non-mated probes.** The held-out fingers of all sets are never enrolled; a probe is `--fingers` distinct
 *   held-out fingers (any sets) at any impressions. There are many such combinations (3,584 for two fingers with the
 *   defaults); `--non-mated` of them, spread evenly, are searched. Their count sets the FPIR resolution (1,000
 *   probes: 0.1 % is one false positive).
 *
 * Reported: rank-1 identification rate of mated probes, with each miss classified (`rank1Misses`): `index` when the
 * mate, matched on its own (gallery.verify), outscores the top candidate, so the index left it out of the shortlist,
 * `outscored` when a background subject scores higher (full matching of every subject would miss it too); FNIR at FPIR 1 % and 0.1 % (the threshold that lets that
 * share of non-mated probes return any candidate, found empirically, and FNIR the share of mated probes whose mate
 * does not reach it); the same at the thresholds the calibration predicts (per-subject FMR = FPIR / N, fpir.ts),
 * with the FPIR actually observed there; penetration (subjects fully matched / subjects searched); latency p50,
 * p95, p99 and throughput of searches run one after another, each using all search workers, as **wall-clock time
 * with every core searching** (that is what the 1 s target means), and process CPU time per search beside it;
 * bytes of shared memory per finger and the process's resident memory; build and load seconds.
 *
 * `--snapshot <file>` keeps the saved gallery, and `--load <file>` searches such a file again without building (a 1M
 * gallery takes many minutes of CPU to build and a few seconds to load).
 *
 * `--replicate <k>` measures scale mechanics cheaply: it makes subjects / k distinct backgrounds and enrols each k
 * times under distinct ids, so memory, snapshot size, load time and search cost are those of the full gallery
 * while building costs 1/k; accuracy from such a gallery means nothing (it holds copies). `--mated <n>` searches
 * only n of the mated probes, spread evenly.
 *
 * `--exhaustive` searches by full matching of every subject instead of the index (the reference; about a
 * millisecond of CPU per subject and probe). `--reference` keeps the index but also runs every mated probe
 * exhaustively and reports the reference rank-1 beside the index's.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  defaultShortlist,
  extract,
  FingerprintGallery,
  fpirThreshold,
  quantile,
  startModuleWorker,
  thresholdToFpir,
  type FingerBatch,
  type FingerprintTemplate,
  type GalleryFingerInput,
  type GallerySearchResult,
} from '@sarhad/engine';
import { cpuMs } from '../cpu-clock.js';
import { CliError } from '../errors.js';
import { readFvcDataset, FVC_IMAGE_EXTENSIONS } from '../fvc-dataset.js';
import { DATASETS_JSON, readDatasetsJson } from '../fvc-datasets-json.js';
import { decodeImage } from '../image-decode.js';
import { positiveInteger } from '../option-parsers.js';
import { startProgress } from '../progress.js';
import { BACKGROUNDS, type Background } from '../bench-identify-background.js';
import type { BuildRequest } from '../bench-identify-worker.js';
import { benchGroup } from './groups.js';

/** Where the FVC sets are looked for when --data is not given (as `bench engine` does). */
export const IDENTIFY_DATA_CANDIDATES = ['data/fvc', '../shared/data/fvc', '/work/shared/data/fvc'] as const;
/**
 * Finger positions given to a subject's fingers, in order: right index, left index, right middle, left middle,
 * then the thumbs, rings and littles (ISO/IEC 19794-2 table 4) — the usual order of a two- or four-finger capture.
 */
const POSITIONS = [2, 7, 3, 8, 1, 6, 4, 9, 5, 10] as const;
/** Background subjects per build request: big enough to amortise a message, small enough to show progress. */
const BUILD_BATCH = 2000;
const DEFAULT_SUBJECTS = 10_000;
const DEFAULT_FINGERS = 2;
const DEFAULT_HELD_OUT = 2;
const DEFAULT_NON_MATED = 1000;
/** Candidates each search returns: the mate counts as found when it is among them at or above a threshold. */
const CANDIDATES = 10;
const FPIRS = [0.01, 0.001] as const;

interface BenchIdentifyOptions {
  readonly subjects: number;
  readonly fingers: number;
  readonly json?: boolean;
  readonly exhaustive?: boolean;
  readonly reference?: boolean;
  readonly data?: string;
  readonly snapshot?: string;
  readonly load?: string;
  readonly shortlist?: number;
  readonly heldOut: number;
  readonly nonMated: number;
  readonly mated?: number;
  readonly replicate: number;
  readonly workers?: number;
  readonly background: Background;
}

/** Registers `bench identify` under the shared `bench` group. */
export function register(program: Command): void {
  benchGroup(program)
    .command('identify')
    .description('1:N identification: build a gallery, add FVC mates, search; accuracy, latency, memory, load time')
    .option('--subjects <n>', 'synthetic background subjects', positiveInteger('--subjects'), DEFAULT_SUBJECTS)
    .option('--fingers <n>', 'fingers per subject (1..10)', positiveInteger('--fingers'), DEFAULT_FINGERS)
    .option('--data <dir>', `directory with the FVC sets and their ${DATASETS_JSON} (default: ${IDENTIFY_DATA_CANDIDATES.join(' or ')})`)
    .option('--snapshot <file>', 'where to save the gallery snapshot that is loaded back (default: a temporary file, removed)')
    .option('--load <file>', 'search a gallery saved earlier by --snapshot instead of building one (FVC subjects included)')
    .option('--shortlist <n>', 'subjects the index passes to full matching (default: the gallery\'s, 400 or 0.1 % of the subjects)', positiveInteger('--shortlist'))
    .option('--held-out <n>', 'FVC fingers per set never enrolled (non-mated probes are made of them)', positiveInteger('--held-out'), DEFAULT_HELD_OUT)
    .option('--non-mated <n>', 'non-mated probes searched', positiveInteger('--non-mated'), DEFAULT_NON_MATED)
    .option('--mated <n>', 'mated probes searched, spread evenly (default: all)', positiveInteger('--mated'))
    .option(
      '--replicate <k>',
      'scale mechanics only: make subjects / k distinct backgrounds and enrol each k times under distinct ids ' +
        '(memory, snapshot and latency as at full size; accuracy is meaningless, the gallery holds copies)',
      positiveInteger('--replicate'),
      1,
    )
    .option('--workers <n>', 'search and build worker threads (default: one per core)', positiveInteger('--workers'))
    .option(
      '--background <kind>',
      `background generator: ${BACKGROUNDS.join(' or ')} (realistic: syntheticBackgroundTemplate; uniform: uniformly spread minutiae, much cheaper to build, flatters the index)`,
      (value: string) => {
        if (!(BACKGROUNDS as readonly string[]).includes(value)) {
          throw new CliError('CLI_INVALID_OPTION', `--background must be ${BACKGROUNDS.join(' or ')}, got "${value}"`);
        }
        return value as Background;
      },
      'realistic',
    )
    .option('--exhaustive', 'search by full matching of every subject (the reference) instead of the index')
    .option('--reference', 'also search every mated probe exhaustively and report that rank-1 beside the index\'s')
    .option('--json', 'print one JSON object instead of text')
    .action(async (options: BenchIdentifyOptions) => {
      await benchIdentify(options);
    });
}

/** One FVC finger: its set, finger number and the templates of its impressions (undefined where extraction failed). */
interface FvcFinger {
  readonly set: string;
  readonly finger: number;
  readonly impressions: Map<number, FingerprintTemplate | undefined>;
}

/** A probe and what it should find. */
interface Probe {
  readonly fingers: GalleryFingerInput[];
  /** The enrolled subject it belongs to; undefined for a non-mated probe. */
  readonly mate: string | undefined;
}

function findDataDir(named: string | undefined): string {
  const dir = named ?? IDENTIFY_DATA_CANDIDATES.find((d) => existsSync(join(d, DATASETS_JSON)));
  if (dir === undefined || !existsSync(join(dir, DATASETS_JSON))) {
    throw new CliError(
      'CLI_DATASET_INVALID',
      `${dir ?? IDENTIFY_DATA_CANDIDATES.join(', ')}: no ${DATASETS_JSON} describing FVC sets (give the directory with --data)`,
    );
  }
  return resolve(dir);
}

/** Extracts every image of every set in the data directory (a progress bar; failures kept as undefined). */
async function extractFvc(dataDir: string): Promise<{ fingers: FvcFinger[]; images: number; failed: number; seconds: number }> {
  const sets = readDatasetsJson(join(dataDir, DATASETS_JSON));
  const datasets = sets.map((info) => ({ info, dataset: readFvcDataset(join(dataDir, info.name), FVC_IMAGE_EXTENSIONS) }));
  const total = datasets.reduce((n, d) => n + d.dataset.files.length, 0);
  const bar = startProgress('extracting', total);
  const started = performance.now();
  const fingers: FvcFinger[] = [];
  let done = 0;
  let failed = 0;
  for (const { info, dataset } of datasets) {
    const byFinger = new Map<number, FvcFinger>();
    for (const [i, file] of dataset.files.entries()) {
      const sample = dataset.protocol.samples[i]!;
      const { image } = await decodeImage(file, { fallbackDpi: info.dpi });
      let template: FingerprintTemplate | undefined;
      try {
        template = extract(image).template;
      } catch {
        failed++;
      }
      let finger = byFinger.get(sample.finger);
      if (finger === undefined) byFinger.set(sample.finger, (finger = { set: info.name, finger: sample.finger, impressions: new Map() }));
      finger.impressions.set(sample.impression, template);
      bar.update(++done);
    }
    fingers.push(...[...byFinger.values()].sort((a, b) => a.finger - b.finger));
  }
  bar.stop();
  return { fingers, images: total, failed, seconds: (performance.now() - started) / 1000 };
}

/** The fingers of a probe or enrolment: impression `impression` of each FVC finger, positions in order. */
function fingersAt(fvc: readonly FvcFinger[], impressions: readonly number[]): GalleryFingerInput[] {
  const out: GalleryFingerInput[] = [];
  fvc.forEach((f, i) => {
    const template = f.impressions.get(impressions[i]!);
    if (template !== undefined) out.push({ position: POSITIONS[i]!, template });
  });
  return out;
}

/** Splits the FVC fingers into enrolled subjects with their mated probes, and non-mated probes. */
function fvcProbes(
  all: readonly FvcFinger[],
  options: BenchIdentifyOptions,
): { enrol: { id: string; fingers: GalleryFingerInput[] }[]; mated: Probe[]; nonMated: Probe[]; nonMatedPossible: number } {
  const k = options.fingers;
  const enrol: { id: string; fingers: GalleryFingerInput[] }[] = [];
  const mated: Probe[] = [];
  const heldOut: FvcFinger[] = [];
  const bySet = new Map<string, FvcFinger[]>();
  for (const f of all) bySet.set(f.set, [...(bySet.get(f.set) ?? []), f]);
  for (const [set, fingers] of bySet) {
    const enrolled = fingers.slice(0, Math.max(0, fingers.length - options.heldOut));
    heldOut.push(...fingers.slice(enrolled.length));
    for (let s = 0; s + k <= enrolled.length; s += k) {
      const group = enrolled.slice(s, s + k);
      const id = `fvc:${set}:${group.map((f) => f.finger).join('+')}`;
      const fingersEnrolled = fingersAt(group, group.map(() => 1));
      if (fingersEnrolled.length > 0) enrol.push({ id, fingers: fingersEnrolled });
      const impressions = [...group[0]!.impressions.keys()].filter((i) => i !== 1).sort((a, b) => a - b);
      for (const impression of impressions) mated.push({ fingers: fingersAt(group, group.map(() => impression)), mate: id });
    }
  }
  // Non-mated: ordered k-tuples of distinct held-out fingers, each at any impression, enumerated lazily and sampled
  // at an even stride so the chosen ones spread over all fingers and sets.
  const impressionsOf = heldOut.map((f) => [...f.impressions.keys()].sort((a, b) => a - b));
  const tuples: number[][] = [];
  const build = (prefix: number[]): void => {
    if (prefix.length === k) {
      tuples.push(prefix);
      return;
    }
    for (let f = 0; f < heldOut.length; f++) if (!prefix.includes(f)) build([...prefix, f]);
  };
  build([]);
  const perTuple = tuples.map((t) => t.reduce((n, f) => n * impressionsOf[f]!.length, 1));
  const possible = perTuple.reduce((a, b) => a + b, 0);
  const nonMated: Probe[] = [];
  const wanted = Math.min(options.nonMated, possible);
  for (let j = 0; j < wanted; j++) {
    let index = Math.floor((j * possible) / wanted);
    let t = 0;
    while (index >= perTuple[t]!) index -= perTuple[t++]!;
    const tuple = tuples[t]!;
    const chosen = tuple.map((f) => {
      const list = impressionsOf[f]!;
      const impression = list[index % list.length]!;
      index = Math.floor(index / list.length);
      return impression;
    });
    nonMated.push({ fingers: fingersAt(tuple.map((f) => heldOut[f]!), chosen), mate: undefined });
  }
  return { enrol, mated, nonMated, nonMatedPossible: possible };
}

/** Builds the background in worker threads; the main thread inserts each encoded batch as it arrives. */
async function buildBackground(
  gallery: FingerprintGallery,
  subjects: number,
  positions: readonly number[],
  workers: number,
  background: Background,
  replicate: number,
): Promise<void> {
  const distinct = Math.ceil(subjects / replicate);
  const bar = startProgress('building', distinct);
  const entry = new URL(`../bench-identify-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const threads = Array.from({ length: workers }, () => startModuleWorker(entry));
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolveThread, reject) => {
            const ask = (): void => {
              if (next >= distinct) {
                resolveThread();
                return;
              }
              const request: BuildRequest = { from: next, to: Math.min(distinct, next + BUILD_BATCH), positions, background };
              next = request.to;
              thread.postMessage(request);
            };
            thread.on('message', ({ from, to, batch }: { from: number; to: number; batch: FingerBatch }) => {
              try {
                for (let s = from; s < to; s++) {
                  for (let copy = 0; copy < replicate && copy * distinct + s < subjects; copy++) {
                    const id = replicate === 1 ? `bg:${s}` : `bg:${s}:${copy}`;
                    gallery.insertEncoded(id, batch, (s - from) * positions.length, positions.length);
                  }
                }
              } catch (error) {
                reject(error as Error);
                return;
              }
              done += to - from;
              bar.update(done);
              ask();
            });
            thread.on('error', reject);
            ask();
          }),
      ),
    );
  } finally {
    bar.stop();
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

/** The gallery searched, and what building, saving and loading it cost. */
interface BenchGallery {
  readonly gallery: FingerprintGallery;
  /** Null when the gallery was loaded from `--load` rather than built. */
  readonly buildSeconds: number | null;
  readonly saveSeconds: number | null;
  readonly loadSeconds: number;
  readonly snapshotBytes: number;
}

/**
 * Builds the gallery (background in workers, then the FVC subjects), saves it to a snapshot file and loads it back
 * as a restart would, so the searches run on the loaded copy; with `--load`, only loads a snapshot saved earlier.
 */
async function galleryFor(
  options: BenchIdentifyOptions,
  enrol: readonly { id: string; fingers: GalleryFingerInput[] }[],
  positions: readonly number[],
  workers: number,
): Promise<BenchGallery> {
  // The server's snapshot files (written to <file>.tmp, fsynced, renamed), loaded only by this command.
  const { readGallerySnapshot, writeGallerySnapshot } = await import('@sarhad/server');
  if (options.load !== undefined) {
    const loadStart = performance.now();
    const { gallery } = readGallerySnapshot(options.load, { workers });
    const loadSeconds = (performance.now() - loadStart) / 1000;
    return { gallery, buildSeconds: null, saveSeconds: null, loadSeconds, snapshotBytes: statSync(options.load).size };
  }
  let built: FingerprintGallery | undefined = new FingerprintGallery({ workers });
  const buildStart = performance.now();
  try {
    await buildBackground(built, options.subjects, positions, workers, options.background, options.replicate);
    for (const e of enrol) built.insert(e.id, e.fingers);
  } catch (error) {
    await built.close();
    throw error;
  }
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const temporary = options.snapshot === undefined ? mkdtempSync(join(tmpdir(), 'sarhad-bench-identify-')) : undefined;
  const snapshotPath = options.snapshot ?? join(temporary!, 'gallery.snapshot');
  try {
    const saveStart = performance.now();
    const snapshotBytes = writeGallerySnapshot(built, snapshotPath, `bench:${options.subjects}`);
    const saveSeconds = (performance.now() - saveStart) / 1000;
    await built.close();
    built = undefined; // its shared memory can go before the loaded copy is measured
    const loadStart = performance.now();
    const { gallery } = readGallerySnapshot(snapshotPath, { workers });
    const loadSeconds = (performance.now() - loadStart) / 1000;
    return { gallery, buildSeconds, saveSeconds, loadSeconds, snapshotBytes };
  } finally {
    await built?.close();
    if (temporary !== undefined) rmSync(temporary, { recursive: true, force: true });
  }
}

/** Outcome of one search. */
interface SearchOutcome {
  readonly mate: string | undefined;
  /** Mated: the mate's fused score if returned, else -Infinity. Non-mated: the best candidate's, else -Infinity. */
  readonly score: number;
  readonly rank1: boolean;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly penetration: number;
  /**
   * A mated probe whose mate was not ranked first: `index` when the mate, matched on its own, outscores the top
   * candidate (the index left it out of the shortlist), `outscored` when a background subject scored higher (full
   * matching of every subject would miss it too).
   */
  readonly miss?: { readonly kind: 'index' | 'outscored'; readonly mateScore: number; readonly topScore: number; readonly topId: string };
}

async function runSearches(gallery: FingerprintGallery, probes: readonly Probe[], options: { exhaustive: boolean; shortlist: number }, label: string): Promise<SearchOutcome[]> {
  const bar = startProgress(label, probes.length);
  const outcomes: SearchOutcome[] = [];
  for (const probe of probes) {
    if (probe.fingers.length === 0) {
      outcomes.push({ mate: probe.mate, score: -Infinity, rank1: false, wallMs: 0, cpuMs: 0, penetration: 0 });
      continue;
    }
    const cpuStart = cpuMs();
    const start = performance.now();
    const result: GallerySearchResult = await gallery.search(probe.fingers, { limit: CANDIDATES, ...options });
    const wallMs = performance.now() - start;
    const cpu = cpuMs() - cpuStart;
    const top = result.candidates[0];
    const mateHit = probe.mate === undefined ? undefined : result.candidates.find((c) => c.subjectId === probe.mate);
    const rank1 = probe.mate !== undefined && top?.subjectId === probe.mate;
    let miss: SearchOutcome['miss'];
    if (probe.mate !== undefined && !rank1) {
      const mateScore = gallery.verify(probe.mate, probe.fingers)?.score ?? -Infinity;
      const topScore = top?.score ?? -Infinity;
      miss = { kind: mateScore > topScore ? 'index' : 'outscored', mateScore: round(mateScore, 2), topScore: round(topScore, 2), topId: top?.subjectId ?? '' };
    }
    outcomes.push({
      mate: probe.mate,
      score: probe.mate === undefined ? (top?.score ?? -Infinity) : (mateHit?.score ?? -Infinity),
      rank1,
      wallMs,
      cpuMs: cpu,
      penetration: result.penetration,
      ...(miss === undefined ? {} : { miss }),
    });
    bar.update(outcomes.length);
  }
  bar.stop();
  return outcomes;
}

/** The lowest threshold at which at most a share `fpir` of non-mated probes return a candidate. */
function empiricalThreshold(nonMatedTop: readonly number[], fpir: number): number {
  const sorted = [...nonMatedTop].sort((a, b) => b - a);
  const allowed = Math.floor(fpir * sorted.length + 1e-9);
  if (allowed >= sorted.length) return 0;
  const edge = sorted[allowed]!;
  return edge === -Infinity ? 0 : edge + 1e-9;
}

const share = (n: number, of: number): number => (of === 0 ? 0 : n / of);
const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

async function benchIdentify(options: BenchIdentifyOptions): Promise<void> {
  if (options.fingers > POSITIONS.length) {
    throw new CliError('CLI_INVALID_OPTION', `--fingers must be 1..${POSITIONS.length}, got ${options.fingers}`);
  }
  const dataDir = findDataDir(options.data);
  const workers = options.workers ?? Math.max(1, availableParallelism());
  const positions = POSITIONS.slice(0, options.fingers);
  const exhaustive = options.exhaustive === true;

  const fvc = await extractFvc(dataDir);
  const probes = fvcProbes(fvc.fingers, options);
  const { enrol, nonMated, nonMatedPossible } = probes;
  const matedWanted = Math.min(options.mated ?? probes.mated.length, probes.mated.length);
  const mated = Array.from({ length: matedWanted }, (_, j) => probes.mated[Math.floor((j * probes.mated.length) / matedWanted)]!);
  if (mated.length === 0) throw new CliError('CLI_DATASET_INVALID', `${dataDir}: too few FVC fingers to enrol one subject of ${options.fingers}`);

  const { gallery, buildSeconds, saveSeconds, loadSeconds, snapshotBytes } = await galleryFor(options, enrol, positions, workers);
  for (const e of enrol) {
    if (!gallery.has(e.id)) {
      await gallery.close();
      throw new CliError('CLI_INVALID_OPTION', `${options.load}: the snapshot has no subject ${e.id}; it was not saved by bench identify on these FVC sets`);
    }
  }

  try {
    const memory = gallery.memory();
    const shortlist = options.shortlist ?? defaultShortlist(gallery.size);
    const searchOptions = { exhaustive, shortlist };
    // Warm-up: compile the search paths in every worker before timing.
    await gallery.search(mated[0]!.fingers, { limit: 1, ...searchOptions });
    const matedOutcomes = await runSearches(gallery, mated, searchOptions, 'mated');
    const nonMatedOutcomes = await runSearches(gallery, nonMated, searchOptions, 'non-mated');
    const reference = options.reference === true && !exhaustive ? await runSearches(gallery, mated, { exhaustive: true, shortlist: 1 }, 'reference') : undefined;
    const rss = process.memoryUsage().rss;

    const all = [...matedOutcomes, ...nonMatedOutcomes].filter((o) => o.wallMs > 0);
    const wall = all.map((o) => o.wallMs);
    const nonMatedTop = nonMatedOutcomes.map((o) => o.score);
    const fnirAt = (threshold: number): number => share(matedOutcomes.filter((o) => !(o.score >= threshold)).length, matedOutcomes.length);
    const fpirAt = (threshold: number): number => share(nonMatedTop.filter((s) => s >= threshold).length, nonMatedTop.length);
    const empirical = FPIRS.map((f) => empiricalThreshold(nonMatedTop, f));
    const predicted = FPIRS.map((f) => fpirThreshold(f, gallery.size));
    const meanWall = wall.reduce((a, b) => a + b, 0) / Math.max(1, wall.length);
    const result = {
      subjects: gallery.size,
      fingers: options.fingers,
      rank1: round(share(matedOutcomes.filter((o) => o.rank1).length, matedOutcomes.length), 4),
      fnirAtFpir1: round(fnirAt(empirical[0]!), 4),
      fnirAtFpir01: round(fnirAt(empirical[1]!), 4),
      penetration: round(all.reduce((a, o) => a + o.penetration, 0) / Math.max(1, all.length), 6),
      p50Ms: round(quantile(wall, 0.5), 1),
      p95Ms: round(quantile(wall, 0.95), 1),
      p99Ms: round(quantile(wall, 0.99), 1),
      bytesPerFinger: Math.round(memory.bytesPerFinger),
      buildSeconds: buildSeconds === null ? null : round(buildSeconds, 1),
      loadSeconds: round(loadSeconds, 1),
      // Extra keys.
      command: 'sarhad bench identify',
      mode: exhaustive ? 'exhaustive' : 'index',
      backgroundSubjects: gallery.size - enrol.length,
      background: options.load === undefined ? options.background : null,
      replicate: options.load === undefined ? options.replicate : null,
      fvcSubjects: enrol.length,
      shortlist: exhaustive ? null : shortlist,
      matedProbes: matedOutcomes.length,
      nonMatedProbes: nonMatedOutcomes.length,
      nonMatedPossible,
      thresholdAtFpir1: round(empirical[0]!, 2),
      thresholdAtFpir01: round(empirical[1]!, 2),
      predictedThresholdAtFpir1: round(predicted[0]!, 2),
      predictedThresholdAtFpir01: round(predicted[1]!, 2),
      observedFpirAtPredicted1: round(fpirAt(predicted[0]!), 4),
      observedFpirAtPredicted01: round(fpirAt(predicted[1]!), 4),
      fnirAtPredicted1: round(fnirAt(predicted[0]!), 4),
      fnirAtPredicted01: round(fnirAt(predicted[1]!), 4),
      calibratedFpirAtEmpirical1: round(thresholdToFpir(empirical[0]!, gallery.size), 6),
      exhaustiveRank1: reference === undefined ? null : round(share(reference.filter((o) => o.rank1).length, reference.length), 4),
      rank1Misses: matedOutcomes.flatMap((o) => (o.miss === undefined ? [] : [{ mate: o.mate, ...o.miss }])),
      latency: 'wall-clock per search, searches one after another, each using every search worker',
      searchWorkers: workers,
      meanMs: round(meanWall, 1),
      searchesPerSecond: round(1000 / Math.max(1e-9, meanWall), 2),
      cpuMsPerSearch: round(all.reduce((a, o) => a + o.cpuMs, 0) / Math.max(1, all.length), 1),
      sharedBytes: memory.sharedBytes,
      galleryMegabytes: round(memory.sharedBytes / 2 ** 20, 1),
      rssMegabytes: round(rss / 2 ** 20, 1),
      snapshotBytes,
      snapshotFile: options.snapshot === undefined ? null : resolve(options.snapshot),
      saveSeconds: saveSeconds === null ? null : round(saveSeconds, 1),
      loadedFrom: options.load === undefined ? null : resolve(options.load),
      fvcImages: fvc.images,
      fvcFailedExtractions: fvc.failed,
      fvcExtractSeconds: round(fvc.seconds, 1),
      data: dataDir,
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: availableParallelism(),
    };
    if (options.json === true) {
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      return;
    }
    const pct = (v: number): string => `${(100 * v).toFixed(2)} %`;
    process.stdout.write(
      [
        `sarhad bench identify: ${result.subjects} subjects x ${result.fingers} fingers (${result.backgroundSubjects} synthetic${result.background === null ? '' : ` ${result.background}`} + ${enrol.length} FVC), ` +
          `${result.mode} search${exhaustive ? '' : `, shortlist ${result.shortlist}`}; ${result.cpu}, ${result.cores} cores, Node ${result.node}`,
        `  accuracy     rank-1 ${pct(result.rank1)} of ${result.matedProbes} mated probes` +
          (result.exhaustiveRank1 === null ? '' : ` (exhaustive reference ${pct(result.exhaustiveRank1)})`) +
          `; misses: ${result.rank1Misses.filter((m) => m.kind === 'index').length} left out by the index, ` +
          `${result.rank1Misses.filter((m) => m.kind === 'outscored').length} outscored by a background subject`,
        `               FNIR ${pct(result.fnirAtFpir1)} at FPIR 1 % (threshold ${result.thresholdAtFpir1}), ${pct(result.fnirAtFpir01)} at FPIR 0.1 % ` +
          `(threshold ${result.thresholdAtFpir01}); ${result.nonMatedProbes} non-mated probes of ${nonMatedPossible} possible`,
        `               calibrated thresholds for FPIR 1 % / 0.1 % over ${result.subjects}: ${result.predictedThresholdAtFpir1} / ${result.predictedThresholdAtFpir01}, ` +
          `observed FPIR there ${pct(result.observedFpirAtPredicted1)} / ${pct(result.observedFpirAtPredicted01)}, FNIR ${pct(result.fnirAtPredicted1)} / ${pct(result.fnirAtPredicted01)}`,
        `  penetration  ${pct(result.penetration)} of the gallery fully matched per search`,
        `  latency      p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms (${result.latency}: ${workers}); ` +
          `${result.searchesPerSecond} searches/s; ${result.cpuMsPerSearch} ms CPU per search`,
        `  memory       ${result.bytesPerFinger} bytes per finger, gallery ${result.galleryMegabytes} MB shared, process RSS ${result.rssMegabytes} MB`,
        `  time         ${result.buildSeconds === null ? `loaded from ${result.loadedFrom}` : `build ${result.buildSeconds} s, snapshot save ${result.saveSeconds} s`} ` +
          `(${(snapshotBytes / 2 ** 20).toFixed(0)} MB), ` +
          `load ${result.loadSeconds} s; FVC extraction ${result.fvcExtractSeconds} s (${fvc.failed} of ${fvc.images} failed)`,
      ].join('\n') + '\n',
    );
  } finally {
    await gallery.close();
  }
}
