/**
 * Movement history and overstays: a traveller's crossings, the cleared ones paired into stays with the stay each
 * entry permitted (domain/stays.ts), and the report of travellers who entered, have not been seen leaving, and whose
 * permitted stay has ended. Both are reads of personal data and are audited.
 */
import { z } from 'zod';
import * as crossingsRepo from '../repositories/crossings-repository.js';
import * as travellersRepo from '../repositories/travellers-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { countryOfSide } from '../domain/documents.js';
import { CalendarDate } from '../domain/traveller.js';
import { localDate } from '../domain/local-date.js';
import { daysBetween, pairMovements, permittedStay, type Movement, type PermittedStay, type StayDocument } from '../domain/stays.js';
import type { CrossingStatus } from '../domain/crossing-status.js';
import { appendAudit } from './audit-service.js';
import { requirePermission } from './access.js';
import { PostCode, getPostRow } from './posts-service.js';
import type { ServiceContext } from './context.js';
import { cursorOfKind, pageInMemory, PageQuery } from './pagination.js';

export const OverstayQuery = z.object({ asOf: CalendarDate.optional(), post: PostCode.optional() }).extend(PageQuery.shape);


export interface CrossingSummary {
  readonly id: string;
  readonly post: string;
  readonly direction: 'in' | 'out';
  readonly recordedAt: string;
  readonly localDate: string;
  readonly status: CrossingStatus;
  readonly recommendation: string;
}

export interface StayView {
  readonly country: string;
  readonly entry: CrossingSummary | null;
  readonly exit: CrossingSummary | null;
  /** What permitted the stay, judged on the entry date (null for an exit without a recorded entry). */
  readonly permitted: PermittedStay | null;
  /** Days stayed beyond the permitted last day (to the exit, or to today while the stay is open). */
  readonly overstayDays: number;
}

export interface Overstay {
  readonly travellerId: string;
  readonly surnameLatin: string;
  readonly givenNamesLatin: string;
  readonly nationality: string;
  readonly entry: CrossingSummary;
  readonly permitted: PermittedStay;
  readonly daysOver: number;
}

function summary(row: crossingsRepo.CrossingAtPost): CrossingSummary {
  return {
    id: row.id,
    post: row.post_code,
    direction: row.direction as 'in' | 'out',
    recordedAt: row.recorded_at,
    localDate: localDate(new Date(row.recorded_at), row.post_time_zone),
    status: row.status as CrossingStatus,
    recommendation: row.recommendation,
  };
}

async function stayDocuments(ctx: ServiceContext, travellerId: string): Promise<StayDocument[]> {
  return (await travellersRepo.listDocuments(ctx.db, travellerId)).map((d) => ({
    type: d.type,
    issuingCountry: d.issuing_country,
    validFrom: d.valid_from,
    validUntil: d.valid_until,
  }));
}

function overstayDays(permitted: PermittedStay | null, end: string): number {
  return permitted?.until != null && end > permitted.until ? daysBetween(permitted.until, end) : 0;
}

/** A traveller's crossings and stays; the read is audited. */
export async function getMovements(
  ctx: ServiceContext,
  user: UserPrincipal,
  travellerId: string,
): Promise<{ travellerId: string; crossings: CrossingSummary[]; stays: StayView[] }> {
  requirePermission(user, 'travellers.read');
  const traveller = await travellersRepo.findTravellerById(ctx.db, travellerId);
  if (!traveller) throw new ServerError('TRAVELLER_NOT_FOUND', `no traveller ${travellerId}`);
  const rows = await crossingsRepo.listCrossingsOfTraveller(ctx.db, travellerId);
  const byId = new Map(rows.map((r) => [r.id, summary(r)]));
  const movements: Movement[] = rows
    .filter((r) => r.status === 'cleared')
    .map((r) => ({ crossingId: r.id, post: r.post_code, direction: r.direction as 'in' | 'out', recordedAt: r.recorded_at, localDate: byId.get(r.id)!.localDate, country: countryOfSide(r.post_side) }));
  const documents = await stayDocuments(ctx, travellerId);
  const today = localDate(ctx.clock.now(), 'UTC');
  const stays = pairMovements(movements).map((stay): StayView => {
    const permitted = stay.entry ? permittedStay(stay.entry.localDate, stay.country, traveller.nationality, documents) : null;
    return {
      country: stay.country,
      entry: stay.entry ? byId.get(stay.entry.crossingId)! : null,
      exit: stay.exit ? byId.get(stay.exit.crossingId)! : null,
      permitted,
      overstayDays: stay.entry ? overstayDays(permitted, stay.exit?.localDate ?? today) : 0,
    };
  });
  const post = !user.allPosts && user.postIds.length === 1 ? await postsRepo.findPostById(ctx.db, user.postIds[0]!) : undefined;
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'traveller.movements_read',
    subject: `traveller:${travellerId}`,
    post: post?.code ?? null,
    details: { crossings: rows.length },
  });
  return { travellerId, crossings: [...byId.values()], stays };
}

/**
 * Travellers whose latest cleared crossing up to `asOf` (default today, UTC) is an entry whose permitted stay ended
 * before `asOf`, longest overstay first (then by traveller id), a page at a time: the report is computed whole
 * and paged by the keyset (days over, traveller id), so a cursor means "after this traveller" in the next request
 * too. Headquarters users see every post (or the one asked); others only entries at their posts. Audited with the
 * travellers listed.
 */
export async function overstaysReport(
  ctx: ServiceContext,
  user: UserPrincipal,
  query: z.infer<typeof OverstayQuery>,
): Promise<{ asOf: string; overstays: Overstay[]; nextCursor: string | null }> {
  requirePermission(user, 'travellers.read');
  const asOf = query.asOf ?? localDate(ctx.clock.now(), 'UTC');
  let postIds: readonly string[] | undefined = user.allPosts ? undefined : user.postIds;
  if (query.post) postIds = [(await getPostRow(ctx, user, query.post)).id];
  const before = new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000).toISOString();
  const entries = await crossingsRepo.listLatestEntries(ctx.db, before, postIds);
  const overstays: Overstay[] = [];
  for (const entry of entries) {
    const traveller = (await travellersRepo.findTravellerById(ctx.db, entry.traveller_id!))!;
    const entered = summary(entry);
    const permitted = permittedStay(entered.localDate, countryOfSide(entry.post_side), traveller.nationality, await stayDocuments(ctx, traveller.id));
    const daysOver = overstayDays(permitted, asOf);
    if (daysOver <= 0) continue;
    overstays.push({
      travellerId: traveller.id,
      surnameLatin: traveller.surname_latin,
      givenNamesLatin: traveller.given_names_latin,
      nationality: traveller.nationality,
      entry: entered,
      permitted,
      daysOver,
    });
  }
  overstays.sort((a, b) => b.daysOver - a.daysOver || (a.travellerId < b.travellerId ? -1 : 1));
  const after = cursorOfKind(query.cursor, 'number');
  // Descending days over, ascending traveller id: "after" the cursor is fewer days, or as many and a later id.
  const page = pageInMemory(
    overstays,
    { ...query, cursor: after },
    (o) => ({ key: o.daysOver, id: o.travellerId }),
    (o, c) => o.daysOver < Number(c.key) || (o.daysOver === c.key && o.travellerId > c.id),
  );
  const listed = [...page.items];
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'report.overstays',
    post: query.post ?? null,
    details: { asOf, travellers: listed.map((o) => o.travellerId) },
  });
  return { asOf, overstays: listed, nextCursor: page.nextCursor };
}
