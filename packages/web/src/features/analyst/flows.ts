/** The flow report as the server answers it (GET /api/reports/flows), and its query. */
import { withQuery } from '../../api/client.js';

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
  readonly byDay: readonly FlowBucket[];
  readonly byHour: readonly FlowBucket[];
  readonly byNationality: readonly FlowBucket[];
  readonly byDocumentType: readonly FlowBucket[];
}

export interface FlowReport {
  readonly from: string;
  readonly to: string;
  readonly posts: readonly PostFlows[];
}

export interface FlowQuery {
  readonly from: string;
  readonly to: string;
  readonly post?: string;
}

export function flowsUrl(query: FlowQuery): string {
  return withQuery('/api/reports/flows', { from: query.from, to: query.to, post: query.post });
}

/** The CSV download: the session cookie goes with a plain link, so the browser saves the file itself. */
export function flowsCsvUrl(query: FlowQuery): string {
  return withQuery('/api/reports/flows.csv', { from: query.from, to: query.to, post: query.post });
}

const DAY_MS = 86_400_000;
/** Days shown when the page opens: the last week, today included. */
export const DEFAULT_RANGE_DAYS = 7;

/** The easternmost UTC offset there is (Kiribati, UTC+14:00): no place on earth has a later date. */
const LATEST_OFFSET_MS = 14 * 60 * 60 * 1000;

/**
 * The page's first `to`: today's date wherever it is latest, so that "today" at every post is in the range whatever
 * the browser's time zone (Torkham's day starts at 19:00 UTC the day before). A day not yet begun at a post counts 0.
 */
export function latestDateToday(now: Date): string {
  return new Date(now.getTime() + LATEST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` that many days before `date` (a `YYYY-MM-DD`). */
export function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}
