/**
 * `sarhad eval fvc <dir>` and `sarhad eval fvc-iso <dir>`: the FVC verification protocol (Maio et al., "FVC2002:
 * Second Fingerprint Verification Competition", ICPR 2002) on a directory of `<finger>_<impression>` files.
 *
 * - `eval fvc` reads images (TIFF, PNG, JPEG), extracts a template from each with the engine, prepares them once,
 *   runs the 280 genuine and 2,880 all-pairs impostor comparisons (the 45 FVC impostors are among them) and
 *   reports EER for both impostor lists, FMR100, FMR1000 and ZeroFMR, failures to extract (which score 0 and stay
 *   in), extraction time and comparisons per second on one core.
 * - `eval fvc-iso` reads template records instead (ISO/IEC 19794-2, ANSI/INCITS 378; detected from the bytes), so
 *   the matcher can be measured on templates from another extractor. Records made from resized images are mapped
 *   back to the original capture frame at 500 dpi (map-template-frame.ts): `--frame <W>x<H> --dpi <n>`, or the
 *   set's size and dpi from a datasets.json (`--datasets <file>`, else searched in the set's directory, up to three
 *   above it and their subdirectories, so `fvc-iso-secugen/fvc2002/DB1_B` finds `fvc/datasets.json` beside it);
 *   `--no-frame` keeps the records as decoded.
 *
 * The resolution of images: `--dpi`, else each file's own density, else the set's dpi in datasets.json (found the
 * same way), else the run stops with CLI_DPI_UNKNOWN (FVC TIFFs carry no resolution tag).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { renderDetSvg } from '@sarhad/engine';
import { decodeTemplateSamples } from '../decode-template-samples.js';
import { CliError } from '../errors.js';
import { extractSamples } from '../extract-samples.js';
import { FVC_IMAGE_EXTENSIONS, FVC_TEMPLATE_EXTENSIONS, readFvcDataset, type FvcDataset } from '../fvc-dataset.js';
import { findSetInfo } from '../fvc-datasets-json.js';
import { evaluateFvc, type FvcEvaluation } from '../fvc-evaluation.js';
import { formatFvcTable, scoresCsv, type FvcRunHeading } from '../fvc-report-format.js';
import type { CaptureFrame } from '../map-template-frame.js';
import { frameSize, positiveInteger, positiveNumber } from '../option-parsers.js';
import { startProgress } from '../progress.js';
import type { SampleOutcome } from '../sample-outcome.js';
import { evalGroup } from './groups.js';

/** Timed passes over the comparison list for the speed figure; the median is reported. */
const DEFAULT_SPEED_RUNS = 5;

interface OutputOptions {
  readonly json?: boolean;
  readonly scores?: string;
  readonly det?: string;
  readonly speedRuns: number;
}

interface FvcOptions extends OutputOptions {
  readonly dpi?: number;
  readonly datasets?: string;
}

interface FvcIsoOptions extends OutputOptions {
  readonly dpi?: number;
  readonly datasets?: string;
  /** A size from `--frame`, false from `--no-frame`, undefined when neither was given. */
  readonly frame?: { width: number; height: number } | false;
}

/** Registers `eval fvc` and `eval fvc-iso` under the shared `eval` group. */
export function register(program: Command): void {
  const group = evalGroup(program);
  const common = (command: Command): Command =>
    command
      .option('--json', 'print one JSON object instead of the table')
      .option('--scores <file.csv>', 'write every comparison as probe,candidate,kind,score')
      .option('--det <file.svg>', 'write the DET curves (FVC and all-pairs impostors) as an SVG image')
      .option(
        '--speed-runs <n>',
        'timed passes over the comparisons; the median rate is reported',
        positiveInteger('--speed-runs'),
        DEFAULT_SPEED_RUNS,
      );

  common(
    group
      .command('fvc')
      .description('FVC protocol on a directory of NNN_I images: extraction, 280 genuine and 2,880 impostor comparisons')
      .argument('<dir>', 'directory of <finger>_<impression>.{tif,png,jpg} images, such as an FVC B set')
      .option('--dpi <n>', 'scanning resolution of the images (default: the files\', else datasets.json)', positiveNumber('--dpi'))
      .option('--datasets <file>', 'datasets.json giving the set\'s dpi (default: searched near <dir>)'),
  ).action(async (dir: string, options: FvcOptions) => {
    await runFvc(dir, options);
  });

  common(
    group
      .command('fvc-iso')
      .description('FVC protocol on a directory of NNN_I template records (ISO/IEC 19794-2, ANSI/INCITS 378)')
      .argument('<dir>', 'directory of <finger>_<impression>.{iso,ansi,fmr} records')
      .option('--frame <W>x<H>', 'size of the original images the records were made from', frameSize('--frame'))
      .option('--no-frame', 'use the records\' coordinates as decoded, even when datasets.json describes the set')
      .option('--dpi <n>', 'resolution of the original images (with --frame; overrides datasets.json)', positiveNumber('--dpi'))
      .option('--datasets <file>', 'datasets.json giving the original size and dpi (default: searched near <dir>)'),
  ).action((dir: string, options: FvcIsoOptions) => {
    runFvcIso(dir, options);
  });
}

async function runFvc(dir: string, options: FvcOptions): Promise<void> {
  const dataset = readFvcDataset(dir, FVC_IMAGE_EXTENSIONS);
  const setInfo = options.dpi === undefined ? findSetInfo(dataset.dir, options.datasets) : undefined;
  const bar = startProgress('extracting', dataset.files.length);
  const extracted = await extractSamples(dataset.files, {
    dpi: options.dpi,
    fallbackDpi: setInfo?.info.dpi,
    onProgress: (done) => bar.update(done),
  });
  bar.stop();
  const dpis = extracted.dpis;
  const sourceNote = extracted.dpiSources.includes('fallback') ? ` (${setInfo?.path})` : '';
  const resolution = `${dpis.join(', ')} dpi from ${extracted.dpiSources.join(' and ')}${sourceNote}`;
  const heading = { command: 'sarhad eval fvc', set: dataset.name, resolution, makeVerb: 'extraction' };
  report(dataset, extracted.outcomes, options, heading, {
    source: 'images',
    dpi: dpis.length === 1 ? dpis[0]! : null,
    dpis,
    dpiSource: extracted.dpiSources.join(','),
    datasetsJson: extracted.dpiSources.includes('fallback') ? (setInfo?.path ?? null) : null,
  });
}

function runFvcIso(dir: string, options: FvcIsoOptions): void {
  const dataset = readFvcDataset(dir, FVC_TEMPLATE_EXTENSIONS);
  let frame: CaptureFrame | undefined;
  let frameSource: string | null = null;
  if (options.frame === false) {
    frameSource = null;
  } else if (options.frame !== undefined) {
    if (options.dpi === undefined) {
      throw new CliError('CLI_INVALID_OPTION', '--frame needs --dpi: the resolution of the original images');
    }
    frame = { ...options.frame, dpi: options.dpi };
    frameSource = '--frame';
  } else {
    const found = findSetInfo(dataset.dir, options.datasets);
    if (found !== undefined) {
      frame = { width: found.info.width, height: found.info.height, dpi: options.dpi ?? found.info.dpi };
      frameSource = found.path;
    }
  }
  const bar = startProgress('decoding', dataset.files.length);
  const outcomes = decodeTemplateSamples(dataset.files, { frame, onProgress: (done) => bar.update(done) });
  bar.stop();
  const resolution =
    frame === undefined
      ? 'coordinates as decoded'
      : `mapped to the ${frame.width}x${frame.height} frame at ${frame.dpi} dpi (${frameSource}), then 500 dpi`;
  const heading = { command: 'sarhad eval fvc-iso', set: dataset.name, resolution, makeVerb: 'template decoding' };
  report(dataset, outcomes, options, heading, {
    source: 'templates',
    dpi: frame?.dpi ?? null,
    frame: frame === undefined ? null : { ...frame, source: frameSource },
  });
}

/** Runs the protocol and prints or writes every requested output. */
function report(
  dataset: FvcDataset,
  outcomes: readonly SampleOutcome[],
  options: OutputOptions,
  heading: FvcRunHeading,
  fields: Record<string, unknown>,
): void {
  const evaluation: FvcEvaluation = evaluateFvc(dataset.protocol, outcomes, { speedRuns: options.speedRuns });
  if (options.scores !== undefined) writeOutput(options.scores, scoresCsv(dataset.protocol, evaluation.scored));
  if (options.det !== undefined) {
    const r = evaluation.results;
    const svg = renderDetSvg(
      [
        { label: `FVC impostors (${r.impostorFvcCount})`, curve: evaluation.curveFvc },
        { label: `all pairs (${r.impostorAllCount})`, curve: evaluation.curveAll },
      ],
      { title: `${dataset.name}: ${r.genuineCount} genuine comparisons` },
    );
    writeOutput(options.det, svg);
  }
  if (options.json === true) {
    const json = { command: heading.command, set: dataset.name, dir: dataset.dir, ...fields, ...evaluation.results };
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    process.stdout.write(formatFvcTable(heading, evaluation.results));
  }
}

function writeOutput(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
