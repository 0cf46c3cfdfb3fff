/**
 * Extracts and prepares a template from every image of a data set, timing the engine's `extract` alone (file
 * reading and decoding are the CLI's cost, not the engine's). Images are processed one at a time on this thread so
 * each timing is one core's work. An extraction that throws (ENGINE_NO_FINGERPRINT, ENGINE_IMAGE_BLANK...) is
 * recorded as a failure and the evaluation goes on; a file that cannot be decoded, or whose resolution is
 * unknown, stops the run, because that is a data or configuration fault rather than a result.
 */
import { cpuMs } from './cpu-clock.js';
import { basename, extname } from 'node:path';
import { extract, prepare, type GrayImage } from '@sarhad/engine';
import { decodeImage, type DpiSource } from './image-decode.js';
import { sampleFailure, type SampleOutcome } from './sample-outcome.js';

/** Options of {@link extractSamples}: where the images' resolution comes from, and progress reporting. */
export interface ExtractSamplesOptions {
  /** Scanning resolution that overrides the files' own (`--dpi`). */
  readonly dpi?: number;
  /** Resolution for files that state none (the set's dpi in datasets.json). */
  readonly fallbackDpi?: number;
  /** Called after each image with the number done. */
  readonly onProgress?: (done: number) => void;
}

/** Outcomes in file order, with the resolutions the images were read at. */
export interface ExtractedSamples {
  readonly outcomes: SampleOutcome[];
  /** Distinct dpi values used, normally one. */
  readonly dpis: number[];
  /** Where the dpi came from: `option`, `file`, or `fallback` (the set's documented dpi). */
  readonly dpiSources: DpiSource[];
}

/** Decodes, extracts and prepares every file in `files` (paths), in order. */
export async function extractSamples(
  files: readonly string[],
  options: ExtractSamplesOptions = {},
): Promise<ExtractedSamples> {
  const outcomes: SampleOutcome[] = [];
  const dpis = new Set<number>();
  const sources = new Set<DpiSource>();
  for (const file of files) {
    const sample = basename(file, extname(file));
    const decoded = await decodeImage(file, { dpi: options.dpi, fallbackDpi: options.fallbackDpi });
    dpis.add(decoded.image.dpi);
    sources.add(decoded.dpiSource);
    outcomes.push(extractSample(sample, decoded.image));
    options.onProgress?.(outcomes.length);
  }
  return { outcomes, dpis: [...dpis], dpiSources: [...sources] };
}

/** Extracts and prepares one decoded image, timing `extract` alone; a throw becomes a recorded failure. */
export function extractSample(sample: string, image: GrayImage): SampleOutcome {
  const start = cpuMs();
  let ms = 0;
  try {
    const { template } = extract(image);
    ms = cpuMs() - start;
    const prepareStart = cpuMs();
    const prepared = prepare(template);
    return { sample, prepared, minutiae: template.minutiae.length, ms, prepareMs: cpuMs() - prepareStart };
  } catch (error) {
    // If extract threw, its time to fail is the extraction time; if prepare threw, ms already holds it.
    return { sample, failure: sampleFailure(error), minutiae: 0, ms: ms || cpuMs() - start, prepareMs: 0 };
  }
}
