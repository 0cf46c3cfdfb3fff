/**
 * Date-of-birth compatibility between what a traveller states (a full date, a year-month, or a year) and what a
 * list states (exact, year only, approximately, between two years; see entry.ts ListedDate). The result is an
 * agreement level, not a score: the screener turns it into a score adjustment.
 */
import type { ListedDate } from '../entry.js';

/** A traveller's date of birth; month and day may be unknown (documents from some countries print only a year). */
export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export const DOB_AGREEMENTS = ['exact', 'compatible', 'mismatch', 'unknown'] as const;
/**
 * - exact: the same full date (or the same year and month when that is all both sides know);
 * - compatible: the dates can be the same person's (same year, inside the range, near the approximate year,
 *   or day and month transposed);
 * - mismatch: they cannot;
 * - unknown: one side gives no date.
 */
export type DobAgreement = (typeof DOB_AGREEMENTS)[number];

/** Years either side of an "approximately" year still counted compatible. */
export const APPROXIMATE_YEAR_TOLERANCE = 2;

/** Parses `1970`, `1970-05` or `1970-05-12`; undefined for anything else. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$/.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if ((month !== undefined && (month < 1 || month > 12)) || (day !== undefined && (day < 1 || day > 31))) return undefined;
  return { year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) };
}

function againstOne(q: PartialDate, listed: ListedDate): DobAgreement {
  switch (listed.kind) {
    case 'exact': {
      if (q.year !== listed.year) {
        return 'mismatch';
      }
      if (q.month === undefined || listed.month === undefined) return 'compatible';
      if (q.month === listed.month) {
        if (q.day === undefined || listed.day === undefined) return q.day === listed.day ? 'exact' : 'compatible';
        return q.day === listed.day ? 'exact' : 'mismatch';
      }
      // Day and month transposed (12/05 read as 05/12): a common data-entry error, so compatible, not exact.
      return q.day !== undefined && listed.day !== undefined && q.day === listed.month && q.month === listed.day ? 'compatible' : 'mismatch';
    }
    case 'year':
      return q.year === listed.year ? 'compatible' : 'mismatch';
    case 'approximate':
      return Math.abs(q.year - listed.year) <= APPROXIMATE_YEAR_TOLERANCE ? 'compatible' : 'mismatch';
    case 'between':
      return q.year >= listed.fromYear && q.year <= listed.toYear ? 'compatible' : 'mismatch';
  }
}

const RANK: Readonly<Record<DobAgreement, number>> = { exact: 3, compatible: 2, mismatch: 1, unknown: 0 };

/** The best agreement of the traveller's date with any of the listed dates (lists often give several). */
export function compareDateOfBirth(query: PartialDate | undefined, listed: readonly ListedDate[]): DobAgreement {
  if (query === undefined || listed.length === 0) return 'unknown';
  let best: DobAgreement = 'mismatch';
  for (const date of listed) {
    const a = againstOne(query, date);
    if (RANK[a] > RANK[best]) best = a;
  }
  return best;
}
