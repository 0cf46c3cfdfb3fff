/**
 * Retention: deletes what is past its period, per data class, and records each purge in the audit log with counts
 * only (never personal data). Run by the server on an interval (retention-job.ts) and by `sarhad retention purge`.
 *
 * Data classes and their periods (config, DATABASE.md "Retention"):
 * - `unenrolled_travellers` (`SARHAD_RETENTION_UNENROLLED_DAYS`): crossings of travellers never identified, and
 *   travellers without fingerprints whose record, documents and crossings are all older than the period (with
 *   those crossings, documents and decisions).
 * - `enrolled_travellers` (`SARHAD_RETENTION_ENROLLED_DAYS`, unset: kept for ever, at least 365 days): travellers
 *   with fingerprints whose record, documents, fingerprints and crossings are all older than the period, with all of
 *   those. Their fingers leave the 1:N gallery as soon as the purge commits, so a purged person is never identified.
 * - `audit_log` (`SARHAD_RETENTION_AUDIT_DAYS`, unset: kept for ever, at least 365 days): only a whole prefix, and
 *   only of a chain that verifies. The last purged entry's checkpoint is signed with the server's Ed25519 key and
 *   stored as the anchor, in the same transaction as the delete, so verification continues from the anchor.
 * - Fingerprint images (`SARHAD_IMAGE_RETENTION_DAYS`) are never stored (rasters become templates at capture and
 *   are dropped), so no purge step exists for them.
 *
 * An administrator's stored periods (retention-settings-service.ts) override these defaults; each purge reads the
 * periods in force when it starts, and every purge that commits is recorded in `retention_runs` with its counts.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as retentionRepo from '../repositories/retention-repository.js';
import * as settingsRepo from '../repositories/retention-settings-repository.js';
import * as auditAnchorRepo from '../repositories/audit-anchor-repository.js';
import * as auditRepo from '../repositories/audit-repository.js';
import type { DB } from '../db/schema.js';
import { ServerError } from '../errors.js';
import { canonicalJson, type JsonValue } from '../domain/audit-chain.js';
import { appendAudit, verifyAuditChain } from './audit-service.js';
import { auditKeyOf, signAuditCheckpoint } from './audit-signing-service.js';
import { effectivePeriods } from './retention-settings-service.js';
import type { ServiceContext } from './context.js';

/**
 * What a purge needs: storage, time, the periods and the signing key (read from the config when absent), and the
 * server's 1:N gallery to drop purged travellers from (absent from the console: the server's gallery confirms
 * candidates against the database before answering them, so it never reports someone purged from there either).
 */
export type PurgeContext = Pick<ServiceContext, 'db' | 'clock' | 'config' | 'auditKey'> & Partial<Pick<ServiceContext, 'gallery'>>;

/** What the server's retention job needs: a purge context and somewhere to log. */
export type RetentionContext = PurgeContext & Pick<ServiceContext, 'logger'>;

/** What one purge deleted (or, for a dry run, would delete). */
export interface PurgeReport {
  readonly dryRun: boolean;
  readonly ranAt: string;
  /** Records older than these times were eligible (null: the class is kept for ever). */
  readonly cutoffs: {
    readonly unenrolledTravellers: string;
    readonly enrolledTravellers: string | null;
    readonly auditLog: string | null;
  };
  readonly deleted: {
    /** Crossings of travellers never identified. */
    readonly unidentifiedCrossings: number;
    /** Travellers without fingerprints, idle past the period. */
    readonly unenrolledTravellers: number;
    /** Crossings of those travellers. */
    readonly unenrolledTravellerCrossings: number;
    /** Enrolled travellers idle past their period. */
    readonly enrolledTravellers: number;
    /** Their fingerprints (each gone from the gallery too). */
    readonly enrolledFingerprints: number;
    /** Their crossings. */
    readonly enrolledTravellerCrossings: number;
    readonly auditEntries: number;
  };
  /** The new audit anchor when a prefix of the log was purged. */
  readonly anchor: { readonly seq: number; readonly hash: string; readonly keyId: string } | null;
  /** Sequence number of the `retention.purged` audit entry (null when nothing was deleted, or a dry run). */
  readonly auditSeq: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Thrown inside a dry run's transaction to roll it back after counting. */
class DryRunRollback extends Error {
  constructor(readonly report: PurgeReport) {
    super('dry run');
  }
}

/**
 * Deletes everything past its period in one transaction and appends one `retention.purged` audit entry with the
 * counts (none when nothing was deleted). A dry run does the same work and rolls it back, so its counts are exact.
 * Throws AUDIT_CHAIN_BROKEN when audit retention is configured and the chain does not verify: nothing is purged
 * until the break is investigated.
 */
export async function purgeExpired(ctx: PurgeContext, options: { readonly dryRun?: boolean } = {}): Promise<PurgeReport> {
  const now = ctx.clock.now();
  const ranAt = now.toISOString();
  const periods = await effectivePeriods(ctx.db, ctx.config);
  const unenrolledDays = periods.unenrolled_travellers ?? ctx.config.retention.unenrolledDays;
  const enrolledDays = periods.enrolled_travellers;
  const auditDays = periods.audit_log;
  const cutoffs = {
    unenrolledTravellers: new Date(now.getTime() - unenrolledDays * DAY_MS).toISOString(),
    enrolledTravellers: enrolledDays === null ? null : new Date(now.getTime() - enrolledDays * DAY_MS).toISOString(),
    auditLog: auditDays === null ? null : new Date(now.getTime() - auditDays * DAY_MS).toISOString(),
  };
  const key = cutoffs.auditLog === null ? undefined : auditKeyOf(ctx);
  if (key) {
    const chain = await verifyAuditChain(ctx.db, { publicKey: key.publicKey });
    if (!chain.ok) {
      throw new ServerError('AUDIT_CHAIN_BROKEN', `no purge: the audit chain is broken at entry #${chain.brokenAt} (${chain.reason})`);
    }
  }
  /** Travellers deleted, to drop from the gallery once the transaction commits. */
  let purgedTravellers: string[] = [];
  const run = async (trx: Kysely<DB>): Promise<PurgeReport> => {
    const unidentifiedCrossings = await retentionRepo.deleteUnidentifiedCrossingsBefore(trx, cutoffs.unenrolledTravellers);
    const idle = await retentionRepo.listIdleUnenrolledTravellers(trx, cutoffs.unenrolledTravellers);
    const travellers = await retentionRepo.deleteTravellersWithCrossings(trx, idle);
    const idleEnrolled = cutoffs.enrolledTravellers === null ? [] : await retentionRepo.listIdleEnrolledTravellers(trx, cutoffs.enrolledTravellers);
    const enrolledFingerprints = await retentionRepo.countFingerprintsOf(trx, idleEnrolled);
    const enrolled = await retentionRepo.deleteTravellersWithCrossings(trx, idleEnrolled);
    purgedTravellers = [...idle, ...idleEnrolled];

    let auditEntries = 0;
    let anchor: PurgeReport['anchor'] = null;
    if (key && cutoffs.auditLog !== null) {
      const through = await auditAnchorRepo.lastSeqBefore(trx, cutoffs.auditLog);
      const previous = await auditAnchorRepo.findAnchor(trx);
      if (through > (previous?.seq ?? 0)) {
        const [entry] = await auditRepo.listChain(trx, through - 1, through, 1);
        if (!entry) throw new ServerError('AUDIT_CHAIN_BROKEN', `no purge: audit entry #${through} is missing`);
        const signed = signAuditCheckpoint(key, { seq: entry.seq, hash: entry.hash, time: entry.time }, ctx.clock);
        // The anchor first: the DELETE trigger lets through only entries up to it.
        await auditAnchorRepo.setAnchor(trx, { seq: entry.seq, hash: entry.hash, checkpoint: canonicalJson(signed), created_at: ranAt });
        auditEntries = await auditAnchorRepo.deleteEntriesThrough(trx, entry.seq);
        anchor = { seq: entry.seq, hash: entry.hash, keyId: key.keyId };
      }
    }

    const deleted = {
      unidentifiedCrossings,
      unenrolledTravellers: travellers.travellers,
      unenrolledTravellerCrossings: travellers.crossings,
      enrolledTravellers: enrolled.travellers,
      enrolledFingerprints,
      enrolledTravellerCrossings: enrolled.crossings,
      auditEntries,
    };
    const total = Object.values(deleted).reduce((a, b) => a + b, 0);
    let auditSeq: number | null = null;
    if (total > 0) {
      const details: { [key: string]: JsonValue } = { cutoffs, deleted, anchor };
      auditSeq = (await appendAudit(trx, ctx.clock, { actor: 'system', action: 'retention.purged', details })).seq;
    }
    const report: PurgeReport = { dryRun: options.dryRun ?? false, ranAt, cutoffs, deleted, anchor, auditSeq: options.dryRun ? null : auditSeq };
    if (options.dryRun) throw new DryRunRollback(report);
    await settingsRepo.insertRun(trx, { id: randomUUID(), ran_at: ranAt, cutoffs: JSON.stringify(cutoffs), deleted: JSON.stringify(deleted), audit_seq: auditSeq });
    return report;
  };
  try {
    const report = await ctx.db.transaction().execute(run);
    // Committed: the purged can no longer be identified (an enrolled traveller's fingers were in the gallery).
    for (const travellerId of purgedTravellers) ctx.gallery?.remove(travellerId);
    return report;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}
