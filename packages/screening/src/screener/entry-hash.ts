/**
 * The content hash of a list entry: SHA-256 over a canonical JSON form (keys sorted, arrays in list order). A
 * recorded decision "traveller X is not entry Y" holds only while this hash is unchanged: when the list edits the
 * entry (a new alias, a new passport), the traveller must be looked at again.
 */
import { createHash } from 'node:crypto';
import type { WatchlistEntry } from '../entry.js';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Lower-case hex SHA-256 of the entry's canonical JSON. */
export function entryContentHash(entry: WatchlistEntry): string {
  return createHash('sha256').update(canonical(entry)).digest('hex');
}
