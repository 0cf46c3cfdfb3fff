/**
 * The enrolment API as the enrolment page reads it: POST /api/enrolments (a new traveller with fingers, searched
 * 1:N before anything is recorded: 201 enrolled, or 202 with an adjudication case), documents added to a traveller,
 * and the records the page compares side by side. Mirrors packages/server/src/services/enrolment-service.ts and
 * travellers-service.ts.
 */
import { api } from './client.js';
import type { Candidate, EnrolledFinger, FingerCapture } from './crossings.js';
import type { TravelDocument, Traveller } from './types.js';

/** A new traveller as the API takes it (names in Latin letters are upper-cased by the server, as in an MRZ). */
export interface NewTraveller {
  readonly surnameLatin: string;
  readonly givenNamesLatin: string;
  readonly surnameOriginal?: string;
  readonly givenNamesOriginal?: string;
  readonly originalScript?: string;
  readonly fatherNameLatin?: string;
  readonly fatherNameOriginal?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly birthDate: string;
  readonly sex: 'F' | 'M' | 'X';
  readonly nationality: string;
}

/** A document as submitted, by type (packages/server/src/domain/documents.ts NewDocument). */
export type NewDocument =
  | { readonly type: 'passport'; readonly mrz: readonly string[] }
  | { readonly type: 'visa'; readonly number: string; readonly issuingCountry: string; readonly validFrom: string; readonly validUntil: string; readonly entries: 'single' | 'multiple' }
  | { readonly type: 'cnic' | 'tazkira' | 'e_tazkira'; readonly number: string }
  | { readonly type: 'por_card'; readonly number: string; readonly validUntil: string }
  | { readonly type: 'border_pass'; readonly number: string; readonly issuingPost: string; readonly validFrom: string; readonly validUntil: string };

export interface AdjudicationCase {
  readonly id: string;
  readonly status: 'open' | 'resolved';
  readonly post: string;
  readonly kind: 'new_traveller' | 'more_fingers';
  readonly travellerId: string | null;
  readonly submitted: {
    readonly traveller: NewTraveller | null;
    readonly fingers: readonly { readonly position: number; readonly minutiae: number; readonly quality: number; readonly sourceFormat: string; readonly capturedAt: string }[];
  };
  readonly candidates: readonly Candidate[];
  readonly createdAt: string;
  readonly createdBy: string;
}

export type EnrolmentOutcome =
  | { readonly status: 'enrolled'; readonly travellerId: string; readonly traveller?: Traveller; readonly fingerprints: readonly EnrolledFinger[] }
  | { readonly status: 'pending_adjudication'; readonly case: AdjudicationCase };

export async function enrol(post: string, traveller: NewTraveller, fingers: readonly FingerCapture[]): Promise<EnrolmentOutcome> {
  return api<EnrolmentOutcome>('POST', '/api/enrolments', { post, traveller, fingers });
}

export async function addDocument(travellerId: string, post: string, document: NewDocument): Promise<TravelDocument> {
  return (await api<{ document: TravelDocument }>('POST', `/api/travellers/${travellerId}/documents`, { post, document })).document;
}

export async function getTraveller(id: string): Promise<Traveller> {
  return (await api<{ traveller: Traveller }>('GET', `/api/travellers/${id}`)).traveller;
}
