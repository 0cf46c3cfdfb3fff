/**
 * Draws DET curves (detection error trade-off: FNMR against FMR) as a standalone SVG document, with no
 * dependencies, so an evaluation run can leave a picture next to its numbers.
 *
 * Both axes use the normal-deviate (probit) scale of Martin, Doddington, Kamm, Ordowski and Przybocki, "The DET
 * curve in assessment of detection task performance", Eurospeech 1997, the scale NIST's evaluations plot on: a
 * pair of normal score distributions draws as a straight line, and the low-error corner that matters for border
 * control gets room. Ticks are labelled in percent.
 */
import type { DetCurve } from './metrics.js';
import { equalErrorRate } from './metrics.js';

/** One curve to draw and its legend label (the EER is appended to the label). */
export interface DetSeries {
  readonly label: string;
  readonly curve: DetCurve;
}

/** Options of {@link renderDetSvg}. */
export interface DetSvgOptions {
  /** Title above the plot. */
  readonly title?: string;
  /** Total width in px; 640 unless given. */
  readonly width?: number;
  /** Total height in px; 600 unless given. */
  readonly height?: number;
}

/** Candidate tick rates (fractions) of both axes: 0.001 % .. 50 %, the classic DET ticks. */
const TICKS = [1e-5, 1e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.5] as const;
/** Lowest rate an axis starts at when no curve has a smaller non-zero rate. */
const DEFAULT_AXIS_MIN = 1e-3;
/** Upper end of both axes: beyond 50 % errors a DET plot says nothing useful. */
const AXIS_MAX = 0.5;
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'] as const;

/**
 * The inverse of the standard normal CDF, Φ⁻¹(p), by P. J. Acklam's rational approximation (relative error
 * below 1.2e-9, ample for drawing). Φ⁻¹(0.5) = 0; p must be in (0, 1).
 */
export function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -probit(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]!);
}

/** Largest tick at or below the smallest non-zero rate, so every measured point is on the plot. */
function axisMin(rates: Iterable<number>): number {
  let smallest = DEFAULT_AXIS_MIN;
  for (const r of rates) if (r > 0 && r < smallest) smallest = r;
  let min: number = TICKS[0];
  for (const t of TICKS) if (t <= smallest) min = t;
  return min;
}

function percentLabel(rate: number): string {
  return String(Number((rate * 100).toPrecision(3)));
}

const f2 = (v: number): string => v.toFixed(2);

/** Rounds to 0.1 px and clamps to the plot box: off-scale parts of a curve run along the edge. */
function clamp(v: number, size: number): number {
  return Math.round(Math.min(Math.max(v, 0), size) * 10) / 10;
}

/**
 * Drops points that add nothing to the drawing: repeats (thousands of thresholds share a pixel) and the middle
 * points of horizontal or vertical runs (a DET curve of discrete scores is mostly a staircase). The shape drawn
 * is unchanged.
 */
function simplify(points: readonly (readonly [number, number])[]): string[] {
  const kept: (readonly [number, number])[] = [];
  for (const p of points) {
    const last = kept[kept.length - 1];
    if (last !== undefined && last[0] === p[0] && last[1] === p[1]) continue;
    const before = kept[kept.length - 2];
    if (last !== undefined && before !== undefined) {
      const run = (before[0] === last[0] && last[0] === p[0]) || (before[1] === last[1] && last[1] === p[1]);
      if (run) kept.pop();
    }
    kept.push(p);
  }
  return kept.map(([x, y]) => `${x},${y}`);
}

/**
 * Renders `series` as a DET plot. Rates of 0 (no error at that threshold) cannot be placed on a probit axis, so
 * they are drawn on the axis edge, as are rates above 50 %. The dashed diagonal is FMR =
 * FNMR: a curve crosses it at its EER.
 */
export function renderDetSvg(series: readonly DetSeries[], options: DetSvgOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 600;
  const margin = { left: 72, right: 24, top: options.title === undefined ? 24 : 48, bottom: 64 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;

  const xMin = axisMin(series.flatMap((s) => s.curve.points.map((p) => p.fmr)));
  const yMin = axisMin(series.flatMap((s) => s.curve.points.map((p) => p.fnmr)));
  const scale = (min: number, size: number, flip: boolean) => {
    const lo = probit(min);
    const hi = probit(AXIS_MAX);
    return (rate: number): number => {
      const z = probit(Math.min(Math.max(rate, min), 1 - 1e-9));
      const t = (z - lo) / (hi - lo);
      return flip ? size * (1 - t) : size * t;
    };
  };
  const sx = scale(xMin, plotW, false);
  const sy = scale(yMin, plotH, true);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `font-family="sans-serif" font-size="12">`,
  );
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (options.title !== undefined) {
    out.push(`<text x="${f2(width / 2)}" y="28" text-anchor="middle" font-size="15">${escapeXml(options.title)}</text>`);
  }
  out.push(`<defs><clipPath id="plot"><rect x="0" y="0" width="${plotW}" height="${plotH}"/></clipPath></defs>`);
  out.push(`<g transform="translate(${margin.left},${margin.top})">`);

  // Grid and tick labels.
  for (const t of TICKS.filter((v) => v >= xMin)) {
    const x = f2(sx(t));
    out.push(`<line x1="${x}" y1="0" x2="${x}" y2="${plotH}" stroke="#dddddd"/>`);
    out.push(`<text x="${x}" y="${plotH + 16}" text-anchor="middle">${percentLabel(t)}</text>`);
  }
  for (const t of TICKS.filter((v) => v >= yMin)) {
    const y = f2(sy(t));
    out.push(`<line x1="0" y1="${y}" x2="${plotW}" y2="${y}" stroke="#dddddd"/>`);
    out.push(`<text x="-6" y="${y}" text-anchor="end" dominant-baseline="middle">${percentLabel(t)}</text>`);
  }
  out.push(`<rect x="0" y="0" width="${plotW}" height="${plotH}" fill="none" stroke="#333333"/>`);
  out.push(
    `<text x="${f2(plotW / 2)}" y="${plotH + 40}" text-anchor="middle">False match rate, FMR (%, probit scale)</text>`,
  );
  out.push(
    `<text transform="translate(-52,${f2(plotH / 2)}) rotate(-90)" text-anchor="middle">` +
      `False non-match rate, FNMR (%, probit scale)</text>`,
  );

  out.push(`<g clip-path="url(#plot)">`);
  // The EER diagonal FMR = FNMR, sampled because the two axes may start at different rates.
  const diagonal: string[] = [];
  for (let i = 0; i <= 64; i++) {
    const rate = Math.exp(Math.log(Math.min(xMin, yMin)) + (i / 64) * (Math.log(AXIS_MAX) - Math.log(Math.min(xMin, yMin))));
    diagonal.push(`${f2(sx(rate))},${f2(sy(rate))}`);
  }
  out.push(`<polyline points="${diagonal.join(' ')}" fill="none" stroke="#999999" stroke-dasharray="4 4"/>`);
  series.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length]!;
    const xy = s.curve.points.map((p) => [clamp(sx(p.fmr), plotW), clamp(sy(p.fnmr), plotH)] as const);
    out.push(`<polyline points="${simplify(xy).join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`);
  });
  out.push(`</g>`);

  // Legend, top right inside the plot (the low-error corner is bottom left).
  const lineH = 18;
  const legendText = series.map((s) => `${s.label} (EER ${(equalErrorRate(s.curve) * 100).toFixed(2)} %)`);
  // No text measurement without a renderer: 6.8 px a character bounds 12 px sans-serif text in common fonts.
  const legendW = Math.min(plotW - 16, 48 + Math.ceil(6.8 * Math.max(0, ...legendText.map((t) => t.length))));
  const lx = plotW - legendW - 8;
  out.push(
    `<rect x="${lx}" y="8" width="${legendW}" height="${series.length * lineH + 8}" fill="#ffffff" ` +
      `fill-opacity="0.9" stroke="#999999"/>`,
  );
  series.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length]!;
    const y = 8 + 4 + i * lineH + lineH / 2;
    out.push(`<line x1="${lx + 8}" y1="${y}" x2="${lx + 32}" y2="${y}" stroke="${colour}" stroke-width="2"/>`);
    out.push(`<text x="${lx + 40}" y="${y}" dominant-baseline="middle">${escapeXml(legendText[i]!)}</text>`);
  });
  out.push(`</g>`);
  out.push(`</svg>`);
  return out.join('\n') + '\n';
}
