/**
 * Decisions on recorded crossings: the officer's (clear, refer to secondary, refuse), the outcome of secondary
 * inspection, and a supervisor's decision or override, each with its reason (domain/crossing-status.ts). Reads of
 * crossings and the queues are audited; so is every decision, in the transaction that records it. The reason is
 * free text and stays in `crossing_decisions`, not in the audit log.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import * as crossingsRepo from '../repositories/crossings-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import * as dashboardRepo from '../repositories/dashboard-repository.js';
import { ServerError } from '../errors.js';
import { actorOf, type Principal, type UserPrincipal } from '../domain/principal.js';
import { grants } from '../domain/roles.js';
import {
  CROSSING_DECISIONS,
  CROSSING_STATUSES,
  FINAL_STATUSES,
  statusAfter,
  type CrossingDecision,
  type CrossingStatus,
  type DecisionKind,
  type FingerprintException,
} from '../domain/crossing-status.js';
import { appendAudit } from './audit-service.js';
import { canAccessPost, requirePermission } from './access.js';
import { PostCode, getPostRow } from './posts-service.js';
import type { Crossing } from './crossings-service.js';
import { nowIso, type ServiceContext } from './context.js';
import { cursorOfKind, mapPage, pageOf, PageQuery, type Page } from './pagination.js';

const Reason = z.string().trim().min(3).max(2000);

export const OfficerDecision = z.object({ decision: z.enum(CROSSING_DECISIONS), reason: Reason.optional() });
export const SecondaryOutcome = z.object({ outcome: z.enum(['clear', 'refuse']), reason: Reason });
export const SupervisorDecision = z.object({ decision: z.enum(CROSSING_DECISIONS), reason: z.string().trim().min(10).max(2000) });
export const CrossingQueueQuery = z.object({ post: PostCode, status: z.enum(CROSSING_STATUSES) }).extend(PageQuery.shape);

export interface RecordedDecision {
  readonly kind: DecisionKind;
  readonly decision: CrossingDecision;
  readonly reason: string | null;
  readonly statusBefore: CrossingStatus;
  readonly statusAfter: CrossingStatus;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

/** A crossing as answered, with its current status and the decisions taken since. */
export type CrossingRecord = Crossing & { readonly decisions: readonly RecordedDecision[] };

function toDecision(row: crossingsRepo.CrossingDecisionRow): RecordedDecision {
  return {
    kind: row.kind as DecisionKind,
    decision: row.decision as CrossingDecision,
    reason: row.reason,
    statusBefore: row.status_before as CrossingStatus,
    statusAfter: row.status_after as CrossingStatus,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
  };
}

async function toRecord(ctx: ServiceContext, row: crossingsRepo.CrossingRow): Promise<CrossingRecord> {
  const answered = JSON.parse(row.response) as Crossing;
  const decisions = (await crossingsRepo.listDecisions(ctx.db, row.id)).map(toDecision);
  return {
    ...answered,
    status: row.status as CrossingStatus,
    fingerprintException: row.fingerprint_exception ? { kind: row.fingerprint_exception as FingerprintException, reason: row.exception_reason } : null,
    decisions,
  };
}

/** The crossing if the principal may see it: users with a reading role at its post, or its post's devices. */
async function visibleCrossing(ctx: ServiceContext, principal: Principal, id: string): Promise<crossingsRepo.CrossingRow & { post_code: string }> {
  const row = await crossingsRepo.findCrossing(ctx.db, id);
  let allowed = false;
  if (row && principal.kind === 'device') allowed = principal.postId === row.post_id;
  else if (row && principal.kind === 'user') {
    requirePermission(principal, 'travellers.read');
    allowed = canAccessPost(principal, row.post_id);
  }
  if (!row || !allowed) throw new ServerError('CROSSING_NOT_FOUND', `no crossing ${id}`);
  const post = (await postsRepo.findPostById(ctx.db, row.post_id))!;
  return { ...row, post_code: post.code };
}

/** A recorded crossing with its decisions; the read is audited. */
export async function getCrossing(ctx: ServiceContext, principal: Principal, id: string): Promise<CrossingRecord> {
  const row = await visibleCrossing(ctx, principal, id);
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(principal),
    action: 'crossing.read',
    subject: `crossing:${row.id}`,
    post: row.post_code,
    details: { travellerId: row.traveller_id },
  });
  return toRecord(ctx, row);
}

/** A page of the crossings of a post in one status, oldest first (secondary inspection, the supervisor's queue); audited. */
export async function listQueue(ctx: ServiceContext, user: UserPrincipal, query: z.infer<typeof CrossingQueueQuery>): Promise<Page<CrossingRecord>> {
  requirePermission(user, 'crossings.process');
  const post = await getPostRow(ctx, user, query.post);
  const after = cursorOfKind(query.cursor, 'string');
  const page = pageOf(await crossingsRepo.listByStatus(ctx.db, post.id, query.status, query.limit + 1, after), query.limit, (r) => ({ key: r.recorded_at, id: r.id }));
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'crossing.listed',
    post: post.code,
    details: { status: query.status, crossings: page.items.map((r) => r.id) },
  });
  return mapPage(page, async (rows) => {
    const records: CrossingRecord[] = [];
    for (const row of rows) records.push(await toRecord(ctx, row));
    return records;
  });
}

async function decide(
  ctx: ServiceContext,
  user: UserPrincipal,
  row: crossingsRepo.CrossingRow & { post_code: string },
  kind: DecisionKind,
  decision: CrossingDecision,
  reason: string | null,
): Promise<CrossingRecord> {
  const before = row.status as CrossingStatus;
  const after = statusAfter(decision);
  const decidedAt = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await crossingsRepo.updateStatus(trx, row.id, before, after))) {
      throw new ServerError('CROSSING_DECISION_NOT_ALLOWED', `crossing ${row.id} was decided meanwhile; reload it`);
    }
    // The status update above serialises decisions on one crossing, so the count gives the next position.
    const position = (await crossingsRepo.listDecisions(trx, row.id)).length + 1;
    await crossingsRepo.insertDecision(trx, {
      id: randomUUID(),
      crossing_id: row.id,
      position,
      kind,
      decision,
      reason,
      status_before: before,
      status_after: after,
      decided_at: decidedAt,
      decided_by: actorOf(user),
    });
    // The first decision ends the crossing's processing (the dashboard's median per lane).
    if (position === 1) await dashboardRepo.recordProcessingTime(trx, row.id, Date.parse(decidedAt) - Date.parse(row.recorded_at));
    await appendAudit(trx, ctx.clock, {
      actor: actorOf(user),
      action: 'crossing.decided',
      subject: `crossing:${row.id}`,
      post: row.post_code,
      details: { kind, decision, statusBefore: before, statusAfter: after, travellerId: row.traveller_id },
    });
  });
  const record = await toRecord(ctx, (await crossingsRepo.findCrossing(ctx.db, row.id))!);
  ctx.events.publish({
    type: 'crossing.decided',
    postId: row.post_id,
    post: row.post_code,
    at: decidedAt,
    crossingId: row.id,
    lane: record.lane,
    kind,
    statusBefore: before,
    statusAfter: after,
  });
  return record;
}

/** Clearing an alert or a fingerprint exception is a supervisor's decision. */
function needsSupervisorToClear(row: crossingsRepo.CrossingRow): boolean {
  return row.recommendation === 'alert' || row.fingerprint_exception !== null;
}

/** The officer's decision on a crossing awaiting one. A reason is needed unless clearing a `clear` answer. */
export async function officerDecision(ctx: ServiceContext, user: UserPrincipal, id: string, input: z.infer<typeof OfficerDecision>): Promise<CrossingRecord> {
  requirePermission(user, 'crossings.process');
  const row = await visibleCrossing(ctx, user, id);
  if (row.status !== 'awaiting_decision') {
    throw new ServerError('CROSSING_DECISION_NOT_ALLOWED', `crossing ${id} is ${row.status}, not awaiting the officer's decision`);
  }
  if (input.decision === 'clear' && needsSupervisorToClear(row) && !grants(user.roles, 'crossings.supervise')) {
    throw new ServerError('CROSSING_DECISION_NOT_ALLOWED', `crossing ${id} is an alert: only a supervisor clears it; refer or refuse`);
  }
  if (!input.reason && !(input.decision === 'clear' && row.recommendation === 'clear')) {
    throw new ServerError('VALIDATION_FAILED', `reason: required to ${input.decision} a crossing answered ${row.recommendation}`);
  }
  return decide(ctx, user, row, 'officer', input.decision, input.reason ?? null);
}

/** The outcome of secondary inspection. */
export async function secondaryOutcome(ctx: ServiceContext, user: UserPrincipal, id: string, input: z.infer<typeof SecondaryOutcome>): Promise<CrossingRecord> {
  requirePermission(user, 'crossings.process');
  const row = await visibleCrossing(ctx, user, id);
  if (row.status !== 'in_secondary') throw new ServerError('CROSSING_DECISION_NOT_ALLOWED', `crossing ${id} is ${row.status}, not in secondary inspection`);
  if (input.outcome === 'clear' && needsSupervisorToClear(row) && !grants(user.roles, 'crossings.supervise')) {
    throw new ServerError('CROSSING_DECISION_NOT_ALLOWED', `crossing ${id} is an alert: only a supervisor clears it`);
  }
  return decide(ctx, user, row, 'secondary', input.outcome, input.reason);
}

/**
 * A supervisor's decision: on a crossing waiting for one (fingerprint exceptions) or any other still open, or an
 * override of a final decision. Always with a reason of at least ten characters.
 */
export async function supervisorDecision(ctx: ServiceContext, user: UserPrincipal, id: string, input: z.infer<typeof SupervisorDecision>): Promise<CrossingRecord> {
  requirePermission(user, 'crossings.supervise');
  const row = await visibleCrossing(ctx, user, id);
  const status = row.status as CrossingStatus;
  if (statusAfter(input.decision) === status) {
    throw new ServerError('CROSSING_DECISION_NOT_ALLOWED', `crossing ${id} is already ${status}`);
  }
  const kind: DecisionKind = FINAL_STATUSES.includes(status) ? 'override' : 'supervisor';
  return decide(ctx, user, row, kind, input.decision, input.reason);
}
