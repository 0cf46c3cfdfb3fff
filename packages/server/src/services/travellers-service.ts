/**
 * Travellers and their documents. Every read is audited (who looked at whom, from which post), as the audit log
 * must show every search; the log records ids and document types, never names or numbers (personal data stays in
 * tables that retention rules can erase).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import * as travellersRepo from '../repositories/travellers-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import { isUniqueViolation } from '../db/errors.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import {
  CountryCode,
  LatinName,
  OriginalName,
  PartialDate,
  ScriptCode,
  Sex,
  isAfter,
} from '../domain/traveller.js';
import {
  DOCUMENT_TYPES,
  DocumentRuleError,
  NewDocument,
  TRAVEL_DOCUMENT_TYPES,
  countryOfSide,
  documentStatus,
  type DocumentStatus,
  normalizeDocument,
  normalizeDocumentNumber,
  parsePassportMrz,
  MrzText,
  type DocumentType,
} from '../domain/documents.js';
import type { JsonValue } from '../domain/audit-chain.js';
import { localDate } from '../domain/local-date.js';
import { appendAudit } from './audit-service.js';
import { requirePermission } from './access.js';
import { PostCode, getPostRow } from './posts-service.js';
import { nowIso, type ServiceContext } from './context.js';
import { cursorOfKind, isAfterAscending, pageInMemory, pageOf, type Page, type PageQuery } from './pagination.js';

export const NewTraveller = z.object({
  /** The post where the record is made; the user must be granted it. */
  post: PostCode,
  surnameLatin: LatinName,
  givenNamesLatin: LatinName,
  surnameOriginal: OriginalName.optional(),
  givenNamesOriginal: OriginalName.optional(),
  originalScript: ScriptCode.optional(),
  fatherNameLatin: LatinName.optional(),
  fatherNameOriginal: OriginalName.optional(),
  birthDate: PartialDate,
  sex: Sex,
  nationality: CountryCode,
});
export type NewTraveller = z.infer<typeof NewTraveller>;

/** A document submission: the document plus the post where it is recorded. */
export const DocumentSubmission = z.object({ post: PostCode, document: NewDocument });

export const DocumentQuery = z.object({
  documentType: z.enum(DOCUMENT_TYPES),
  documentNumber: z.string().trim().toUpperCase().min(1).max(40),
  issuingCountry: CountryCode.optional(),
});
export type DocumentQuery = z.infer<typeof DocumentQuery>;

export const NameQuery = z.object({
  surname: LatinName,
  givenNames: LatinName.optional(),
  birthDate: PartialDate.optional(),
});
export type NameQuery = z.infer<typeof NameQuery>;

/** A search by document or by name; the query string says which. */
export const TravellerQuery = z.union([DocumentQuery, NameQuery]);
export type TravellerQuery = z.infer<typeof TravellerQuery>;

/** Most travellers one page of a name search returns: a name search must be narrowed, not browsed. */
export const NAME_SEARCH_LIMIT = 50; // travellers per page

export interface TravelDocument {
  readonly id: string;
  readonly type: DocumentType;
  readonly number: string;
  readonly issuingCountry: string;
  readonly issuingPost: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly travelDocument: boolean;
  /** Validity on the local date at the reader's post (UTC for headquarters and multi-post users). */
  readonly status: DocumentStatus;
  readonly mrz: string | null;
  readonly details: Readonly<Record<string, string>>;
  readonly createdAt: string;
}

export interface Traveller {
  readonly id: string;
  readonly surnameLatin: string;
  readonly givenNamesLatin: string;
  readonly surnameOriginal: string | null;
  readonly givenNamesOriginal: string | null;
  readonly originalScript: string | null;
  readonly fatherNameLatin: string | null;
  readonly fatherNameOriginal: string | null;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly nationality: string;
  readonly createdAt: string;
  readonly documents: readonly TravelDocument[];
}

function toDocument(row: travellersRepo.DocumentWithPost, today: string): TravelDocument {
  const type = row.type as DocumentType;
  return {
    id: row.id,
    type,
    number: row.number,
    issuingCountry: row.issuing_country,
    issuingPost: row.issuing_post_code,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    travelDocument: TRAVEL_DOCUMENT_TYPES.includes(type),
    status: documentStatus(row.valid_from, row.valid_until, today),
    mrz: row.mrz,
    details: JSON.parse(row.details) as Record<string, string>,
    createdAt: row.created_at,
  };
}

/** The API view of a traveller row with its documents, validity judged on `today`. */
export function toTraveller(row: travellersRepo.TravellerRow, documents: travellersRepo.DocumentWithPost[], today: string): Traveller {
  return {
    id: row.id,
    surnameLatin: row.surname_latin,
    givenNamesLatin: row.given_names_latin,
    surnameOriginal: row.surname_original,
    givenNamesOriginal: row.given_names_original,
    originalScript: row.original_script,
    fatherNameLatin: row.father_name_latin,
    fatherNameOriginal: row.father_name_original,
    birthDate: row.birth_date,
    sex: row.sex as Sex,
    nationality: row.nationality,
    createdAt: row.created_at,
    documents: documents.map((d) => toDocument(d, today)),
  };
}

/** Travellers with their documents, in the order of `ids`. */
export async function loadTravellers(ctx: ServiceContext, ids: readonly string[], today: string): Promise<Traveller[]> {
  const travellers: Traveller[] = [];
  for (const id of ids) {
    const row = await travellersRepo.findTravellerById(ctx.db, id);
    if (row) travellers.push(toTraveller(row, await travellersRepo.listDocuments(ctx.db, id), today));
  }
  return travellers;
}

/**
 * Where a read happens: the user's only post (recorded in the audit log, and whose local date judges document
 * validity), or no post and the UTC date for headquarters and multi-post users.
 */
export async function readingPlace(ctx: ServiceContext, user: UserPrincipal): Promise<{ post: string | null; today: string }> {
  const post = user.allPosts || user.postIds.length !== 1 ? undefined : await postsRepo.findPostById(ctx.db, user.postIds[0]!);
  return { post: post?.code ?? null, today: localDate(ctx.clock.now(), post?.time_zone ?? 'UTC') };
}

/** Records a new traveller at a post the user is granted. */
export async function createTraveller(ctx: ServiceContext, user: UserPrincipal, input: NewTraveller): Promise<Traveller> {
  requirePermission(user, 'travellers.write');
  const post = await getPostRow(ctx, user, input.post);
  const row = travellerRow(input, actorOf(user), post.id, nowIso(ctx));
  await ctx.db.transaction().execute(async (trx) => {
    await travellersRepo.insertTraveller(trx, row);
    await appendAudit(trx, ctx.clock, {
      actor: actorOf(user),
      action: 'traveller.created',
      subject: `traveller:${row.id}`,
      post: post.code,
    });
  });
  return toTraveller(row, [], localDate(ctx.clock.now(), post.time_zone));
}

/** The row for a new traveller (names upper-cased as in an MRZ); VALIDATION_FAILED for a future birth date. */
export function travellerRow(input: Omit<NewTraveller, 'post'>, actor: string, postId: string, now: string): travellersRepo.TravellerRow {
  if (isAfter(input.birthDate, now.slice(0, 10))) {
    throw new ServerError('VALIDATION_FAILED', `birthDate: ${input.birthDate} is in the future`);
  }
  const hasOriginal = input.surnameOriginal !== undefined || input.givenNamesOriginal !== undefined;
  return {
    id: randomUUID(),
    surname_latin: input.surnameLatin.toUpperCase(),
    given_names_latin: input.givenNamesLatin.toUpperCase(),
    surname_original: input.surnameOriginal ?? null,
    given_names_original: input.givenNamesOriginal ?? null,
    original_script: input.originalScript ?? (hasOriginal ? 'Arab' : null),
    father_name_latin: input.fatherNameLatin?.toUpperCase() ?? null,
    father_name_original: input.fatherNameOriginal ?? null,
    birth_date: input.birthDate,
    sex: input.sex,
    nationality: input.nationality,
    created_at: now,
    created_by: actor,
    created_post_id: postId,
    updated_at: now,
  };
}

/** A traveller with documents; the read is audited. */
export async function getTraveller(ctx: ServiceContext, user: UserPrincipal, id: string): Promise<Traveller> {
  requirePermission(user, 'travellers.read');
  const row = await travellersRepo.findTravellerById(ctx.db, id);
  if (!row) throw new ServerError('TRAVELLER_NOT_FOUND', `no traveller ${id}`);
  const documents = await travellersRepo.listDocuments(ctx.db, id);
  const place = await readingPlace(ctx, user);
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'traveller.read',
    subject: `traveller:${id}`,
    post: place.post,
  });
  return toTraveller(row, documents, place.today);
}

/**
 * Searches travellers by document or by name, a page at a time (services/pagination.ts): by document in traveller
 * id order; by name in (given names, id) order, at most {@link NAME_SEARCH_LIMIT} a page. The search and its
 * matches are audited, matches or not.
 */
export async function searchTravellers(ctx: ServiceContext, user: UserPrincipal, query: TravellerQuery, pageQuery: PageQuery): Promise<Page<Traveller>> {
  requirePermission(user, 'travellers.read');
  let page: Page<string>;
  let details: { [key: string]: JsonValue };
  const after = cursorOfKind(pageQuery.cursor, 'string');
  if ('documentType' in query) {
    const number = normalizeDocumentNumber(query.documentType, query.documentNumber);
    const docs = await travellersRepo.findDocuments(ctx.db, query.documentType, number, query.issuingCountry);
    const ids = [...new Set(docs.map((d) => d.traveller_id))].sort();
    page = pageInMemory(ids, { ...pageQuery, cursor: after }, (id) => ({ key: id, id }), (id, c) => isAfterAscending(id, id, c));
    details = { by: 'document', documentType: query.documentType };
  } else {
    const limit = Math.min(pageQuery.limit, NAME_SEARCH_LIMIT);
    const rows = await travellersRepo.findTravellersByName(
      ctx.db,
      { surname: query.surname.toUpperCase(), givenNames: query.givenNames?.toUpperCase(), birthDate: query.birthDate },
      limit + 1,
      after,
    );
    const byName = pageOf(rows, limit, (r) => ({ key: r.given_names_latin, id: r.id }));
    page = { items: byName.items.map((r) => r.id), nextCursor: byName.nextCursor };
    details = { by: 'name', withGivenNames: query.givenNames !== undefined, withBirthDate: query.birthDate !== undefined };
  }
  const ids = page.items;
  const place = await readingPlace(ctx, user);
  const travellers = await loadTravellers(ctx, ids, place.today);
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'traveller.searched',
    post: place.post,
    details: { ...details, matches: ids },
  });
  return { items: travellers, nextCursor: page.nextCursor };
}

export const MrzLookup = z.object({ mrz: MrzText });

/** What a scanned passport MRZ says, and who (if anyone) already holds that passport. */
export interface MrzLookupResult {
  readonly passport: {
    readonly number: string;
    readonly issuingCountry: string;
    readonly validUntil: string | null;
    readonly surname: string;
    readonly givenNames: string;
    readonly nationality: string;
    readonly birthDate: string;
    readonly sex: Sex;
  };
  readonly travellers: readonly Traveller[];
}

/**
 * The lane officer's first step: a scanned passport MRZ, its check digits verified, and the travellers already
 * holding that passport (none for a first crossing: the parsed fields prefill the new record). Audited as a search.
 */
export async function lookupMrz(ctx: ServiceContext, user: UserPrincipal, lines: readonly string[]): Promise<MrzLookupResult> {
  requirePermission(user, 'travellers.read');
  let parsed: ReturnType<typeof parsePassportMrz>;
  try {
    parsed = parsePassportMrz(lines, nowIso(ctx).slice(0, 10));
  } catch (error) {
    if (error instanceof DocumentRuleError) throw new ServerError('DOCUMENT_INVALID', error.message, { cause: error });
    throw error;
  }
  const { document, holder } = parsed;
  const docs = await travellersRepo.findDocuments(ctx.db, 'passport', document.number, document.issuingCountry);
  const ids = [...new Set(docs.map((d) => d.traveller_id))];
  const place = await readingPlace(ctx, user);
  const travellers = await loadTravellers(ctx, ids, place.today);
  await appendAudit(ctx.db, ctx.clock, {
    actor: actorOf(user),
    action: 'traveller.searched',
    post: place.post,
    details: { by: 'mrz', documentType: 'passport', matches: ids },
  });
  return {
    passport: {
      number: document.number,
      issuingCountry: document.issuingCountry,
      validUntil: document.validUntil,
      surname: holder.surname,
      givenNames: holder.givenNames,
      nationality: holder.nationality,
      birthDate: holder.birthDate,
      sex: holder.sex,
    },
    travellers,
  };
}

/** Adds a document to a traveller after applying its type's rules (MRZ check digits, number formats, validity). */
export async function addDocument(
  ctx: ServiceContext,
  user: UserPrincipal,
  travellerId: string,
  submission: z.infer<typeof DocumentSubmission>,
): Promise<TravelDocument> {
  requirePermission(user, 'travellers.write');
  const post = await getPostRow(ctx, user, submission.post);
  const traveller = await travellersRepo.findTravellerById(ctx.db, travellerId);
  if (!traveller) throw new ServerError('TRAVELLER_NOT_FOUND', `no traveller ${travellerId}`);
  const input = submission.document;
  let issuingPost: postsRepo.PostRow | undefined;
  if (input.type === 'border_pass') {
    issuingPost = await postsRepo.findPostByCode(ctx.db, input.issuingPost);
    if (!issuingPost) throw new ServerError('POST_NOT_FOUND', `no post with code ${input.issuingPost}`);
  }
  const today = nowIso(ctx).slice(0, 10);
  let normalized: ReturnType<typeof normalizeDocument>;
  try {
    normalized = normalizeDocument(input, today, issuingPost && countryOfSide(issuingPost.side));
  } catch (error) {
    if (error instanceof DocumentRuleError) throw new ServerError('DOCUMENT_INVALID', error.message, { cause: error });
    throw error;
  }
  const { document, holder } = normalized;
  if (holder) {
    // The MRZ is the document's own statement about its holder: a record that contradicts it is the wrong person.
    const known = traveller.birth_date;
    if (!holder.birthDate.startsWith(known)) {
      throw new ServerError('DOCUMENT_INVALID', `the MRZ birth date ${holder.birthDate} does not match the traveller's ${known}`);
    }
    if (traveller.sex !== 'X' && holder.sex !== 'X' && holder.sex !== traveller.sex) {
      throw new ServerError('DOCUMENT_INVALID', `the MRZ sex ${holder.sex} does not match the traveller's ${traveller.sex}`);
    }
  }
  const row: travellersRepo.DocumentRow = {
    id: randomUUID(),
    traveller_id: travellerId,
    type: document.type,
    number: document.number,
    issuing_country: document.issuingCountry,
    issuing_post_id: issuingPost?.id ?? null,
    valid_from: document.validFrom,
    valid_until: document.validUntil,
    mrz: document.mrz,
    details: JSON.stringify(document.details),
    created_at: nowIso(ctx),
    created_by: actorOf(user),
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await travellersRepo.insertDocument(trx, row);
      await appendAudit(trx, ctx.clock, {
        actor: actorOf(user),
        action: 'document.added',
        subject: `traveller:${travellerId}`,
        post: post.code,
        details: { documentId: row.id, type: row.type, issuingCountry: row.issuing_country },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ServerError('DOCUMENT_TAKEN', `a ${document.type} ${document.number} issued by ${document.issuingCountry} is already registered`, {
        cause: error,
      });
    }
    throw error;
  }
  return toDocument({ ...row, issuing_post_code: issuingPost?.code ?? null }, localDate(ctx.clock.now(), post.time_zone));
}
