/**
 * Enrolment with de-duplication. Before any fingerprint is stored, the submitted fingers are searched 1:N against
 * everyone enrolled (the identification gallery, fused per traveller: domain/score-fusion.ts). No candidate at or
 * above the identification threshold (`SARHAD_IDENTIFICATION_FMR`): the traveller and fingers are recorded. A
 * candidate: nothing is recorded or merged; an adjudication case holds the submission until a supervisor decides
 * "same person" (nothing is created; the existing record stands) or "different people" (the enrolment goes ahead),
 * with a written reason. Searches, cases and decisions are audited in the transaction that records them.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fmrToThreshold } from '@sarhad/engine';
import * as adjudicationRepo from '../repositories/adjudication-repository.js';
import * as fingerprintsRepo from '../repositories/fingerprints-repository.js';
import * as travellersRepo from '../repositories/travellers-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { FingerCaptures, type FingerprintSource } from '../domain/fingerprints.js';
import { localDate } from '../domain/local-date.js';
import { appendAudit } from './audit-service.js';
import { canAccessPost, requirePermission } from './access.js';
import { PostCode, getPostRow } from './posts-service.js';
import { NewTraveller, toTraveller, travellerRow, type Traveller } from './travellers-service.js';
import { captureFingers, enrolmentPlace, fingerprintRows, storeFingerprints, toEnrolledFinger, type EnrolledFinger } from './fingerprints-service.js';
import type { CapturedFinger } from './fingerprint-capture.js';
import { galleryFingerFromStored, type GalleryComparison, type GalleryFinger } from './identification-gallery.js';
import { nowIso, type ServiceContext } from './context.js';
import { cursorOfKind, pageOf, PageQuery, type Page } from './pagination.js';

/** A new traveller with fingers, enrolled at a post. */
export const NewEnrolment = z.object({ post: PostCode, traveller: NewTraveller.omit({ post: true }), fingers: FingerCaptures });
export type NewEnrolment = z.infer<typeof NewEnrolment>;

/** More fingers for an existing traveller, at a post. */
export const FingerprintEnrolment = z.object({ post: PostCode, fingers: FingerCaptures });
export type FingerprintEnrolment = z.infer<typeof FingerprintEnrolment>;

export const ADJUDICATION_DECISIONS = ['same_person', 'different_people'] as const;
export const AdjudicationDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('same_person'), travellerId: z.uuid(), reason: z.string().trim().min(10).max(2000) }),
  z.object({ decision: z.literal('different_people'), reason: z.string().trim().min(10).max(2000) }),
]);
export type AdjudicationDecision = z.infer<typeof AdjudicationDecision>;

export const ADJUDICATION_STATUSES = ['open', 'resolved'] as const;
export const AdjudicationQuery = z.object({ status: z.enum(ADJUDICATION_STATUSES).default('open') }).extend(PageQuery.shape);

/** Most candidates kept per search: adjudicators compare a few, not a ranking of the whole gallery. */
export const MAX_CANDIDATES = 10; // travellers

interface PendingFinger {
  readonly position: number;
  readonly template: string;
  readonly minutiae: number;
  readonly quality: number;
  readonly sourceFormat: FingerprintSource;
  readonly capturedAt: string;
}
interface Pending {
  readonly traveller?: Omit<NewTraveller, 'post'>;
  readonly fingers: readonly PendingFinger[];
}

/** A candidate of a 1:N search: who, the fused score, and the per-finger scores. */
export interface Candidate {
  readonly travellerId: string;
  readonly score: number;
  readonly fingers: readonly { readonly position: number; readonly score: number }[];
}

/** An adjudication case as the API shows it (templates are never returned). */
export interface AdjudicationCase {
  readonly id: string;
  readonly status: (typeof ADJUDICATION_STATUSES)[number];
  readonly post: string;
  /** `new_traveller` (an enrolment) or `more_fingers` (fingers for `travellerId`). */
  readonly kind: 'new_traveller' | 'more_fingers';
  readonly travellerId: string | null;
  readonly submitted: {
    readonly traveller: Omit<NewTraveller, 'post'> | null;
    readonly fingers: readonly Omit<PendingFinger, 'template'>[];
  };
  readonly candidates: readonly Candidate[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly decision: (typeof ADJUDICATION_DECISIONS)[number] | null;
  readonly sameAsTravellerId: string | null;
  readonly resultTravellerId: string | null;
  readonly reason: string | null;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
}

export type EnrolmentOutcome =
  | {
      readonly status: 'enrolled';
      readonly travellerId: string;
      /** The new traveller (new enrolments only). */
      readonly traveller?: Traveller;
      readonly fingerprints: readonly EnrolledFinger[];
    }
  | { readonly status: 'pending_adjudication'; readonly case: AdjudicationCase };

const round = (score: number) => Math.round(score * 10) / 10;

function toCandidates(hits: readonly GalleryComparison[]): Candidate[] {
  return hits.map((h) => ({ travellerId: h.travellerId, score: round(h.score), fingers: h.fingers.map((f) => ({ position: f.position, score: round(f.score) })) }));
}

function toCase(row: adjudicationRepo.AdjudicationWithPost): AdjudicationCase {
  const pending = JSON.parse(row.pending) as Pending;
  return {
    id: row.id,
    status: row.status as AdjudicationCase['status'],
    post: row.post_code,
    kind: row.traveller_id ? 'more_fingers' : 'new_traveller',
    travellerId: row.traveller_id,
    submitted: {
      traveller: pending.traveller ?? null,
      fingers: pending.fingers.map(({ template: _template, ...rest }) => rest),
    },
    candidates: JSON.parse(row.candidates) as Candidate[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    decision: row.decision as AdjudicationCase['decision'],
    sameAsTravellerId: row.same_as_traveller_id,
    resultTravellerId: row.result_traveller_id,
    reason: row.reason,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
  };
}

function pendingFingers(fingers: readonly CapturedFinger[]): PendingFinger[] {
  return fingers.map((f) => ({
    position: f.position,
    template: Buffer.from(f.encoded).toString('base64'),
    minutiae: f.template.minutiae.length,
    quality: f.quality,
    sourceFormat: f.sourceFormat,
    capturedAt: f.capturedAt,
  }));
}

/** The calibrated fused score a 1:N candidate must reach. */
export function identificationThreshold(ctx: ServiceContext): number {
  return fmrToThreshold(ctx.config.biometrics.identificationFmr);
}

/**
 * Searches, then records or opens a case, as one unit per process (the gallery serialises it, so two enrolments of
 * one person cannot both search before either is stored).
 */
async function enrolSearched(
  ctx: ServiceContext,
  user: UserPrincipal,
  post: postsRepo.PostRow,
  fingers: readonly CapturedFinger[],
  subject: { existing: string } | { newTraveller: Omit<NewTraveller, 'post'> },
): Promise<EnrolmentOutcome> {
  const actor = actorOf(user);
  return ctx.gallery.serialize(async () => {
    const exclude = 'existing' in subject ? subject.existing : undefined;
    const hits = await ctx.gallery.identify(fingers, { threshold: identificationThreshold(ctx), limit: MAX_CANDIDATES, exclude });
    const candidates = toCandidates(hits);
    const now = nowIso(ctx);
    const searched = {
      actor,
      action: 'fingerprints.identified',
      subject: exclude ? `traveller:${exclude}` : null,
      post: post.code,
      details: { purpose: 'enrolment', positions: fingers.map((f) => f.position), candidates: candidates.map((c) => c.travellerId) },
    };
    if (candidates.length > 0) {
      const row: adjudicationRepo.AdjudicationRow = {
        id: randomUUID(),
        status: 'open',
        post_id: post.id,
        traveller_id: exclude ?? null,
        pending: JSON.stringify({ ...('newTraveller' in subject ? { traveller: subject.newTraveller } : {}), fingers: pendingFingers(fingers) } satisfies Pending),
        candidates: JSON.stringify(candidates),
        created_at: now,
        created_by: actor,
        decision: null,
        same_as_traveller_id: null,
        result_traveller_id: null,
        reason: null,
        decided_at: null,
        decided_by: null,
      };
      await ctx.db.transaction().execute(async (trx) => {
        await adjudicationRepo.insertCase(trx, row);
        await appendAudit(trx, ctx.clock, searched);
        await appendAudit(trx, ctx.clock, {
          actor,
          action: 'adjudication.opened',
          subject: `adjudication:${row.id}`,
          post: post.code,
          details: { travellerId: exclude ?? null, candidates: candidates.map((c) => c.travellerId) },
        });
      });
      ctx.events.publish({ type: 'adjudication.opened', postId: post.id, post: post.code, at: now, caseId: row.id });
      return { status: 'pending_adjudication', case: toCase({ ...row, post_code: post.code }) };
    }
    const traveller = 'newTraveller' in subject ? travellerRow(subject.newTraveller, actor, post.id, now) : undefined;
    const travellerId = traveller?.id ?? exclude!;
    const rows = fingerprintRows(fingers, travellerId, actor, post.id, now);
    await ctx.db.transaction().execute(async (trx) => {
      if (traveller) {
        await travellersRepo.insertTraveller(trx, traveller);
        await appendAudit(trx, ctx.clock, { actor, action: 'traveller.created', subject: `traveller:${traveller.id}`, post: post.code });
      }
      await appendAudit(trx, ctx.clock, { ...searched, subject: `traveller:${travellerId}` });
      await storeFingerprints(trx, ctx, rows, { actor, post: post.code });
    });
    ctx.gallery.add(travellerId, fingers);
    return {
      status: 'enrolled',
      travellerId,
      ...(traveller ? { traveller: toTraveller(traveller, [], localDate(ctx.clock.now(), post.time_zone)) } : {}),
      fingerprints: rows.map(toEnrolledFinger),
    };
  });
}

/** Enrols a new traveller with fingers, unless the fingers match someone enrolled (then a case is opened). */
export async function enrolTraveller(ctx: ServiceContext, user: UserPrincipal, input: NewEnrolment): Promise<EnrolmentOutcome> {
  requirePermission(user, 'travellers.write');
  const post = await getPostRow(ctx, user, input.post);
  // Validate the record (birth date) before the search, so a bad record never opens a case.
  travellerRow(input.traveller, actorOf(user), post.id, nowIso(ctx));
  const fingers = await captureFingers(ctx, input);
  return enrolSearched(ctx, user, post, fingers, { newTraveller: input.traveller });
}

/** Adds fingers to an existing traveller, unless they match someone else enrolled (then a case is opened). */
export async function enrolFingerprints(
  ctx: ServiceContext,
  user: UserPrincipal,
  travellerId: string,
  input: FingerprintEnrolment,
): Promise<EnrolmentOutcome> {
  const { post } = await enrolmentPlace(ctx, user, travellerId, input.post);
  const taken = (await fingerprintsRepo.listFingerprints(ctx.db, travellerId)).map((f) => f.finger_position);
  const clash = input.fingers.find((f) => taken.includes(f.position));
  if (clash) throw new ServerError('FINGERPRINT_POSITION_TAKEN', `traveller ${travellerId} already has finger ${clash.position} enrolled`);
  const fingers = await captureFingers(ctx, input);
  return enrolSearched(ctx, user, post, fingers, { existing: travellerId });
}

async function getCaseRow(ctx: ServiceContext, user: UserPrincipal, id: string): Promise<adjudicationRepo.AdjudicationWithPost> {
  requirePermission(user, 'adjudication.resolve');
  const row = await adjudicationRepo.findCase(ctx.db, id);
  if (!row || !canAccessPost(user, row.post_id)) throw new ServerError('ADJUDICATION_NOT_FOUND', `no adjudication case ${id}`);
  return row;
}

/** A page of the cases at the supervisor's posts, oldest first; the read is audited (cases hold names). */
export async function listCases(ctx: ServiceContext, user: UserPrincipal, query: z.infer<typeof AdjudicationQuery>): Promise<Page<AdjudicationCase>> {
  requirePermission(user, 'adjudication.resolve');
  const after = cursorOfKind(query.cursor, 'string');
  const rows = await adjudicationRepo.listCases(ctx.db, query.status, user.allPosts ? undefined : user.postIds, query.limit + 1, after);
  const page = pageOf(rows, query.limit, (r) => ({ key: r.created_at, id: r.id }));
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'adjudication.listed',
    details: { status: query.status, cases: page.items.map((r) => r.id) },
  });
  return { items: page.items.map(toCase), nextCursor: page.nextCursor };
}

/** A case with its candidates' records, for the supervisor to compare; audited. */
export async function getCase(
  ctx: ServiceContext,
  user: UserPrincipal,
  id: string,
): Promise<{ case: AdjudicationCase; candidateTravellers: Traveller[]; traveller: Traveller | null }> {
  const row = await getCaseRow(ctx, user, id);
  const adjudication = toCase(row);
  const post = await postsRepo.findPostById(ctx.db, row.post_id);
  const today = localDate(ctx.clock.now(), post?.time_zone ?? 'UTC');
  const load = async (travellerId: string): Promise<Traveller | undefined> => {
    const found = await travellersRepo.findTravellerById(ctx.db, travellerId);
    return found && toTraveller(found, await travellersRepo.listDocuments(ctx.db, travellerId), today);
  };
  const candidateTravellers: Traveller[] = [];
  for (const c of adjudication.candidates) {
    const found = await load(c.travellerId);
    if (found) candidateTravellers.push(found);
  }
  const traveller = row.traveller_id ? ((await load(row.traveller_id)) ?? null) : null;
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'adjudication.read',
    subject: `adjudication:${row.id}`,
    post: row.post_code,
    details: { travellerId: row.traveller_id, candidates: adjudication.candidates.map((c) => c.travellerId) },
  });
  return { case: adjudication, candidateTravellers, traveller };
}

/**
 * Records a supervisor's decision. `same_person` names the candidate the submission belongs to and creates
 * nothing; `different_people` creates what was submitted (the traveller and/or fingers). Never changes a decision.
 */
export async function resolveCase(ctx: ServiceContext, user: UserPrincipal, id: string, input: AdjudicationDecision): Promise<AdjudicationCase> {
  const row = await getCaseRow(ctx, user, id);
  if (row.status !== 'open') throw new ServerError('ADJUDICATION_CLOSED', `adjudication case ${id} was already resolved (${row.decision})`);
  const candidates = JSON.parse(row.candidates) as Candidate[];
  if (input.decision === 'same_person' && !candidates.some((c) => c.travellerId === input.travellerId)) {
    throw new ServerError('VALIDATION_FAILED', `travellerId: ${input.travellerId} is not a candidate of case ${id}`);
  }
  const actor = actorOf(user);
  return ctx.gallery.serialize(async () => {
    const now = nowIso(ctx);
    const pending = JSON.parse(row.pending) as Pending;
    let created: { travellerId: string; fingers: GalleryFinger[] } | undefined;
    await ctx.db.transaction().execute(async (trx) => {
      let resultTravellerId: string | null = null;
      if (input.decision === 'different_people') {
        // The submission goes ahead as if no candidate had been found, recorded as made by its submitter.
        const traveller = pending.traveller ? travellerRow(pending.traveller, row.created_by, row.post_id, now) : undefined;
        resultTravellerId = traveller?.id ?? row.traveller_id;
        if (!resultTravellerId) throw new ServerError('TRAVELLER_NOT_FOUND', `the traveller of case ${id} no longer exists`);
        if (traveller) {
          await travellersRepo.insertTraveller(trx, traveller);
          await appendAudit(trx, ctx.clock, {
            actor,
            action: 'traveller.created',
            subject: `traveller:${traveller.id}`,
            post: row.post_code,
            details: { adjudication: row.id },
          });
        }
        const rows: fingerprintsRepo.FingerprintRow[] = pending.fingers.map((f) => ({
          id: randomUUID(),
          traveller_id: resultTravellerId!,
          finger_position: f.position,
          template: f.template,
          minutiae: f.minutiae,
          quality: f.quality,
          source_format: f.sourceFormat,
          captured_at: f.capturedAt,
          created_at: now,
          created_by: row.created_by,
          created_post_id: row.post_id,
        }));
        await storeFingerprints(trx, ctx, rows, { actor, post: row.post_code, details: { adjudication: row.id } });
        created = { travellerId: resultTravellerId, fingers: pending.fingers.map((f) => galleryFingerFromStored(f.position, f.template)) };
      }
      const decided = await adjudicationRepo.resolveCase(trx, row.id, {
        // Once decided the submitted templates are either stored as fingerprints or belong to nobody: keep only
        // what was submitted about them (positions, quality), not the biometric data.
        pending: JSON.stringify({ ...pending, fingers: pending.fingers.map((f) => ({ ...f, template: '' })) } satisfies Pending),
        decision: input.decision,
        same_as_traveller_id: input.decision === 'same_person' ? input.travellerId : null,
        result_traveller_id: resultTravellerId,
        reason: input.reason,
        decided_at: now,
        decided_by: actor,
      });
      if (!decided) throw new ServerError('ADJUDICATION_CLOSED', `adjudication case ${id} was resolved meanwhile`);
      // The reason is free text and may name people: it stays in the case row, which retention can erase.
      await appendAudit(trx, ctx.clock, {
        actor,
        action: 'adjudication.resolved',
        subject: `adjudication:${row.id}`,
        post: row.post_code,
        details: {
          decision: input.decision,
          sameAs: input.decision === 'same_person' ? input.travellerId : null,
          resultTravellerId,
        },
      });
    });
    if (created) ctx.gallery.add(created.travellerId, created.fingers);
    ctx.events.publish({ type: 'adjudication.resolved', postId: row.post_id, post: row.post_code, at: now, caseId: row.id });
    return toCase((await adjudicationRepo.findCase(ctx.db, row.id))!);
  });
}
