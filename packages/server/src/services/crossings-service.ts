/**
 * The crossing transaction, the hot path: a lane submits a traveller (direction, document, fingers) and gets one
 * answer with everything the officer needs: who this is and how sure (1:1 verification against the document
 * holder, or 1:N identification when the document is missing or unknown), whether the document is valid on the
 * local date, watchlist hits with their explanations, and a recommendation (clear | secondary | alert) with its
 * reasons. The crossing, its searches and the answer are recorded and audited in one transaction.
 *
 * Idempotency: the lane sends a key per submission; the key is UNIQUE per post, so a retried submission (a lost
 * response, a double click, a reconnecting device) returns the stored answer and never records twice. A key
 * reused for a different request is refused (IDEMPOTENCY_KEY_REUSED).
 */
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fmrToThreshold } from '@sarhad/engine';
import type { Hit, PersonQuery, PresentedDocument } from '@sarhad/screening';
import * as crossingsRepo from '../repositories/crossings-repository.js';
import * as travellersRepo from '../repositories/travellers-repository.js';
import * as postsRepo from '../repositories/posts-repository.js';
import { isUniqueViolation } from '../db/errors.js';
import { ServerError } from '../errors.js';
import { actorOf, type Principal } from '../domain/principal.js';
import { canonicalJson, type JsonValue } from '../domain/audit-chain.js';
import { FingerCaptures } from '../domain/fingerprints.js';
import { CountryCode } from '../domain/traveller.js';
import {
  DOCUMENT_TYPES,
  DocumentRuleError,
  MrzText,
  TRAVEL_DOCUMENT_TYPES,
  documentStatus,
  normalizeDocumentNumber,
  parsePassportMrz,
  type DocumentStatus,
  type DocumentType,
} from '../domain/documents.js';
import { localDate } from '../domain/local-date.js';
import { reason, recommend, type CrossingReason, type Recommendation } from '../domain/recommendation.js';
import { maximumAge, type CrossingStatus, type FingerprintException } from '../domain/crossing-status.js';
import { appendAudit } from './audit-service.js';
import { requirePermission } from './access.js';
import { LaneCode, PostCode, getPostRow } from './posts-service.js';
import { captureFingers } from './fingerprints-service.js';
import { identificationThreshold, MAX_CANDIDATES, type Candidate } from './enrolment-service.js';
import type { CapturedFinger } from './fingerprint-capture.js';
import { partitionSuppressed } from './watchlist-screening.js';
import type { ServiceContext } from './context.js';

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The document presented: a scanned passport MRZ, or a document's type and number typed or read. */
export const PresentedDocumentInput = z.union([
  z.object({ mrz: MrzText }),
  z.object({ type: z.enum(DOCUMENT_TYPES), number: z.string().trim().toUpperCase().min(1).max(40), issuingCountry: CountryCode.optional() }),
]);

export const CrossingRequest = z.object({
  /** The post and lane, for officer sessions; a device key is bound to its own (giving others is refused). */
  post: PostCode.optional(),
  lane: LaneCode.optional(),
  direction: z.enum(DIRECTIONS),
  /** The client's unique key for this submission (a UUID is a good choice). */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9._:-]{8,100}$/, '8 to 100 letters, digits, dots, colons, underscores or hyphens'),
  document: PresentedDocumentInput.optional(),
  fingers: FingerCaptures.optional(),
  /** No fingers could be captured (injury, worn prints): the reason; the crossing then waits for a supervisor. */
  unableToCapture: z.object({ reason: z.string().trim().min(5).max(500) }).optional(),
  /** A face photo (base64 JPEG): accepted for lane clients that send one, not compared yet and never stored. */
  photo: z.string().max(2_000_000).optional(),
});
export type CrossingRequest = z.infer<typeof CrossingRequest>;

/** How the fingerprint comparison came out. */
export const BIOMETRIC_OUTCOMES = ['verified', 'not_verified', 'not_enrolled', 'identified', 'ambiguous', 'not_identified', 'not_captured'] as const;
export type BiometricOutcome = (typeof BIOMETRIC_OUTCOMES)[number];

/** Calibrated-score bands shown to the officer: at/above the identification threshold, the verification one, below. */
export const SCORE_BANDS = ['strong', 'sufficient', 'insufficient'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export interface CrossingTraveller {
  readonly id: string;
  readonly surnameLatin: string;
  readonly givenNamesLatin: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly nationality: string;
}

/** The answer to the lane (also what GET /api/crossings/:id returns). */
export interface Crossing {
  readonly id: string;
  readonly post: string;
  readonly lane: string;
  readonly direction: Direction;
  readonly recordedAt: string;
  readonly traveller: CrossingTraveller | null;
  readonly document: {
    readonly presented: boolean;
    readonly known: boolean;
    readonly id: string | null;
    readonly type: DocumentType | null;
    readonly number: string | null;
    readonly issuingCountry: string | null;
    readonly validUntil: string | null;
    readonly status: DocumentStatus | null;
    readonly travelDocument: boolean | null;
  };
  readonly biometrics: {
    readonly method: 'verification' | 'identification' | 'none';
    readonly outcome: BiometricOutcome;
    readonly score: number | null;
    readonly band: ScoreBand | null;
    readonly verificationThreshold: number;
    readonly identificationThreshold: number;
    readonly fingers: readonly { readonly position: number; readonly score: number }[];
    readonly candidates: readonly Candidate[];
  };
  readonly watchlist: {
    readonly versions: readonly { readonly source: string; readonly id: string }[];
    readonly hits: readonly WatchlistHit[];
    /** Hits of entries recorded as not this traveller (for the entry's current content): no alert. */
    readonly suppressed: readonly SuppressedWatchlistHit[];
  };
  readonly recommendation: Recommendation;
  readonly reasons: readonly CrossingReason[];
  /** Status when answered (GET /api/crossings/:id shows the current one and the decisions since). */
  readonly status: CrossingStatus;
  readonly fingerprintException: { readonly kind: FingerprintException; readonly reason: string | null } | null;
}

export interface WatchlistHit {
  readonly source: string;
  readonly entryId: string;
  readonly listType: string;
  readonly primaryName: string;
  readonly score: number;
  /** The entry's content hash: a "not the listed person" decision holds for this version of the entry only. */
  readonly entryHash: string;
  readonly explanation: Hit['explanation'];
}

/** A hit a recorded "not the listed person" decision suppressed: shown, never alerted. */
export interface SuppressedWatchlistHit {
  readonly source: string;
  readonly entryId: string;
  readonly primaryName: string;
}

const round = (score: number) => Math.round(score * 10) / 10;

/**
 * A 1:N search is ambiguous when the runner-up is within this many calibrated points of the best (a factor of 10
 * in false-match rate): the lane cannot tell who it is.
 */
const AMBIGUITY_MARGIN = 10; // calibrated score points

/** Where the crossing happens, from the device's binding or the officer's post and lane. */
async function crossingPlace(
  ctx: ServiceContext,
  principal: Principal,
  request: CrossingRequest,
): Promise<{ post: postsRepo.PostRow; lane: postsRepo.LaneRow }> {
  if (principal.kind === 'device') {
    if ((request.post && request.post !== principal.postCode) || (request.lane && request.lane !== principal.laneCode)) {
      throw new ServerError('FORBIDDEN_POST', `this device is bound to ${principal.postCode} lane ${principal.laneCode}`);
    }
    const post = (await postsRepo.findPostById(ctx.db, principal.postId))!;
    const lane = (await postsRepo.findLane(ctx.db, post.id, principal.laneCode))!;
    return { post, lane };
  }
  requirePermission(principal, 'crossings.process');
  if (!request.post || !request.lane) throw new ServerError('VALIDATION_FAILED', 'post and lane: required for an officer session');
  const post = await getPostRow(ctx, principal, request.post);
  const lane = await postsRepo.findLane(ctx.db, post.id, request.lane);
  if (!lane) throw new ServerError('LANE_NOT_FOUND', `no lane ${request.lane} at ${post.code}`);
  return { post, lane };
}

/** An entry-only lane takes no exits and the other way round. */
function checkLaneDirection(lane: postsRepo.LaneRow, direction: Direction): void {
  const expected = direction === 'in' ? 'entry' : 'exit';
  if (lane.direction !== 'both' && lane.direction !== expected) {
    throw new ServerError('VALIDATION_FAILED', `direction: lane ${lane.code} is an ${lane.direction} lane, not for ${direction}`);
  }
}

function requestHash(request: CrossingRequest): string {
  return createHash('sha256').update(canonicalJson(JSON.parse(JSON.stringify(request)) as JsonValue)).digest('hex');
}

function replay(row: crossingsRepo.CrossingRow, hash: string): Crossing {
  if (row.request_hash !== hash) {
    throw new ServerError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${row.idempotency_key} was used for another request at this post`);
  }
  return JSON.parse(row.response) as Crossing;
}

function bandOf(score: number, verification: number, identification: number): ScoreBand {
  return score >= identification ? 'strong' : score >= verification ? 'sufficient' : 'insufficient';
}

const SCREENING_KIND: Readonly<Record<DocumentType, PresentedDocument['kind']>> = {
  passport: 'passport',
  visa: 'other',
  cnic: 'national-id',
  tazkira: 'national-id',
  e_tazkira: 'national-id',
  por_card: 'other',
  border_pass: 'other',
};

/** Processes one crossing submission (or returns the recorded answer to a retry). */
export async function processCrossing(
  ctx: ServiceContext,
  principal: Principal,
  request: CrossingRequest,
): Promise<{ crossing: Crossing; replayed: boolean }> {
  const { post, lane } = await crossingPlace(ctx, principal, request);
  checkLaneDirection(lane, request.direction);
  const hash = requestHash({ ...request, post: post.code, lane: lane.code });
  const earlier = await crossingsRepo.findByIdempotencyKey(ctx.db, post.id, request.idempotencyKey);
  if (earlier) return { crossing: replay(earlier, hash), replayed: true };

  const now = ctx.clock.now();
  const today = localDate(now, post.time_zone);
  const reasons: CrossingReason[] = [];
  const verificationThreshold = fmrToThreshold(ctx.config.biometrics.verificationFmr);
  const identification = identificationThreshold(ctx);

  // 1. The document: which traveller it names, and whether it is valid today at this post.
  let document: travellersRepo.DocumentWithPost | undefined;
  let mrz: ReturnType<typeof parsePassportMrz> | undefined;
  let presented: { type: DocumentType; number: string; issuingCountry: string | null } | undefined;
  if (request.document && 'mrz' in request.document) {
    try {
      mrz = parsePassportMrz(request.document.mrz, today);
    } catch (error) {
      if (error instanceof DocumentRuleError) throw new ServerError('DOCUMENT_INVALID', error.message, { cause: error });
      throw error;
    }
    presented = { type: 'passport', number: mrz.document.number, issuingCountry: mrz.document.issuingCountry };
  } else if (request.document) {
    const number = normalizeDocumentNumber(request.document.type, request.document.number);
    presented = { type: request.document.type, number, issuingCountry: request.document.issuingCountry ?? null };
  }
  if (presented) {
    const found = await travellersRepo.findDocuments(ctx.db, presented.type, presented.number, presented.issuingCountry ?? undefined);
    if (found.length === 1) document = found[0];
    if (found.length > 1) {
      reasons.push(reason('document_ambiguous', `${found.length} registered ${presented.type}s have number ${presented.number}; give the issuing country`));
    }
  } else {
    reasons.push(reason('document_missing', 'no document was presented'));
  }
  const validFrom = document?.valid_from ?? null;
  const validUntil = document?.valid_until ?? mrz?.document.validUntil ?? null;
  const status = presented ? documentStatus(validFrom, validUntil, today) : null;
  if (status === 'expired') reasons.push(reason('document_expired', `the ${presented!.type} expired on ${validUntil}`));
  if (status === 'not_yet_valid') reasons.push(reason('document_not_yet_valid', `the ${presented!.type} is valid from ${validFrom}`));
  if (presented && !TRAVEL_DOCUMENT_TYPES.includes(presented.type)) {
    reasons.push(reason('not_a_travel_document', `a ${presented.type} does not allow crossing on its own`));
  }
  const holderId = document?.traveller_id;

  // 2. The fingers: 1:1 against the document holder, or 1:N when there is no known holder.
  const fingers: CapturedFinger[] = request.fingers ? await captureFingers(ctx, { fingers: request.fingers }) : [];
  let method: Crossing['biometrics']['method'] = 'none';
  let outcome: BiometricOutcome = 'not_captured';
  let score: number | null = null;
  let fingerScores: { position: number; score: number }[] = [];
  let candidates: Candidate[] = [];
  let travellerId: string | undefined = holderId;
  let exception: Crossing['fingerprintException'] = null;
  const identify = async (exclude?: string) =>
    (await ctx.gallery.identify(fingers, { threshold: identification, limit: MAX_CANDIDATES, exclude })).map((h) => ({
      travellerId: h.travellerId,
      score: round(h.score),
      fingers: h.fingers.map((f) => ({ position: f.position, score: round(f.score) })),
    }));
  if (fingers.length > 0 && request.unableToCapture) {
    throw new ServerError('VALIDATION_FAILED', 'unableToCapture: fingers were captured');
  }
  if (fingers.length === 0) {
    // Without fingers: a child under the minimum age, or a recorded inability, goes to a supervisor.
    const holder = holderId ? await travellersRepo.findTravellerById(ctx.db, holderId) : undefined;
    const birthDate = holder?.birth_date ?? mrz?.holder.birthDate;
    const minAge = ctx.config.fingerprintMinAgeYears;
    if (birthDate !== undefined && maximumAge(birthDate, today) < minAge) {
      exception = { kind: 'under_age', reason: null };
      reasons.push(reason('fingerprints_exempt_age', `born ${birthDate}: under ${minAge}, fingerprints are not taken`));
    } else if (request.unableToCapture) {
      exception = { kind: 'unable_to_capture', reason: request.unableToCapture.reason };
      reasons.push(reason('fingerprints_unable_to_capture', 'no finger could be captured; a supervisor decides'));
    } else {
      reasons.push(reason('fingerprints_not_captured', 'no fingers were presented'));
    }
  } else if (holderId) {
    method = 'verification';
    const comparison = await ctx.gallery.verify(holderId, fingers);
    if (!comparison) {
      outcome = 'not_enrolled';
      reasons.push(reason('fingerprints_not_enrolled', `the document holder has no enrolled finger at positions ${fingers.map((f) => f.position).join(', ')}`));
    } else {
      score = round(comparison.score);
      fingerScores = comparison.fingers.map((f) => ({ position: f.position, score: round(f.score) }));
      if (comparison.score >= verificationThreshold) {
        outcome = 'verified';
        reasons.push(reason('fingerprints_verified', `fused score ${score} at or above ${round(verificationThreshold)}`));
      } else {
        outcome = 'not_verified';
        reasons.push(reason('fingerprints_not_verified', `fused score ${score} below ${round(verificationThreshold)}`));
      }
    }
    if (outcome !== 'verified') {
      // Whose fingers are these, if not the holder's? A match elsewhere is an impostor alert.
      candidates = await identify(holderId);
      if (candidates.length > 0) {
        reasons.push(reason('fingerprints_match_other_traveller', `the fingers match ${candidates.length} other enrolled traveller(s)`));
      }
    }
  } else {
    method = 'identification';
    candidates = await identify();
    if (candidates.length === 0) {
      outcome = 'not_identified';
    } else if (candidates.length > 1 && candidates[1]!.score >= candidates[0]!.score - AMBIGUITY_MARGIN) {
      outcome = 'ambiguous';
      reasons.push(reason('identification_ambiguous', `${candidates.length} enrolled travellers match the fingers`));
    } else {
      outcome = 'identified';
      travellerId = candidates[0]!.travellerId;
      score = candidates[0]!.score;
      fingerScores = [...candidates[0]!.fingers];
      reasons.push(reason('identified_by_fingerprints', `identified 1:N with fused score ${score}`));
    }
  }
  if (!travellerId && outcome !== 'ambiguous' && !reasons.some((r) => r.code === 'document_ambiguous')) {
    reasons.push(reason('traveller_unknown', presented ? 'the document is not registered and the fingers match nobody enrolled' : 'nobody enrolled matches'));
  }
  if (presented && !document && travellerId && !reasons.some((r) => r.code === 'document_ambiguous')) {
    // A new passport, or someone else's: either way it is registered (or refused) at secondary.
    reasons.push(reason('document_not_registered', `the ${presented.type} presented is not registered to the identified traveller`));
  }
  const traveller = travellerId ? await travellersRepo.findTravellerById(ctx.db, travellerId) : undefined;

  // 3. Watchlists: the traveller's record (or what the MRZ says) against the latest version of every list.
  const { screener, versions } = await ctx.watchlists.current();
  const documents = traveller ? await travellersRepo.listDocuments(ctx.db, traveller.id) : [];
  const query: PersonQuery = traveller
    ? {
        id: traveller.id,
        // A traveller is a person: screened against listed individuals, never against organisations.
        kind: 'individual',
        names: [
          `${traveller.given_names_latin} ${traveller.surname_latin}`,
          ...(traveller.surname_original || traveller.given_names_original
            ? [[traveller.given_names_original, traveller.surname_original].filter(Boolean).join(' ')]
            : []),
        ],
        dateOfBirth: traveller.birth_date,
        nationalities: [traveller.nationality],
        documents: documents.map((d) => ({ number: d.number, kind: SCREENING_KIND[d.type as DocumentType], country: d.issuing_country })),
      }
    : {
        kind: 'individual',
        names: mrz ? [`${mrz.holder.givenNames} ${mrz.holder.surname}`.trim()] : [],
        ...(mrz ? { dateOfBirth: mrz.holder.birthDate, nationalities: [mrz.holder.nationality] } : {}),
        documents: presented ? [{ number: presented.number, kind: SCREENING_KIND[presented.type], ...(presented.issuingCountry ? { country: presented.issuingCountry } : {}) }] : [],
      };
  const screened = versions.length === 0 || (query.names.length === 0 && (query.documents ?? []).length === 0) ? [] : screener.screen(query);
  const { alerting, suppressed } = partitionSuppressed(screened, traveller?.id, await ctx.watchlists.suppressionsFor(traveller?.id));
  const hits: WatchlistHit[] = alerting.map((h) => ({
    source: h.source,
    entryId: h.entryId,
    listType: h.listType,
    primaryName: h.primaryName,
    score: h.score,
    entryHash: h.entryHash,
    explanation: h.explanation,
  }));
  if (versions.length === 0) reasons.push(reason('no_watchlists_loaded', 'no watchlist has been imported; nothing was screened'));
  for (const hit of hits) reasons.push(reason('watchlist_hit', `${hit.source} ${hit.entryId} (${hit.primaryName}), score ${hit.score.toFixed(2)}`));

  const recommendation = recommend(reasons);
  const crossing: Crossing = {
    id: randomUUID(),
    post: post.code,
    lane: lane.code,
    direction: request.direction,
    recordedAt: now.toISOString(),
    traveller: traveller
      ? {
          id: traveller.id,
          surnameLatin: traveller.surname_latin,
          givenNamesLatin: traveller.given_names_latin,
          birthDate: traveller.birth_date,
          sex: traveller.sex,
          nationality: traveller.nationality,
        }
      : null,
    document: {
      presented: presented !== undefined,
      known: document !== undefined,
      id: document?.id ?? null,
      type: presented?.type ?? null,
      number: presented?.number ?? null,
      issuingCountry: document?.issuing_country ?? presented?.issuingCountry ?? null,
      validUntil,
      status,
      travelDocument: presented ? TRAVEL_DOCUMENT_TYPES.includes(presented.type) : null,
    },
    biometrics: {
      method,
      outcome,
      score,
      band: score === null ? null : bandOf(score, verificationThreshold, identification),
      verificationThreshold: round(verificationThreshold),
      identificationThreshold: round(identification),
      fingers: fingerScores,
      candidates,
    },
    watchlist: { versions, hits, suppressed: suppressed.map((h) => ({ source: h.source, entryId: h.entryId, primaryName: h.primaryName })) },
    recommendation,
    reasons,
    status: exception ? 'awaiting_supervisor' : 'awaiting_decision',
    fingerprintException: exception,
  };
  const row: crossingsRepo.CrossingRow = {
    id: crossing.id,
    post_id: post.id,
    lane_id: lane.id,
    direction: request.direction,
    idempotency_key: request.idempotencyKey,
    request_hash: hash,
    traveller_id: traveller?.id ?? null,
    document_id: document?.id ?? null,
    identity_method: method,
    biometric_outcome: outcome,
    biometric_score: score,
    recommendation,
    response: JSON.stringify(crossing),
    recorded_at: crossing.recordedAt,
    recorded_by: actorOf(principal),
    status: crossing.status,
    fingerprint_exception: exception?.kind ?? null,
    exception_reason: exception?.reason ?? null,
    processing_ms: null,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await crossingsRepo.insertCrossing(trx, row);
      await appendAudit(trx, ctx.clock, {
        actor: actorOf(principal),
        action: 'crossing.recorded',
        subject: `crossing:${row.id}`,
        post: post.code,
        details: {
          lane: lane.code,
          direction: request.direction,
          travellerId: row.traveller_id,
          documentId: row.document_id,
          documentType: presented?.type ?? null,
          method,
          outcome,
          candidates: candidates.map((c) => c.travellerId),
          watchlistVersions: versions.map((v) => v.id),
          watchlistHits: hits.map((h) => `${h.source}:${h.entryId}`),
          watchlistSuppressed: suppressed.map((h) => `${h.source}:${h.entryId}`),
          recommendation,
          fingerprintException: exception?.kind ?? null,
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // The same submission raced in twice: the first one recorded it; answer as it did.
      const winner = await crossingsRepo.findByIdempotencyKey(ctx.db, post.id, request.idempotencyKey);
      if (winner) return { crossing: replay(winner, hash), replayed: true };
    }
    throw error;
  }
  ctx.metrics.crossingRecorded(crossing.recommendation, crossing.biometrics.score);
  ctx.events.publish({
    type: 'crossing.submitted',
    postId: post.id,
    post: post.code,
    at: crossing.recordedAt,
    crossingId: crossing.id,
    lane: lane.code,
    recommendation: crossing.recommendation,
    status: crossing.status,
  });
  return { crossing, replayed: false };
}

