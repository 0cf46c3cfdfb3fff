/**
 * `sarhad watchlist import <file>` and `sarhad watchlist list`: import a UN consolidated list, an OFAC SDN file set
 * or a national stop-list, keep every imported version in the data directory, and report what changed since the
 * previous version of the same list (ids added, removed, changed, with the changed fields), so an operator sees
 * what an update does before it reaches the border. `sarhad bench watchlist-import <file>` times the same import
 * (the OFAC SDN set must import in at most 10 s).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import {
  FileWatchlistStore,
  LIST_SOURCES,
  diffVersions,
  loadWatchlistFile,
  resolveDataDir,
  type ChangeReport,
  type ListSource,
  type ListVersion,
  type StoredVersion,
} from '@sarhad/screening';
import { CliError } from '../errors.js';
import { positiveInteger } from '../option-parsers.js';
import { benchGroup } from './groups.js';

interface ImportOptions {
  format?: string;
  dataDir?: string;
  json?: boolean;
}

interface ListOptions {
  dataDir?: string;
  source?: string;
  json?: boolean;
}

/** What `watchlist import --json` prints. */
export interface ImportResult {
  readonly version: ListVersion | StoredVersion;
  /** False when the file's content equals the latest stored version's: nothing new is stored. */
  readonly saved: boolean;
  readonly report: ChangeReport;
  readonly notes: readonly string[];
  /** Wall time to read, parse and version the file(s), in milliseconds. */
  readonly loadMs: number;
}

const SOURCE_LABEL: Readonly<Record<ListSource, string>> = { un: 'UN', ofac: 'OFAC', national: 'national' };

function ids(label: string, list: readonly string[]): string[] {
  return list.length === 0 ? [] : [`  ${label} (${list.length}): ${list.join(', ')}`];
}

function describeVersion(version: ListVersion | StoredVersion): string {
  const stored = 'id' in version ? ` ${version.id}, imported ${version.savedAt}` : '';
  return `version${stored} of ${version.files.join(' + ')}${version.generatedOn !== undefined ? `, generated ${version.generatedOn}` : ''}`;
}

/** The human-readable change report. */
export function formatImport(result: ImportResult): string {
  const { version, report } = result;
  const lines = [
    `Imported ${SOURCE_LABEL[version.source]} list: ${version.entryCount} entries from ${version.files.join(' + ')} in ${(result.loadMs / 1000).toFixed(2)} s`,
    `  ${result.saved ? 'stored as ' : 'not stored again: same content as '}${describeVersion(version)}`,
    `  sha256 ${version.contentHash}`,
  ];
  if (report.from === undefined) {
    lines.push(`First import of the ${SOURCE_LABEL[version.source]} list: all ${report.added.length} entries are new.`);
  } else {
    lines.push(
      `Changes since ${describeVersion(report.from)}:`,
      `  ${report.added.length} added, ${report.removed.length} removed, ${report.changed.length} changed, ${report.unchangedCount} unchanged`,
      ...ids('added', report.added),
      ...ids('removed', report.removed),
    );
    if (report.changed.length > 0) {
      lines.push(`  changed (${report.changed.length}):`, ...report.changed.map((c) => `    ${c.id}: ${c.fields.join(', ')}`));
    }
  }
  if (result.notes.length > 0) lines.push('Notes:', ...result.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

async function importList(file: string, options: ImportOptions, dataDir?: string): Promise<ImportResult> {
  const store = new FileWatchlistStore({ dataDir: dataDir ?? resolveDataDir(options.dataDir, process.env, process.cwd()) });
  const started = performance.now();
  const loaded = await loadWatchlistFile(file, options.format);
  const loadMs = performance.now() - started;
  const previous = await store.loadLatest(loaded.version.source);
  const report = diffVersions(previous, loaded);
  // Re-importing the same bytes adds nothing worth keeping twice; the report (no changes) still confirms it.
  const same = previous !== undefined && previous.version.contentHash === loaded.version.contentHash;
  const version = same ? previous.version : await store.save(loaded);
  return { version, saved: !same, report, notes: loaded.notes ?? [], loadMs };
}

function formatVersions(versions: readonly StoredVersion[]): string {
  if (versions.length === 0) return 'No list versions stored yet: run `sarhad watchlist import <file>`.';
  const rows = versions.map((v) => [v.id, v.source, String(v.entryCount), v.generatedOn ?? '-', v.savedAt, v.files.map((f) => basename(f)).join('+')]);
  const header = ['version', 'source', 'entries', 'generated', 'imported', 'files'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** One timed import: wall and CPU time of the whole import (load, compare with the stored version, store). */
interface ImportTiming {
  readonly run: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly loadMs: number;
  readonly entries: number;
  readonly changed: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Imports `file` `runs` times into a scratch data directory: the first run is a first import, the others
 * re-import it (load, compare with the stored version; identical content is not stored again).
 */
async function benchImport(file: string, format: string | undefined, runs: number): Promise<ImportTiming[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sarhad-bench-watchlist-'));
  try {
    const timings: ImportTiming[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const result = await importList(file, format === undefined ? {} : { format }, dataDir);
      const used = process.cpuUsage(cpu);
      timings.push({
        run,
        wallMs: performance.now() - started,
        cpuMs: (used.user + used.system) / 1000,
        loadMs: result.loadMs,
        entries: result.version.entryCount,
        changed: result.report.added.length + result.report.removed.length + result.report.changed.length,
      });
    }
    return timings;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function formatTimings(file: string, timings: readonly ImportTiming[]): string {
  const lines = timings.map(
    (t) =>
      `  run ${t.run}${t.run === 1 ? ' (first import)' : ' (re-import)   '}: ${(t.wallMs / 1000).toFixed(2)} s wall, ${(t.cpuMs / 1000).toFixed(2)} s CPU, load ${(t.loadMs / 1000).toFixed(2)} s, ${t.entries} entries`,
  );
  const wall = median(timings.map((t) => t.wallMs));
  const cpu = median(timings.map((t) => t.cpuMs));
  return [`Importing ${file}:`, ...lines, `  median: ${(wall / 1000).toFixed(2)} s wall, ${(cpu / 1000).toFixed(2)} s CPU (process start-up not included)`].join('\n');
}

export function register(program: Command): void {
  const watchlist = program.command('watchlist').description('import watchlists (UN, OFAC, national) and report what changed');

  watchlist
    .command('import <file>')
    .description('import a list file (for OFAC, sdn.csv with alt.csv, add.csv, sdn_comments.csv beside it) and report changes since the previous import')
    .option('--format <format>', 'un | ofac | csv (detected from the file when omitted)')
    .option('--data-dir <dir>', 'where list versions are kept (default: $SARHAD_DATA_DIR or ./.sarhad)')
    .option('--json', 'print the version and change report as JSON')
    .action(async (file: string, options: ImportOptions) => {
      const result = await importList(file, options);
      console.log(options.json === true ? JSON.stringify(result, null, 2) : formatImport(result));
    });

  watchlist
    .command('list')
    .description('show the stored list versions, oldest first')
    .option('--source <source>', `only this source (${LIST_SOURCES.join(', ')})`)
    .option('--data-dir <dir>', 'where list versions are kept (default: $SARHAD_DATA_DIR or ./.sarhad)')
    .option('--json', 'print the versions as JSON')
    .action(async (options: ListOptions) => {
      if (options.source !== undefined && !(LIST_SOURCES as readonly string[]).includes(options.source)) {
        throw new CliError('CLI_INVALID_OPTION', `--source: unknown list source "${options.source}" (expected ${LIST_SOURCES.join(', ')})`);
      }
      const store = new FileWatchlistStore({ dataDir: resolveDataDir(options.dataDir, process.env, process.cwd()) });
      const versions = await store.listVersions(options.source as ListSource | undefined);
      console.log(options.json === true ? JSON.stringify(versions, null, 2) : formatVersions(versions));
    });

  benchGroup(program)
    .command('watchlist-import <file>')
    .description('time importing a list file (load, change report, store) into a scratch data directory')
    .option('--format <format>', 'un | ofac | csv (detected from the file when omitted)')
    .option('--runs <n>', 'how many imports (the first is a first import, the rest re-imports)', positiveInteger('--runs'), 3)
    .option('--json', 'print the timings as JSON')
    .action(async (file: string, options: { format?: string; runs: number; json?: boolean }) => {
      const timings = await benchImport(file, options.format, options.runs);
      console.log(options.json === true ? JSON.stringify(timings, null, 2) : formatTimings(file, timings));
    });
}
