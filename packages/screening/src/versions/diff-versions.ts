/**
 * Change reports between two versions of one list: which entry ids were added, removed, and changed, and for each
 * changed entry which fields differ. An operator reads this after every import to see what a list update did
 * (a new designation, a delisting, a corrected date of birth) before it takes effect at the border.
 */
import type { WatchlistEntry } from '../entry.js';
import { ScreeningError } from '../errors.js';
import type { ListVersion } from './list-version.js';

/** A list version together with its entries. */
export interface VersionedEntries {
  readonly version: ListVersion;
  readonly entries: readonly WatchlistEntry[];
}

/** One changed entry and the fields that differ (names of {@link WatchlistEntry} properties). */
export interface EntryChange {
  readonly id: string;
  readonly fields: readonly string[];
}

/** What changed from one version of a list to the next. Ids are sorted (numerically where they hold numbers). */
export interface ChangeReport {
  readonly source: ListVersion['source'];
  /** The previous version, or undefined when this is the first import of the source. */
  readonly from?: ListVersion;
  readonly to: ListVersion;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly EntryChange[];
  readonly unchangedCount: number;
}

const idOrder = new Intl.Collator('en', { numeric: true }).compare;

/** JSON with object keys sorted, so that two equal values serialise the same whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** The names of the fields whose values differ between two entries with the same id (absent = undefined). */
export function changedFields(before: WatchlistEntry, after: WatchlistEntry): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return [...keys].filter((key) => canonical(a[key]) !== canonical(b[key])).sort();
}

/**
 * Compares two versions of the same source. `previous` undefined means a first import: every entry is added.
 * Throws SCREENING_VERSION_MISMATCH when the versions belong to different sources.
 */
export function diffVersions(previous: VersionedEntries | undefined, next: VersionedEntries): ChangeReport {
  if (previous !== undefined && previous.version.source !== next.version.source) {
    throw new ScreeningError(
      'SCREENING_VERSION_MISMATCH',
      `cannot compare a ${previous.version.source} list with a ${next.version.source} list`,
    );
  }
  const before = new Map((previous?.entries ?? []).map((e) => [e.id, e]));
  const after = new Map(next.entries.map((e) => [e.id, e]));
  const added: string[] = [];
  const changed: EntryChange[] = [];
  let unchangedCount = 0;
  for (const [id, entry] of after) {
    const old = before.get(id);
    if (old === undefined) {
      added.push(id);
      continue;
    }
    // Entries from the same parser serialise with the same key order, so equal text means equal entries; only
    // the few that differ pay for the field-by-field comparison.
    const fields = JSON.stringify(old) === JSON.stringify(entry) ? [] : changedFields(old, entry);
    if (fields.length > 0) changed.push({ id, fields });
    else unchangedCount += 1;
  }
  const removed = [...before.keys()].filter((id) => !after.has(id));
  return {
    source: next.version.source,
    ...(previous !== undefined ? { from: previous.version } : {}),
    to: next.version,
    added: added.sort(idOrder),
    removed: removed.sort(idOrder),
    changed: changed.sort((x, y) => idOrder(x.id, y.id)),
    unchangedCount,
  };
}
