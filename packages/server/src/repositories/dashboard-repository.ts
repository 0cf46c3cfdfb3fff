/**
 * The supervisor dashboard's queries: aggregates over one post's crossings in a time range, and the open items
 * waiting for a supervisor. Every query is a GROUP BY or a bounded list over an index (migrations 0008, 0009,
 * 0013), so a day of 50,000 crossings comes back as at most a few thousand small rows, never as the crossings
 * themselves. Times are ISO 8601 UTC text, which compares and sorts in time order on both dialects.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** A post's time range [from, to) as stored timestamps. */
export interface Range {
  readonly postId: string;
  readonly from: string;
  readonly to: string;
}

const minuteOf = sql<string>`substr(crossings.recorded_at, 1, 16)`;

/**
 * Crossings per UTC minute (`YYYY-MM-DDTHH:MM`) in the range: at most 1,500 rows a day. Minutes, not hours,
 * because a post's local hour starts at a minute boundary that is not a UTC hour boundary in every time zone
 * (Asia/Kabul is UTC+04:30); the service turns minutes into local hours.
 */
export async function countByMinute(db: Kysely<DB>, range: Range): Promise<{ minute: string; count: number }[]> {
  const rows = await db
    .selectFrom('crossings')
    .select([minuteOf.as('minute'), (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('crossings.post_id', '=', range.postId)
    .where('crossings.recorded_at', '>=', range.from)
    .where('crossings.recorded_at', '<', range.to)
    .groupBy(minuteOf)
    .execute();
  return rows.map((r) => ({ minute: r.minute, count: Number(r.count) }));
}

/** Crossings in the range by lane, recommendation and current status. */
export async function countByLaneRecommendationStatus(
  db: Kysely<DB>,
  range: Range,
): Promise<{ laneId: string; recommendation: string; status: string; count: number }[]> {
  const rows = await db
    .selectFrom('crossings')
    .select(['lane_id', 'recommendation', 'status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('post_id', '=', range.postId)
    .where('recorded_at', '>=', range.from)
    .where('recorded_at', '<', range.to)
    .groupBy(['lane_id', 'recommendation', 'status'])
    .execute();
  return rows.map((r) => ({ laneId: r.lane_id, recommendation: r.recommendation, status: r.status, count: Number(r.count) }));
}

/** Crossings in the range by lane. */
export async function countByLane(db: Kysely<DB>, range: Range): Promise<{ laneId: string; count: number }[]> {
  const rows = await db
    .selectFrom('crossings')
    .select(['lane_id', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('post_id', '=', range.postId)
    .where('recorded_at', '>=', range.from)
    .where('recorded_at', '<', range.to)
    .groupBy('lane_id')
    .execute();
  return rows.map((r) => ({ laneId: r.lane_id, count: Number(r.count) }));
}

/** Stores a crossing's processing time when its first decision is recorded (kept once: later decisions leave it). */
export async function recordProcessingTime(db: Kysely<DB>, crossingId: string, ms: number): Promise<void> {
  await db.updateTable('crossings').set({ processing_ms: Math.max(0, Math.round(ms)) }).where('id', '=', crossingId).where('processing_ms', 'is', null).execute();
}

const processingSeconds = sql<number>`crossings.processing_ms / 1000`;

/**
 * For crossings recorded in the range that have been decided: how many took each whole number of seconds from
 * recording (the lane's submission answered) to the first decision on them, per lane. A histogram, so the median
 * is exact to the second without moving one row per crossing; read from the covering index of migration 0013.
 */
export async function processingHistogram(db: Kysely<DB>, range: Range): Promise<{ laneId: string; seconds: number; count: number }[]> {
  const rows = await db
    .selectFrom('crossings')
    .select(['crossings.lane_id', processingSeconds.as('seconds'), (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('crossings.post_id', '=', range.postId)
    .where('crossings.recorded_at', '>=', range.from)
    .where('crossings.recorded_at', '<', range.to)
    .where('crossings.processing_ms', 'is not', null)
    .groupBy(['crossings.lane_id', processingSeconds])
    .execute();
  return rows.map((r) => ({ laneId: r.lane_id, seconds: Number(r.seconds), count: Number(r.count) }));
}

/** Statuses in which a crossing still waits for someone. */
export const OPEN_STATUSES = ['awaiting_decision', 'awaiting_supervisor', 'in_secondary'] as const;

/**
 * Open crossings a supervisor may have to act on: alerts not yet final, fingerprint exceptions, referrals in
 * secondary inspection. Any day (an alert from last night is still open).
 */
function supervisorQueue(db: Kysely<DB>, postId: string) {
  return db
    .selectFrom('crossings')
    .where('crossings.post_id', '=', postId)
    .where('crossings.status', 'in', OPEN_STATUSES)
    .where((eb) => eb.or([eb('crossings.recommendation', '=', 'alert'), eb('crossings.status', 'in', ['awaiting_supervisor', 'in_secondary'])]));
}

/** How many open crossings of each recommendation, status and exception kind wait at the post. */
export async function countQueue(
  db: Kysely<DB>,
  postId: string,
): Promise<{ recommendation: string; status: string; exception: string | null; count: number }[]> {
  const rows = await supervisorQueue(db, postId)
    .select(['recommendation', 'status', 'fingerprint_exception', (eb) => eb.fn.countAll<string | number>().as('count')])
    .groupBy(['recommendation', 'status', 'fingerprint_exception'])
    .execute();
  return rows.map((r) => ({ recommendation: r.recommendation, status: r.status, exception: r.fingerprint_exception, count: Number(r.count) }));
}

export interface QueuedCrossingRow {
  readonly id: string;
  readonly lane: string;
  readonly recordedAt: string;
  readonly recommendation: string;
  readonly status: string;
  readonly exception: string | null;
}

/** The oldest `limit` open crossings of the supervisor's queue, with their lane codes. */
export async function listQueue(db: Kysely<DB>, postId: string, limit: number): Promise<QueuedCrossingRow[]> {
  return supervisorQueue(db, postId)
    .innerJoin('lanes', 'lanes.id', 'crossings.lane_id')
    .select([
      'crossings.id as id',
      'lanes.code as lane',
      'crossings.recorded_at as recordedAt',
      'crossings.recommendation as recommendation',
      'crossings.status as status',
      'crossings.fingerprint_exception as exception',
    ])
    .orderBy('crossings.recorded_at')
    .orderBy('crossings.id')
    .limit(limit)
    .execute();
}

/** Open adjudication cases (possible duplicate enrolments) at the post: how many, and the oldest `limit`. */
export async function openCases(
  db: Kysely<DB>,
  postId: string,
  limit: number,
): Promise<{ total: number; cases: { id: string; createdAt: string; travellerId: string | null; candidates: string }[] }> {
  const total = await db
    .selectFrom('adjudication_cases')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('status', '=', 'open')
    .where('post_id', '=', postId)
    .executeTakeFirstOrThrow();
  const cases = await db
    .selectFrom('adjudication_cases')
    .select(['id', 'created_at as createdAt', 'traveller_id as travellerId', 'candidates'])
    .where('status', '=', 'open')
    .where('post_id', '=', postId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return { total: Number(total.count), cases };
}
