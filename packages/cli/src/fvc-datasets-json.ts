/**
 * Reads the `datasets.json` that describes FVC sets (the shared data directory has one next to the sets):
 * `{ "sets": [{ "name": "fvc2002/DB2_B", "dpi": 569, "size": [296, 560] }, ...] }`, size as [width, height] in
 * pixels. FVC TIFFs carry no resolution tag, so this file is where a set's dpi comes from when `--dpi` is not
 * given, and where `eval fvc-iso` finds the original image frame of templates made from resized images.
 *
 * A set matches an entry when the set directory's path ends with the entry's name (`.../fvc2002/DB2_B` matches
 * `fvc2002/DB2_B`), so the same file serves the image sets and a template export laid out the same way beside
 * them (`fvc-iso-secugen/fvc2002/DB2_B` next to `fvc/datasets.json`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { CliError } from './errors.js';

/** The file name looked for in a set's parent directories. */
export const DATASETS_JSON = 'datasets.json';
/** How many directories above a set are searched for {@link DATASETS_JSON}, with their subdirectories. */
const SEARCH_LEVELS = 3;

/** One set's capture facts. */
export interface FvcSetInfo {
  readonly name: string;
  readonly dpi: number;
  /** Image width in pixels at `dpi`. */
  readonly width: number;
  /** Image height in pixels at `dpi`. */
  readonly height: number;
}

/** A set's facts and the file they were read from. */
export interface FoundSetInfo {
  readonly info: FvcSetInfo;
  readonly path: string;
}

function invalid(path: string, message: string): CliError {
  return new CliError('CLI_DATASET_INVALID', `${path}: ${message}`);
}

/** Parses a datasets.json file. Throws CLI_DATASET_INVALID when it cannot be read or is not shaped as above. */
export function readDatasetsJson(path: string): FvcSetInfo[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError('CLI_DATASET_INVALID', `${path}: cannot read the set descriptions (${(error as Error).message})`, {
      cause: error,
    });
  }
  const sets = (parsed as { sets?: unknown }).sets;
  if (!Array.isArray(sets)) throw invalid(path, 'expected an object with a "sets" array');
  return sets.map((entry: unknown, i) => {
    const { name, dpi, size } = (entry ?? {}) as { name?: unknown; dpi?: unknown; size?: unknown };
    const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
    if (typeof name !== 'string' || name === '') throw invalid(path, `sets[${i}].name must be a non-empty string`);
    if (!positive(dpi)) throw invalid(path, `sets[${i}] (${name}): dpi must be a positive number`);
    if (!Array.isArray(size) || size.length !== 2 || !size.every(positive)) {
      throw invalid(path, `sets[${i}] (${name}): size must be [width, height] in pixels`);
    }
    return { name, dpi, width: size[0] as number, height: size[1] as number };
  });
}

/** The entry of `sets` whose name ends the path of `dir`, if any. */
export function matchSetInfo(sets: readonly FvcSetInfo[], dir: string): FvcSetInfo | undefined {
  const path = resolve(dir).split(sep).join('/');
  return sets.find((s) => path === s.name || path.endsWith(`/${s.name.replace(/^\/+|\/+$/g, '')}`));
}

/**
 * The datasets.json files that may describe a set in `dir`, nearest first: at `dir` and each of up to three
 * directories above it, the file in that directory, then those in its immediate subdirectories (by name). The
 * subdirectories are what lets a template export find the image sets' description beside it: for
 * `data/fvc-iso-secugen/fvc2002/DB1_B` the search reaches `data/` and finds `data/fvc/datasets.json`.
 */
function candidateFiles(dir: string): string[] {
  const found: string[] = [];
  let at = resolve(dir);
  for (let level = 0; level <= SEARCH_LEVELS; level++) {
    found.push(join(at, DATASETS_JSON));
    let children: string[] = [];
    try {
      children = readdirSync(at, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    } catch {
      // An unreadable directory on the way up just has no candidates.
    }
    for (const child of children) found.push(join(at, child, DATASETS_JSON));
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  return found.filter((path) => existsSync(path));
}

/**
 * The facts of the set in `dir`: from `datasetsPath` when given (throwing CLI_DATASET_INVALID when it has no
 * entry for the set), otherwise from the nearest datasets.json (see candidateFiles) that parses and has an entry
 * for the set; undefined when there is none.
 */
export function findSetInfo(dir: string, datasetsPath?: string): FoundSetInfo | undefined {
  if (datasetsPath !== undefined) {
    const info = matchSetInfo(readDatasetsJson(datasetsPath), dir);
    if (info === undefined) throw invalid(datasetsPath, `no entry whose name ends the path ${resolve(dir)}`);
    return { info, path: resolve(datasetsPath) };
  }
  for (const candidate of candidateFiles(dir)) {
    let sets: FvcSetInfo[];
    try {
      sets = readDatasetsJson(candidate);
    } catch {
      // Found by searching, not named by the user: another tool's datasets.json is not ours to reject.
      continue;
    }
    const info = matchSetInfo(sets, dir);
    if (info !== undefined) return { info, path: candidate };
  }
  return undefined;
}
