/**
 * Finds the files of an FVC-style data set in a directory: `<finger>_<impression>.<ext>` (FVC names them
 * `101_1.tif` .. `110_8.tif`; the SecuGen template export names them `101_1.iso`). The fingers and impressions
 * found become the protocol layout, so the same code serves B sets (10 x 8), A sets (100 x 8) and small test sets;
 * the grid must be complete, because a missing file would silently change the comparison counts.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { FvcLayout, FvcProtocol } from '@sarhad/engine';
import { fvcProtocol, sampleName } from '@sarhad/engine';
import { CliError } from './errors.js';

/** Image file extensions `sarhad eval fvc` reads (decoded by image-decode.ts). */
export const FVC_IMAGE_EXTENSIONS = ['tif', 'tiff', 'png', 'jpg', 'jpeg'] as const;
/** Template file extensions `sarhad eval fvc-iso` reads (any format decodeAnyTemplate detects). */
export const FVC_TEMPLATE_EXTENSIONS = ['iso', 'ansi', 'fmr'] as const;

/** A data set on disk: its protocol and, for each protocol sample, the file that holds it. */
export interface FvcDataset {
  /** Absolute path of the directory. */
  readonly dir: string;
  /** `fvc2002/DB1_B` for `.../fvc2002/DB1_B`: the last two path components, the way FVC names its sets. */
  readonly name: string;
  readonly protocol: FvcProtocol;
  /** files[i] holds protocol.samples[i]. */
  readonly files: readonly string[];
}

/** The FVC-style set name of a directory: its last two path components joined by `/`. */
export function datasetName(dir: string): string {
  const abs = resolve(dir);
  return `${basename(dirname(abs))}/${basename(abs)}`;
}

/**
 * Lists `dir` and returns the data set made of the files named `<finger>_<impression>.<ext>` with one of
 * `extensions` (case-insensitive). Throws CLI_DATASET_INVALID when the directory cannot be read, holds no such
 * file, holds two files for one sample, or misses a finger-impression combination.
 */
export function readFvcDataset(dir: string, extensions: readonly string[]): FvcDataset {
  const abs = resolve(dir);
  let names: string[];
  try {
    if (!statSync(abs).isDirectory()) throw new Error('not a directory');
    names = readdirSync(abs);
  } catch (error) {
    throw new CliError('CLI_DATASET_INVALID', `${dir}: cannot read the data set directory (${(error as Error).message})`, {
      cause: error,
    });
  }
  const pattern = new RegExp(`^(\\d+)_(\\d+)\\.(${extensions.join('|')})$`, 'i');
  const byKey = new Map<string, string>();
  const fingers = new Set<number>();
  const impressions = new Set<number>();
  for (const name of names.sort()) {
    const m = pattern.exec(name);
    if (m === null) continue;
    const finger = Number(m[1]);
    const impression = Number(m[2]);
    const key = `${finger}_${impression}`;
    const earlier = byKey.get(key);
    if (earlier !== undefined) {
      throw new CliError('CLI_DATASET_INVALID', `${dir}: ${earlier} and ${name} are both sample ${key}`);
    }
    byKey.set(key, name);
    fingers.add(finger);
    impressions.add(impression);
  }
  if (byKey.size === 0) {
    throw new CliError(
      'CLI_DATASET_INVALID',
      `${dir}: no files named <finger>_<impression>.{${extensions.join(',')}} (such as 101_1.${extensions[0]})`,
    );
  }
  const layout: FvcLayout = {
    fingers: [...fingers].sort((a, b) => a - b),
    impressions: [...impressions].sort((a, b) => a - b),
  };
  const protocol = fvcProtocol(layout);
  const missing = protocol.samples.map(sampleName).filter((key) => !byKey.has(key));
  if (missing.length > 0) {
    const shown = missing.slice(0, 8).join(', ') + (missing.length > 8 ? `, ... (${missing.length} in all)` : '');
    throw new CliError(
      'CLI_DATASET_INVALID',
      `${dir}: ${layout.fingers.length} fingers x ${layout.impressions.length} impressions, but no file for ${shown}`,
    );
  }
  const files = protocol.samples.map((s) => join(abs, byKey.get(sampleName(s))!));
  return { dir: abs, name: datasetName(abs), protocol, files };
}
