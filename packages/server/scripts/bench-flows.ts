/**
 * How long the analyst's flow report takes over a month of traffic: one post (Asia/Karachi) with `--per-day`
 * crossings (default 10,000) on each of `--days` days (default 30), half in and half out, 80 % of them of identified
 * travellers (one of 2,000, of 8 nationalities) with a document (of 4 types). The reports service is called directly
 * (no HTTP), as GET /api/reports/flows would call it, for the whole range; reported as CPU time of this process (SQLite
 * runs in-process, so that is the database's work too) and wall time, median of `--runs` after warm-up.
 *
 *   npx tsx packages/server/scripts/bench-flows.ts [--days 30] [--per-day 10000] [--runs 5]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx packages/server/scripts/bench-flows.ts
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
import { flowReport } from '../src/services/reports-service.js';
import type { ServiceContext } from '../src/services/context.js';
import type { UserPrincipal } from '../src/domain/principal.js';

const { values } = parseArgs({ options: { days: { type: 'string', default: '30' }, 'per-day': { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } } });
const DAYS = Number(values.days);
const PER_DAY = Number(values['per-day']);
const RUNS = Number(values.runs);
const TRAVELLERS = 2_000;
const NATIONALITIES = ['AFG', 'PAK', 'IRN', 'IND', 'CHN', 'TJK', 'UZB', 'GBR'];
const DOCUMENT_TYPES = ['passport', 'tazkira', 'cnic', 'border_pass'];
const IDENTIFIED = 0.8;
const BATCH = 500; // rows per INSERT (under SQLite's parameter limit)
const FIRST_DAY_UTC = Date.parse('2026-10-27T00:00:00Z');
const DAY_MS = 86_400_000;


async function fill(database: Database): Promise<string> {
  const db = database.db;
  const now = new Date().toISOString();
  const postId = randomUUID();
  await db.insertInto('posts').values({ id: postId, code: 'TKM', name: 'Torkham', side: 'PK', time_zone: 'Asia/Karachi', created_at: now }).execute();
  const laneId = randomUUID();
  await db.insertInto('lanes').values({ id: laneId, post_id: postId, code: 'E01', name: 'Counter 1', direction: 'both', created_at: now }).execute();
  const next = seededRandom(2026);
  const people: { traveller: string; document: string }[] = [];
  for (let from = 0; from < TRAVELLERS; from += BATCH) {
    const travellers = [];
    const documents = [];
    for (let i = from; i < Math.min(TRAVELLERS, from + BATCH); i++) {
      const traveller = randomUUID();
      const document = randomUUID();
      travellers.push({ id: traveller, surname_latin: `S${i}`, given_names_latin: `G${i}`, surname_original: null, given_names_original: null, original_script: null, father_name_latin: null, father_name_original: null, birth_date: '1980', sex: 'M', nationality: NATIONALITIES[Math.floor(next() * NATIONALITIES.length)]!, created_at: now, created_by: 'bench', created_post_id: postId, updated_at: now });
      documents.push({ id: document, traveller_id: traveller, type: DOCUMENT_TYPES[Math.floor(next() * DOCUMENT_TYPES.length)]!, number: `N${i}`, issuing_country: 'AFG', issuing_post_id: null, valid_from: null, valid_until: null, mrz: null, details: '{}', created_at: now, created_by: 'bench' });
      people.push({ traveller, document });
    }
    await db.insertInto('travellers').values(travellers).execute();
    await db.insertInto('documents').values(documents).execute();
  }
  let key = 0;
  for (let day = 0; day < DAYS; day++) {
    for (let from = 0; from < PER_DAY; from += BATCH) {
      const crossings = [];
      for (let i = from; i < Math.min(PER_DAY, from + BATCH); i++) {
        const person = next() < IDENTIFIED ? people[Math.floor(next() * people.length)]! : undefined;
        crossings.push({
          id: randomUUID(),
          post_id: postId,
          lane_id: laneId,
          direction: next() < 0.5 ? 'in' : 'out',
          idempotency_key: `k${++key}`,
          request_hash: '0'.repeat(64),
          traveller_id: person?.traveller ?? null,
          document_id: person?.document ?? null,
          identity_method: 'verification',
          biometric_outcome: 'verified',
          biometric_score: 50,
          recommendation: 'clear',
          response: '{}',
          recorded_at: new Date(FIRST_DAY_UTC + day * DAY_MS + Math.floor(next() * DAY_MS)).toISOString(),
          recorded_by: 'device:bench',
          status: 'cleared',
          fingerprint_exception: null,
          exception_reason: null,
          processing_ms: 60_000,
        });
      }
      await db.insertInto('crossings').values(crossings).execute();
    }
  }
  await sql`analyze`.execute(db);
  return postId;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const { database, cleanup } = await openBenchDatabase('flows');
  try {
    await migrateToLatest(database);
    await fill(database);
    const config = loadConfig({ SARHAD_LOG_LEVEL: 'silent' }, tmpdir());
    const ctx: ServiceContext = {
      db: database.db,
      dialect: database.dialect,
      clock: new ManualClock('2026-11-26T13:00:00.000Z'),
      config,
      logger: pino({ level: 'silent' }),
      gallery: new ExhaustiveGallery(database.db),
      watchlists: new WatchlistScreening(database.db),
      metrics: new Metrics(),
      events: new EventBus(),
    };
    const analyst: UserPrincipal = { kind: 'user', userId: 'bench', username: 'bench', roles: ['analyst'], allPosts: true, postIds: [], sessionId: 'bench' };
    // The local dates the crossings fall on: from the first day to the day after the last (UTC+05:00 runs late).
    const from = new Date(FIRST_DAY_UTC).toISOString().slice(0, 10);
    const to = new Date(FIRST_DAY_UTC + DAYS * DAY_MS).toISOString().slice(0, 10);
    const cpu: number[] = [];
    const wall: number[] = [];
    let counted = 0;
    for (let run = -2; run < RUNS; run++) {
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      const report = await flowReport(ctx, analyst, { from, to });
      const w1 = performance.now();
      const c1 = process.cpuUsage(c0);
      counted = report.posts[0]!.totals.total;
      if (run >= 0) {
        cpu.push((c1.user + c1.system) / 1000);
        wall.push(w1 - w0);
      }
    }
    console.log(
      JSON.stringify({
        dialect: database.dialect,
        days: DAYS + 1,
        crossingsCounted: counted,
        crossingsStored: DAYS * PER_DAY,
        runs: RUNS,
        cpuMsMedian: Math.round(median(cpu) * 10) / 10,
        wallMsMedian: Math.round(median(wall) * 10) / 10,
      }),
    );
  } finally {
    await cleanup();
  }
}

await main();
