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

/** `YYYY-MM-DD` of `date` in UTC, `daysBack` days earlier. */
export function isoDate(date: Date, daysBack = 0): string {
  return new Date(date.getTime() - daysBack * DAY_MS).toISOString().slice(0, 10);
}
