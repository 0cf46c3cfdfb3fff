/**
 * How long GET /api/dashboard's work takes on a full day: a post with 10 lanes and `--crossings` crossings (default
 * 50,000, the planned capacity) on the day shown and as many the day before, 97 % of them decided 20 to 180 s after
 * recording, 1 % alerts, a few hundred open referrals and exceptions. The dashboard service is called directly
 * (no HTTP), as the route would call it, after an event of the post each time (so the dashboard shared between
 * supervisors is computed again, as after every crossing); reported as CPU time of this process (SQLite runs in-process, so that is
 * the database's work too) and wall time, median of `--runs` after warm-up.
 *
 *   npx tsx packages/server/scripts/bench-dashboard.ts [--crossings 50000] [--runs 20]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx packages/server/scripts/bench-dashboard.ts
 *
 * On PostgreSQL the queries run in the server process, so wall time is the figure to read there. The database is a
 * fresh temporary SQLite file, or a fresh PostgreSQL schema dropped afterwards.
 */
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { pino } from 'pino';
import type { Database } from '../src/db/database.js';
import { openBenchDatabase, seededRandom } from './bench-database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { ExhaustiveGallery } from '../src/services/identification-gallery.js';
import { WatchlistScreening } from '../src/services/watchlist-screening.js';
import { Metrics } from '../src/services/metrics.js';
import { EventBus } from '../src/services/events.js';
import { getDashboard } from '../src/services/dashboard-service.js';
import type { ServiceContext } from '../src/services/context.js';
import type { UserPrincipal } from '../src/domain/principal.js';
import { localDayInterval } from '../src/domain/local-day.js';

const { values } = parseArgs({ options: { crossings: { type: 'string', default: '50000' }, runs: { type: 'string', default: '20' } } });
const PER_DAY = Number(values.crossings);
const RUNS = Number(values.runs);
const LANES = 10;
/** Share of crossings already decided (the rest wait: the last minutes' arrivals, fingerprint exceptions). */
const DECIDED = 0.97;
const BATCH = 500; // rows per INSERT (under SQLite's parameter limit)
const DAY = '2026-11-26';
const TIME_ZONE = 'Asia/Karachi';


async function fill(database: Database): Promise<string> {
  const db = database.db;
  const now = new Date().toISOString();
  const postId = randomUUID();
  await db.insertInto('posts').values({ id: postId, code: 'TKM', name: 'Torkham', side: 'PK', time_zone: TIME_ZONE, created_at: now }).execute();
  const lanes = Array.from({ length: LANES }, (_, i) => ({ id: randomUUID(), post_id: postId, code: `E${String(i + 1).padStart(2, '0')}`, name: `Counter ${i + 1}`, direction: 'both', created_at: now }));
  await db.insertInto('lanes').values(lanes).execute();
  const next = seededRandom(2026);
  for (const date of ['2026-11-25', DAY]) {
    const { start, end } = localDayInterval(date, TIME_ZONE);
    const span = end.getTime() - start.getTime();
    for (let from = 0; from < PER_DAY; from += BATCH) {
      const crossings = [];
      const decisions = [];
      for (let i = from; i < Math.min(PER_DAY, from + BATCH); i++) {
        const id = randomUUID();
        const recordedAt = start.getTime() + Math.floor(next() * span);
        const roll = next();
        const recommendation = roll < 0.01 ? 'alert' : roll < 0.12 ? 'secondary' : 'clear';
        const decided = next() < DECIDED;
        const processingMs = 20_000 + Math.floor(next() * 160_000);
        const status = !decided ? (roll < 0.005 ? 'awaiting_supervisor' : 'awaiting_decision') : recommendation === 'clear' ? 'cleared' : next() < 0.05 ? 'in_secondary' : 'cleared';
        crossings.push({
          id,
          post_id: postId,
          lane_id: lanes[Math.floor(next() * LANES)]!.id,
          direction: next() < 0.5 ? 'in' : 'out',
          idempotency_key: `${date}-${i}`,
          request_hash: '0'.repeat(64),
          traveller_id: null,
          document_id: null,
          identity_method: 'verification',
          biometric_outcome: 'verified',
          biometric_score: 50,
          recommendation,
          response: '{}',
          recorded_at: new Date(recordedAt).toISOString(),
          recorded_by: 'device:bench',
          status,
          fingerprint_exception: status === 'awaiting_supervisor' ? 'unable_to_capture' : null,
          exception_reason: null,
          processing_ms: decided ? processingMs : null,
        });
        if (decided) {
          decisions.push({
            id: randomUUID(),
            crossing_id: id,
            position: 1,
            kind: 'officer',
            decision: status === 'in_secondary' ? 'refer_secondary' : 'clear',
            reason: null,
            status_before: 'awaiting_decision',
            status_after: status,
            decided_at: new Date(recordedAt + processingMs).toISOString(),
            decided_by: 'user:bench',
          });
        }
      }
      await db.insertInto('crossings').values(crossings).execute();
      if (decisions.length) await db.insertInto('crossing_decisions').values(decisions).execute();
    }
  }
  await sql`analyze`.execute(db);
  return postId;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const { database, cleanup } = await openBenchDatabase('dashboard');
  try {
    await migrateToLatest(database);
    const postId = await fill(database);
    const config = loadConfig({ SARHAD_LOG_LEVEL: 'silent' }, tmpdir());
    const ctx: ServiceContext = {
      db: database.db,
      dialect: database.dialect,
      clock: new ManualClock(`${DAY}T13:00:00.000Z`), // 18:00 at Torkham
      config,
      logger: pino({ level: 'silent' }),
      gallery: new ExhaustiveGallery(database.db),
      watchlists: new WatchlistScreening(database.db),
      metrics: new Metrics(),
      events: new EventBus(),
    };
    const supervisor: UserPrincipal = { kind: 'user', userId: 'bench', username: 'bench', roles: ['supervisor'], allPosts: false, postIds: [postId], sessionId: 'bench' };
    const cpu: number[] = [];
    const wall: number[] = [];
    let total = 0;
    for (let run = -3; run < RUNS; run++) {
      // Every refetch follows an event of the post, which drops the shared dashboard: each run computes it.
      ctx.events.publish({ type: 'adjudication.resolved', postId, post: 'TKM', at: new Date().toISOString(), caseId: 'bench' });
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      const dashboard = await getDashboard(ctx, supervisor, { post: 'TKM' });
      const w1 = performance.now();
      const c1 = process.cpuUsage(c0);
      total = dashboard.crossings.total;
      if (run >= 0) {
        cpu.push((c1.user + c1.system) / 1000);
        wall.push(w1 - w0);
      }
    }
    console.log(
      JSON.stringify({
        dialect: database.dialect,
        crossingsOnDay: total,
        crossingsStored: 2 * PER_DAY,
        runs: RUNS,
        cpuMsMedian: Math.round(median(cpu) * 10) / 10,
        wallMsMedian: Math.round(median(wall) * 10) / 10,
      }),
    );
  } finally {
    await cleanup();
  }
}

if (process.env.BENCH_PROFILE) {
  const { database, cleanup } = await openBenchDatabase('dashboard');
  await migrateToLatest(database);
  const postId = await fill(database);
  const repo = await import('../src/repositories/dashboard-repository.js');
  const { start, end } = localDayInterval(DAY, TIME_ZONE);
  const range = { postId, from: start.toISOString(), to: end.toISOString() };
  const parts: Record<string, () => Promise<unknown>> = {
    minute: () => repo.countByMinute(database.db, range),
    groups: () => repo.countByLaneRecommendationStatus(database.db, range),
    processing: () => repo.processingHistogram(database.db, range),
    queueCount: () => repo.countQueue(database.db, postId),
    queueList: () => repo.listQueue(database.db, postId, 100),
    cases: () => repo.openCases(database.db, postId, 100),
  };
  for (const [name, f] of Object.entries(parts)) {
    await f();
    const c0 = process.cpuUsage();
    for (let i = 0; i < 5; i++) await f();
    const c = process.cpuUsage(c0);
    console.log(name, ((c.user + c.system) / 5000).toFixed(1), 'ms cpu');
  }
  if (process.env.BENCH_KEEP) console.log('kept', database.description);
  else await cleanup();
} else await main();
