/**
 * Crossings per local hour as a hand-written SVG bar chart (no chart library): 24 bars, a y axis with round steps,
 * hour labels every three hours. Screen readers get a one-sentence summary (role="img" with a label) and the same
 * numbers as a table under a disclosure. Time runs left to right in both languages, as on a clock face and in
 * the hour labels themselves.
 */
import { useId } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { Y_STEPS, niceAxisMax } from './chart-scale.js';

const WIDTH = 720; // viewBox units
const HEIGHT = 220;
const MARGIN = { top: 12, right: 8, bottom: 26, left: 48 } as const;
const HOUR_LABEL_EVERY = 3; // hours

export function HourlyChart({ hours, currentHour }: { readonly hours: readonly { readonly hour: number; readonly count: number }[]; readonly currentHour: number | null }) {
  const { t, formatNumber } = useI18n();
  const titleId = useId();
  const max = niceAxisMax(Math.max(0, ...hours.map((h) => h.count)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / 24;
  const barWidth = slot * 0.72;
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const busiest = hours.reduce((best, h) => (h.count > best.count ? h : best), { hour: 0, count: 0 });
  const total = hours.reduce((sum, h) => sum + h.count, 0);
  const summary =
    total === 0
      ? t('dashboard.chartEmpty')
      : t('dashboard.chartSummary', { total, hour: String(busiest.hour).padStart(2, '0'), count: busiest.count });

  return (
    <figure className="hourly-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="hourly-chart__svg" data-testid="hourly-chart">
        <title id={titleId}>{summary}</title>
        {Array.from({ length: Y_STEPS + 1 }, (_, i) => {
          const value = (max / Y_STEPS) * i;
          return (
            <g key={i}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(value)} y2={y(value)} className={i === 0 ? 'hourly-chart__axis' : 'hourly-chart__grid'} />
              <text x={MARGIN.left - 6} y={y(value) + 4} textAnchor="end" className="hourly-chart__label">
                {formatNumber(value)}
              </text>
            </g>
          );
        })}
        {hours.map((h) => {
          const x = MARGIN.left + h.hour * slot + (slot - barWidth) / 2;
          return (
            <g key={h.hour}>
              {h.count > 0 ? (
                <rect
                  x={x}
                  y={y(h.count)}
                  width={barWidth}
                  height={Math.max(1, y(0) - y(h.count))}
                  className={h.hour === currentHour ? 'hourly-chart__bar hourly-chart__bar--now' : 'hourly-chart__bar'}
                  data-hour={h.hour}
                  data-count={h.count}
                />
              ) : null}
              {h.hour % HOUR_LABEL_EVERY === 0 ? (
                <text x={MARGIN.left + h.hour * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle" className="hourly-chart__label">
                  {String(h.hour).padStart(2, '0')}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t('dashboard.chartCaption')}</figcaption>
      <details className="hourly-chart__table">
        <summary>{t('dashboard.chartAsTable')}</summary>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.hour')}</th>
              <th scope="col">{t('dashboard.crossings')}</th>
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr key={h.hour}>
                <th scope="row" className="mono">{`${String(h.hour).padStart(2, '0')}:00`}</th>
                <td>{formatNumber(h.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
