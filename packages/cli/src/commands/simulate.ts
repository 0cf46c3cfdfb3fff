/**
 * `sarhad simulate --per-day 50000 --speedup 100 --post TKM [--url] [--duration]`: a busy day at a demo post, in
 * minutes. It drives a running server's real HTTP API the way the post's lanes and officers would:
 *
 * - **Lanes**: one device key per lane of the post (registered for the run, revoked at its end). Travellers join the
 *   shortest line among the lanes of their direction; each lane's scanner submits one traveller at a time (the
 *   lane's key, an idempotency key, the document, two fingerprint templates), so a server that cannot keep up shows
 *   as travellers waiting in line, as at a real gate, not as an ever-growing pile of open requests. When the run
 *   ends, those still in line are not scanned (counted as `leftInLine`); crossings already submitted are answered
 *   and decided.
 * - **Arrivals**: a Poisson process whose rate follows {@link DAILY_PROFILE} (travellers per hour, relative), scaled
 *   so a simulated day has `--per-day` arrivals on average; simulated time runs `--speedup` times faster than real.
 * - **Travellers**: the demo population of the post, regenerated from the demo's seed (GET /api/demo/status), so
 *   their documents and fingers are the ones enrolled; plus {@link UNKNOWN_SHARE} never-enrolled people and
 *   {@link NO_DOCUMENT_SHARE} who come without a document. Watchlisted people, children under the fingerprint age,
 *   worn fingers (recorded as "unable to capture") and overstayers come in the demo population's own shares.
 * - **Officers**: a simulator account (officer and supervisor at the post) decides each crossing after a
 *   processing delay: clears `clear` answers, refers `secondary` and `alert` ones to secondary inspection, whose
 *   outcome follows after a longer delay; a supervisor decides fingerprint exceptions.
 *
 * A line of live statistics goes to stderr every `--report-every` seconds; at the end the summary is compared with
 * what the server's supervisor dashboard (GET /api/dashboard, before and after) counts for the post.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { Prng, median, quantile } from '@sarhad/engine';
import type { DemoPerson } from '@sarhad/server';
import { CliError } from '../errors.js';
import { positiveInteger, positiveNumber } from '../option-parsers.js';

/**
 * Relative arrivals per local hour 0..23 at a Khyber or Chaman crossing: quiet nights, traders and labourers from
 * the gates' opening, a morning peak at 09:00-11:00 and an afternoon one at 14:00-17:00 before the gates close.
 * The shape, not the numbers, is what matters: the rate in hour h is perDay * profile[h] / sum(profile) per hour.
 */
export const DAILY_PROFILE: readonly number[] = [0.3, 0.2, 0.2, 0.2, 0.3, 0.6, 1.2, 2.0, 2.8, 3.2, 3.0, 2.6, 2.2, 2.4, 2.8, 3.0, 2.8, 2.2, 1.5, 1.0, 0.7, 0.5, 0.4, 0.3];
/** Share of arrivals who were never enrolled. */
export const UNKNOWN_SHARE = 0.06;
/** Share of arrivals, enrolled, who come without any document (identified 1:N). */
export const NO_DOCUMENT_SHARE = 0.04;
/** Share of never-enrolled arrivals who do show a passport. */
const UNKNOWN_WITH_PASSPORT = 0.7;
/** Median officer time at the counter before the decision, simulated seconds (log-normal, sigma 0.5). */
const OFFICER_SECONDS = 45; // s
/** Median time in secondary inspection before its outcome, simulated seconds. */
const SECONDARY_SECONDS = 600; // s
/** Share of secondary inspections that end in a refusal (alerts: most of them). */
const SECONDARY_REFUSALS = 0.15;
const ALERT_REFUSALS = 0.7;
/** Captures a lane takes again when the server finds one unusable, before recording "unable to capture". */
const MAX_RECAPTURES = 2;

/** What an arrival shows: the demo scenarios, and overstayers coming back with an expired pass. */
type SimScenario = 'routine' | 'unknown' | 'no-document' | 'worn-fingers' | 'minor' | 'watchlist' | 'overstayer';

export interface SimulateOptions {
  url: string;
  post: string;
  perDay: number;
  speedup: number;
  /** Real seconds to run (default: one simulated day). */
  duration?: number;
  username: string;
  password: string;
  seed: number;
  /** Real seconds between live statistics lines. */
  reportEvery: number;
  /** Simulated local hour to start at (default: the post's current local hour). */
  startHour?: number;
}

export interface SimulateReport {
  readonly post: string;
  readonly realSeconds: number;
  readonly simulatedHours: number;
  readonly arrivals: number;
  readonly crossings: number;
  readonly byRecommendation: Record<string, number>;
  readonly byScenario: Record<string, number>;
  readonly decisions: number;
  readonly byFinalStatus: Record<string, number>;
  readonly errors: number;
  readonly errorCodes: Record<string, number>;
  readonly p50Ms: number;
  readonly p95Ms: number;
  /** Most travellers waiting in line at the post's lanes at once. */
  readonly longestLine: number;
  /** Travellers still in line when the run ended (not scanned). */
  readonly leftInLine: number;
  /** Captures taken again because the server found them unusable (FINGERPRINT_UNUSABLE). */
  readonly recaptures: number;
  /** The dashboard's counts for the post over the run (after minus before), and whether they equal ours. */
  readonly dashboard: { readonly crossings: number; readonly byRecommendation: Record<string, number>; readonly agrees: boolean } | null;
}

/** A JSON client for the API; failures become CLI_SIMULATE_FAILED naming the route and the server's answer. */
class Api {
  constructor(
    readonly url: string,
    public token?: string,
  ) {}

  async request<T>(method: string, path: string, body?: unknown, token = this.token): Promise<{ status: number; body: T; code?: string }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = (text ? JSON.parse(text) : {}) as T & { error?: { code?: string } };
    return { status: response.status, body: parsed, code: parsed.error?.code };
  }

  async call<T>(method: string, path: string, body?: unknown, token = this.token): Promise<T> {
    const answer = await this.request<T>(method, path, body, token);
    if (answer.status >= 300) {
      throw new CliError('CLI_SIMULATE_FAILED', `${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 400)}`);
    }
    return answer.body;
  }

  async login(username: string, password: string): Promise<string> {
    return (await this.call<{ token: string }>('POST', '/api/auth/login', { username, password }, undefined)).token;
  }
}

interface Lane {
  readonly code: string;
  readonly direction: 'entry' | 'exit' | 'both';
  readonly key: string;
  readonly deviceId: string;
  /** Travellers waiting in line at this lane's counter. */
  readonly line: { arrival: Arrival; capture: number; inbound: boolean }[];
}

/** Registers the run's lane devices and its officer account (officer and supervisor at the post). */
async function setUp(api: Api, options: SimulateOptions) {
  const admin = await api.login(options.username, options.password);
  const me = await api.request('GET', '/api/demo/status', undefined, admin);
  if (me.code === 'PASSWORD_CHANGE_REQUIRED') {
    throw new CliError('CLI_SIMULATE_FAILED', `${options.username} must change the one-time password first (sign in to the web UI)`);
  }
  const demo = me.body as { enabled?: boolean; status?: string; seed: number; travellers: number; generatedFor: string };
  if (me.status !== 200 || demo.status !== 'loaded') {
    throw new CliError('CLI_SIMULATE_FAILED', `the server has no demo data loaded (status ${demo.status ?? me.status}); run sarhad demo or choose the demo at setup`);
  }
  const { post } = await api.call<{ post: { code: string; timeZone: string; lanes: { code: string; direction: Lane['direction'] }[] } }>('GET', `/api/posts/${options.post}`, undefined, admin);
  const runId = randomBytes(3).toString('hex');
  const lanes: Lane[] = [];
  for (const lane of post.lanes) {
    const created = await api.call<{ device: { id: string }; apiKey: string }>('POST', `/api/posts/${post.code}/devices`, { lane: lane.code, name: `Simulator ${lane.code} ${runId}` }, admin);
    lanes.push({ code: lane.code, direction: lane.direction, key: created.apiKey, deviceId: created.device.id, line: [] });
  }
  // The simulator's officer: created once per post, its password reset (by the administrator) for every run.
  const username = `simulator.${post.code.toLowerCase()}`;
  const password = randomBytes(18).toString('base64url');
  const users = await api.call<{ users: { id: string; username: string }[] }>('GET', '/api/users', undefined, admin);
  const existing = users.users.find((u) => u.username === username);
  if (existing) await api.call('POST', `/api/users/${existing.id}/password`, { password }, admin);
  else {
    await api.call('POST', '/api/users', { username, displayName: `Traffic simulator at ${post.code}`, password, roles: ['officer', 'supervisor'], posts: [post.code] }, admin);
  }
  let officer = await api.login(username, password);
  const own = `${password}-${randomBytes(6).toString('base64url')}`;
  const changed = await api.request('POST', '/api/auth/password', { currentPassword: password, newPassword: own }, officer);
  if (changed.status < 300) officer = await api.login(username, own);
  return { admin, officer, lanes, timeZone: post.timeZone, demo };
}

/** A person of the post's demo population, or a stranger, and how they present themselves. */
interface Arrival {
  readonly person: DemoPerson;
  readonly scenario: SimScenario;
  readonly showDocument: boolean;
}

/** Runs the simulation against a running server; resolves with the summary once every decision is in. */
export async function simulate(options: SimulateOptions, log: (line: string) => void = () => {}): Promise<SimulateReport> {
  const server = await import('@sarhad/server');
  const api = new Api(options.url.replace(/\/$/, ''));
  const { admin, officer, lanes, timeZone, demo } = await setUp(api, options);
  api.token = officer;
  const population: DemoPerson[] = [];
  for (let i = 0; i < demo.travellers; i++) {
    const person = server.demoPerson(demo.seed, i, demo.generatedFor);
    if (person.post === options.post) population.push(person);
  }
  if (population.length === 0) throw new CliError('CLI_SIMULATE_FAILED', `the demo has no travellers at ${options.post}`);
  const rng = new Prng(options.seed);
  const dashboard = async () =>
    (await api.call<{ dashboard: { date: string; crossings: { total: number; byRecommendation: Record<string, number> } } }>('GET', `/api/dashboard?post=${options.post}`)).dashboard;
  const before = await dashboard();

  const stats = {
    arrivals: 0,
    crossings: 0,
    decisions: 0,
    errors: 0,
    recaptures: 0,
    byRecommendation: {} as Record<string, number>,
    byScenario: {} as Record<string, number>,
    byFinalStatus: {} as Record<string, number>,
    errorCodes: {} as Record<string, number>,
    latencies: [] as number[],
  };
  const bump = (table: Record<string, number>, key: string) => (table[key] = (table[key] ?? 0) + 1);
  const failed = (code: string | undefined) => {
    stats.errors++;
    bump(stats.errorCodes, code ?? 'NETWORK');
  };
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const p = work.catch((error: unknown) => failed((error as { code?: string }).code)).finally(() => pending.delete(p));
    pending.add(p);
  };

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  const logNormal = (medianSeconds: number) => medianSeconds * Math.exp(0.5 * rng.normal());
  /** Waits `simulatedSeconds` of simulated time. */
  const later = (simulatedSeconds: number) => sleep((simulatedSeconds * 1000) / options.speedup);

  const decide = async (id: string, path: string, body: unknown): Promise<boolean> => {
    const answer = await api.request<{ crossing: { status: string } }>('POST', `/api/crossings/${id}/${path}`, body);
    if (answer.status >= 300) {
      failed(answer.code);
      return false;
    }
    stats.decisions++;
    const status = answer.body.crossing.status;
    if (status !== 'in_secondary') bump(stats.byFinalStatus, status);
    return true;
  };

  /** The traveller at the head of `lane`'s line: scanned and submitted; the officer's decision follows later. */
  const submit = async (lane: Lane, arrival: Arrival, capture: number, inbound: boolean) => {
    const { person, scenario } = arrival;
    const direction = lane.direction === 'both' ? (inbound ? 'in' : 'out') : lane.direction === 'entry' ? 'in' : 'out';
    const doc = arrival.showDocument ? server.presentedDocument(person) : undefined;
    const bodyOf = (take: number) => {
      const capturedAt = new Date().toISOString();
      return {
        direction,
        idempotencyKey: randomUUID(),
        ...(doc ? { document: doc.type === 'passport' ? { mrz: [...doc.mrz] } : { type: doc.type, number: doc.number } } : {}),
        ...(scenario === 'minor'
          ? {}
          : scenario === 'worn-fingers' || take > MAX_RECAPTURES
            ? { unableToCapture: { reason: 'worn fingerprints: no usable capture on any finger' } }
            : { fingers: server.DEMO_FINGERS.map((position) => server.demoFingerCapture(person.fingerPerson, position, capture + take * 1000, capturedAt)) }),
      };
    };
    const started = performance.now();
    let answer = await api.request<{ crossing: { id: string; recommendation: string; status: string } }>('POST', '/api/crossings', bodyOf(0), lane.key);
    // A capture too poor to use is taken again, as the lane's scanner would ask; after that, "unable to capture".
    for (let take = 1; answer.code === 'FINGERPRINT_UNUSABLE' && take <= MAX_RECAPTURES + 1; take++) {
      stats.recaptures++;
      answer = await api.request('POST', '/api/crossings', bodyOf(take), lane.key);
    }
    stats.latencies.push(performance.now() - started);
    if (answer.status !== 201) return failed(answer.code);
    const crossing = answer.body.crossing;
    stats.crossings++;
    bump(stats.byRecommendation, crossing.recommendation);
    bump(stats.byScenario, scenario);
    track(decideLater(crossing));
  };

  const decideLater = async (crossing: { id: string; recommendation: string; status: string }) => {
    await later(logNormal(OFFICER_SECONDS));
    if (crossing.status === 'awaiting_supervisor') {
      await decide(crossing.id, 'supervisor', { decision: 'clear', reason: 'Identity confirmed in person by the supervisor (simulated)' });
      return;
    }
    if (crossing.recommendation === 'clear') {
      await decide(crossing.id, 'decision', { decision: 'clear' });
      return;
    }
    if (!(await decide(crossing.id, 'decision', { decision: 'refer_secondary', reason: `Referred to secondary: ${crossing.recommendation} (simulated)` }))) return;
    await later(logNormal(SECONDARY_SECONDS));
    const refuse = rng.uniform() < (crossing.recommendation === 'alert' ? ALERT_REFUSALS : SECONDARY_REFUSALS);
    await decide(crossing.id, 'secondary', { outcome: refuse ? 'refuse' : 'clear', reason: refuse ? 'Refused after secondary inspection (simulated)' : 'Cleared after secondary inspection (simulated)' });
  };

  let strangers = 0;
  const nextArrival = (): Arrival => {
    const r = rng.uniform();
    if (r < UNKNOWN_SHARE) {
      const stranger = server.unknownPerson(demo.seed, demo.travellers, 200_000 + options.seed * 1000 + strangers++, demo.generatedFor);
      return { person: { ...stranger, post: options.post }, scenario: 'unknown', showDocument: rng.uniform() < UNKNOWN_WITH_PASSPORT };
    }
    const person = population[Math.floor(rng.uniform() * population.length)]!;
    if (r < UNKNOWN_SHARE + NO_DOCUMENT_SHARE && person.kind !== 'minor') return { person, scenario: 'no-document', showDocument: false };
    const scenario: SimScenario = person.kind === 'visitor' ? 'routine' : person.kind;
    return { person, scenario, showDocument: true };
  };

  // Simulated clock: starts at the post's local hour now (or --start-hour), runs `speedup` times faster.
  const hourNow = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(new Date()));
  const startSeconds = (options.startHour ?? hourNow) * 3600;
  const total = DAILY_PROFILE.reduce((a, b) => a + b, 0);
  const rateAt = (simSeconds: number) => (options.perDay * DAILY_PROFILE[Math.floor(simSeconds / 3600) % 24]!) / total / 3600; // per simulated s
  const maxRate = (options.perDay * Math.max(...DAILY_PROFILE)) / total / 3600;
  const realSeconds = options.duration ?? 86_400 / options.speedup;
  const startedAt = performance.now();
  const elapsed = () => (performance.now() - startedAt) / 1000;
  const simulatedAt = () => startSeconds + elapsed() * options.speedup;

  /** Each lane's scanner: the next traveller in its line as soon as the last one's answer came. */
  let arriving = true;
  let longestWait = 0;
  const wake = new Map<Lane, () => void>();
  const runLane = async (lane: Lane) => {
    for (;;) {
      const next = arriving ? lane.line.shift() : undefined;
      if (next) {
        try {
          await submit(lane, next.arrival, next.capture, next.inbound);
        } catch (error) {
          failed((error as { code?: string }).code);
        }
        continue;
      }
      if (!arriving) return;
      await new Promise<void>((resolve) => wake.set(lane, resolve));
    }
  };
  const lanesDone = Promise.all(lanes.map(runLane));
  const join = (arrival: Arrival, capture: number) => {
    const inbound = rng.uniform() < 0.5;
    const candidates = lanes.filter((l) => l.direction === 'both' || l.direction === (inbound ? 'entry' : 'exit'));
    const lane = (candidates.length > 0 ? candidates : lanes).reduce((a, b) => (b.line.length < a.line.length ? b : a));
    lane.line.push({ arrival, capture, inbound });
    longestWait = Math.max(longestWait, waiting());
    wake.get(lane)?.();
    wake.delete(lane);
  };
  const waiting = () => lanes.reduce((n, l) => n + l.line.length, 0);

  let lastReport = 0;
  const report = () => {
    const t = simulatedAt() % 86_400;
    const clock = `${String(Math.floor(t / 3600)).padStart(2, '0')}:${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}`;
    const r = stats.byRecommendation;
    log(
      `[${clock} sim, ${elapsed().toFixed(0)} s] arrivals ${stats.arrivals}, answered ${stats.crossings} (clear ${r.clear ?? 0}, secondary ${r.secondary ?? 0}, alert ${r.alert ?? 0}), ` +
        `in line ${waiting()}, decisions ${stats.decisions} (${pending.size} to come), errors ${stats.errors}, p95 ${stats.latencies.length ? quantile(stats.latencies, 0.95).toFixed(0) : '-'} ms`,
    );
  };

  // Poisson arrivals by thinning: candidate gaps at the peak rate, each kept with probability rate(t) / peak.
  let next = startSeconds;
  for (;;) {
    next += -Math.log(1 - rng.uniform()) / maxRate;
    const dueReal = (next - startSeconds) / options.speedup;
    if (dueReal > realSeconds) break;
    if (rng.uniform() * maxRate > rateAt(next)) continue;
    const wait = dueReal - elapsed();
    if (wait > 0) await sleep(wait * 1000);
    const arrival = nextArrival();
    stats.arrivals++;
    join(arrival, 10 + Math.floor(rng.uniform() * 990));
    if (elapsed() - lastReport >= options.reportEvery) {
      lastReport = elapsed();
      report();
    }
  }
  await sleep((realSeconds - elapsed()) * 1000);
  arriving = false;
  for (const resolve of wake.values()) resolve();
  const leftInLine = waiting();
  log(`arrivals stopped; ${leftInLine} travellers left in line; the officers finish deciding`);
  await lanesDone;
  while (pending.size > 0) await Promise.all([...pending]);
  report();

  // Tidy up: the run's lane keys stop working.
  for (const lane of lanes) await api.call('POST', `/api/devices/${lane.deviceId}/revoke`, undefined, admin);

  const after = await dashboard();
  let comparison: SimulateReport['dashboard'] = null;
  if (after.date === before.date) {
    const byRecommendation: Record<string, number> = {};
    for (const [k, v] of Object.entries(after.crossings.byRecommendation)) {
      const delta = v - (before.crossings.byRecommendation[k] ?? 0);
      if (delta !== 0) byRecommendation[k] = delta;
    }
    const crossings = after.crossings.total - before.crossings.total;
    const ours = Object.fromEntries(Object.entries(stats.byRecommendation).filter(([, v]) => v !== 0));
    const agrees = crossings === stats.crossings && JSON.stringify(Object.entries(byRecommendation).sort()) === JSON.stringify(Object.entries(ours).sort());
    comparison = { crossings, byRecommendation, agrees };
  }
  return {
    post: options.post,
    realSeconds: Math.round(elapsed() * 10) / 10,
    simulatedHours: Math.round(((elapsed() * options.speedup) / 3600) * 10) / 10,
    arrivals: stats.arrivals,
    crossings: stats.crossings,
    byRecommendation: stats.byRecommendation,
    byScenario: stats.byScenario,
    decisions: stats.decisions,
    byFinalStatus: stats.byFinalStatus,
    errors: stats.errors,
    errorCodes: stats.errorCodes,
    p50Ms: stats.latencies.length ? Math.round(median(stats.latencies) * 10) / 10 : 0,
    p95Ms: stats.latencies.length ? Math.round(quantile(stats.latencies, 0.95) * 10) / 10 : 0,
    longestLine: longestWait,
    leftInLine,
    recaptures: stats.recaptures,
    dashboard: comparison,
  };
}

/** `90`, `90s`, `15m`, `2h`: real seconds. */
function duration(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$/.exec(value);
  if (!m || Number(m[1]) <= 0) throw new CliError('CLI_INVALID_OPTION', `--duration must be a time such as 90s, 10m or 1h, got "${value}"`);
  return Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1);
}

function hour(value: string): number {
  const n = Number(value);
  if (!/^\d{1,2}$/.test(value.trim()) || n > 23) throw new CliError('CLI_INVALID_OPTION', `--start-hour must be 0..23, got "${value}"`);
  return n;
}

interface CommandOptions extends Omit<SimulateOptions, 'password'> {
  password?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('simulate')
    .description('drive a demo post over HTTP as its lanes and officers would: Poisson arrivals with peak hours')
    .requiredOption('--post <code>', 'the demo post, e.g. TKM')
    .option('--per-day <n>', 'arrivals in a simulated day', positiveInteger('--per-day'), 50_000)
    .option('--speedup <x>', 'simulated seconds per real second', positiveNumber('--speedup'), 100)
    .option('--url <url>', 'the server', process.env.SARHAD_URL ?? 'http://127.0.0.1:4400')
    .option('--duration <time>', 'real time to run, e.g. 10m (default: one simulated day)', duration)
    .option('--start-hour <h>', 'simulated local hour to start at (default: the post\'s hour now)', hour)
    .option('--username <name>', 'an administrator of all posts (registers the lanes and the simulator account)', 'demo.admin')
    .option('--password <password>', 'their password (default: $SARHAD_PASSWORD)')
    .option('--seed <n>', 'seed of the arrivals and choices', positiveInteger('--seed'), 1)
    .option('--report-every <s>', 'real seconds between statistics lines', positiveNumber('--report-every'), 10)
    .option('--json', 'print the summary as one JSON object')
    .action(async (options: CommandOptions) => {
      const password = options.password ?? process.env.SARHAD_PASSWORD;
      if (!password) throw new CliError('CLI_INVALID_OPTION', 'give --password or set SARHAD_PASSWORD (the administrator\'s password)');
      const report = await simulate({ ...options, password }, (line) => console.error(line));
      if (options.json) console.log(JSON.stringify(report));
      else {
        console.log(`sarhad simulate at ${report.post}: ${report.simulatedHours} simulated hours in ${report.realSeconds} s`);
        console.log(`  arrivals     ${report.arrivals}; crossings answered ${report.crossings} ${JSON.stringify(report.byRecommendation)}`);
        console.log(`  travellers   ${JSON.stringify(report.byScenario)}`);
        console.log(`  decisions    ${report.decisions}; final ${JSON.stringify(report.byFinalStatus)}`);
        console.log(`  latency      p50 ${report.p50Ms} ms, p95 ${report.p95Ms} ms; longest line ${report.longestLine}, left in line ${report.leftInLine}; recaptures ${report.recaptures}; errors ${report.errors} ${JSON.stringify(report.errorCodes)}`);
        if (report.dashboard) {
          console.log(`  dashboard    ${report.dashboard.crossings} crossings ${JSON.stringify(report.dashboard.byRecommendation)}: ${report.dashboard.agrees ? 'agrees' : 'DIFFERS'}`);
        } else console.log('  dashboard    the post\'s day changed during the run: not compared');
      }
      if (report.errors > 0 || report.dashboard?.agrees === false) process.exitCode = 1;
    });
}
