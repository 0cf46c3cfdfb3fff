/**
 * A post's calendar day as an interval of instants, and the wall-clock hour of an instant there. The supervisor
 * dashboard counts "today" in the post's time zone (Torkham's day starts at 19:00 UTC the evening before), and
 * Afghanistan's offset (+04:30) is not a whole number of hours, so neither can be read off UTC timestamps.
 * Only Intl's IANA time-zone data is used; no library.
 */

const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter giving the wall-clock fields of an instant in `timeZone`. */
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of `instant` in `timeZone`. */
function fieldsAt(instant: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of wallClock(timeZone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The offset of `timeZone` from UTC at `instant`, in milliseconds (Asia/Kabul: +4.5 h). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const f = fieldsAt(instant, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The first instant of local date `date` (YYYY-MM-DD) in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(y, m - 1, d);
  // The offset at the guess, then again at the corrected instant (they differ only across a transition).
  let instant = midnightAsUtc - zoneOffsetMs(midnightAsUtc, timeZone);
  instant = midnightAsUtc - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/** The local day `date` in `timeZone` as the half-open interval [start, end) of instants (23 to 25 hours). */
export function localDayInterval(date: string, timeZone: string): { start: Date; end: Date } {
  const start = startOfLocalDay(date, timeZone);
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + MS_PER_DAY).toISOString().slice(0, 10);
  return { start, end: startOfLocalDay(next, timeZone) };
}

/** The wall-clock hour (0..23) of `instant` in `timeZone`. */
export function localHour(instant: Date | number, timeZone: string): number {
  return fieldsAt(typeof instant === 'number' ? instant : instant.getTime(), timeZone).hour;
}

