/**
 * Crossings per day or per hour as a hand-written SVG bar chart (no chart library): one bar per group, in stacked
 * on out, a y axis with round steps. Screen readers get a one-sentence summary (role="img" with a label) and the
 * same numbers as a table under a disclosure. Time runs left to right in both languages, as in the labels.
 */
import { useId } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { Y_STEPS, niceAxisMax } from '../dashboard/chart-scale.js';
import type { FlowBucket } from './flows.js';

const WIDTH = 720; // viewBox units
const HEIGHT = 220;
const MARGIN = { top: 12, right: 8, bottom: 26, left: 48 } as const;
/** At most this many axis labels, whatever the number of bars. */
const MAX_LABELS = 12;

export function FlowChart({
  buckets,
  keyHeading,
  label,
  testId,
}: {
  readonly buckets: readonly FlowBucket[];
  readonly keyHeading: string;
  readonly label: (key: string) => string;
  readonly testId: string;
}) {
  const { t, formatNumber } = useI18n();
  const titleId = useId();
  const max = niceAxisMax(Math.max(0, ...buckets.map((b) => b.total)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, buckets.length);
  const barWidth = slot * 0.72;
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const labelEvery = Math.ceil(buckets.length / MAX_LABELS);
  const busiest = buckets.reduce<FlowBucket | undefined>((best, b) => (!best || b.total > best.total ? b : best), undefined);
  const total = buckets.reduce((sum, b) => sum + b.total, 0);
  const summary =
    total === 0 || !busiest ? t('flows.chartEmpty') : t('flows.chartSummary', { total, key: label(busiest.key), count: busiest.total });

  return (
    <figure className="flow-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="flow-chart__svg" data-testid={testId}>
        <title id={titleId}>{summary}</title>
        {Array.from({ length: Y_STEPS + 1 }, (_, i) => {
          const value = (max / Y_STEPS) * i;
          return (
            <g key={i}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(value)} y2={y(value)} className={i === 0 ? 'flow-chart__axis' : 'flow-chart__grid'} />
              <text x={MARGIN.left - 6} y={y(value) + 4} textAnchor="end" className="flow-chart__label">
                {formatNumber(value)}
              </text>
            </g>
          );
        })}
        {buckets.map((b, i) => {
          const x = MARGIN.left + i * slot + (slot - barWidth) / 2;
          return (
            <g key={b.key} data-key={b.key} data-in={b.in} data-out={b.out}>
              {b.in > 0 ? <rect x={x} y={y(b.in)} width={barWidth} height={Math.max(1, y(0) - y(b.in))} className="flow-chart__bar flow-chart__bar--in" /> : null}
              {b.out > 0 ? (
                <rect x={x} y={y(b.total)} width={barWidth} height={Math.max(1, y(b.in) - y(b.total))} className="flow-chart__bar flow-chart__bar--out" />
              ) : null}
              {i % labelEvery === 0 ? (
                <text x={MARGIN.left + i * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle" className="flow-chart__label">
                  {label(b.key)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t('flows.legend')}</figcaption>
      <details className="flow-chart__table">
        <summary>{t('flows.chartAsTable')}</summary>
        <FlowTable buckets={buckets} keyHeading={keyHeading} label={label} />
      </details>
    </figure>
  );
}

/** Groups as a table: key, in, out, total. Keys are codes in a monospaced face unless they are words (`mono` false). */
export function FlowTable({
  buckets,
  keyHeading,
  label,
  mono = true,
}: {
  readonly buckets: readonly FlowBucket[];
  readonly keyHeading: string;
  readonly label: (key: string) => string;
  readonly mono?: boolean;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <table className="table table--compact">
      <thead>
        <tr>
          <th scope="col">{keyHeading}</th>
          <th scope="col">{t('flows.in')}</th>
          <th scope="col">{t('flows.out')}</th>
          <th scope="col">{t('flows.total')}</th>
        </tr>
      </thead>
      <tbody>
        {buckets.map((b) => (
          <tr key={b.key}>
            <th scope="row" className={mono ? 'mono' : undefined}>
              {label(b.key)}
            </th>
            <td>{formatNumber(b.in)}</td>
            <td>{formatNumber(b.out)}</td>
            <td>{formatNumber(b.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
