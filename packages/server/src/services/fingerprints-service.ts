/**
 * Fingerprints of travellers: captures are converted to Sarhad templates (services/fingerprint-capture.ts) and
 * stored one row per finger, always through enrolment-service.ts, which searches them 1:N first. Reads return
 * metadata only (position, quality, source, capture time), never templates, and are audited.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as fingerprintsRepo from '../repositories/fingerprints-repository.js';
import * as travellersRepo from '../repositories/travellers-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import type { DB } from '../db/schema.js';
import { isUniqueViolation } from '../db/errors.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import type { FingerCapture, FingerprintSource } from '../domain/fingerprints.js';
import { appendAudit } from './audit-service.js';
import { requirePermission } from './access.js';
import { getPostRow } from './posts-service.js';
import { captureFingerAsync, type CapturedFinger } from './fingerprint-capture.js';
import type { ServiceContext } from './context.js';


/** An enrolled finger as the API shows it (no template). */
export interface EnrolledFinger {
  readonly position: number;
  readonly quality: number;
  readonly minutiae: number;
  readonly sourceFormat: FingerprintSource;
  readonly capturedAt: string;
  readonly createdAt: string;
}

export function toEnrolledFinger(row: fingerprintsRepo.FingerprintRow): EnrolledFinger {
  return {
    position: row.finger_position,
    quality: row.quality,
    minutiae: row.minutiae,
    sourceFormat: row.source_format as FingerprintSource,
    capturedAt: row.captured_at,
    createdAt: row.created_at,
  };
}

/** Rows for captured fingers of a traveller. */
export function fingerprintRows(
  fingers: readonly CapturedFinger[],
  travellerId: string,
  actor: string,
  postId: string | null,
  at: string,
): fingerprintsRepo.FingerprintRow[] {
  return fingers.map((f) => ({
    id: randomUUID(),
    traveller_id: travellerId,
    finger_position: f.position,
    template: Buffer.from(f.encoded).toString('base64'),
    minutiae: f.template.minutiae.length,
    quality: f.quality,
    source_format: f.sourceFormat,
    captured_at: f.capturedAt,
    created_at: at,
    created_by: actor,
    created_post_id: postId,
  }));
}

/**
 * Stores fingers in the caller's transaction and audits it; FINGERPRINT_POSITION_TAKEN when the traveller already
 * has one of the positions. The caller adds them to the gallery after commit.
 */
export async function storeFingerprints(
  trx: Kysely<DB>,
  ctx: ServiceContext,
  rows: readonly fingerprintsRepo.FingerprintRow[],
  audit: { actor: string; post: string | null; details?: Record<string, string> },
): Promise<void> {
  if (rows.length === 0) return;
  const travellerId = rows[0]!.traveller_id;
  try {
    await fingerprintsRepo.insertFingerprints(trx, rows);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ServerError('FINGERPRINT_POSITION_TAKEN', `traveller ${travellerId} already has a finger at one of positions ${rows.map((r) => r.finger_position).join(', ')}`, {
        cause: error,
      });
    }
    throw error;
  }
  await appendAudit(trx, ctx.clock, {
    actor: audit.actor,
    action: 'fingerprints.enrolled',
    subject: `traveller:${travellerId}`,
    post: audit.post,
    details: { positions: rows.map((r) => r.finger_position), sources: rows.map((r) => r.source_format), ...audit.details },
  });
}

/**
 * Captures every submitted finger, rasters in the context's extraction workers (several at once); the first unusable
 * or invalid finger in submission order fails the whole submission, with the error it had.
 */
export async function captureFingers(
  ctx: Pick<ServiceContext, 'extraction'>,
  submission: { readonly fingers: readonly FingerCapture[] },
): Promise<CapturedFinger[]> {
  const settled = await Promise.allSettled(submission.fingers.map((finger) => captureFingerAsync(finger, ctx.extraction)));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<CapturedFinger>).value);
}

/** Checks the caller may enrol fingers for this traveller at this post and returns both. */
export async function enrolmentPlace(
  ctx: ServiceContext,
  user: UserPrincipal,
  travellerId: string,
  postCode: string,
): Promise<{ post: postsRepo.PostRow; traveller: travellersRepo.TravellerRow }> {
  requirePermission(user, 'travellers.write');
  const post = await getPostRow(ctx, user, postCode);
  const traveller = await travellersRepo.findTravellerById(ctx.db, travellerId);
  if (!traveller) throw new ServerError('TRAVELLER_NOT_FOUND', `no traveller ${travellerId}`);
  return { post, traveller };
}

/** A traveller's enrolled fingers (metadata only); the read is audited. */
export async function listFingerprints(ctx: ServiceContext, user: UserPrincipal, travellerId: string): Promise<EnrolledFinger[]> {
  requirePermission(user, 'travellers.read');
  const traveller = await travellersRepo.findTravellerById(ctx.db, travellerId);
  if (!traveller) throw new ServerError('TRAVELLER_NOT_FOUND', `no traveller ${travellerId}`);
  const rows = await fingerprintsRepo.listFingerprints(ctx.db, travellerId);
  const post = !user.allPosts && user.postIds.length === 1 ? await postsRepo.findPostById(ctx.db, user.postIds[0]!) : undefined;
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'fingerprints.read',
    subject: `traveller:${travellerId}`,
    post: post?.code ?? null,
    details: { positions: rows.map((r) => r.finger_position) },
  });
  return rows.map(toEnrolledFinger);
}
