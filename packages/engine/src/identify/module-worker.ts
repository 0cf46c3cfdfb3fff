/**
 * Starts a worker thread on an ES module of this repository, from TypeScript sources or compiled JavaScript.
 *
 * Workers do not inherit the main thread's module loader hooks on Node 20: a process that runs the sources through
 * tsx (`node --import tsx`, or `register()` from tsx's API as packages/cli/bin/sarhad.js does) gets a worker that
 * cannot load `.ts` files, and an `--import tsx` in the worker's `execArgv` is not applied either. So for a `.ts`
 * entry the worker is started from a two-line bootstrap (`eval: true`) that registers tsx's loader in the worker,
 * resolved from this module's location, and then imports the entry; a `.js` entry is started directly, so compiled
 * code needs no tsx at all.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Starts `entry` (a file URL of a .ts or .js module) in a worker thread with `options` (workerData, ...). */
export function startModuleWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })` +
    '.catch((error) => { setImmediate(() => { throw error; }); });';
  return new Worker(bootstrap, { ...options, eval: true });
}

/** The URL of sibling module `name` (without extension) in the same form (.ts or .js) as `base`. */
export function siblingModule(base: string, name: string): URL {
  const extension = base.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, base);
}
