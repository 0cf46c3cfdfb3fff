/**
 * `sarhad bench crossings`: drives crossings over HTTP the way a busy post's lanes would, and reports throughput
 * and latency. It starts a real `sarhad serve` in its own process on a fresh SQLite data directory (what a post
 * runs; synchronous=FULL, so every answered crossing is on disk), sets it up through the API (administrator, one post with a lane and a device key per
 * simulated lane, an enrolment officer, a watchlist, enrolled travellers with passports and two fingers each), then
 * runs `--lanes` concurrent lanes submitting crossings (passport MRZ, two ISO/IEC 19794-2 templates, an idempotency
 * key), either each as fast as the server answers (closed loop: the server's ceiling) or at a total `--rate` per
 * second (open loop: the latency travellers see at that load). Every crossing is verified 1:1, screened against the
 * stop list and written durably before it is answered.
 *
 * Fingers are the engine's template-level synthetic fingers (syntheticMinutiaeImpression): they cost the matcher
 * what real templates of ~35 minutiae cost, and say nothing about accuracy (`sarhad eval fvc` does). With
 * `--images`, every enrolment and crossing sends two synthetic fingerprint images instead (generateMasterPrint and
 * generateImpression, 388 x 374 px at 500 dpi, "typical" impressions) and the server extracts their minutiae, as
 * it does for a lane whose scanner sends raw images; the images are made before the clock starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { encodeIso19794, extract, generateImpression, generateMasterPrint, median, quantile, syntheticMinutiaeImpression, type GrayImage, type MasterPrint } from '@sarhad/engine';
import { benchGroup } from './groups.js';
import { CliError } from '../errors.js';
import { positiveInteger, positiveNumber } from '../option-parsers.js';

const POST = 'BNC';
const FINGERS = [2, 7] as const; // right and left index fingers, as lane scanners take them
const CAPTURES_PER_FINGER = 4; // distinct impressions per traveller, cycled through the crossings
/** Frame of the synthetic images sent with `--images`: FVC2002 DB1's, a common optical sensor's. */
const IMAGE_WIDTH = 388; // px
const IMAGE_HEIGHT = 374; // px
const IMAGE_DPI = 500;
/** Fewest minutiae the server accepts in a capture (domain/fingerprints.ts MIN_TEMPLATE_MINUTIAE). */
const MIN_CAPTURE_MINUTIAE = 10; // minutiae
/** Re-captures a scanner asks for before giving up on a finger. */
const MAX_RECAPTURES = 8;
/** Defaults with `--images`, where every image costs the server an extraction (tens of ms of CPU). */
const IMAGE_DEFAULTS = { travellers: 20, crossings: 500, warmup: 20 } as const;
const TEMPLATE_DEFAULTS = { travellers: 200, crossings: 5000, warmup: 200 } as const;

interface BenchOptions {
  lanes: number;
  /** Crossings started per second in all (open loop); unset: each lane submits as soon as its last answer came. */
  rate?: number;
  travellers: number;
  crossings: number;
  watchlist: number;
  warmup: number;
  /** Send synthetic fingerprint images (extraction on the server) instead of ISO templates. */
  images?: boolean;
  json?: boolean;
  keep?: boolean;
}

/** The outcome printed by `--json`. */
export interface CrossingBenchReport {
  readonly crossings: number;
  readonly throughputPerSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** The errors by HTTP status and error code, e.g. `{ "422 FINGERPRINT_UNUSABLE": 2 }`. */
  readonly errorCodes: Record<string, number>;
  readonly lanes: number;
  /** Crossings started per second (open loop), or null when lanes submitted as fast as answered. */
  readonly rate: number | null;
  readonly travellers: number;
  readonly watchlistEntries: number;
  readonly database: string;
  readonly recommendations: Record<string, number>;
  readonly verification: Record<string, number>;
  /** What each crossing's fingers were: two ISO/IEC 19794-2 templates, or two images the server extracts. */
  readonly fingers: 'templates' | 'images';
}

/** A `sarhad serve` child process. */
export interface BenchServer {
  readonly url: string;
  /** Printed while no administrator exists (the first start of a data directory). */
  readonly setupToken: string | undefined;
  readonly database: string;
  readonly child: ChildProcess;
}

const bin = fileURLToPath(new URL('../../bin/sarhad.js', import.meta.url));

/** Starts `sarhad serve --port 0` on `dataDir` and waits for its banner (URL, database, setup token if any). */
export function startBenchServer(dataDir: string): Promise<BenchServer> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
    // The post's own configuration: the embedded database in a fresh data directory, whatever DATABASE_URL says
    // (a shared PostgreSQL would already hold an administrator and earlier runs' travellers).
    env: { ...process.env, DATABASE_URL: '', SARHAD_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error('the server did not start within 60 s')), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new CliError('CLI_BENCH_FAILED', `${error.message}\n${err}`));
    };
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      const setupToken = /Setup token: (\S+)/.exec(out)?.[1];
      const database = /Database: (.+)/.exec(out)?.[1];
      // The banner is one write; the token line is in it only while no administrator exists.
      if (url && database) {
        clearTimeout(timer);
        resolve({ url, setupToken, database, child });
      }
    });
    child.on('exit', (code) => fail(new Error(`the server exited with code ${code} before it was ready`)));
  });
}

/** Sends `signal` to the server and waits until its process has exited. */
export async function stopBenchServer(server: BenchServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** A JSON request; throws CLI_BENCH_FAILED unless the status is the expected one. */
export async function call<T>(server: BenchServer, method: string, path: string, token: string | undefined, body: unknown, expect = [200, 201]): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!expect.includes(response.status)) {
    throw new CliError('CLI_BENCH_FAILED', `${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return JSON.parse(text) as T;
}

/** Syllables of travellers' names, and of stop-list names: no consonant in common, so no traveller is listed. */
const TRAVELLER_SYLLABLES = ['ka', 'ri', 'mu', 'sa', 'ta', 'ha', 'zi', 'no', 'de', 'la', 'bo', 'qa', 'fe', 'ju', 'wa', 'go'];
const LISTED_SYLLABLES = ['pe', 'vo', 'cy', 'xu', 'pa', 'vi', 'co', 'xa', 'py', 'vu', 'ce', 'xi', 'po', 'va', 'ci', 'xe'];

/** A seeded stand-in for a person's name parts (syllables), distinct per index. */
function syntheticName(index: number, syllables = TRAVELLER_SYLLABLES): { surname: string; given: string } {
  const word = (n: number, parts: number) => {
    let s = '';
    for (let i = 0; i < parts; i++) s += syllables[(n >> (4 * i)) % 16]!;
    return s[0]!.toUpperCase() + s.slice(1);
  };
  return { surname: word(index * 7 + 3, 3), given: word(index * 13 + 5, 2) };
}

/** A national stop list of `count` fictitious entries, in the documented CSV schema (docs/national-stop-list.md). */
function syntheticStopList(count: number): string {
  const rows = ['id,names,aliases,dob,nationality,documents,reason,valid_until,list'];
  for (let i = 0; i < count; i++) {
    const { surname, given } = syntheticName(i, LISTED_SYLLABLES);
    rows.push(`BENCH-${i},${given} ${surname},,${1950 + (i % 50)},AFG,passport:Z${String(i).padStart(7, '0')}:AFG,benchmark entry,,entry-ban`);
  }
  return rows.join('\n');
}

/** TD3 passport of benchmark traveller `index` (valid, check digits right). */
async function passportMrz(index: number): Promise<string> {
  const { td3 } = await import('@sarhad/server');
  const { surname, given } = syntheticName(index);
  const [line1, line2] = td3({
    issuingState: 'AFG',
    surname: surname.toUpperCase(),
    givenNames: given.toUpperCase(),
    documentNumber: `B${String(index).padStart(7, '0')}`,
    nationality: 'AFG',
    birthDate: `${String(60 + (index % 40)).padStart(2, '0')}0101`,
    sex: index % 2 === 0 ? 'M' : 'F',
    expiryDate: '351231',
  });
  return `${line1}\n${line2}`;
}

/** A crossing request body for traveller `traveller` (passport MRZ, two fingers of capture `capture`). */
export function crossingBody(traveller: number, passport: string, direction: 'in' | 'out', capture: number, images = false): string {
  return JSON.stringify({ direction, idempotencyKey: randomUUID(), document: { mrz: passport }, fingers: images ? imageFingers(traveller, capture) : fingers(traveller, capture) });
}

/** Whose template-level synthetic fingers traveller i has (i unless redrawn after a possible duplicate at enrolment). */
const templateOwner = new Map<number, number>();

/**
 * Traveller `traveller`'s fingers as ISO templates, capture `capture`. Like a scanner's quality check (and as
 * {@link usableImpression} does for images), a capture with fewer than 10 minutiae is taken again with the next seed,
 * since the server would refuse it (FINGERPRINT_UNUSABLE).
 */
function fingers(traveller: number, capture: number): { position: number; template: string; capturedAt: string }[] {
  const capturedAt = new Date().toISOString();
  const person = templateOwner.get(traveller) ?? traveller;
  return FINGERS.map((position) => {
    let template = syntheticMinutiaeImpression(person, position, capture);
    for (let attempt = 1; attempt < MAX_RECAPTURES && template.minutiae.length < MIN_CAPTURE_MINUTIAE; attempt++) {
      template = syntheticMinutiaeImpression(person, position, capture + attempt * 10_000);
    }
    return { position, template: Buffer.from(encodeIso19794(template)).toString('base64'), capturedAt };
  });
}

/** Master prints of the benchmark's fingers, made once per finger (about 0.4 s of CPU each). */
const masters = new Map<string, MasterPrint>();
/** Whose synthetic fingers traveller i has (i unless redrawn after a possible duplicate at enrolment). */
const imageOwner = new Map<number, number>();
/** Times a traveller's synthetic fingers are drawn again after matching someone enrolled. */
const MAX_FINGER_REDRAWS = 3;
/** Their impressions (base64 pixels), each made once (about 0.1 s of CPU) and sent as often as the crossings cycle. */
const impressions = new Map<string, string>();

/**
 * An impression a scanner would accept: enrolment (capture 1) takes a careful "good" capture, lanes "typical" ones;
 * like a scanner's quality check, a capture too poor to give 10 minutiae is taken again (the next seed), since the
 * server would refuse it (FINGERPRINT_UNUSABLE) and the lane would re-capture.
 */
function usableImpression(master: MasterPrint, capture: number): GrayImage {
  let image: GrayImage | undefined;
  for (let attempt = 0; attempt < MAX_RECAPTURES; attempt++) {
    image = generateImpression(master, capture + attempt * 10_000, { preset: capture === 1 ? 'good' : 'typical', width: IMAGE_WIDTH, height: IMAGE_HEIGHT });
    try {
      if (extract({ ...image, dpi: IMAGE_DPI }).template.minutiae.length >= MIN_CAPTURE_MINUTIAE) return image;
    } catch {
      // no fingerprint found in this capture: take another
    }
  }
  return image!;
}

/** Two synthetic images of traveller `person`'s fingers, capture `capture`, as raw rasters for the server to extract. */
function imageFingers(traveller: number, capture: number): { position: number; raster: { width: number; height: number; dpi: number; pixelsBase64: string }; capturedAt: string }[] {
  const capturedAt = new Date().toISOString();
  const person = imageOwner.get(traveller) ?? traveller;
  return FINGERS.map((position) => {
    const key = `${person}/${position}`;
    let master = masters.get(key);
    if (!master) masters.set(key, (master = generateMasterPrint(1_000 + person * 10 + position)));
    let pixelsBase64 = impressions.get(`${key}/${capture}`);
    if (pixelsBase64 === undefined) {
      const image = usableImpression(master, capture);
      impressions.set(`${key}/${capture}`, (pixelsBase64 = Buffer.from(image.pixels).toString('base64')));
    }
    return { position, raster: { width: IMAGE_WIDTH, height: IMAGE_HEIGHT, dpi: IMAGE_DPI, pixelsBase64 }, capturedAt };
  });
}

/**
 * Sets a fresh server's post up through the API; returns one device key per lane and the passports of enrolled
 * travellers (traveller i's passport is passports[i]; crossingBody(i, ...) makes their crossings).
 */
export async function setUpPost(server: BenchServer, options: Pick<BenchOptions, 'lanes' | 'travellers' | 'watchlist' | 'images'>, log: (line: string) => void = () => {}) {
  const password = randomBytes(18).toString('base64url');
  if (!server.setupToken) throw new CliError('CLI_BENCH_FAILED', 'the server printed no setup token: its data directory is not new');
  await call(server, 'POST', '/api/setup', undefined, { token: server.setupToken, username: 'bench.admin', displayName: 'Benchmark administrator', password });
  const admin = (await call<{ token: string }>(server, 'POST', '/api/auth/login', undefined, { username: 'bench.admin', password })).token;
  await call(server, 'POST', '/api/posts', admin, { code: POST, name: 'Benchmark post', side: 'PK', timeZone: 'Asia/Karachi' });
  const deviceKeys: string[] = [];
  for (let lane = 1; lane <= options.lanes; lane++) {
    const code = `L${String(lane).padStart(2, '0')}`;
    await call(server, 'POST', `/api/posts/${POST}/lanes`, admin, { code, name: `Lane ${lane}`, direction: 'both' });
    deviceKeys.push((await call<{ apiKey: string }>(server, 'POST', `/api/posts/${POST}/devices`, admin, { lane: code, name: `Scanner ${lane}` })).apiKey);
  }
  await call(server, 'POST', '/api/users', admin, {
    username: 'bench.enrolment',
    displayName: 'Benchmark enrolment officer',
    password,
    roles: ['enrolment_officer'],
    posts: [POST],
  });
  const officer = (await call<{ token: string }>(server, 'POST', '/api/auth/login', undefined, { username: 'bench.enrolment', password })).token;
  // An account an administrator created must choose its own password before anything else (this session stays).
  await call(server, 'POST', '/api/auth/password', officer, { currentPassword: password, newPassword: `${password}-own` });
  await call(server, 'POST', '/api/watchlists/import', admin, { text: syntheticStopList(options.watchlist), format: 'csv' });
  log(`set up: ${options.lanes} lanes with device keys, a stop list of ${options.watchlist} entries`);

  const passports: string[] = [];
  for (let i = 0; i < options.travellers; i++) {
    const { surname, given } = syntheticName(i);
    const enrol = () =>
      call<{ status: string; travellerId: string }>(server, 'POST', '/api/enrolments', officer, {
        post: POST,
        traveller: { surnameLatin: surname, givenNamesLatin: given, birthDate: `19${60 + (i % 40)}-01-01`, sex: i % 2 === 0 ? 'M' : 'F', nationality: 'AFG' },
        fingers: options.images ? imageFingers(i, 1) : fingers(i, 1),
      }, [201, 202]);
    let enrolled = await enrol();
    // Two synthetic fingers of different people can match at the identification threshold, as real ones sometimes
    // do (a possible duplicate, left for adjudication): that traveller gets other synthetic fingers.
    for (let k = 1; enrolled.status !== 'enrolled' && k <= MAX_FINGER_REDRAWS; k++) {
      (options.images ? imageOwner : templateOwner).set(i, i + k * 100_000);
      enrolled = await enrol();
    }
    if (enrolled.status !== 'enrolled') throw new CliError('CLI_BENCH_FAILED', `traveller ${i} could not be enrolled: ${enrolled.status}`);
    const mrz = await passportMrz(i);
    await call(server, 'POST', `/api/travellers/${enrolled.travellerId}/documents`, officer, { post: POST, document: { type: 'passport', mrz } });
    passports.push(mrz);
  }
  log(`enrolled ${options.travellers} travellers (two fingers ${options.images ? 'as images' : 'as templates'} and a passport each)`);
  return { deviceKeys, passports };
}

interface CrossingAnswer {
  crossing: { recommendation: string; biometrics: { outcome: string } };
}

/** Runs the lanes until `options.crossings` crossings are answered; returns latencies and counts. */
async function drive(server: BenchServer, options: BenchOptions, deviceKeys: readonly string[], passports: readonly string[]) {
  // Request bodies are made before the clock starts: the lanes' scanners, not this process, make templates.
  const bodies = Array.from({ length: options.warmup + options.crossings }, (_, n) => {
    const traveller = n % passports.length;
    const visit = Math.floor(n / passports.length);
    return crossingBody(traveller, passports[traveller]!, visit % 2 === 0 ? 'in' : 'out', 2 + (visit % CAPTURES_PER_FINGER), options.images);
  });
  const latencies: number[] = [];
  const recommendations: Record<string, number> = {};
  const verification: Record<string, number> = {};
  let errors = 0;
  const errorCodes: Record<string, number> = {};
  let next = 0;
  // `timed` is false for the warm-up: those answers are checked by nothing and counted nowhere.
  const submit = async (key: string, n: number, start: number, timed = true) => {
    const response = await fetch(`${server.url}/api/crossings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: bodies[n],
    });
    const text = await response.text();
    if (!timed) return;
    latencies.push(performance.now() - start);
    if (response.status !== 201) {
      errors++;
      const key = `${response.status} ${errorCode(text)}`;
      errorCodes[key] = (errorCodes[key] ?? 0) + 1;
      return;
    }
    const { crossing } = JSON.parse(text) as CrossingAnswer;
    recommendations[crossing.recommendation] = (recommendations[crossing.recommendation] ?? 0) + 1;
    verification[crossing.biometrics.outcome] = (verification[crossing.biometrics.outcome] ?? 0) + 1;
  };
  // Closed loop: every lane submits its next crossing as soon as the last one is answered (the server's ceiling).
  const lane = async (key: string, end: number, timed: boolean) => {
    for (let n = next++; n < end; n = next++) await submit(key, n, performance.now(), timed);
  };
  // Warm-up, untimed: a post runs all day, so the first crossings' one-off costs (the JIT compiling the matcher, the
  // screener built over the stop list) are not what a traveller waits for.
  await Promise.all(deviceKeys.map((key) => lane(key, options.warmup, false)));
  next = options.warmup;
  // Open loop: crossing n is due at n / rate seconds on lane n mod lanes, and its latency counts from when it was
  // due, so a server that falls behind shows it in the percentiles (no coordinated omission).
  const paced = async (laneIndex: number) => {
    for (let k = laneIndex; options.warmup + k < bodies.length; k += deviceKeys.length) {
      const n = options.warmup + k;
      const due = started + (k * 1000) / options.rate!;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await submit(deviceKeys[laneIndex]!, n, due);
    }
  };
  const started = performance.now();
  await Promise.all(deviceKeys.map((key, i) => (options.rate ? paced(i) : lane(key, bodies.length, true))));
  const seconds = (performance.now() - started) / 1000;
  return { latencies, recommendations, verification, errors, errorCodes, seconds };
}

/** The stable code of an error answer, or what the body was when it is not one. */
function errorCode(body: string): string {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : '(no code)';
  } catch {
    return '(not JSON)';
  }
}

/** Runs the benchmark end to end (used by the command and its test). */
export async function benchCrossings(options: BenchOptions, log: (line: string) => void = () => {}): Promise<CrossingBenchReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sarhad-bench-'));
  const server = await startBenchServer(dataDir);
  try {
    log(`sarhad serve at ${server.url} (${server.database})`);
    const { deviceKeys, passports } = await setUpPost(server, options, log);
    const run = await drive(server, options, deviceKeys, passports);
    return {
      crossings: run.latencies.length,
      throughputPerSecond: Math.round((run.latencies.length / run.seconds) * 10) / 10,
      p50Ms: Math.round(median(run.latencies) * 10) / 10,
      p95Ms: Math.round(quantile(run.latencies, 0.95) * 10) / 10,
      p99Ms: Math.round(quantile(run.latencies, 0.99) * 10) / 10,
      errors: run.errors,
      errorCodes: run.errorCodes,
      lanes: options.lanes,
      rate: options.rate ?? null,
      travellers: options.travellers,
      watchlistEntries: options.watchlist,
      database: server.database,
      recommendations: run.recommendations,
      verification: run.verification,
      fingers: options.images ? 'images' : 'templates',
    };
  } finally {
    await stopBenchServer(server);
    if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError('CLI_INVALID_OPTION', `--warmup must be a whole number >= 0, got ${value}`);
  return n;
}

export function register(program: Command): void {
  benchGroup(program)
    .command('crossings')
    .description('drive crossings over HTTP from concurrent lanes against a fresh server; throughput and latency')
    .option('--lanes <n>', 'concurrent lanes, each with its own device key', positiveInteger('--lanes'), 50)
    .option('--rate <n>', 'crossings started per second in all (open loop); default: as fast as the server answers', positiveNumber('--rate'))
    .option('--travellers <n>', `travellers enrolled before the run (default ${TEMPLATE_DEFAULTS.travellers}; ${IMAGE_DEFAULTS.travellers} with --images)`, positiveInteger('--travellers'))
    .option('--crossings <n>', `crossings submitted in all (default ${TEMPLATE_DEFAULTS.crossings}; ${IMAGE_DEFAULTS.crossings} with --images)`, positiveInteger('--crossings'))
    .option('--warmup <n>', `crossings submitted before timing starts, not counted (default ${TEMPLATE_DEFAULTS.warmup}; ${IMAGE_DEFAULTS.warmup} with --images)`, nonNegativeInteger)
    .option('--images', 'send two synthetic fingerprint images per crossing (the server extracts them) instead of ISO templates')
    .option('--watchlist <n>', 'entries in the stop list screened against', positiveInteger('--watchlist'), 1000)
    .option('--keep', 'keep the data directory (printed) for inspection')
    .option('--json', 'print one JSON object')
    .action(async (given: Partial<BenchOptions> & Pick<BenchOptions, 'lanes' | 'watchlist'>) => {
      const log = given.json ? () => {} : (line: string) => console.error(line);
      const defaults = given.images ? IMAGE_DEFAULTS : TEMPLATE_DEFAULTS;
      const options: BenchOptions = { ...given, travellers: given.travellers ?? defaults.travellers, crossings: given.crossings ?? defaults.crossings, warmup: given.warmup ?? defaults.warmup };
      const report = await benchCrossings(options, log);
      if (options.json) {
        console.log(JSON.stringify(report));
        return;
      }
      const pace = report.rate ? `started at ${report.rate} per second` : 'each lane as fast as answered';
      console.log(`sarhad bench crossings: ${report.crossings} crossings from ${report.lanes} lanes, ${pace}, two ${report.fingers} each (${report.database})`);
      console.log(`  throughput   ${report.throughputPerSecond} crossings per second`);
      console.log(`  latency      p50 ${report.p50Ms} ms, p95 ${report.p95Ms} ms, p99 ${report.p99Ms} ms`);
      console.log(`  errors       ${report.errors}${report.errors > 0 ? ` ${JSON.stringify(report.errorCodes)}` : ''}`);
      console.log(`  answers      ${JSON.stringify(report.recommendations)}; biometrics ${JSON.stringify(report.verification)}`);
    });
}
