/**
 * `sarhad screen`: screen one person against one or more watchlist files, or measure screening speed.
 *
 *   sarhad screen --list un.xml [--list sdn.csv] --name "Serajuddin Haqani" [--name ...] [--dob 1978]
 *                 [--nationality Afghanistan] [--document P00032260] [--json]
 *                 [--kind individual|entity|any] [--threshold 0.57 | --false-alert-rate 0.005 --negatives negatives.csv]
 *   sarhad screen --list un.xml --list sdn.csv --bench negatives.csv [--json]
 *
 * A traveller is an individual: by default only listed individuals are screened (`--kind entity` screens an
 * organisation against listed entities, `--kind any` against both). Each hit shows its score, the list entry and why: which listed name matched which query tokens, and the
 * date-of-birth, nationality and document agreement. `--bench` screens every person of a CSV (a `full_name`
 * column, as in negatives_global.csv) name-only and reports the CPU time per person (p50, p99) on this one
 * thread, which other load on the machine does not inflate the way wall time would.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  DEFAULT_THRESHOLD,
  Screener,
  loadWatchlistFile,
  parseNegatives,
  type Hit,
  SUBJECT_KINDS,
  type PersonQuery,
  type SubjectKind,
  type WatchlistEntry,
} from '@sarhad/screening';
import { CliError } from '../errors.js';

interface ScreenOptions {
  readonly list: string[];
  readonly name?: string[];
  readonly dob?: string;
  readonly nationality?: string[];
  readonly document?: string[];
  readonly threshold?: number;
  readonly falseAlertRate?: number;
  readonly negatives?: string;
  readonly bench?: string;
  readonly kind: SubjectKind | 'any';
  readonly json?: boolean;
}

/** What `--bench --json` prints. */
export interface ScreenBenchResult {
  readonly entries: number;
  readonly people: number;
  readonly buildMs: number;
  readonly cpuMs: { readonly p50: number; readonly p99: number };
  readonly wallMs: { readonly p50: number; readonly p99: number };
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function kind(value: string): SubjectKind | 'any' {
  const found = [...SUBJECT_KINDS, 'any' as const].find((k) => k === value);
  if (found === undefined) throw new CliError('CLI_INVALID_OPTION', `--kind must be ${SUBJECT_KINDS.join(', ')} or any, got ${value}`);
  return found;
}

function threshold(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new CliError('CLI_INVALID_OPTION', `--threshold must be in [0, 1], got ${value}`);
  return n;
}

/** Loads and concatenates the entries of every list file. */
export async function loadEntries(files: readonly string[]): Promise<WatchlistEntry[]> {
  const entries: WatchlistEntry[] = [];
  for (const file of files) entries.push(...(await loadWatchlistFile(file)).entries);
  return entries;
}

function nearestRank(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}

/** Screens every person name-only and times each call (CPU and wall). */
export function benchScreening(screener: Screener, people: readonly PersonQuery[], buildMs: number): ScreenBenchResult {
  // Warm-up on listed names, none of the people timed: the first few hundred calls pay for JIT compilation, which a
  // running server has paid already.
  screener.warmUp();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (const person of people) {
    const c = process.cpuUsage();
    const w = performance.now();
    screener.screen(person);
    wall.push(performance.now() - w);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  return {
    entries: screener.size,
    people: people.length,
    buildMs,
    cpuMs: { p50: nearestRank(cpu, 50), p99: nearestRank(cpu, 99) },
    wallMs: { p50: nearestRank(wall, 50), p99: nearestRank(wall, 99) },
  };
}

function formatHit(hit: Hit): string {
  const e = hit.explanation;
  const lines = [`${hit.score.toFixed(3)}  ${hit.source.toUpperCase()} ${hit.entryId} (${hit.listType}) ${hit.primaryName}`];
  if (e.name !== undefined) {
    const pairs = e.name.pairs.map((p) => `${p.query}~${p.listed} ${p.similarity.toFixed(2)}`).join(', ');
    lines.push(`       name: "${e.name.query}" ~ ${e.name.listedKind} "${e.name.listed}"${e.name.quality === 'low' ? ' (weak alias, confirmed)' : ''} ${e.name.score.toFixed(3)} [${pairs}]`);
  }
  lines.push(`       date of birth: ${e.dateOfBirth}; nationality: ${e.nationality}`);
  if (e.document !== undefined) lines.push(`       document: ${e.document.presented} = listed ${e.document.kind} ${e.document.listed}`);
  return lines.join('\n');
}

/** Registers `sarhad screen`. */
export function register(program: Command): void {
  program
    .command('screen')
    .description('screen a person (names, date of birth, nationality, documents) against watchlist files')
    .requiredOption('--list <file>', 'a watchlist file (UN XML, OFAC sdn.csv, national CSV); repeatable', collect)
    .option('--name <name>', 'a name the person uses, any script; repeatable', collect)
    .option('--dob <date>', 'date of birth: YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--nationality <country>', 'nationality, ISO alpha-3 or English name; repeatable', collect)
    .option('--document <number>', 'a passport or id number; repeatable', collect)
    .option('--threshold <score>', `alert threshold in [0, 1] (default ${DEFAULT_THRESHOLD})`, threshold)
    .option('--false-alert-rate <rate>', 'set the threshold for this name-only false-alert rate on --negatives', threshold)
    .option('--negatives <csv>', 'people on no list (full_name column) to calibrate --false-alert-rate on')
    .option('--bench <csv>', 'time name-only screening of every full_name in the CSV instead')
    .option('--kind <kind>', 'what is screened: individual (a traveller: listed individuals only), entity (an organisation: listed entities only) or any', kind, 'individual')
    .option('--json', 'print JSON')
    .action(async (options: ScreenOptions) => {
      const subject = options.kind === 'any' ? {} : { kind: options.kind };
      const start = performance.now();
      const entries = await loadEntries(options.list);
      const screener = new Screener(entries, options.threshold === undefined ? {} : { threshold: options.threshold });
      const buildMs = performance.now() - start;
      if ((options.falseAlertRate === undefined) !== (options.negatives === undefined))
        throw new CliError('CLI_INVALID_OPTION', '--false-alert-rate and --negatives go together');
      if (options.falseAlertRate !== undefined && options.negatives !== undefined) {
        // The negatives are people: calibrated as individuals, whatever --kind says.
        const negatives = parseNegatives(readFileSync(options.negatives, 'utf8'), options.negatives).map((p): PersonQuery => ({ names: [p.name], kind: 'individual' }));
        screener.calibrate(negatives, options.falseAlertRate);
      }
      if (options.bench !== undefined) {
        const people = parseNegatives(readFileSync(options.bench, 'utf8'), options.bench).map((p): PersonQuery => ({ names: [p.name], ...subject }));
        const result = benchScreening(screener, people, buildMs);
        console.log(
          options.json === true
            ? JSON.stringify(result)
            : `${result.people} people against ${result.entries} entries (built in ${(buildMs / 1000).toFixed(2)} s): ` +
                `CPU p50 ${result.cpuMs.p50.toFixed(3)} ms, p99 ${result.cpuMs.p99.toFixed(3)} ms; ` +
                `wall p50 ${result.wallMs.p50.toFixed(3)} ms, p99 ${result.wallMs.p99.toFixed(3)} ms`,
        );
        return;
      }
      if (options.name === undefined || options.name.length === 0)
        throw new CliError('CLI_INVALID_OPTION', 'give at least one --name (or --bench <csv>)');
      const person: PersonQuery = {
        names: options.name,
        ...(options.dob !== undefined ? { dateOfBirth: options.dob } : {}),
        nationalities: options.nationality ?? [],
        documents: (options.document ?? []).map((number) => ({ number })),
        ...subject,
      };
      const hits = screener.screen(person);
      if (options.json === true) {
        console.log(JSON.stringify({ threshold: screener.threshold, hits }));
        return;
      }
      console.log(hits.length === 0 ? `No hits at threshold ${screener.threshold}.` : hits.map(formatHit).join('\n'));
    });
}
