/**
 * Derives the raw-score-to-calibrated-score table of the matcher (src/match/calibration-table.ts) from impostor
 * comparisons, so that a calibrated score S means a false-match rate of about 10^(-S/10). Method and data are
 * described in ../CALIBRATION.md.
 *
 *   npx tsx packages/engine/scripts/calibrate.ts [--data <shared data dir>] [--write | --check]
 *
 * Impostors are pooled from every template set found (never one set alone): the FVC B images through our own
 * extractor, and a vendor's ISO/IEC 19794-2 templates of the same images; in each set, every pair of templates of
 * different fingers (2,880 per FVC B set). Prints the leave-one-set-out check: the table fitted without a set, and
 * the false-match rates observed on that set at scores 10, 20 and 30. `--write` rewrites the table file; `--check`
 * exits 1 when the file differs from what the data give (a stale table).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeAnyTemplate } from '../src/template/detect.js';
import type { FingerprintTemplate } from '../src/template/template.js';
import { prepare } from '../src/match/prepared-template.js';
import type { PreparedTemplate } from '../src/match/prepared-template.js';
import { matchPreparedRaw } from '../src/match/matcher.js';
import { extract } from '../src/minutiae/extract.js';
import type { GrayImage } from '../src/image/gray-image.js';

/** Calibrated score levels the table pins, 2 apart, and the level past which only the fitted tail speaks. */
const SCORE_STEP = 2;
const MAX_TABLE_SCORE = 70;
/** The empirical quantile is trusted while at least this many impostors lie above it. */
const MIN_TAIL_COUNT = 30;
/** The exponential tail's slope is the mean excess of the top fraction of impostor scores. */
const TAIL_FRACTION = 0.01;

interface TemplateSet {
  readonly name: string;
  /** Finger number (101..110) of each template. */
  readonly fingers: number[];
  readonly templates: PreparedTemplate[];
}

const args = process.argv.slice(2);
const dataDir = resolve(args.includes('--data') ? args[args.indexOf('--data') + 1]! : '../shared/data');
const tablePath = resolve(import.meta.dirname, '../src/match/calibration-table.ts');

/**
 * Maps a template made from an image resized to the template's frame back to the original capture at 500 dpi
 * (the SecuGen records were made from FVC images resized to 300 x 400): an anisotropic scale of positions and of
 * the direction vector (cos θ, -sin θ).
 */
function mapFrame(t: FingerprintTemplate, width: number, height: number, dpi: number): FingerprintTemplate {
  const sx = (width * 500) / dpi / t.width;
  const sy = (height * 500) / dpi / t.height;
  return {
    ...t,
    width: Math.round((width * 500) / dpi),
    height: Math.round((height * 500) / dpi),
    minutiae: t.minutiae.map((m) => {
      let direction = Math.atan2(sy * Math.sin(m.direction), sx * Math.cos(m.direction));
      if (direction < 0) direction += 2 * Math.PI;
      if (direction >= 2 * Math.PI) direction = 0;
      return { ...m, x: m.x * sx, y: m.y * sy, direction };
    }),
  };
}

/** Vendor ISO/IEC 19794-2 templates of the FVC B sets (fingers 101..110, impressions 1..8). */
function loadIsoSets(): TemplateSet[] {
  const datasets = JSON.parse(readFileSync(join(dataDir, 'fvc', 'datasets.json'), 'utf8')) as {
    sets: { name: string; dpi: number; size: [number, number] }[];
  };
  const sets: TemplateSet[] = [];
  for (const info of datasets.sets) {
    const dir = join(dataDir, 'fvc-iso-secugen', info.name);
    if (!existsSync(dir)) continue;
    const fingers: number[] = [];
    const templates: PreparedTemplate[] = [];
    for (let finger = 101; finger <= 110; finger++) {
      for (let impression = 1; impression <= 8; impression++) {
        const bytes = new Uint8Array(readFileSync(join(dir, `${finger}_${impression}.iso`)));
        const view = decodeAnyTemplate(bytes).views[0]!;
        templates.push(prepare(mapFrame(view, info.size[0], info.size[1], info.dpi)));
        fingers.push(finger);
      }
    }
    sets.push({ name: `secugen ${info.name}`, fingers, templates });
  }
  return sets;
}

/**
 * Reads an uncompressed 8-bit grayscale TIFF (baseline TIFF 6.0, the FVC files): enough for this script, which must
 * not depend on an image library. Throws on anything else.
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
    const count = u32(e + 4);
    const size = type === 3 ? 2 : 4;
    const at = count * size <= 4 ? e + 8 : u32(e + 8);
    tags.set(u16(e), Array.from({ length: count }, (_, k) => (size === 2 ? u16(at + 2 * k) : u32(at + 4 * k))));
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
  // PhotometricInterpretation 0 (white is zero) stores inverted grey levels; the engine wants 0 = black.
  if (tags.get(262)?.[0] === 0) for (let i = 0; i < pixels.length; i++) pixels[i] = 255 - pixels[i]!;
  return { width, height, dpi, pixels };
}

/** The FVC B images through our extractor; a failed extraction is an empty template (it scores 0). */
function loadExtractedSets(): TemplateSet[] {
  const datasets = JSON.parse(readFileSync(join(dataDir, 'fvc', 'datasets.json'), 'utf8')) as {
    sets: { name: string; dpi: number }[];
  };
  const sets: TemplateSet[] = [];
  for (const info of datasets.sets) {
    const dir = join(dataDir, 'fvc', info.name);
    if (!existsSync(dir)) continue;
    const fingers: number[] = [];
    const templates: PreparedTemplate[] = [];
    for (let finger = 101; finger <= 110; finger++) {
      for (let impression = 1; impression <= 8; impression++) {
        const image = readGrayTiff(join(dir, `${finger}_${impression}.tif`), info.dpi);
        let template: FingerprintTemplate;
        try {
          template = extract(image).template;
        } catch {
          const { width, height } = image;
          template = { width, height, fingerPosition: 0, impressionType: 0, quality: 0, minutiae: [] };
        }
        templates.push(prepare(template));
        fingers.push(finger);
      }
    }
    sets.push({ name: `extracted ${info.name}`, fingers, templates });
  }
  return sets;
}

/**
 * Raw impostor scores of every pair of templates of different fingers within each set. Pairs across sets are left
 * out on purpose: they compare prints from different sensors and resolutions, which a deployment rarely does and
 * which score lower than same-sensor impostors, so including them would make the table promise a lower false-match
 * rate than same-sensor comparisons see.
 */
function impostorScores(sets: TemplateSet[]): number[] {
  const scores: number[] = [];
  for (const set of sets) {
    const { templates, fingers } = set;
    for (let a = 0; a < templates.length; a++) {
      for (let b = a + 1; b < templates.length; b++) {
        if (fingers[a] !== fingers[b]) scores.push(matchPreparedRaw(templates[a]!, templates[b]!));
      }
    }
  }
  return scores;
}

/** Raw threshold above which a fraction `fmr` of the descending-sorted impostor scores lie. */
function empiricalThreshold(descending: number[], fmr: number): number {
  const x = fmr * descending.length;
  const i = Math.min(descending.length - 1, Math.max(0, Math.floor(x)));
  return descending[i]!;
}

/** Builds the (raw, score) table from pooled impostor raw scores. */
function buildTable(scores: number[]): { raw: number[]; score: number[] } {
  const descending = [...scores].sort((a, b) => b - a);
  const n = descending.length;
  const lastEmpiricalFmr = MIN_TAIL_COUNT / n;
  const anchorFmr = TAIL_FRACTION;
  const anchor = empiricalThreshold(descending, anchorFmr);
  const top = descending.filter((s) => s > anchor);
  const beta = top.reduce((sum, s) => sum + (s - anchor), 0) / Math.max(1, top.length);
  const lastEmpirical = empiricalThreshold(descending, lastEmpiricalFmr);
  const raw: number[] = [0];
  const score: number[] = [0];
  for (let s = SCORE_STEP; s <= MAX_TABLE_SCORE; s += SCORE_STEP) {
    const fmr = 10 ** (-s / 10);
    const r =
      fmr >= lastEmpiricalFmr
        ? empiricalThreshold(descending, fmr)
        : lastEmpirical + beta * Math.log(lastEmpiricalFmr / fmr);
    // Ties in the raw scores (many impostors pair nothing) give equal thresholds; keep the table strictly rising.
    if (r <= raw[raw.length - 1]!) continue;
    raw.push(r);
    score.push(s);
  }
  return { raw, score };
}

/** Calibrates raw with a table, as src/match/calibration.ts does (kept local so a candidate table can be tested). */
function calibrateWith(table: { raw: number[]; score: number[] }, r: number): number {
  const { raw, score } = table;
  if (r <= raw[0]!) return score[0]!;
  const last = raw.length - 1;
  if (r >= raw[last]!) {
    return score[last]! + ((r - raw[last]!) * (score[last]! - score[last - 1]!)) / (raw[last]! - raw[last - 1]!);
  }
  let i = 0;
  while (raw[i + 1]! <= r) i++;
  return score[i]! + ((r - raw[i]!) / (raw[i + 1]! - raw[i]!)) * (score[i + 1]! - score[i]!);
}

function render(table: { raw: number[]; score: number[] }, impostors: number, sources: string[]): string {
  const round = (v: number): string => String(Math.round(v * 10000) / 10000);
  // One array item per line would make a long file; eight keep lines short.
  const list = (items: string[]): string => {
    const lines: string[] = [];
    for (let i = 0; i < items.length; i += 8) lines.push(`    ${items.slice(i, i + 8).join(', ')},`);
    return `[\n${lines.join('\n')}\n  ]`;
  };
  return `// Generated by \`npx tsx packages/engine/scripts/calibrate.ts --write\`; do not edit.
/**
 * Piecewise-linear map from raw pairing scores to calibrated scores (S = -10 · log10 FMR), derived from pooled
 * impostor comparisons; see CALIBRATION.md. \`raw\` rises strictly; \`score\` is the calibrated score at each point.
 */
export const CALIBRATION_TABLE = {
  impostors: ${impostors},
  sources: ${list(sources.map((s) => `'${s}'`)).replace(/, '/g, `,\n    '`)},
  raw: ${list(table.raw.map(round))},
  score: ${list(table.score.map(String))},
} as const;
`;
}

const extractStart = performance.now();
const sets = [...loadExtractedSets(), ...loadIsoSets()];
console.log(`loaded ${sets.length} sets in ${((performance.now() - extractStart) / 1000).toFixed(1)} s`);
if (sets.length < 2) throw new Error(`fewer than two template sets under ${dataDir}: calibration must pool sets`);
const cpuStart = process.cpuUsage();
const scores = impostorScores(sets);
const cpuMicros = process.cpuUsage(cpuStart).user;
console.log(`matcher speed: ${((scores.length * 1e6) / cpuMicros).toFixed(0)} comparisons per CPU-second (one thread)`);
const table = buildTable(scores);
console.log(`impostor comparisons: ${scores.length} from ${sets.map((s) => s.name).join(', ')}`);
console.log('raw  -> score');
for (let i = 0; i < table.raw.length; i++) console.log(`${table.raw[i]!.toFixed(3)} -> ${table.score[i]}`);

console.log('\nleave-one-set-out check: FMR observed on the left-out set at calibrated thresholds 10 / 20 / 30');
for (const left of sets) {
  const fitted = buildTable(impostorScores(sets.filter((s) => s !== left)));
  const held = impostorScores([left]).map((r) => calibrateWith(fitted, r));
  const at = (s: number): string => `${((100 * held.filter((v) => v >= s).length) / held.length).toFixed(3)} %`;
  const rates = `FMR ${at(10)} (target 10 %) / ${at(20)} (1 %) / ${at(30)} (0.1 %)`;
  console.log(`${left.name}: ${held.length} impostors, ${rates}`);
}

const text = render(table, scores.length, sets.map((s) => s.name));
if (args.includes('--write')) {
  writeFileSync(tablePath, text);
  console.log(`\nwrote ${tablePath}`);
} else if (args.includes('--check')) {
  const current = existsSync(tablePath) ? readFileSync(tablePath, 'utf8') : '';
  if (current !== text) {
    console.error(`\n${tablePath} is stale: run with --write`);
    process.exit(1);
  }
  console.log('\ncalibration table is up to date');
}
