/**
 * The supervisor dashboard of one post: the day's crossings against the post's planned capacity, per local hour,
 * per lane (throughput and median processing time) and by recommendation and status, and the queue of what waits
 * for a supervisor (alerts, referrals to secondary inspection, fingerprint exceptions, possible duplicate
 * enrolments).
 *
 * Definitions (also in the server README):
 * - **Day**: the calendar date in the post's time zone; the hours are its wall-clock hours 0..23.
 * - **Throughput** of a lane: crossings recorded there that day, and in the 60 minutes before now (today only).
 * - **Processing time**: from the crossing's recording (the lane's submission, answered at once) to the first
 *   decision taken on it (the officer's, or a supervisor's for a fingerprint exception), in whole seconds; the
 *   median over that day's decided crossings of the lane. Crossings still undecided are not counted.
 *
 * Aggregates and ids only: no name, document or score, so reading the dashboard (every few seconds, as events
 * arrive) is not an audited read of traveller records; opening an item goes through the audited crossing or case
 * read. The same for every supervisor of the post, so a computed dashboard is shared until the post's next event
 * (or CACHE_MS): ten supervisors watching cost one computation per change, not ten.
 */
import { z } from 'zod';
import * as dashboardRepo from '../repositories/dashboard-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import type { UserPrincipal } from '../domain/principal.js';
import { CalendarDate } from '../domain/traveller.js';
import { localDate } from '../domain/local-date.js';
import { localDayInterval, localHour } from '../domain/local-day.js';
import { RECOMMENDATIONS, type Recommendation } from '../domain/recommendation.js';
import { CROSSING_STATUSES, type CrossingStatus, type FingerprintException } from '../domain/crossing-status.js';
import { requirePermission } from './access.js';
import { PostCode, getPostRow } from './posts-service.js';
import type { EventBus } from './events.js';
import type { ServiceContext } from './context.js';

export const DashboardQuery = z.object({ post: PostCode, date: CalendarDate.optional() });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** Most queue items of each kind listed (the counts are always complete). */
export const QUEUE_ITEMS_LIMIT = 100; // items
/** The window of "the last hour" per lane. */
const LAST_HOUR_MS = 60 * 60 * 1000; // 1 h
const HOURS_PER_DAY = 24;
/** Longest a computed dashboard is served again when no event of its post arrived (`lastHour` moves with time). */
const CACHE_MS = 5000; // 5 s

export const QUEUE_KINDS = ['alert', 'exception', 'referral', 'duplicate'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

export type QueueItem =
  | {
      readonly kind: 'alert' | 'exception' | 'referral';
      readonly crossingId: string;
      readonly lane: string;
      readonly at: string;
      readonly recommendation: Recommendation;
      readonly status: CrossingStatus;
      readonly exception: FingerprintException | null;
    }
  | {
      readonly kind: 'duplicate';
      readonly caseId: string;
      readonly at: string;
      /** `new_traveller` (an enrolment) or `more_fingers` (fingers added to a record). */
      readonly caseKind: 'new_traveller' | 'more_fingers';
      readonly candidates: number;
    };

export interface LaneStats {
  readonly code: string;
  readonly name: string;
  readonly direction: string;
  readonly crossings: number;
  /** Crossings in the 60 minutes before now; null when the day shown is not today. */
  readonly lastHour: number | null;
  /** Crossings of the day with at least one decision. */
  readonly decided: number;
  /** Median seconds from recording to the first decision; null with none decided. */
  readonly medianProcessingSeconds: number | null;
}

export interface Dashboard {
  readonly post: { readonly code: string; readonly name: string; readonly timeZone: string };
  readonly date: string;
  readonly today: boolean;
  readonly generatedAt: string;
  readonly capacity: number;
  readonly crossings: {
    readonly total: number;
    /** Wall-clock hours 0..23 at the post. */
    readonly hours: readonly { readonly hour: number; readonly count: number }[];
    readonly byRecommendation: Readonly<Record<Recommendation, number>>;
    readonly byStatus: Readonly<Record<CrossingStatus, number>>;
  };
  readonly lanes: readonly LaneStats[];
  readonly queue: {
    readonly counts: Readonly<Record<QueueKind, number>>;
    /** Oldest first, at most QUEUE_ITEMS_LIMIT crossings and as many cases. */
    readonly items: readonly QueueItem[];
  };
}

/** The median of a histogram of whole seconds (mean of the middle two for an even count). */
export function medianOfHistogram(bins: readonly { seconds: number; count: number }[]): number | null {
  const sorted = [...bins].sort((a, b) => a.seconds - b.seconds);
  const n = sorted.reduce((sum, b) => sum + b.count, 0);
  if (n === 0) return null;
  const at = (index: number): number => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.count;
      if (index < seen) return b.seconds;
    }
    return sorted[sorted.length - 1]!.seconds;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Which queue an open crossing belongs to: an alert first, then a fingerprint exception, then a referral. */
function queueKind(recommendation: string, status: string, exception: string | null): 'alert' | 'exception' | 'referral' {
  if (recommendation === 'alert') return 'alert';
  if (exception !== null || status === 'awaiting_supervisor') return 'exception';
  return 'referral';
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Dashboards computed since their post's last event, per application (keyed by its event bus). */
class DashboardCache {
  readonly #entries = new Map<string, { readonly at: number; readonly dashboard: Promise<Dashboard> }>();

  constructor(events: EventBus) {
    events.subscribe((event) => {
      for (const key of this.#entries.keys()) if (key.startsWith(`${event.postId}|`)) this.#entries.delete(key);
    });
  }

  get(key: string, now: number, compute: () => Promise<Dashboard>): Promise<Dashboard> {
    const cached = this.#entries.get(key);
    if (cached && now - cached.at < CACHE_MS && now >= cached.at) return cached.dashboard;
    const dashboard = compute();
    this.#entries.set(key, { at: now, dashboard });
    dashboard.catch(() => this.#entries.get(key)?.dashboard === dashboard && this.#entries.delete(key));
    return dashboard;
  }
}
const caches = new WeakMap<EventBus, DashboardCache>();

/** The dashboard of `query.post` for `query.date` (default: today at the post). Supervisors at the post. */
export async function getDashboard(ctx: ServiceContext, user: UserPrincipal, query: DashboardQuery): Promise<Dashboard> {
  requirePermission(user, 'crossings.supervise');
  const post = await getPostRow(ctx, user, query.post);
  const date = query.date ?? localDate(ctx.clock.now(), post.time_zone);
  let cache = caches.get(ctx.events);
  if (!cache) caches.set(ctx.events, (cache = new DashboardCache(ctx.events)));
  return cache.get(`${post.id}|${date}`, ctx.clock.now().getTime(), () => computeDashboard(ctx, post, date));
}

async function computeDashboard(ctx: ServiceContext, post: Awaited<ReturnType<typeof getPostRow>>, date: string): Promise<Dashboard> {
  const now = ctx.clock.now();
  const todayAtPost = localDate(now, post.time_zone);
  const { start, end } = localDayInterval(date, post.time_zone);
  const range = { postId: post.id, from: start.toISOString(), to: end.toISOString() };
  const isToday = date === todayAtPost;

  const [lanes, minutes, groups, processing, lastHour, queueCounts, queued, cases] = await Promise.all([
    postsRepo.listLanes(ctx.db, [post.id]),
    dashboardRepo.countByMinute(ctx.db, range),
    dashboardRepo.countByLaneRecommendationStatus(ctx.db, range),
    dashboardRepo.processingHistogram(ctx.db, range),
    isToday ? dashboardRepo.countByLane(ctx.db, { postId: post.id, from: new Date(now.getTime() - LAST_HOUR_MS).toISOString(), to: now.toISOString() }) : Promise.resolve([]),
    dashboardRepo.countQueue(ctx.db, post.id),
    dashboardRepo.listQueue(ctx.db, post.id, QUEUE_ITEMS_LIMIT),
    dashboardRepo.openCases(ctx.db, post.id, QUEUE_ITEMS_LIMIT),
  ]);

  const hours = Array.from({ length: HOURS_PER_DAY }, (_, hour) => ({ hour, count: 0 }));
  let total = 0;
  for (const m of minutes) {
    hours[localHour(Date.parse(`${m.minute}:00.000Z`), post.time_zone)]!.count += m.count;
    total += m.count;
  }
  const byRecommendation = zeroes(RECOMMENDATIONS);
  const byStatus = zeroes(CROSSING_STATUSES);
  const perLane = new Map<string, { crossings: number; decided: number }>();
  for (const g of groups) {
    byRecommendation[g.recommendation as Recommendation] += g.count;
    byStatus[g.status as CrossingStatus] += g.count;
    const lane = perLane.get(g.laneId) ?? { crossings: 0, decided: 0 };
    lane.crossings += g.count;
    perLane.set(g.laneId, lane);
  }
  const histograms = new Map<string, { seconds: number; count: number }[]>();
  for (const p of processing) {
    const bins = histograms.get(p.laneId) ?? [];
    bins.push(p);
    histograms.set(p.laneId, bins);
    const lane = perLane.get(p.laneId);
    if (lane) lane.decided += p.count;
  }

  const counts = zeroes(QUEUE_KINDS);
  for (const q of queueCounts) counts[queueKind(q.recommendation, q.status, q.exception)] += q.count;
  counts.duplicate = cases.total;
  const items: QueueItem[] = [
    ...queued.map((q) => ({
      kind: queueKind(q.recommendation, q.status, q.exception),
      crossingId: q.id,
      lane: q.lane,
      at: q.recordedAt,
      recommendation: q.recommendation as Recommendation,
      status: q.status as CrossingStatus,
      exception: q.exception as FingerprintException | null,
    })),
    ...cases.cases.map((c) => ({
      kind: 'duplicate' as const,
      caseId: c.id,
      at: c.createdAt,
      caseKind: c.travellerId ? ('more_fingers' as const) : ('new_traveller' as const),
      candidates: (JSON.parse(c.candidates) as unknown[]).length,
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  return {
    post: { code: post.code, name: post.name, timeZone: post.time_zone },
    date,
    today: isToday,
    generatedAt: now.toISOString(),
    capacity: ctx.config.dailyCapacity,
    crossings: { total, hours, byRecommendation, byStatus },
    lanes: lanes
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((lane) => ({
        code: lane.code,
        name: lane.name,
        direction: lane.direction,
        crossings: perLane.get(lane.id)?.crossings ?? 0,
        lastHour: isToday ? (lastHour.find((l) => l.laneId === lane.id)?.count ?? 0) : null,
        decided: perLane.get(lane.id)?.decided ?? 0,
        medianProcessingSeconds: medianOfHistogram(histograms.get(lane.id) ?? []),
      })),
    queue: { counts, items },
  };
}
