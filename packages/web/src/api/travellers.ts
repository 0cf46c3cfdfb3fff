/**
 * The traveller search by fingerprint as the analyst's page reads it: POST /api/travellers/identify, mirroring
 * packages/server/src/services/traveller-identify-service.ts (closed sets are `as const` arrays, as on the server).
 */
import { api } from './client.js';
import type { FingerCapture } from './crossings.js';
import type { Traveller } from './types.js';

/** 'strong': at or above the identification threshold (a lane would identify); 'possible': the verification one only. */
export const IDENTIFY_BANDS = ['strong', 'possible'] as const;
export type IdentifyBand = (typeof IDENTIFY_BANDS)[number];

export interface IdentifyCandidate {
  readonly traveller: Traveller;
  readonly score: number;
  readonly band: IdentifyBand;
  readonly fingers: readonly { readonly position: number; readonly score: number }[];
}

export interface IdentifyResult {
  readonly candidates: readonly IdentifyCandidate[];
  readonly identificationThreshold: number;
  readonly verificationThreshold: number;
}

/** Searches every enrolled traveller with the fingers given; audited by the server (never the fingerprints). */
export function identifyTravellers(fingers: readonly FingerCapture[]): Promise<IdentifyResult> {
  return api<IdentifyResult>('POST', '/api/travellers/identify', { fingers });
}
