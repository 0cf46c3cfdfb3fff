/**
 * The crossing API as the lane console reads it: POST /api/crossings (the hot path, with an idempotency key),
 * decisions on a crossing, a traveller's movements and fingerprints, and the simulated scanner of demo mode. These
 * mirror packages/server/src/services/crossings-service.ts, crossing-decisions-service.ts and the demo contract
 * (packages/server, demo routes); closed sets are `as const` arrays, as on the server.
 */
import { api, withQuery } from './client.js';
import type { CrossingStatus, DocumentStatus, DocumentType, Movements } from './types.js';

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const RECOMMENDATIONS = ['clear', 'secondary', 'alert'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const CROSSING_DECISIONS = ['clear', 'refer_secondary', 'refuse'] as const;
export type CrossingDecision = (typeof CROSSING_DECISIONS)[number];

/** Every reason code a crossing can carry (packages/server/src/domain/recommendation.ts). */
export const CROSSING_REASON_CODES = [
  'watchlist_hit',
  'fingerprints_match_other_traveller',
  'fingerprints_not_verified',
  'fingerprints_not_enrolled',
  'fingerprints_not_captured',
  'fingerprints_exempt_age',
  'fingerprints_unable_to_capture',
  'fingerprints_verified',
  'identified_by_fingerprints',
  'identification_ambiguous',
  'traveller_unknown',
  'document_expired',
  'document_not_yet_valid',
  'not_a_travel_document',
  'document_missing',
  'document_not_registered',
  'document_ambiguous',
  'no_watchlists_loaded',
] as const;
export type CrossingReasonCode = (typeof CROSSING_REASON_CODES)[number];

export const BIOMETRIC_OUTCOMES = ['verified', 'not_verified', 'not_enrolled', 'identified', 'ambiguous', 'not_identified', 'not_captured'] as const;
export type BiometricOutcome = (typeof BIOMETRIC_OUTCOMES)[number];

/** The server's calibrated-score bands (at/above identification, at/above verification, below). */
export const SCORE_BANDS = ['strong', 'sufficient', 'insufficient'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export const DOB_AGREEMENTS = ['exact', 'compatible', 'mismatch', 'unknown'] as const;
export const NATIONALITY_AGREEMENTS = ['agree', 'differ', 'unknown'] as const;

/** One captured finger as the API takes it: a template (ISO/ANSI/Sarhad, base64) or an 8-bit grey raster. */
export interface FingerCapture {
  readonly position: number;
  readonly capturedAt: string;
  readonly template?: string;
  readonly raster?: { readonly width: number; readonly height: number; readonly dpi: number; readonly pixelsBase64: string };
}

export type PresentedDocument =
  | { readonly mrz: readonly string[] }
  | { readonly type: DocumentType; readonly number: string; readonly issuingCountry?: string };

export interface CrossingRequest {
  readonly post: string;
  readonly lane: string;
  readonly direction: Direction;
  readonly idempotencyKey: string;
  readonly document?: PresentedDocument;
  readonly fingers?: readonly FingerCapture[];
  readonly unableToCapture?: { readonly reason: string };
}

export interface CrossingReason {
  readonly code: CrossingReasonCode;
  readonly severity: 'info' | 'secondary' | 'alert';
  readonly message: string;
}

export interface Candidate {
  readonly travellerId: string;
  readonly score: number;
  readonly fingers: readonly { readonly position: number; readonly score: number }[];
}

export interface WatchlistHit {
  readonly source: string;
  readonly entryId: string;
  readonly listType: string;
  readonly primaryName: string;
  readonly score: number;
  readonly explanation: {
    readonly name?: {
      readonly query: string;
      readonly listed: string;
      readonly listedKind: 'primary' | 'alias' | 'original-script';
      readonly quality: string;
      readonly score: number;
      readonly pairs: readonly { readonly query: string; readonly listed: string; readonly similarity: number }[];
      readonly weakAliasConfirmed?: boolean;
    };
    readonly dateOfBirth: (typeof DOB_AGREEMENTS)[number];
    readonly nationality: (typeof NATIONALITY_AGREEMENTS)[number];
    readonly document?: { readonly presented: string; readonly listed: string; readonly kind: string };
  };
}

/** The answer to the lane (and GET /api/crossings/:id, with the decisions since). */
export interface Crossing {
  readonly id: string;
  readonly post: string;
  readonly lane: string;
  readonly direction: Direction;
  readonly recordedAt: string;
  readonly traveller: {
    readonly id: string;
    readonly surnameLatin: string;
    readonly givenNamesLatin: string;
    readonly birthDate: string;
    readonly sex: 'F' | 'M' | 'X';
    readonly nationality: string;
  } | null;
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
  };
  readonly recommendation: Recommendation;
  readonly reasons: readonly CrossingReason[];
  readonly status: CrossingStatus;
  readonly fingerprintException: { readonly kind: 'under_age' | 'unable_to_capture'; readonly reason: string | null } | null;
  readonly decisions?: readonly {
    readonly kind: string;
    readonly decision: CrossingDecision;
    readonly reason: string | null;
    readonly statusAfter: CrossingStatus;
    readonly decidedAt: string;
    readonly decidedBy: string;
  }[];
}

export async function submitCrossing(request: CrossingRequest): Promise<Crossing> {
  return (await api<{ crossing: Crossing }>('POST', '/api/crossings', request)).crossing;
}

export async function decideCrossing(id: string, decision: CrossingDecision, reason?: string): Promise<Crossing> {
  return (await api<{ crossing: Crossing }>('POST', `/api/crossings/${id}/decision`, reason ? { decision, reason } : { decision })).crossing;
}

export async function travellerMovements(travellerId: string): Promise<Movements> {
  return api<Movements>('GET', `/api/travellers/${travellerId}/movements`);
}

/** A finger enrolled for a traveller (metadata only: the API never returns templates). */
export interface EnrolledFinger {
  readonly position: number;
  readonly quality: number;
  readonly minutiae: number;
  readonly sourceFormat: string;
  readonly capturedAt: string;
  readonly createdAt: string;
}

export async function travellerFingerprints(travellerId: string): Promise<readonly EnrolledFinger[]> {
  return (await api<{ fingerprints: EnrolledFinger[] }>('GET', `/api/travellers/${travellerId}/fingerprints`)).fingerprints;
}

/* Demo mode: the simulated scanner agreed with the demo data (packages/server demo routes). */

export const DEMO_SCENARIOS = ['routine', 'watchlist', 'unknown', 'no-document', 'worn-fingers', 'minor'] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

export interface DemoTraveller {
  readonly travellerId: string | null;
  readonly displayName: string;
  readonly nationality: string | null;
  readonly documentKind: string | null;
  readonly mrz: readonly [string, string] | null;
  readonly documentNumber: string | null;
  readonly scenario: DemoScenario;
}

export interface ScannedFinger {
  readonly position: number;
  readonly format: string;
  readonly template: string;
  readonly quality: number;
  readonly image?: string;
}

export async function demoStatus(): Promise<boolean> {
  return (await api<{ enabled: boolean }>('GET', '/api/demo/status')).enabled;
}

export async function demoQueue(post: string, limit: number): Promise<readonly DemoTraveller[]> {
  return (await api<{ travellers: DemoTraveller[] }>('GET', withQuery('/api/demo/queue', { post, limit: String(limit) }))).travellers;
}

export async function demoCapture(body: { travellerId?: string; scenario?: 'unknown'; positions?: readonly number[] }): Promise<readonly ScannedFinger[]> {
  return (await api<{ fingers: ScannedFinger[] }>('POST', '/api/demo/scanner/capture', body)).fingers;
}
