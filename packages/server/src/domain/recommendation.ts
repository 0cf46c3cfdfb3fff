/**
 * The crossing's recommendation and its reasons. Each finding the checks make is a reason with a severity; the
 * recommendation is the most severe one: `alert` (watchlist hit, fingers of someone else), `secondary` (anything
 * the lane cannot settle in seconds: fingers not verified, document not valid, unknown traveller), else `clear`.
 * `info` reasons explain without changing the outcome. The officer decides; the recommendation only advises.
 */

export const RECOMMENDATIONS = ['clear', 'secondary', 'alert'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const REASON_SEVERITIES = ['info', 'secondary', 'alert'] as const;
export type ReasonSeverity = (typeof REASON_SEVERITIES)[number];

/** Every reason a crossing can carry, with its severity. */
export const CROSSING_REASONS = {
  /** A watchlist entry matched the traveller (names, date of birth, nationality, or a document number). */
  watchlist_hit: 'alert',
  /** The fingers presented belong to another enrolled traveller than the document's holder. */
  fingerprints_match_other_traveller: 'alert',
  /** The fingers presented do not match the document holder's enrolled fingers. */
  fingerprints_not_verified: 'secondary',
  /** The document holder has no enrolled finger at the positions presented: enrol at secondary. */
  fingerprints_not_enrolled: 'secondary',
  /** No fingers were presented. */
  fingerprints_not_captured: 'secondary',
  /** No fingers: the traveller is under the minimum age for fingerprints; a supervisor decides. */
  fingerprints_exempt_age: 'secondary',
  /** No fingers: the officer could not capture any (injury, worn prints), with a reason; a supervisor decides. */
  fingerprints_unable_to_capture: 'secondary',
  /** The fingers matched the document holder. */
  fingerprints_verified: 'info',
  /** No document was presented or known; the fingers identified an enrolled traveller. */
  identified_by_fingerprints: 'info',
  /** The 1:N search found several possible travellers. */
  identification_ambiguous: 'secondary',
  /** Neither the document nor the fingers lead to an enrolled traveller: a first crossing, to enrol. */
  traveller_unknown: 'secondary',
  /** The document expired on the local date at the post. */
  document_expired: 'secondary',
  /** The document is not valid yet. */
  document_not_yet_valid: 'secondary',
  /** The document does not allow crossing on its own (a PoR card, a national ID where a passport is needed). */
  not_a_travel_document: 'secondary',
  /** No document was presented. */
  document_missing: 'secondary',
  /** The fingers identified an enrolled traveller, but the document presented is not registered to anyone. */
  document_not_registered: 'secondary',
  /** Documents of this type and number were issued by several countries: give the issuing country. */
  document_ambiguous: 'secondary',
  /** No watchlist has been imported yet, so none was screened. */
  no_watchlists_loaded: 'info',
} as const satisfies Record<string, ReasonSeverity>;
export type CrossingReasonCode = keyof typeof CROSSING_REASONS;

export interface CrossingReason {
  readonly code: CrossingReasonCode;
  readonly severity: ReasonSeverity;
  readonly message: string;
}

export function reason(code: CrossingReasonCode, message: string): CrossingReason {
  return { code, severity: CROSSING_REASONS[code], message };
}

/** The most severe of the reasons: alert > secondary > clear. */
export function recommend(reasons: readonly CrossingReason[]): Recommendation {
  if (reasons.some((r) => r.severity === 'alert')) return 'alert';
  if (reasons.some((r) => r.severity === 'secondary')) return 'secondary';
  return 'clear';
}
