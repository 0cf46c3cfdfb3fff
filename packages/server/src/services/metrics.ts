/**
 * Operational metrics in the Prometheus text exposition format (version 0.0.4): crossings answered by
 * recommendation (a counter: Prometheus' rate() gives crossings per second), request latency histograms per route,
 * the distribution of fused match scores, and the open queues a supervisor works through. Aggregates only: no
 * identifier, name or document ever becomes a label. One instance per application (built in `build(deps)`).
 */

/** Upper bounds of the latency buckets, in seconds (1 ms .. 2.5 s; the crossing target is p99 <= 50 ms). */
const LATENCY_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;
/** Upper bounds of the match-score buckets (calibrated scores: 20 = FMR 1 %, 40 = FMR 0.01 %). */
const SCORE_BUCKETS = [10, 20, 30, 40, 50, 60, 80, 100, 120] as const;

class Histogram {
  readonly counts: number[];
  sum = 0;
  count = 0;

  constructor(readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count++;
    for (let i = 0; i < this.bounds.length; i++) if (value <= this.bounds[i]!) this.counts[i]!++;
  }
}

/** Label values are escaped as the exposition format requires (backslash, quote, newline). */
function labels(pairs: Record<string, string>): string {
  const parts = Object.entries(pairs).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

function renderHistogram(lines: string[], name: string, key: Record<string, string>, h: Histogram): void {
  h.bounds.forEach((bound, i) => lines.push(`${name}_bucket${labels({ ...key, le: String(bound) })} ${h.counts[i]}`));
  lines.push(`${name}_bucket${labels({ ...key, le: '+Inf' })} ${h.count}`);
  lines.push(`${name}_sum${labels(key)} ${h.sum}`);
  lines.push(`${name}_count${labels(key)} ${h.count}`);
}

/** The application's metrics; services and hooks record into it, GET /metrics renders it. */
export class Metrics {
  readonly #http = new Map<string, { key: Record<string, string>; histogram: Histogram }>();
  readonly #crossings = new Map<string, number>();
  readonly #scores = new Histogram(SCORE_BUCKETS);

  /** One HTTP request answered: route pattern (never the raw URL), method, status class, duration in ms. */
  observeRequest(method: string, route: string, status: number, ms: number): void {
    const key = { method, route, status: `${Math.floor(status / 100)}xx` };
    const id = `${key.method} ${key.route} ${key.status}`;
    let entry = this.#http.get(id);
    if (!entry) this.#http.set(id, (entry = { key, histogram: new Histogram(LATENCY_BUCKETS_S) }));
    entry.histogram.observe(ms / 1000);
  }

  /** A crossing newly recorded (not a replay), with its recommendation and fused biometric score, if any. */
  crossingRecorded(recommendation: string, score: number | null): void {
    this.#crossings.set(recommendation, (this.#crossings.get(recommendation) ?? 0) + 1);
    if (score !== null) this.#scores.observe(score);
  }

  /** The exposition text, with the queue lengths read at scrape time. */
  render(queues: Readonly<Record<string, number>>): string {
    const lines: string[] = [];
    lines.push('# HELP sarhad_crossings_total Crossings recorded, by recommendation.');
    lines.push('# TYPE sarhad_crossings_total counter');
    for (const [recommendation, n] of [...this.#crossings].sort()) lines.push(`sarhad_crossings_total${labels({ recommendation })} ${n}`);
    lines.push('# HELP sarhad_match_score Fused calibrated fingerprint scores of crossings (S means FMR about 10^(-S/10)).');
    lines.push('# TYPE sarhad_match_score histogram');
    renderHistogram(lines, 'sarhad_match_score', {}, this.#scores);
    lines.push('# HELP sarhad_http_request_duration_seconds Time to answer HTTP requests, by route pattern.');
    lines.push('# TYPE sarhad_http_request_duration_seconds histogram');
    for (const { key, histogram } of [...this.#http.values()].sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)))) {
      renderHistogram(lines, 'sarhad_http_request_duration_seconds', key, histogram);
    }
    lines.push('# HELP sarhad_crossing_queue Crossings waiting for a person, by status (referral and supervisor queues).');
    lines.push('# TYPE sarhad_crossing_queue gauge');
    for (const [status, n] of Object.entries(queues)) lines.push(`sarhad_crossing_queue${labels({ status })} ${n}`);
    return `${lines.join('\n')}\n`;
  }
}
