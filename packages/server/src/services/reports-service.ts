/**
 * The analyst's flow report: crossings over a range of local dates at each post the analyst may see, counted by
 * post, day, hour, nationality, document type and direction, as JSON or as CSV. Counts only, no personal data,
 * but every read is audited all the same (who looked at which posts' traffic over which dates).
 *
 * Dates are local to each post: "2026-11-20" at Torkham (Asia/Karachi) starts at 2026-11-19T19:00Z, at a post in
 * Asia/Kabul at 19:30Z. Each post's range is split where its UTC offset changes (daylight saving), and each span is
 * counted in SQL with its own offset (reports-repository.ts), so hours and days are the post's wall clock.
 */
import { z } from 'zod';
import * as reportsRepo from '../repositories/reports-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { CalendarDate } from '../domain/traveller.js';
import { appendAudit } from './audit-service.js';
import { requirePermission } from './access.js';
import { PostCode, getPostRow } from './posts-service.js';
import type { ServiceContext } from './context.js';

/** Longest range one report covers: a year and a day (a leap year's dates, inclusive). */
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export const FlowQuery = z
  .object({ from: CalendarDate, to: CalendarDate, post: PostCode.optional() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS < MAX_RANGE_DAYS, { message: `at most ${MAX_RANGE_DAYS} days` });
export type FlowQuery = z.infer<typeof FlowQuery>;

/** Counts of one group, split by direction. */
export interface FlowBucket {
  readonly key: string;
  readonly in: number;
  readonly out: number;
  readonly total: number;
}

export interface PostFlows {
  readonly post: string;
  readonly name: string;
  readonly timeZone: string;
  readonly totals: FlowBucket;
  /** Every date of the range, zeros included, in order. */
  readonly byDay: readonly FlowBucket[];
  /** 00..23, zeros included. */
  readonly byHour: readonly FlowBucket[];
  /** Largest first, then by key. */
  readonly byNationality: readonly FlowBucket[];
  readonly byDocumentType: readonly FlowBucket[];
}

export interface FlowReport {
  readonly from: string;
  readonly to: string;
  readonly posts: readonly PostFlows[];
}

/** The UTC offset of `timeZone` at `instant`, in minutes (east positive). */
export function utcOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / MINUTE_MS);
}

/** The UTC instant at which local midnight starting `date` falls in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  let guess = midnight - utcOffsetMinutes(midnight, timeZone) * MINUTE_MS;
  // A second pass settles dates whose offset differs from the first guess's (a change during the previous day).
  guess = midnight - utcOffsetMinutes(guess, timeZone) * MINUTE_MS;
  return guess;
}

/** [from, to) cut where the zone's UTC offset changes, each piece with its offset. */
export function constantOffsetSpans(from: number, to: number, timeZone: string): { from: number; to: number; offsetMinutes: number }[] {
  const spans: { from: number; to: number; offsetMinutes: number }[] = [];
  let start = from;
  let offset = utcOffsetMinutes(start, timeZone);
  // Offsets change at most a few times a year: step by hours, and find each change to the minute by bisection.
  for (let probe = from; probe < to; ) {
    const next = Math.min(probe + 60 * MINUTE_MS, to);
    const at = next === to ? offset : utcOffsetMinutes(next, timeZone);
    if (at !== offset) {
      let lo = probe;
      let hi = next;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (utcOffsetMinutes(mid, timeZone) === offset) lo = mid;
        else hi = mid;
      }
      spans.push({ from: start, to: hi, offsetMinutes: offset });
      start = hi;
      offset = at;
    }
    probe = next;
  }
  spans.push({ from: start, to, offsetMinutes: offset });
  return spans;
}

/** Every date from `from` to `to` inclusive. */
function datesOf(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
}

class Buckets {
  private readonly counts = new Map<string, { in: number; out: number }>();
  constructor(keys: readonly string[] = []) {
    for (const key of keys) this.counts.set(key, { in: 0, out: 0 });
  }
  add(rows: readonly reportsRepo.FlowCount[]): void {
    for (const row of rows) {
      const bucket = this.counts.get(row.key) ?? { in: 0, out: 0 };
      if (row.direction === 'in') bucket.in += row.count;
      else bucket.out += row.count;
      this.counts.set(row.key, bucket);
    }
  }
  list(): FlowBucket[] {
    return [...this.counts].map(([key, c]) => ({ key, in: c.in, out: c.out, total: c.in + c.out }));
  }
  largestFirst(): FlowBucket[] {
    return this.list().sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

async function flowsOfPost(ctx: ServiceContext, post: postsRepo.PostRow, query: FlowQuery): Promise<PostFlows> {
  const from = startOfLocalDay(query.from, post.time_zone);
  const dayAfter = new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  const to = startOfLocalDay(dayAfter, post.time_zone);
  const byDay = new Buckets(datesOf(query.from, query.to));
  const byHour = new Buckets(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
  const byNationality = new Buckets();
  const byDocumentType = new Buckets();
  for (const s of constantOffsetSpans(from, to, post.time_zone)) {
    const span: reportsRepo.Span = { postId: post.id, from: new Date(s.from).toISOString(), to: new Date(s.to).toISOString(), offsetMinutes: s.offsetMinutes };
    byDay.add(await reportsRepo.countByLocalDay(ctx.db, ctx.dialect, span));
    byHour.add(await reportsRepo.countByLocalHour(ctx.db, ctx.dialect, span));
    byNationality.add(await reportsRepo.countByNationality(ctx.db, span));
    byDocumentType.add(await reportsRepo.countByDocumentType(ctx.db, span));
  }
  const days = byDay.list();
  const totalIn = days.reduce((sum, d) => sum + d.in, 0);
  const totalOut = days.reduce((sum, d) => sum + d.out, 0);
  return {
    post: post.code,
    name: post.name,
    timeZone: post.time_zone,
    totals: { key: 'total', in: totalIn, out: totalOut, total: totalIn + totalOut },
    byDay: days,
    byHour: byHour.list(),
    byNationality: byNationality.largestFirst(),
    byDocumentType: byDocumentType.largestFirst(),
  };
}

/**
 * Flows at one post (when `query.post` is given and granted) or at every post the user may see, by post code.
 * Audited as `report.flows` with the range, the posts and the format asked for.
 */
export async function flowReport(ctx: ServiceContext, user: UserPrincipal, query: FlowQuery, format: 'json' | 'csv' = 'json'): Promise<FlowReport> {
  requirePermission(user, 'reports.read');
  let posts: postsRepo.PostRow[];
  if (query.post) posts = [await getPostRow(ctx, user, query.post)];
  else posts = await postsRepo.listPosts(ctx.db, user.allPosts ? undefined : user.postIds);
  if (posts.length === 0) throw new ServerError('FORBIDDEN_POST', `${user.username} is granted no post`);
  posts.sort((a, b) => (a.code < b.code ? -1 : 1));
  const flows: PostFlows[] = [];
  for (const post of posts) flows.push(await flowsOfPost(ctx, post, query));
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'report.flows',
    post: query.post ?? null,
    details: { from: query.from, to: query.to, posts: flows.map((f) => f.post), format },
  });
  return { from: query.from, to: query.to, posts: flows };
}

/** Cells a spreadsheet would run as a formula start with one of these; such a cell gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-safe, and quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const FLOW_CSV_HEADER = ['post', 'time_zone', 'dimension', 'value', 'in', 'out', 'total'] as const;

/**
 * The report as CSV: a header row, then per post one row per day, hour, nationality and document type, and a
 * `total` row; CRLF line ends (RFC 4180).
 */
export function flowReportCsv(report: FlowReport): string {
  const lines = [FLOW_CSV_HEADER.join(',')];
  const row = (post: PostFlows, dimension: string, b: FlowBucket) =>
    [post.post, post.timeZone, dimension, b.key, b.in, b.out, b.total].map(csvCell).join(',');
  for (const post of report.posts) {
    for (const b of post.byDay) lines.push(row(post, 'day', b));
    for (const b of post.byHour) lines.push(row(post, 'hour', b));
    for (const b of post.byNationality) lines.push(row(post, 'nationality', b));
    for (const b of post.byDocumentType) lines.push(row(post, 'document_type', b));
    lines.push(row(post, 'total', post.totals));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A download name for the report: `sarhad-flows-<from>-<to>[-<post>].csv`. */
export function flowCsvFileName(query: FlowQuery): string {
  return `sarhad-flows-${query.from}-${query.to}${query.post ? `-${query.post}` : ''}.csv`;
}
