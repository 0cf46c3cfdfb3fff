/**
 * "Not the listed person": a supervisor, looking at a watchlist alert at a crossing, records that the traveller is
 * not the list entry that was hit (a namesake, a shared birth year), with a reason. From then on screening that
 * traveller drops hits of that entry (watchlist-screening.ts) for as long as the entry's content is what the
 * supervisor saw: the decision names the entry's content hash (@sarhad/screening entryContentHash), so a new list
 * version that changes the entry in any way (a new alias, a new document, a corrected birth date) brings the alert
 * back for someone to look at again. Other travellers hitting the same entry still alert.
 *
 * The decision is stored (watchlist_suppressions) and audited in one transaction; the reason is free text and stays
 * in the row, not in the audit log (as for crossing decisions). Recording the same decision twice is answered with
 * the first one. The crossing's own status is left alone: the supervisor decides it separately (usually clearing it
 * with the same reason), because a crossing can alert for other reasons too.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { LIST_SOURCES, entryContentHash } from '@sarhad/screening';
import * as crossingsRepo from '../repositories/crossings-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import * as suppressionsRepo from '../repositories/suppressions-repository.js';
import * as travellersRepo from '../repositories/travellers-repository.js';
import { DatabaseWatchlistStore } from '../repositories/watchlist-repository.js';
import { isUniqueViolation } from '../db/errors.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { appendAudit } from './audit-service.js';
import { canAccessPost, requirePermission } from './access.js';
import type { Crossing } from './crossings-service.js';
import { nowIso, type ServiceContext } from './context.js';

/** The body of POST /api/crossings/:id/not-listed-person. */
export const NotListedPerson = z.object({
  source: z.enum(LIST_SOURCES),
  entryId: z.string().trim().min(1).max(200),
  /** Why this traveller is not the listed person: at least ten characters, like every supervisor decision. */
  reason: z.string().trim().min(10).max(2000),
});
export type NotListedPerson = z.infer<typeof NotListedPerson>;

/** A recorded decision as the API shows it. */
export interface Suppression {
  readonly id: string;
  readonly travellerId: string;
  readonly source: string;
  readonly entryId: string;
  readonly entryHash: string;
  readonly primaryName: string;
  readonly post: string;
  readonly crossingId: string | null;
  readonly reason: string;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

function toSuppression(row: suppressionsRepo.SuppressionRow, postCode: string): Suppression {
  return {
    id: row.id,
    travellerId: row.traveller_id,
    source: row.source,
    entryId: row.entry_id,
    entryHash: row.entry_hash,
    primaryName: row.primary_name,
    post: postCode,
    crossingId: row.crossing_id,
    reason: row.reason,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
  };
}

/**
 * The content hash of the entry the crossing hit. Crossings answered since suppressions exist carry it; for older
 * ones it is computed from the list version the crossing was screened against, which is kept.
 */
async function hitEntryHash(ctx: ServiceContext, crossing: Crossing, hit: Crossing['watchlist']['hits'][number]): Promise<string> {
  if (hit.entryHash) return hit.entryHash;
  const version = crossing.watchlist.versions.find((v) => v.source === hit.source);
  const entries = version ? await new DatabaseWatchlistStore(ctx.db, () => ctx.clock.now()).loadEntries(version.id) : [];
  const entry = entries.find((e) => e.id === hit.entryId);
  if (!entry) throw new ServerError('WATCHLIST_HIT_NOT_FOUND', `list version of ${hit.source} ${hit.entryId} screened by crossing ${crossing.id} is no longer stored`);
  return entryContentHash(entry);
}

/**
 * Records that the crossing's traveller is not the list entry `input.source`/`input.entryId` it hit. Supervisor at
 * the crossing's post. Returns the decision and whether it was new (a repeat returns the first one).
 */
export async function recordNotListedPerson(
  ctx: ServiceContext,
  user: UserPrincipal,
  crossingId: string,
  input: NotListedPerson,
): Promise<{ suppression: Suppression; created: boolean }> {
  requirePermission(user, 'crossings.supervise');
  const row = await crossingsRepo.findCrossing(ctx.db, crossingId);
  if (!row || !canAccessPost(user, row.post_id)) throw new ServerError('CROSSING_NOT_FOUND', `no crossing ${crossingId}`);
  const post = (await postsRepo.findPostById(ctx.db, row.post_id))!;
  const crossing = JSON.parse(row.response) as Crossing;
  const hit = crossing.watchlist.hits.find((h) => h.source === input.source && h.entryId === input.entryId);
  if (!hit) throw new ServerError('WATCHLIST_HIT_NOT_FOUND', `crossing ${crossingId} has no watchlist hit ${input.source} ${input.entryId}`);
  // The traveller the crossing identified; a record erased since cannot carry a decision either.
  const travellerId = row.traveller_id;
  if (!travellerId || !(await travellersRepo.findTravellerById(ctx.db, travellerId))) {
    throw new ServerError('SUPPRESSION_NEEDS_TRAVELLER', `crossing ${crossingId} identified no traveller: a decision needs a traveller's record`);
  }
  const pair = { travellerId, source: hit.source, entryId: hit.entryId, entryHash: await hitEntryHash(ctx, crossing, hit) };
  const earlier = await suppressionsRepo.findSuppression(ctx.db, pair);
  if (earlier) return { suppression: toSuppression(earlier, post.code), created: false };

  const suppression: suppressionsRepo.SuppressionRow = {
    id: randomUUID(),
    traveller_id: pair.travellerId,
    source: pair.source,
    entry_id: pair.entryId,
    entry_hash: pair.entryHash,
    primary_name: hit.primaryName,
    post_id: row.post_id,
    crossing_id: row.id,
    reason: input.reason,
    decided_at: nowIso(ctx),
    decided_by: actorOf(user),
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await suppressionsRepo.insertSuppression(trx, suppression);
      await appendAudit(trx, ctx.clock, {
        actor: actorOf(user),
        action: 'watchlist.suppression_recorded',
        subject: `traveller:${travellerId}`,
        post: post.code,
        details: { suppression: suppression.id, crossingId: row.id, source: pair.source, entryId: pair.entryId, entryHash: pair.entryHash },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // Two supervisors recorded it at the same moment: the first one stands.
      const winner = await suppressionsRepo.findSuppression(ctx.db, pair);
      if (winner) return { suppression: toSuppression(winner, post.code), created: false };
    }
    throw error;
  }
  return { suppression: toSuppression(suppression, post.code), created: true };
}

/** Every "not the listed person" decision about a traveller, oldest first; the read is audited. */
export async function listSuppressions(ctx: ServiceContext, user: UserPrincipal, travellerId: string): Promise<Suppression[]> {
  requirePermission(user, 'travellers.read');
  if (!(await travellersRepo.findTravellerById(ctx.db, travellerId))) throw new ServerError('TRAVELLER_NOT_FOUND', `no traveller ${travellerId}`);
  const rows = await suppressionsRepo.listForTraveller(ctx.db, travellerId);
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'watchlist.suppressions_read',
    subject: `traveller:${travellerId}`,
    details: { suppressions: rows.map((r) => r.id) },
  });
  const codes = new Map<string, string>();
  const result: Suppression[] = [];
  for (const row of rows) {
    let code = codes.get(row.post_id);
    if (code === undefined) codes.set(row.post_id, (code = (await postsRepo.findPostById(ctx.db, row.post_id))?.code ?? ''));
    result.push(toSuppression(row, code));
  }
  return result;
}
