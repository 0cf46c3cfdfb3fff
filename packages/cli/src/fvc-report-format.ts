/**
 * Text forms of an FVC evaluation: the human-readable table `sarhad eval fvc` prints by default, and the score
 * list `--scores` writes (one CSV row per comparison, RFC 4180 with a header line).
 */
import type { FvcProtocol } from '@sarhad/engine';
import { sampleName } from '@sarhad/engine';
import type { FvcResults, ScoredComparison } from './fvc-evaluation.js';

/** The header and facts about the run that a table shows above the results. */
export interface FvcRunHeading {
  readonly command: string;
  readonly set: string;
  /** `500 dpi`, `569 dpi (datasets.json)`, `records as decoded`... */
  readonly resolution: string;
  /** The noun for what made a template: `extraction` or `template decoding`. */
  readonly makeVerb: string;
}

const pct = (v: number): string => `${v.toFixed(2)} %`;
const ms = (v: number): string => `${v.toFixed(1)} ms`;
const row = (label: string, ...cells: string[]): string =>
  `  ${label.padEnd(24)}${cells.map((c) => c.padStart(14)).join('  ')}`;

/** The report as an aligned plain-text table. */
export function formatFvcTable(heading: FvcRunHeading, r: FvcResults): string {
  const lines = [
    `${heading.command}: ${heading.set} (${r.images} images, ${r.fingers} fingers x ${r.impressionsPerFinger} ` +
      `impressions, ${heading.resolution})`,
    row('', 'FVC impostors', 'all pairs'),
    row('impostor comparisons', String(r.impostorFvcCount), String(r.impostorAllCount)),
    row('EER', pct(r.fvcImpostors.eer), pct(r.allImpostors.eer)),
    row('FMR100', pct(r.fvcImpostors.fmr100), pct(r.allImpostors.fmr100)),
    row('FMR1000', pct(r.fvcImpostors.fmr1000), pct(r.allImpostors.fmr1000)),
    row('ZeroFMR', pct(r.fvcImpostors.zeroFmr), pct(r.allImpostors.zeroFmr)),
    `  ${'genuine comparisons'.padEnd(24)}${r.genuineCount}`,
    `  ${'failed extractions'.padEnd(24)}${r.failedExtractions} of ${r.images}` +
      (r.failures.length > 0 ? ` (${r.failures.map((f) => `${f.sample}: ${f.code}`).join(', ')})` : ''),
    `  ${heading.makeVerb.padEnd(24)}median ${ms(r.extractMsMedian)}, p95 ${ms(r.extractMsP95)} per template; ` +
      `prepare ${ms(r.prepareMsMedian)}`,
    `  ${'minutiae per template'.padEnd(24)}median ${r.minutiaeMedian}`,
    `  ${'calibration'.padEnd(24)}` +
      r.calibration.map((c) => `score ${c.threshold}: FMR ${pct(c.fmr)} (nominal ${c.nominalFmr} %)`).join(', '),
    `  ${'scores'.padEnd(24)}genuine median ${r.scores.genuineMedian}, impostor p99 ${r.scores.impostorP99}, ` +
      `max ${r.scores.impostorMax}`,
    `  ${'comparison speed'.padEnd(24)}${r.comparisonsPerSecond} per second on one core ` +
      `(median of ${r.comparisonRuns.length} runs over ${r.timedComparisons} comparisons)`,
  ];
  return lines.join('\n') + '\n';
}

/**
 * The score list as CSV: `probe,candidate,kind,score`, probe and candidate as FVC file stems (`101_1`), kind
 * `genuine`, `impostor_fvc` (one of the 45 FVC impostor pairs) or `impostor` (the other all-pairs impostors).
 * Each pair appears once, so the all-pairs impostor set is the `impostor_fvc` rows plus the `impostor` rows.
 */
export function scoresCsv(protocol: FvcProtocol, scored: readonly ScoredComparison[]): string {
  const names = protocol.samples.map(sampleName);
  const lines = ['probe,candidate,kind,score'];
  for (const s of scored) lines.push(`${names[s.probe]},${names[s.candidate]},${s.kind},${s.score}`);
  return lines.join('\n') + '\n';
}
