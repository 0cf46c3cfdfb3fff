/**
 * The supervisor's API: the post dashboard (GET /api/dashboard: aggregates and ids only), the live event stream
 * (GET /api/events, server-sent events with the session cookie), a crossing as recorded with its decisions, the
 * supervisor's decision or override, "not the listed person" on a watchlist hit, and duplicate-enrolment cases.
 * These mirror packages/server/src/services/dashboard-service.ts, events.ts, crossing-decisions-service.ts,
 * watchlist-suppressions-service.ts and enrolment-service.ts.
 */
import { api, withQuery } from './client.js';

export const RECOMMENDATIONS = ['clear', 'secondary', 'alert'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const CROSSING_STATUSES = ['awaiting_decision', 'awaiting_supervisor', 'in_secondary', 'cleared', 'refused'] as const;
export type CrossingStatus = (typeof CROSSING_STATUSES)[number];

export const SUPERVISOR_DECISIONS = ['clear', 'refer_secondary', 'refuse'] as const;
export type SupervisorDecision = (typeof SUPERVISOR_DECISIONS)[number];

export const QUEUE_KINDS = ['alert', 'exception', 'referral', 'duplicate'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

export type FingerprintException = 'under_age' | 'unable_to_capture';

export type QueueItem =
  | {
      readonly kind: 'alert' | 'exception' | 'referral';
      readonly crossingId: string;
      readonly lane: string;
      readonly at: string;
      readonly recommendation: Recommendation;
      readonly status: CrossingStatus;
      readonly exception: FingerprintException | null;
    }
  | { readonly kind: 'duplicate'; readonly caseId: string; readonly at: string; readonly caseKind: 'new_traveller' | 'more_fingers'; readonly candidates: number };

export interface LaneStats {
  readonly code: string;
  readonly name: string;
  readonly direction: string;
  readonly crossings: number;
  readonly lastHour: number | null;
  readonly decided: number;
  readonly medianProcessingSeconds: number | null;
}

export interface Dashboard {
  readonly post: { readonly code: string; readonly name: string; readonly timeZone: string };
  readonly date: string;
  readonly today: boolean;
  readonly generatedAt: string;
  readonly capacity: number;
  readonly crossings: {
    readonly total: number;
    readonly hours: readonly { readonly hour: number; readonly count: number }[];
    readonly byRecommendation: Readonly<Record<Recommendation, number>>;
    readonly byStatus: Readonly<Record<CrossingStatus, number>>;
  };
  readonly lanes: readonly LaneStats[];
  readonly queue: { readonly counts: Readonly<Record<QueueKind, number>>; readonly items: readonly QueueItem[] };
}

export function getDashboard(post: string, date?: string): Promise<Dashboard> {
  return api<{ dashboard: Dashboard }>('GET', withQuery('/api/dashboard', { post, date })).then((r) => r.dashboard);
}

/** The event types of GET /api/events (packages/server/src/services/events.ts). */
export const EVENT_TYPES = ['crossing.submitted', 'crossing.decided', 'adjudication.opened', 'adjudication.resolved'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The URL of a post's event stream (EventSource sends the session cookie itself). */
export function eventsUrl(post: string): string {
  return withQuery('/api/events', { post });
}

export interface ReasonRecord {
  readonly code: string;
  readonly severity: 'info' | 'secondary' | 'alert';
  readonly message: string;
}

export interface WatchlistHitRecord {
  readonly source: string;
  readonly entryId: string;
  readonly listType: string;
  readonly primaryName: string;
  readonly score: number;
  readonly entryHash?: string;
  readonly explanation: {
    readonly name?: { readonly query: string; readonly listed: string; readonly score: number };
    readonly dateOfBirth: string;
    readonly nationality: string;
    readonly document?: { readonly presented: string; readonly listed: string; readonly kind: string };
  };
}

export interface DecisionRecord {
  readonly kind: 'officer' | 'secondary' | 'supervisor' | 'override';
  readonly decision: SupervisorDecision;
  readonly reason: string | null;
  readonly statusBefore: CrossingStatus;
  readonly statusAfter: CrossingStatus;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

/** A crossing as GET /api/crossings/:id returns it (the parts the supervisor reads). */
export interface CrossingRecord {
  readonly id: string;
  readonly post: string;
  readonly lane: string;
  readonly direction: 'in' | 'out';
  readonly recordedAt: string;
  readonly traveller: {
    readonly id: string;
    readonly surnameLatin: string;
    readonly givenNamesLatin: string;
    readonly birthDate: string;
    readonly sex: string;
    readonly nationality: string;
  } | null;
  readonly document: { readonly presented: boolean; readonly known: boolean; readonly type: string | null; readonly number: string | null; readonly status: string | null };
  readonly biometrics: { readonly method: string; readonly outcome: string; readonly score: number | null };
  readonly watchlist: {
    readonly hits: readonly WatchlistHitRecord[];
    readonly suppressed?: readonly { readonly source: string; readonly entryId: string; readonly primaryName: string }[];
  };
  readonly recommendation: Recommendation;
  readonly reasons: readonly ReasonRecord[];
  readonly status: CrossingStatus;
  readonly fingerprintException: { readonly kind: FingerprintException; readonly reason: string | null } | null;
  readonly decisions: readonly DecisionRecord[];
}

export function getCrossing(id: string): Promise<CrossingRecord> {
  return api<{ crossing: CrossingRecord }>('GET', `/api/crossings/${id}`).then((r) => r.crossing);
}

/** A supervisor's decision on an open crossing, or an override of a final one (reason: 10+ characters). */
export function decideAsSupervisor(id: string, decision: SupervisorDecision, reason: string): Promise<CrossingRecord> {
  return api<{ crossing: CrossingRecord }>('POST', `/api/crossings/${id}/supervisor`, { decision, reason }).then((r) => r.crossing);
}

export interface Suppression {
  readonly id: string;
  readonly travellerId: string;
  readonly source: string;
  readonly entryId: string;
  readonly primaryName: string;
  readonly reason: string;
  readonly decidedAt: string;
}

/** Records that the crossing's traveller is not the listed person of a hit. */
export function recordNotListedPerson(crossingId: string, hit: { source: string; entryId: string }, reason: string): Promise<Suppression> {
  return api<{ suppression: Suppression }>('POST', `/api/crossings/${crossingId}/not-listed-person`, { source: hit.source, entryId: hit.entryId, reason }).then(
    (r) => r.suppression,
  );
}

export interface CaseTraveller {
  readonly id?: string;
  readonly surnameLatin: string;
  readonly givenNamesLatin: string;
  readonly surnameOriginal?: string | null;
  readonly givenNamesOriginal?: string | null;
  readonly birthDate: string;
  readonly sex: string;
  readonly nationality: string;
}

export interface AdjudicationCase {
  readonly id: string;
  readonly status: 'open' | 'resolved';
  readonly post: string;
  readonly kind: 'new_traveller' | 'more_fingers';
  readonly travellerId: string | null;
  readonly submitted: { readonly traveller: CaseTraveller | null; readonly fingers: readonly { readonly position: number; readonly quality: number }[] };
  readonly candidates: readonly { readonly travellerId: string; readonly score: number }[];
  readonly createdAt: string;
  readonly decision: 'same_person' | 'different_people' | null;
}

export interface CaseDetail {
  readonly case: AdjudicationCase;
  readonly candidateTravellers: readonly CaseTraveller[];
  readonly traveller: CaseTraveller | null;
}

export function getCase(id: string): Promise<CaseDetail> {
  return api<CaseDetail>('GET', `/api/adjudications/${id}`);
}

export type CaseDecision = { readonly decision: 'same_person'; readonly travellerId: string; readonly reason: string } | { readonly decision: 'different_people'; readonly reason: string };

export function resolveCase(id: string, decision: CaseDecision): Promise<AdjudicationCase> {
  return api<{ case: AdjudicationCase }>('POST', `/api/adjudications/${id}/resolve`, decision).then((r) => r.case);
}
