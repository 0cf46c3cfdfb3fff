/**
 * `sarhad eval screening --list <un.xml> [--list more...] --pairs <csv> --negatives <csv> [--false-alert-rate r]
 * [--json]`: the screening evaluation protocol (packages/screening/src/eval/screening-eval.ts, MATCHING.md). The
 * threshold is calibrated on the negatives for the given name-only false-alert rate (default 0.5 %); recall is
 * reported per category at that threshold, name-only and with nationality (pairs) and date of birth and
 * nationality (negatives); latency is the CPU time per screened person. Extra --list files (OFAC) make the
 * index bigger, as at a border post that loads several lists. --misses adds the pairs missed and the negatives
 * alerting, each with its score and the listed name it was compared with, for error analysis.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluateScreening, parseAliasPairs, parseNegatives, type ScreeningEvalResult } from '@sarhad/screening';
import { CliError } from '../errors.js';
import { evalGroup } from './groups.js';
import { loadEntries } from './screen.js';

interface EvalScreeningOptions {
  readonly list: string[];
  readonly pairs: string;
  readonly negatives: string;
  readonly falseAlertRate: number;
  readonly json?: boolean;
  readonly misses?: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function rate(value: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new CliError('CLI_INVALID_OPTION', `--false-alert-rate must be in [0, 1], got ${value}`);
  return n;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** The human-readable report. */
export function formatScreeningEval(result: ScreeningEvalResult): string {
  const lines = [
    `threshold ${result.threshold} (name-only false alerts on ${result.negatives} negatives: ${pct(result.falseAlertRate)}; with date of birth and nationality: ${pct(result.falseAlertRateWithDob)})`,
    'category                  pairs   recall   with nationality',
  ];
  for (const category of Object.keys(result.recall))
    lines.push(
      `${category.padEnd(25)} ${String(result.counts[category] ?? 0).padStart(5)}  ${pct(result.recall[category]!).padStart(7)}  ${pct(result.recallWithDob[category] ?? 0).padStart(7)}`,
    );
  if (result.skippedPairs > 0) lines.push(`(${result.skippedPairs} pairs skipped: their record is not in the lists)`);
  lines.push(`latency per person: p50 ${result.latencyMs.p50.toFixed(3)} ms, p99 ${result.latencyMs.p99.toFixed(3)} ms`);
  return lines.join('\n');
}

/** The error-analysis lists: false alerts, then misses by category, each best score first. */
export function formatScreeningMisses(result: ScreeningEvalResult): string {
  const explain = (listed: string | undefined, pairs: readonly string[]): string =>
    listed === undefined ? '(not among the candidates)' : `[${listed}] ${pairs.join(', ')}`;
  const lines = [`false alerts (name-only, at ${result.threshold}): ${result.falseAlerts.length}`];
  for (const f of result.falseAlerts) lines.push(`  ${f.score.toFixed(3)}  ${JSON.stringify(f.name)} -> ${f.entryId} ${explain(f.listed, f.pairs)}`);
  const misses = [...result.misses].sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : b.score - a.score));
  lines.push(`misses (name-only): ${misses.length}`);
  for (const m of misses) lines.push(`  ${m.category.padEnd(22)} ${m.score.toFixed(3)}  ${m.ref}  ${JSON.stringify(m.query)} ${explain(m.listed, m.pairs)}`);
  return lines.join('\n');
}

/** Registers `eval screening` under the shared `eval` group. */
export function register(program: Command): void {
  evalGroup(program)
    .command('screening')
    .description('recall per category and false-alert rate of watchlist screening (UN alias pairs, negatives)')
    .requiredOption('--list <file>', 'a watchlist file; repeatable (the pairs refer to the first, UN, list)', collect)
    .requiredOption('--pairs <csv>', 'alias pairs (un_alias_pairs_*.csv)')
    .requiredOption('--negatives <csv>', 'people on no list (negatives_*.csv)')
    .option('--false-alert-rate <rate>', 'name-only false-alert rate the threshold is calibrated for', rate, 0.005)
    .option('--json', 'print one JSON object')
    .option('--misses', 'also list the pairs missed and the negatives alerting (name-only), with scores and the names compared')
    .action(async (options: EvalScreeningOptions) => {
      const entries = await loadEntries(options.list);
      const pairs = parseAliasPairs(readFileSync(options.pairs, 'utf8'), options.pairs);
      const negatives = parseNegatives(readFileSync(options.negatives, 'utf8'), options.negatives);
      const result = evaluateScreening(entries, pairs, negatives, { falseAlertRate: options.falseAlertRate });
      if (options.json === true) {
        const { threshold, recall, falseAlertRate, recallWithDob, falseAlertRateWithDob, latencyMs } = result;
        const { misses, falseAlerts } = result;
        console.log(
          JSON.stringify({ threshold, recall, falseAlertRate, recallWithDob, falseAlertRateWithDob, latencyMs, ...(options.misses === true ? { misses, falseAlerts } : {}) }),
        );
      } else {
        console.log(formatScreeningEval(result));
        if (options.misses === true) console.log(formatScreeningMisses(result));
      }
    });
}
