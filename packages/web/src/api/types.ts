/**
 * The shapes the Sarhad API returns, as the web UI reads them. The web package talks HTTP only and never imports
 * the server (ARCHITECTURE.md), so these mirror packages/server/README.md's API table; closed sets are `as const`
 * arrays, as on the server.
 */

/** Roles, in the order the server defines them (packages/server/src/domain/roles.ts). */
export const ROLES = [
  'officer',
  'enrolment_officer',
  'supervisor',
  'analyst',
  'watchlist_manager',
  'admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const SIDES = ['PK', 'AF'] as const;
export type Side = (typeof SIDES)[number];

export const LANE_DIRECTIONS = ['entry', 'exit', 'both'] as const;
export type LaneDirection = (typeof LANE_DIRECTIONS)[number];

export const DOCUMENT_TYPES = ['passport', 'visa', 'cnic', 'tazkira', 'e_tazkira', 'por_card', 'border_pass'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_STATUSES = ['valid', 'expired', 'not_yet_valid', 'no_expiry'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly allPosts: boolean;
  readonly posts: readonly string[];
  readonly disabled: boolean;
  /** The password was set by an administrator: the user must choose their own before anything else. */
  readonly passwordChangeRequired?: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Lane {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly direction: LaneDirection;
}

export interface Post {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly side: Side;
  readonly timeZone: string;
  readonly createdAt: string;
  readonly lanes: readonly Lane[];
}

export interface Device {
  readonly id: string;
  readonly name: string;
  readonly post: string;
  readonly lane: string;
  readonly keyPrefix: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastSeenAt: string | null;
}

export interface TravelDocument {
  readonly id: string;
  readonly type: DocumentType;
  readonly number: string;
  readonly issuingCountry: string;
  readonly issuingPost: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly travelDocument: boolean;
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
  readonly sex: 'F' | 'M' | 'X';
  readonly nationality: string;
  readonly createdAt: string;
  readonly documents: readonly TravelDocument[];
}

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface AuditEntry {
  readonly seq: number;
  readonly time: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly post: string | null;
  readonly details: { readonly [key: string]: JsonValue };
  readonly prevHash: string;
  readonly hash: string;
}

export const CROSSING_STATUSES = ['awaiting_decision', 'awaiting_supervisor', 'in_secondary', 'cleared', 'refused'] as const;
export type CrossingStatus = (typeof CROSSING_STATUSES)[number];

export const STAY_BASES = ['citizen', 'visa', 'border_pass', 'none'] as const;
export type StayBasis = (typeof STAY_BASES)[number];

/** A crossing as the movement history lists it. */
export interface CrossingSummary {
  readonly id: string;
  readonly post: string;
  readonly direction: 'in' | 'out';
  readonly recordedAt: string;
  /** The date at the post (its time zone). */
  readonly localDate: string;
  readonly status: CrossingStatus;
  readonly recommendation: string;
}

/** A stay: a cleared entry paired with the next cleared exit from the same country. */
export interface Stay {
  readonly country: string;
  readonly entry: CrossingSummary | null;
  readonly exit: CrossingSummary | null;
  readonly permitted: { readonly basis: StayBasis; readonly until: string | null } | null;
  readonly overstayDays: number;
}

export interface Movements {
  readonly travellerId: string;
  readonly crossings: readonly CrossingSummary[];
  readonly stays: readonly Stay[];
}

export interface AuditCheckpoint {
  readonly seq: number;
  readonly hash: string;
  readonly time: string | null;
}

export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly head: AuditCheckpoint }
  | {
      readonly ok: false;
      readonly entries: number;
      readonly brokenAt: number;
      readonly reason: string;
      readonly message: string;
    };
