/**
 * Calendar dates at a place. A document "valid until 2026-11-26" is valid through that day where it is checked,
 * so validity is judged against the local date at the post (its IANA time zone), not the UTC date.
 */

/** The `YYYY-MM-DD` date at `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
