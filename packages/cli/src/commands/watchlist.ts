/**
 * `sarhad watchlist import <file>` and `sarhad watchlist list`: import a UN consolidated list, an OFAC SDN file set
 * or a national stop-list, keep every imported version in the data directory, and report what changed since the
 * previous version of the same list (ids added, removed, changed, with the changed fields), so an operator sees
 * what an update does before it reaches the border.
 */
import { basename } from 'node:path';
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

async function importList(file: string, options: ImportOptions): Promise<ImportResult> {
  const store = new FileWatchlistStore({ dataDir: resolveDataDir(options.dataDir, process.env, process.cwd()) });
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
}
