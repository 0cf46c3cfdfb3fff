#!/usr/bin/env node
// Runs `sarhad eval fvc` on every set a datasets.json lists (the shared data lists FVC2002 DB1_B, DB2_B, DB3_B and
// FVC2004 DB1_B) with each set's dpi from that file, then prints one table and the average EERs. `npm run eval:fvc`.
//
//   node scripts/eval-fvc-all.mjs [datasets.json] [--iso <root>] [--no-frame] [--out <dir>] [--speed-runs <n>] [--json]
//
// datasets.json: the first argument, else $SARHAD_FVC_DATASETS, else ../shared/data/fvc/datasets.json beside the
// repository. Each set is the directory `<dir of datasets.json>/<name>`.
// --iso <root>  evaluate template records instead: `sarhad eval fvc-iso <root>/<name>`, mapped to each set's
//               original frame and dpi from datasets.json (add --no-frame to use the records as decoded).
// --out <dir>   also write <dir>/<name with _ for />.scores.csv and .det.svg per set.
// --json        print one JSON object: { sets: [per-set report...], average: {...} }.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'packages', 'cli', 'bin', 'sarhad.js');

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) fail(`${name} needs a value`);
  args.splice(i, 2);
  return value;
};
const toggle = (name) => {
  const i = args.indexOf(name);
  if (i !== -1) args.splice(i, 1);
  return i !== -1;
};
function fail(message) {
  console.error(`eval-fvc-all: ${message}`);
  process.exit(2);
}

const isoRoot = flag('--iso');
const out = flag('--out');
const speedRuns = flag('--speed-runs');
const json = toggle('--json');
const noFrame = toggle('--no-frame');
if (args.length > 1 || args.some((a) => a.startsWith('--'))) fail(`unexpected arguments: ${args.join(' ')}`);
const datasetsPath = resolve(args[0] ?? process.env.SARHAD_FVC_DATASETS ?? join(root, '..', 'shared', 'data', 'fvc', 'datasets.json'));

let sets;
try {
  sets = JSON.parse(readFileSync(datasetsPath, 'utf8')).sets;
} catch (error) {
  fail(`cannot read ${datasetsPath}: ${error.message} (give the path as the first argument or in SARHAD_FVC_DATASETS)`);
}
if (!Array.isArray(sets) || sets.length === 0) fail(`${datasetsPath} lists no sets`);

const reports = [];
for (const set of sets) {
  const command = isoRoot === undefined
    ? ['eval', 'fvc', join(dirname(datasetsPath), set.name), '--dpi', String(set.dpi)]
    : ['eval', 'fvc-iso', join(resolve(isoRoot), set.name), ...(noFrame ? ['--no-frame'] : ['--datasets', datasetsPath])];
  command.push('--json');
  if (speedRuns !== undefined) command.push('--speed-runs', speedRuns);
  if (out !== undefined) {
    const stem = join(resolve(out), set.name.replaceAll('/', '_'));
    command.push('--scores', `${stem}.scores.csv`, '--det', `${stem}.det.svg`);
  }
  if (!json) console.error(`sarhad ${command.join(' ')}`);
  const run = spawnSync(process.execPath, [bin, ...command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) fail(`${set.name}: sarhad exited with ${run.status}`);
  reports.push(JSON.parse(run.stdout));
}

const mean = (key) => reports.reduce((sum, r) => sum + r[key], 0) / reports.length;
const average = {
  eerFvc: Math.round(mean('eerFvc') * 1e4) / 1e4,
  eerAll: Math.round(mean('eerAll') * 1e4) / 1e4,
  fmr100: Math.round(mean('fmr100') * 1e4) / 1e4,
  fmr1000: Math.round(mean('fmr1000') * 1e4) / 1e4,
  zeroFmr: Math.round(mean('zeroFmr') * 1e4) / 1e4,
};
if (json) {
  process.stdout.write(JSON.stringify({ datasets: datasetsPath, sets: reports, average }, null, 2) + '\n');
} else {
  const columns = ['set', 'dpi', 'EER fvc', 'EER all', 'FMR100', 'FMR1000', 'ZeroFMR', 'failed', 'extract ms', 'cmp/s'];
  const pct = (v) => `${v.toFixed(2)} %`;
  const rows = reports.map((r) => [
    r.set,
    r.dpi === null ? '-' : String(r.dpi),
    pct(r.eerFvc),
    pct(r.eerAll),
    pct(r.fmr100),
    pct(r.fmr1000),
    pct(r.zeroFmr),
    `${r.failedExtractions}/${r.images}`,
    // Template decoding (--iso) takes microseconds; extraction tens of milliseconds.
    r.extractMsMedian.toFixed(r.extractMsMedian < 1 ? 3 : 1),
    String(r.comparisonsPerSecond),
  ]);
  rows.push(['average', '', pct(average.eerFvc), pct(average.eerAll), pct(average.fmr100), pct(average.fmr1000), pct(average.zeroFmr), '', '', '']);
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(columns));
  for (const r of rows) console.log(line(r));
  console.log('EER fvc: 45 FVC impostors; EER all, FMR100, FMR1000, ZeroFMR: 2,880 all-pairs impostors.');
}
