/**
 * Checks template-level synthetic fingers (src/synthetic/minutiae-*.ts) against real ones: templates our extractor
 * gives on the FVC2002/FVC2004 B sets, compared statistic by statistic with synthetic templates of the `typical`
 * preset, and above all through the matcher, whose impostor scores decide what a background gallery of synthetic
 * fingers says about false positives. Method, assumptions and the measured table: SYNTHETIC.md, "Template-level
 * synthetic fingers".
 *
 *   npx tsx packages/engine/scripts/check-synthetic-templates.ts [--data <shared data dir>] [--fingers <n>]
 *     [--background <n>] [--first <person>] [--sets <a,b>] [--json]
 *
 * --fingers: synthetic fingers of 8 impressions each (default 100); --background: synthetic background templates
 * compared with every real template (default 400); --first: the first synthetic person (default 7,000,000, far from
 * the people tests use); --sets: only these FVC sets (e.g. fvc2002/DB1_B), to hold sets back while tuning.
 * Exits 1 when a statistic falls outside its band. Reads the FVC images and writes nothing: no real template
 * leaves this process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GrayImage } from '../src/image/gray-image.js';
import { extract } from '../src/minutiae/extract.js';
import { matchPrepared } from '../src/match/matcher.js';
import { prepare, type PreparedTemplate } from '../src/match/prepared-template.js';
import type { FingerprintTemplate } from '../src/template/template.js';
import { syntheticBackgroundTemplate } from '../src/synthetic/background-templates.js';
import { syntheticFingerImpression, syntheticPersonFinger } from '../src/synthetic/minutiae-finger.js';

/** Impressions per finger, as in the FVC B sets. */
const IMPRESSIONS = 8;
/** Calibrated score levels reported: false-match rates of 1 %, 0.1 % and 0.01 % by construction. */
const SCORE_LEVELS = [20, 30, 40] as const;
/** A finger position for synthetic fingers (right index); any would do. */
const POSITION = 2;

interface Options {
  readonly dataDir: string;
  readonly fingers: number;
  readonly background: number;
  readonly first: number;
  readonly sets: readonly string[] | undefined;
  readonly json: boolean;
}

function parseOptions(args: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at < 0 ? undefined : args[at + 1];
  };
  const count = (name: string, fallback: number): number => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 2) throw new Error(`${name} must be an integer of at least 2, got ${raw}`);
    return n;
  };
  return {
    dataDir: resolve(value('--data') ?? '../shared/data'),
    fingers: count('--fingers', 100),
    background: count('--background', 400),
    first: count('--first', 7_000_000),
    sets: value('--sets')?.split(','),
    json: args.includes('--json'),
  };
}

/** A set of templates with the finger each comes from. */
interface TemplateSet {
  readonly name: string;
  readonly fingers: number[];
  readonly templates: FingerprintTemplate[];
  readonly prepared: PreparedTemplate[];
}

/**
 * Reads an uncompressed 8-bit grayscale TIFF (baseline TIFF 6.0, the FVC files) without an image library, which
 * the engine's scripts do not depend on (the same reader as calibrate.ts). Throws on anything else.
 */
function readGrayTiff(path: string, dpi: number): GrayImage {
  const b = readFileSync(path);
  const little = b.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number): number => (little ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number): number => (little ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const ifd = u32(4);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < u16(ifd); i++) {
    const e = ifd + 2 + 12 * i;
    const type = u16(e + 2);
    const n = u32(e + 4);
    const size = type === 3 ? 2 : 4;
    const at = n * size <= 4 ? e + 8 : u32(e + 8);
    tags.set(u16(e), Array.from({ length: n }, (_, k) => (size === 2 ? u16(at + 2 * k) : u32(at + 4 * k))));
  }
  const width = tags.get(256)![0]!;
  const height = tags.get(257)![0]!;
  if ((tags.get(258)?.[0] ?? 1) !== 8 || (tags.get(259)?.[0] ?? 1) !== 1 || (tags.get(277)?.[0] ?? 1) !== 1) {
    throw new Error(`${path}: only uncompressed 8-bit grayscale TIFF is supported`);
  }
  const pixels = new Uint8Array(width * height);
  let at = 0;
  const offsets = tags.get(273)!;
  const counts = tags.get(279)!;
  for (let k = 0; k < offsets.length; k++) {
    pixels.set(b.subarray(offsets[k]!, offsets[k]! + counts[k]!), at);
    at += counts[k]!;
  }
  if (tags.get(262)?.[0] === 0) for (let i = 0; i < pixels.length; i++) pixels[i] = 255 - pixels[i]!;
  return { width, height, dpi, pixels };
}

/** The FVC B sets through our extractor (fingers 101..110, impressions 1..8); a failed extraction is empty. */
function loadRealSets(options: Options): TemplateSet[] {
  const datasets = JSON.parse(readFileSync(join(options.dataDir, 'fvc', 'datasets.json'), 'utf8')) as {
    sets: { name: string; dpi: number }[];
  };
  const sets: TemplateSet[] = [];
  for (const info of datasets.sets) {
    if (options.sets && !options.sets.includes(info.name)) continue;
    const dir = join(options.dataDir, 'fvc', info.name);
    if (!existsSync(dir)) continue;
    const fingers: number[] = [];
    const templates: FingerprintTemplate[] = [];
    for (let finger = 101; finger <= 110; finger++) {
      for (let impression = 1; impression <= IMPRESSIONS; impression++) {
        const image = readGrayTiff(join(dir, `${finger}_${impression}.tif`), info.dpi);
        let template: FingerprintTemplate;
        try {
          template = extract(image).template;
        } catch {
          template = { width: image.width, height: image.height, fingerPosition: 0, impressionType: 0, quality: 0, minutiae: [] };
        }
        templates.push(template);
        fingers.push(finger);
      }
    }
    sets.push({ name: info.name, fingers, templates, prepared: templates.map((t) => prepare(t)) });
  }
  return sets;
}

/** `fingers` synthetic fingers with {@link IMPRESSIONS} `typical` impressions each. */
function syntheticSet(options: Options): TemplateSet {
  const fingers: number[] = [];
  const templates: FingerprintTemplate[] = [];
  for (let f = 0; f < options.fingers; f++) {
    const finger = syntheticPersonFinger(options.first + f, POSITION);
    for (let capture = 1; capture <= IMPRESSIONS; capture++) {
      templates.push(syntheticFingerImpression(finger, POSITION, capture, 'typical'));
      fingers.push(f);
    }
  }
  return { name: 'synthetic', fingers, templates, prepared: templates.map((t) => prepare(t)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics of templates

/** Per-template and per-minutia samples of one population of templates. */
interface Samples {
  readonly count: number[];
  readonly nearest: number[];
  readonly edgeLength: number[];
  readonly sourceAngle: number[];
  readonly targetAngle: number[];
  readonly quality: number[];
  readonly endings: number;
  readonly minutiae: number;
  /** Nearest neighbours whose directions differ by less than 45° / more than 135°. */
  readonly parallel: number;
  readonly opposite: number;
}

function samples(templates: readonly FingerprintTemplate[], prepared: readonly PreparedTemplate[]): Samples {
  const out = {
    count: [] as number[],
    nearest: [] as number[],
    edgeLength: [] as number[],
    sourceAngle: [] as number[],
    targetAngle: [] as number[],
    quality: [] as number[],
    endings: 0,
    minutiae: 0,
    parallel: 0,
    opposite: 0,
  };
  templates.forEach((t, k) => {
    const ms = t.minutiae;
    out.count.push(ms.length);
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i]!;
      out.quality.push(m.quality);
      out.minutiae++;
      if (m.type === 'ending') out.endings++;
      let best = Infinity;
      let nearest = -1;
      for (let j = 0; j < ms.length; j++) {
        if (j === i) continue;
        const d = Math.hypot(ms[j]!.x - m.x, ms[j]!.y - m.y);
        if (d < best) {
          best = d;
          nearest = j;
        }
      }
      if (nearest < 0) continue;
      out.nearest.push(best);
      let turn = Math.abs(ms[nearest]!.direction - m.direction) % (2 * Math.PI);
      if (turn > Math.PI) turn = 2 * Math.PI - turn;
      if (turn < Math.PI / 4) out.parallel++;
      else if (turn > (3 * Math.PI) / 4) out.opposite++;
    }
    const p = prepared[k]!;
    for (let e = 0; e < p.edgeLength.length; e++) {
      out.edgeLength.push(p.edgeLength[e]!);
      out.sourceAngle.push(p.edgeSourceAngle[e]!);
      out.targetAngle.push(p.edgeTargetAngle[e]!);
    }
  });
  return out;
}

/** Two-sample Kolmogorov-Smirnov statistic: the largest gap between the empirical distribution functions. */
function ks(a: readonly number[], b: readonly number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let gap = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    gap = Math.max(gap, Math.abs(i / x.length - j / y.length));
  }
  return gap;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
}

// ---------------------------------------------------------------------------------------------------------------
// Scores

/** Genuine and impostor scores of all pairs within a set (FVC's all-pairs protocol, both kinds). */
function withinScores(set: TemplateSet): { genuine: number[]; impostor: number[] } {
  const genuine: number[] = [];
  const impostor: number[] = [];
  const { prepared, fingers } = set;
  for (let a = 0; a < prepared.length; a++) {
    for (let b = a + 1; b < prepared.length; b++) {
      (fingers[a] === fingers[b] ? genuine : impostor).push(matchPrepared(prepared[a]!, prepared[b]!));
    }
  }
  return { genuine, impostor };
}

/** Every template of `probes` against every one of `candidates` (different fingers by construction). */
function crossScores(probes: readonly PreparedTemplate[], candidates: readonly PreparedTemplate[]): number[] {
  const scores: number[] = [];
  for (const p of probes) for (const c of candidates) scores.push(matchPrepared(p, c));
  return scores;
}

/** Share of scores at or above `level`. */
function above(scores: readonly number[], level: number): number {
  let n = 0;
  for (const s of scores) if (s >= level) n++;
  return n / Math.max(1, scores.length);
}

// ---------------------------------------------------------------------------------------------------------------
// Report

/** One compared statistic: the real value, the synthetic one, how they are compared and the band that passes. */
interface Check {
  readonly statistic: string;
  readonly real: string;
  readonly synthetic: string;
  readonly distance: number;
  readonly measure: string;
  readonly band: string;
  readonly pass: boolean;
}

function ksCheck(statistic: string, real: readonly number[], synthetic: readonly number[], limit: number, digits = 1): Check {
  const d = ks(real, synthetic);
  const describe = (v: readonly number[]): string =>
    `${quantile(v, 0.1).toFixed(digits)} / ${quantile(v, 0.5).toFixed(digits)} / ${quantile(v, 0.9).toFixed(digits)}`;
  return {
    statistic,
    real: describe(real),
    synthetic: describe(synthetic),
    distance: d,
    measure: 'KS',
    band: `<= ${limit}`,
    pass: d <= limit,
  };
}

function shareCheck(statistic: string, real: number, synthetic: number, tolerance: number): Check {
  const d = Math.abs(real - synthetic);
  return {
    statistic,
    real: `${(100 * real).toFixed(1)} %`,
    synthetic: `${(100 * synthetic).toFixed(1)} %`,
    distance: d,
    measure: '|difference|',
    band: `<= ${(100 * tolerance).toFixed(0)} points`,
    pass: d <= tolerance,
  };
}

/**
 * An impostor tail share compared as a ratio: synthetic impostors must neither be much easier to tell apart than
 * real ones (a lower share would flatter a benchmark's false positives) nor much harder.
 */
function tailCheck(statistic: string, real: number, synthetic: number, low: number, high: number): Check {
  const ratio = synthetic / Math.max(real, 1e-9);
  return {
    statistic,
    real: `${(100 * real).toFixed(2)} %`,
    synthetic: `${(100 * synthetic).toFixed(2)} %`,
    distance: ratio,
    measure: 'ratio',
    band: `${low} .. ${high}`,
    pass: ratio >= low && ratio <= high,
  };
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const log = options.json ? (): void => {} : (line: string): void => console.log(line);
  const wall = performance.now();
  const real = loadRealSets(options);
  if (real.length === 0) throw new Error(`no FVC set under ${join(options.dataDir, 'fvc')}`);
  log(`extracted ${real.length * 10 * IMPRESSIONS} FVC templates from ${real.map((s) => s.name).join(', ')}`);

  const synthetic = syntheticSet(options);
  const cpu = process.cpuUsage();
  const background: FingerprintTemplate[] = [];
  for (let s = 0; s < options.background; s++) background.push(syntheticBackgroundTemplate(options.first + 1_000_000 + s, POSITION));
  const backgroundMicros = process.cpuUsage(cpu).user / options.background;
  const backgroundPrepared = background.map((t) => prepare(t));

  const realTemplates = real.flatMap((s) => s.templates);
  const realPrepared = real.flatMap((s) => s.prepared);
  const realSamples = samples(realTemplates, realPrepared);
  const synthSamples = samples(synthetic.templates, synthetic.prepared);

  const realScores = real.map(withinScores);
  const realImpostor = realScores.flatMap((s) => s.impostor);
  const realGenuine = realScores.flatMap((s) => s.genuine);
  const synthScores = withinScores(synthetic);
  const synthReal = crossScores(realPrepared, backgroundPrepared);
  const realAcross: number[] = [];
  for (let a = 0; a < real.length; a++) {
    for (let b = a + 1; b < real.length; b++) realAcross.push(...crossScores(real[a]!.prepared, real[b]!.prepared));
  }

  const checks: Check[] = [
    ksCheck('minutiae per template', realSamples.count, synthSamples.count, 0.15, 0),
    ksCheck('nearest-neighbour distance (px)', realSamples.nearest, synthSamples.nearest, 0.08),
    ksCheck('neighbour edge length (px)', realSamples.edgeLength, synthSamples.edgeLength, 0.08),
    ksCheck('edge angle at source (1/256 turn)', realSamples.sourceAngle, synthSamples.sourceAngle, 0.08, 0),
    ksCheck('edge angle at neighbour (1/256 turn)', realSamples.targetAngle, synthSamples.targetAngle, 0.08, 0),
    ksCheck('minutia quality', realSamples.quality, synthSamples.quality, 0.15, 0),
    shareCheck('ridge endings', realSamples.endings / realSamples.minutiae, synthSamples.endings / synthSamples.minutiae, 0.05),
    shareCheck(
      'nearest neighbour within 45°',
      realSamples.parallel / realSamples.nearest.length,
      synthSamples.parallel / synthSamples.nearest.length,
      0.05,
    ),
    shareCheck(
      'nearest neighbour opposite (within 45°)',
      realSamples.opposite / realSamples.nearest.length,
      synthSamples.opposite / synthSamples.nearest.length,
      0.05,
    ),
    ksCheck('impostor score, synthetic vs synthetic', realImpostor, synthScores.impostor, 0.15),
    ksCheck('impostor score, synthetic vs real', realImpostor, synthReal, 0.15),
    ...SCORE_LEVELS.slice(0, 2).flatMap((level) => [
      tailCheck(`impostors >= ${level}, synthetic vs synthetic`, above(realImpostor, level), above(synthScores.impostor, level), 0.5, 2),
      tailCheck(`impostors >= ${level}, synthetic vs real`, above(realImpostor, level), above(synthReal, level), 0.5, 2),
    ]),
    shareCheck('genuine >= 20 (1 - FNMR at FMR 1 %)', above(realGenuine, 20), above(synthScores.genuine, 20), 0.03),
    shareCheck('genuine >= 40 (1 - FNMR at FMR 0.01 %)', above(realGenuine, 40), above(synthScores.genuine, 40), 0.05),
    ksCheck('genuine score', realGenuine, synthScores.genuine, 0.15),
  ];

  const tails = (scores: readonly number[]): Record<string, number> =>
    Object.fromEntries(SCORE_LEVELS.map((level) => [`>=${level}`, above(scores, level)]));
  const report = {
    sets: real.map((s) => s.name),
    realTemplates: realTemplates.length,
    syntheticFingers: options.fingers,
    syntheticTemplates: synthetic.templates.length,
    backgroundTemplates: background.length,
    backgroundMicrosPerTemplate: backgroundMicros,
    meanMinutiae: { real: mean(realSamples.count), synthetic: mean(synthSamples.count) },
    impostorTails: {
      realWithinSets: { comparisons: realImpostor.length, ...tails(realImpostor) },
      realAcrossSets: { comparisons: realAcross.length, ...tails(realAcross) },
      syntheticVsSynthetic: { comparisons: synthScores.impostor.length, ...tails(synthScores.impostor) },
      syntheticVsReal: { comparisons: synthReal.length, ...tails(synthReal) },
    },
    genuine: {
      real: { comparisons: realGenuine.length, ...tails(realGenuine) },
      synthetic: { comparisons: synthScores.genuine.length, ...tails(synthScores.genuine) },
    },
    perSet: real.map((s, i) => ({
      set: s.name,
      meanMinutiae: mean(s.templates.map((t) => t.minutiae.length)),
      impostor: tails(realScores[i]!.impostor),
      genuine: tails(realScores[i]!.genuine),
      syntheticVsThisSet: tails(crossScores(s.prepared, backgroundPrepared)),
    })),
    checks,
    pass: checks.every((c) => c.pass),
    seconds: (performance.now() - wall) / 1000,
  };

  if (options.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const pct = (v: number): string => `${(100 * v).toFixed(2)} %`;
    log(`synthetic: ${options.fingers} fingers x ${IMPRESSIONS} typical impressions; ${background.length} background templates`);
    log(`background template: ${backgroundMicros.toFixed(1)} µs CPU each (one thread)\n`);
    log('| statistic | real (FVC) | synthetic | distance | band | |');
    log('|---|---|---|---|---|---|');
    for (const c of checks) {
      log(`| ${c.statistic} | ${c.real} | ${c.synthetic} | ${c.measure} ${c.distance.toFixed(3)} | ${c.band} | ${c.pass ? 'pass' : 'FAIL'} |`);
    }
    log('\nscore shares at calibrated 20 / 30 / 40 (quantiles above: 10th / 50th / 90th percentile)');
    const row = (name: string, scores: readonly number[]): void =>
      log(`| ${name} | ${scores.length} | ${SCORE_LEVELS.map((l) => pct(above(scores, l))).join(' | ')} |`);
    log('| comparisons | n | >= 20 | >= 30 | >= 40 |');
    log('|---|---|---|---|---|');
    row('impostor, real vs real (same set)', realImpostor);
    row('impostor, real vs real (across sets)', realAcross);
    row('impostor, synthetic vs synthetic', synthScores.impostor);
    row('impostor, synthetic vs real', synthReal);
    for (let i = 0; i < real.length; i++) {
      row(`impostor, real vs real, ${real[i]!.name}`, realScores[i]!.impostor);
      row(`impostor, synthetic vs ${real[i]!.name}`, crossScores(real[i]!.prepared, backgroundPrepared));
    }
    row('genuine, real', realGenuine);
    row('genuine, synthetic', synthScores.genuine);
    log(`\n${report.pass ? 'PASS' : 'FAIL'} (${report.seconds.toFixed(0)} s)`);
  }
  if (!report.pass) process.exitCode = 1;
}

main();
