/**
 * The tamper-evident audit log: appending entries to the hash chain, verifying it, and exporting checkpoints an
 * outside auditor keeps to prove later that history was not rewritten. The hashing rules are in
 * domain/audit-chain.ts.
 */
import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import * as auditRepo from '../repositories/audit-repository.js';
import * as auditAnchorRepo from '../repositories/audit-anchor-repository.js';
import { anchorProblem } from '../domain/audit-signature.js';
import type { DB } from '../db/schema.js';
import { isUniqueViolation } from '../db/errors.js';
import { ServerError } from '../errors.js';
import type { Clock } from '../clock.js';
import {
  GENESIS_HASH,
  canonicalJson,
  entryHash,
  type AuditEntryContent,
  type JsonValue,
} from '../domain/audit-chain.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { requirePermission } from './access.js';
import type { ServiceContext } from './context.js';
import { cursorOfKind, pageOf, type Cursor, type Page } from './pagination.js';

/** What a caller records; sequence, time and hashes are added by `appendAudit`. */
export interface AuditInput {
  readonly actor: string;
  readonly action: string;
  readonly subject?: string | null;
  readonly post?: string | null;
  readonly details?: { readonly [key: string]: JsonValue };
}

/** A stored entry with its chain hashes. */
export interface AuditEntry extends AuditEntryContent {
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Appends one entry. Pass the transaction of the change being audited so both commit or neither does; given a
 * plain connection, it opens its own transaction.
 */
export async function appendAudit(db: Kysely<DB>, clock: Clock, input: AuditInput): Promise<AuditEntry> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, clock, input));
  try {
    const { seq, prevHash } = await auditRepo.claimNextSeq(db);
    const content: AuditEntryContent = {
      seq,
      time: clock.now().toISOString(),
      actor: input.actor,
      action: input.action,
      subject: input.subject ?? null,
      post: input.post ?? null,
      details: input.details ?? {},
    };
    const hash = entryHash(prevHash, content);
    await auditRepo.insertEntry(db, {
      seq,
      time: content.time,
      actor: content.actor,
      action: content.action,
      subject: content.subject,
      post: content.post,
      details: canonicalJson(content.details),
      prev_hash: prevHash,
      hash,
    });
    await auditRepo.setHeadHash(db, seq, hash);
    return { ...content, prevHash, hash };
  } catch (error) {
    if (error instanceof ServerError) throw error;
    const why = isUniqueViolation(error) ? 'the chain would fork' : (error as Error).message;
    throw new ServerError('AUDIT_APPEND_FAILED', `cannot append audit entry ${input.action}: ${why}`, { cause: error });
  }
}

/** The latest point of the chain, for an outside auditor to keep and later check with `verifyAuditChain`. */
export const AuditCheckpoint = z.object({
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex characters'),
  time: z.string().nullable(),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

/** Exports the checkpoint of the last stored entry (seq 0 and the genesis hash for an empty log). */
export async function exportCheckpoint(db: Kysely<DB>): Promise<AuditCheckpoint> {
  const last = await auditRepo.findLastEntry(db);
  return last ? { seq: last.seq, hash: last.hash, time: last.time } : { seq: 0, hash: GENESIS_HASH, time: null };
}

export const AUDIT_BREAK_REASONS = [
  /** An entry's content no longer hashes to its stored hash: the entry was edited. */
  'hash_mismatch',
  /** An entry's stored previous hash is not the hash of the entry before it: entries were replaced or reordered. */
  'prev_hash_mismatch',
  /** Sequence numbers skip: entries were deleted. */
  'sequence_gap',
  /** An entry's details are not valid JSON, or not in the canonical form that was hashed. */
  'malformed',
  /** The head row records more entries than the log holds: entries were deleted from the end. */
  'truncated',
  /** The head row's hash differs from the last entry's. */
  'head_mismatch',
  /** The chain does not contain the checkpoint the auditor kept: history was rewritten or truncated. */
  'checkpoint_mismatch',
  /** The log starts at a retention anchor whose signature cannot be checked or does not hold. */
  'anchor_invalid',
  /** The checkpoint is older than the retention anchor: the entries it vouched for were purged. */
  'checkpoint_purged',
] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

export type AuditVerification =
  | {
      readonly ok: true;
      /** Entries verified (those after the anchor when the log has one). */
      readonly entries: number;
      readonly head: AuditCheckpoint;
      /** Where verification started when audit retention purged a prefix: the signed anchor's seq and hash. */
      readonly anchor?: AuditCheckpoint;
    }
  | {
      readonly ok: false;
      /** Entries that verified before the break. */
      readonly entries: number;
      /** Sequence number of the first broken link. */
      readonly brokenAt: number;
      readonly reason: AuditBreakReason;
      readonly message: string;
    };

/** Entries read per query while verifying. */
const VERIFY_BATCH = 1000; // rows

/**
 * Recomputes every hash from the genesis and names the first broken link. With a checkpoint, also checks that the
 * entry at its sequence number still has its hash.
 *
 * The head row is read first and the chain checked up to it, so entries appended while verification runs (the
 * server keeps working) are neither missed as "truncated" nor half-read.
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  options: {
    readonly checkpoint?: AuditCheckpoint;
    /** Checks the retention anchor's signature; a function is called only when the log has an anchor. */
    readonly publicKey?: KeyObject | (() => KeyObject | undefined) | undefined;
  } = {},
): Promise<AuditVerification> {
  const checkpoint = options.checkpoint;
  const head = await auditRepo.getHead(db);
  // After an audit purge the chain starts at the signed anchor instead of the genesis (DATABASE.md, "Retention").
  const anchor = await auditAnchorRepo.findAnchor(db);
  const start = anchor ? { seq: anchor.seq, hash: anchor.hash, time: anchorTime(anchor.checkpoint) } : undefined;
  let prevHash = start?.hash ?? GENESIS_HASH;
  let expectedSeq = (start?.seq ?? 0) + 1;
  let last: auditRepo.AuditRow | undefined;
  const broken = (brokenAt: number, reason: AuditBreakReason, message: string): AuditVerification => ({
    ok: false,
    entries: expectedSeq - 1 - (start?.seq ?? 0),
    brokenAt,
    reason,
    message,
  });
  if (anchor) {
    const problem = anchorProblem(anchor, typeof options.publicKey === 'function' ? options.publicKey() : options.publicKey);
    if (problem) return broken(anchor.seq, 'anchor_invalid', problem);
    if (checkpoint && checkpoint.seq < anchor.seq) {
      return broken(checkpoint.seq, 'checkpoint_purged', `entries up to #${anchor.seq} were purged by retention; the checkpoint at #${checkpoint.seq} can no longer be checked`);
    }
    if (checkpoint && checkpoint.seq === anchor.seq && checkpoint.hash !== anchor.hash) {
      return broken(anchor.seq, 'checkpoint_mismatch', `the anchor #${anchor.seq} has hash ${anchor.hash}, the checkpoint says ${checkpoint.hash}`);
    }
  }
  for (;;) {
    const rows = await auditRepo.listChain(db, expectedSeq - 1, head.seq, VERIFY_BATCH);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return broken(expectedSeq, 'sequence_gap', `entry #${expectedSeq} is missing (next stored is #${row.seq})`);
      }
      if (row.prev_hash !== prevHash) {
        return broken(row.seq, 'prev_hash_mismatch', `entry #${row.seq} does not link to entry #${row.seq - 1}`);
      }
      let details: { [key: string]: JsonValue };
      try {
        details = JSON.parse(row.details) as { [key: string]: JsonValue };
      } catch {
        return broken(row.seq, 'malformed', `entry #${row.seq} has details that are not JSON`);
      }
      // The hash covers the canonical form, so the stored bytes must be exactly it: otherwise a rewrite that keeps
      // the value (keys reordered, whitespace) would change the row unnoticed.
      if (canonicalJson(details) !== row.details) {
        return broken(row.seq, 'malformed', `entry #${row.seq} has details that are not in canonical JSON form`);
      }
      const computed = entryHash(prevHash, {
        seq: row.seq,
        time: row.time,
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        post: row.post,
        details,
      });
      if (computed !== row.hash) {
        return broken(row.seq, 'hash_mismatch', `entry #${row.seq} was altered: its content hashes to ${computed}, stored ${row.hash}`);
      }
      if (checkpoint && row.seq === checkpoint.seq && row.hash !== checkpoint.hash) {
        return broken(row.seq, 'checkpoint_mismatch', `entry #${row.seq} has hash ${row.hash}, the checkpoint says ${checkpoint.hash}`);
      }
      prevHash = row.hash;
      expectedSeq += 1;
      last = row;
    }
    if (rows.length < VERIFY_BATCH) break;
  }
  const lastSeq = expectedSeq - 1;
  const verified = lastSeq - (start?.seq ?? 0);
  if (lastSeq < head.seq) {
    return broken(lastSeq + 1, 'truncated', `the log ends at #${lastSeq} but ${head.seq} entries were appended`);
  }
  if (head.hash !== prevHash) {
    return broken(lastSeq, 'head_mismatch', `the head row's hash differs from entry #${lastSeq}'s`);
  }
  if (checkpoint && checkpoint.seq > lastSeq) {
    return broken(lastSeq + 1, 'checkpoint_mismatch', `the checkpoint is at #${checkpoint.seq} but the log ends at #${lastSeq}`);
  }
  if (checkpoint && checkpoint.seq === 0 && checkpoint.hash !== GENESIS_HASH) {
    return broken(0, 'checkpoint_mismatch', 'a checkpoint at #0 must carry the genesis hash');
  }
  return {
    ok: true,
    entries: verified,
    head: last ? { seq: last.seq, hash: last.hash, time: last.time } : (start ?? { seq: 0, hash: GENESIS_HASH, time: null }),
    ...(start ? { anchor: start } : {}),
  };
}

/** The time of the anchor's entry, from its signed checkpoint (null if unreadable: `anchorProblem` says why). */
function anchorTime(checkpoint: string): string | null {
  try {
    const time = (JSON.parse(checkpoint) as { time?: unknown }).time;
    return typeof time === 'string' ? time : null;
  } catch {
    return null;
  }
}

/** Reads entries after `afterSeq`, oldest first (only those about `subject` when given). */
export async function listAuditEntries(
  db: Kysely<DB>,
  afterSeq: number,
  limit: number,
  subject?: string,
): Promise<AuditEntry[]> {
  const rows = await auditRepo.listEntries(db, afterSeq, limit, subject);
  return rows.map((r) => ({
    seq: r.seq,
    time: r.time,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    post: r.post,
    details: JSON.parse(r.details) as { [key: string]: JsonValue },
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** Largest page of entries one request may read. */
export const AUDIT_PAGE_MAX = 1000; // entries

/** Verification for a signed-in auditor. */
export async function verifyForUser(ctx: ServiceContext, user: UserPrincipal): Promise<AuditVerification> {
  requirePermission(user, 'audit.read');
  return verifyAuditChain(ctx.db, { publicKey: () => ctx.auditKey?.().publicKey });
}

/** A checkpoint for a signed-in auditor, issued only for a chain that verifies (it vouches for all before it). */
export async function checkpointForUser(ctx: ServiceContext, user: UserPrincipal): Promise<AuditCheckpoint> {
  const result = await verifyForUser(ctx, user);
  if (!result.ok) {
    throw new ServerError('AUDIT_CHAIN_BROKEN', `no checkpoint: the chain is broken at entry #${result.brokenAt} (${result.reason})`);
  }
  return result.head;
}

/**
 * A page of entries for an auditor, optionally only those about one subject (`traveller:<id>`: who looked at this
 * person); the read is itself audited.
 */
export async function readEntriesForUser(
  ctx: ServiceContext,
  user: UserPrincipal,
  query: { readonly after: number; readonly limit: number; readonly subject?: string | undefined; readonly cursor?: Cursor | undefined },
): Promise<Page<AuditEntry>> {
  requirePermission(user, 'audit.read');
  // The log's own order is its keyset: a cursor holds the last sequence number given (`after` says the same).
  const afterSeq = cursorOfKind(query.cursor, 'number')?.key ?? query.after;
  const limit = Math.min(query.limit, AUDIT_PAGE_MAX);
  const rows = await listAuditEntries(ctx.db, Number(afterSeq), limit + 1, query.subject);
  const page = pageOf(rows, limit, (e) => ({ key: e.seq, id: '' }));
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'audit.entries_read',
    subject: query.subject ?? null,
    details: { afterSeq: Number(afterSeq), count: page.items.length },
  });
  return page;
}
