/**
 * Same-process latency A/B of two revisions of the screener, for a loaded machine where absolute CPU times drift:
 * both screeners are built over the same lists and every query is screened by one and then the other, so that load
 * changes hit both alike. Extract the other revision first:
 *   git archive <rev> packages/screening | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx packages/screening/scripts/compare-latency.ts /tmp/base <list>... --negatives <csv> [--pairs <csv>]
 * Prints CPU p50 and p99 per screened person for both (negatives and pairs, name-only, each screened twice).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as current from '../src/index.js';

const ROUNDS = 2;

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const negativesPath = option('--negatives');
const pairsPath = option('--pairs');
const [baseDir, ...lists] = args;
if (baseDir === undefined || lists.length === 0 || negativesPath === undefined) {
  console.error('usage: compare-latency.ts <base checkout> <list>... --negatives <csv> [--pairs <csv>]');
  process.exit(2);
}
const base = (await import(pathToFileURL(resolve(baseDir, 'packages/screening/src/index.ts')).href)) as typeof current;

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

const baseEntries: current.WatchlistEntry[] = [];
const currentEntries: current.WatchlistEntry[] = [];
for (const list of lists) {
  baseEntries.push(...(await base.loadWatchlistFile(list)).entries);
  currentEntries.push(...(await current.loadWatchlistFile(list)).entries);
}
const queries: current.PersonQuery[] = current
  .parseNegatives(readFileSync(negativesPath, 'utf8'), negativesPath)
  .map((n) => ({ names: [n.name], kind: 'individual' as const }));
if (pairsPath !== undefined)
  for (const p of current.parseAliasPairs(readFileSync(pairsPath, 'utf8'), pairsPath)) queries.push({ names: [p.query], ...(p.kind !== undefined ? { kind: p.kind } : {}) });

const screeners = [new base.Screener(baseEntries), new current.Screener(currentEntries)] as const;
for (const s of screeners) s.warmUp();
const times: [number[], number[]] = [[], []];
for (let round = 0; round < ROUNDS; round++)
  for (const query of queries)
    screeners.forEach((s, k) => {
      const start = cpuMs();
      s.screen(query, { threshold: 0, useDateAndNationality: false });
      times[k].push(cpuMs() - start);
    });
const line = (label: string, t: readonly number[]): string => `${label} p50 ${percentile(t, 50).toFixed(3)} ms, p99 ${percentile(t, 99).toFixed(3)} ms`;
console.log(`${times[0].length} screenings each: ${line('base', times[0])} | ${line('current', times[1])}`);
