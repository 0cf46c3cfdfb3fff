/**
 * The audit chain's hashing rules, kept free of storage so an outside auditor can re-implement them from this file
 * and DATABASE.md alone.
 *
 *   hash(n) = SHA-256( hash(n-1) ‖ canonical(entry n) )      hash(0) = GENESIS_HASH
 *
 * `hash(n-1)` enters as its 64 lower-case hex characters (ASCII), `canonical(entry)` as UTF-8 bytes, and the
 * result is written as 64 lower-case hex characters. The canonical form is JSON with object keys sorted by UTF-16
 * code units, no whitespace, and numbers and strings as ECMAScript's JSON.stringify writes them: the JSON
 * Canonicalization Scheme of RFC 8785 for the values we store (no floats are stored; integers only).
 */
import { createHash } from 'node:crypto';

/** The hash that precedes entry 1: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** A JSON value as stored in an entry's details. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** The fields of an entry that the hash covers: everything except the hashes themselves. */
export interface AuditEntryContent {
  readonly seq: number;
  /** ISO 8601 UTC with milliseconds, e.g. `2026-11-26T15:00:00.000Z`. */
  readonly time: string;
  /** Who acted: `user:<uuid>`, `device:<uuid>` or `system`. */
  readonly actor: string;
  /** What was done, dotted: `user.created`, `auth.login_failed`... */
  readonly action: string;
  /** What it was done to: `user:<uuid>`, `post:TKM`..., or null. */
  readonly subject: string | null;
  /** The post code where it happened, or null for headquarters/system actions. */
  readonly post: string | null;
  readonly details: { readonly [key: string]: JsonValue };
}

/** RFC 8785-style canonical JSON: sorted keys, no whitespace. Throws on values JSON cannot represent exactly. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot represent ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v as JsonValue)).join(',')}]`;
  const object = value as { readonly [key: string]: JsonValue };
  const keys = Object.keys(object)
    .filter((k) => object[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k]!)}`).join(',')}}`;
}

/** The canonical form of an entry, the bytes that are hashed after the previous hash. */
export function canonicalEntry(entry: AuditEntryContent): string {
  return canonicalJson({
    action: entry.action,
    actor: entry.actor,
    details: entry.details,
    post: entry.post,
    seq: entry.seq,
    subject: entry.subject,
    time: entry.time,
  });
}

/** SHA-256(previous hash ‖ canonical entry), lower-case hex. */
export function entryHash(prevHash: string, entry: AuditEntryContent): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalEntry(entry), 'utf8').digest('hex');
}
