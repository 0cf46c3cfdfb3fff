/**
 * What happens to a crossing after the system's answer. The officer decides (clear, refer to secondary inspection,
 * refuse); secondary inspection ends in clear or refuse; a crossing with a fingerprint exception waits for a
 * supervisor; a supervisor may decide at any point and override a final decision, always with a written reason.
 * Clearing an alert or a fingerprint exception is a supervisor's decision.
 */

export const CROSSING_STATUSES = ['awaiting_decision', 'awaiting_supervisor', 'in_secondary', 'cleared', 'refused'] as const;
export type CrossingStatus = (typeof CROSSING_STATUSES)[number];

export const FINAL_STATUSES: readonly CrossingStatus[] = ['cleared', 'refused'];

export const CROSSING_DECISIONS = ['clear', 'refer_secondary', 'refuse'] as const;
export type CrossingDecision = (typeof CROSSING_DECISIONS)[number];

export const DECISION_KINDS = ['officer', 'secondary', 'supervisor', 'override'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Fingerprint exceptions: too young for fingerprints (SARHAD_FINGERPRINT_MIN_AGE_YEARS), or none could be taken. */
export const FINGERPRINT_EXCEPTIONS = ['under_age', 'unable_to_capture'] as const;
export type FingerprintException = (typeof FINGERPRINT_EXCEPTIONS)[number];

/** The status a decision leads to. */
export function statusAfter(decision: CrossingDecision): CrossingStatus {
  return decision === 'clear' ? 'cleared' : decision === 'refuse' ? 'refused' : 'in_secondary';
}

/**
 * The oldest a person born on `birthDate` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) can be on `today`, in whole years:
 * an exemption for age must hold for every birth date the partial date allows, so the earliest is taken.
 */
export function maximumAge(birthDate: string, today: string): number {
  const earliest = birthDate.length === 4 ? `${birthDate}-01-01` : birthDate.length === 7 ? `${birthDate}-01` : birthDate;
  const [by, bm, bd] = earliest.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
