/**
 * Which directory the command line keeps its data in: `--data-dir` when given, else the SARHAD_DATA_DIR
 * environment variable, else `.sarhad/` in the current directory (like `.git/`, so that each working directory
 * has its own lists unless told otherwise).
 */
import { resolve } from 'node:path';

/** The environment variable that overrides the default data directory. */
export const DATA_DIR_ENV = 'SARHAD_DATA_DIR';
/** The data directory's name, relative to the current directory, when nothing else is given. */
export const DEFAULT_DATA_DIR = '.sarhad';

/** Resolves the data directory to an absolute path from the option, the environment and the working directory. */
export function resolveDataDir(option: string | undefined, env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const chosen = option ?? (env[DATA_DIR_ENV] !== undefined && env[DATA_DIR_ENV] !== '' ? env[DATA_DIR_ENV] : DEFAULT_DATA_DIR);
  return resolve(cwd, chosen);
}
