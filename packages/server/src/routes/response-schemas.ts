/**
 * Zod schemas of what the API answers, for the OpenAPI document only (routes/openapi.ts): responses are built by
 * the services as typed objects and never parsed. Each mirrors a service interface named in its comment; large
 * nested answers (a crossing, an adjudication case, a movement history) are described at their top level and
 * point to packages/server/README.md for the rest.
 */
import { z } from 'zod';
import { ROLES } from '../domain/roles.js';

const Instant = z.string().meta({ description: 'ISO 8601 UTC instant with milliseconds.' });
const Uuid = z.uuid();

/** services/users-service.ts `User`. */
export const UserShape = z
  .object({
    id: Uuid,
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    allPosts: z.boolean(),
    posts: z.array(z.string()).meta({ description: 'Post codes.' }),
    disabled: z.boolean(),
    passwordChangeRequired: z.boolean().meta({ description: 'The password was set by an administrator: change it first.' }),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'User' });

/** services/posts-service.ts `Lane`. */
export const LaneShape = z.object({ id: Uuid, code: z.string(), name: z.string(), direction: z.enum(['entry', 'exit', 'both']) }).meta({ id: 'Lane' });

/** services/posts-service.ts `Post`. */
export const PostShape = z
  .object({
    id: Uuid,
    code: z.string(),
    name: z.string(),
    side: z.enum(['PK', 'AF']),
    timeZone: z.string(),
    createdAt: Instant,
    lanes: z.array(LaneShape),
  })
  .meta({ id: 'Post' });

/** services/devices-service.ts `Device`. */
export const DeviceShape = z
  .object({
    id: Uuid,
    name: z.string(),
    post: z.string(),
    lane: z.string(),
    keyPrefix: z.string().meta({ description: 'The first characters of the key, to tell keys apart; never the key.' }),
    createdAt: Instant,
    revokedAt: Instant.nullable(),
    lastSeenAt: Instant.nullable(),
  })
  .meta({ id: 'Device' });

/** services/travellers-service.ts `TravelDocument`. */
export const DocumentShape = z
  .object({
    id: Uuid,
    type: z.enum(['passport', 'visa', 'cnic', 'tazkira', 'e_tazkira', 'por_card', 'border_pass']),
    number: z.string(),
    issuingCountry: z.string(),
    issuingPost: z.string().nullable(),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
    travelDocument: z.boolean(),
    status: z.enum(['valid', 'expired', 'not_yet_valid', 'no_expiry']).meta({ description: 'On the local date at the reader\'s post.' }),
    mrz: z.string().nullable(),
    details: z.record(z.string(), z.string()),
    createdAt: Instant,
  })
  .meta({ id: 'TravelDocument' });

/** services/travellers-service.ts `Traveller`. */
export const TravellerShape = z
  .object({
    id: Uuid,
    surnameLatin: z.string(),
    givenNamesLatin: z.string(),
    surnameOriginal: z.string().nullable(),
    givenNamesOriginal: z.string().nullable(),
    originalScript: z.string().nullable(),
    fatherNameLatin: z.string().nullable(),
    fatherNameOriginal: z.string().nullable(),
    birthDate: z.string().meta({ description: 'YYYY, YYYY-MM or YYYY-MM-DD: as much as is known.' }),
    sex: z.enum(['F', 'M', 'X']),
    nationality: z.string(),
    createdAt: Instant,
    documents: z.array(DocumentShape),
  })
  .meta({ id: 'Traveller' });

/** services/audit-service.ts `AuditEntry`. */
export const AuditEntryShape = z
  .object({
    seq: z.number().int(),
    time: Instant,
    actor: z.string(),
    action: z.string(),
    subject: z.string().nullable(),
    post: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

/** @sarhad/screening `StoredVersion`. */
export const WatchlistVersionShape = z
  .object({
    id: z.string(),
    source: z.enum(['un', 'ofac', 'national']),
    format: z.string(),
    contentHash: z.string(),
    generatedOn: z.string().nullable().optional(),
    entryCount: z.number().int(),
    files: z.array(z.string()),
    savedAt: Instant,
  })
  .meta({ id: 'WatchlistVersion' });

/** An answer described at its top level only; the README's API section has the fields. */
export function outline(id: string, description: string): z.ZodType {
  return z.looseObject({}).meta({ id, description: `${description} Fields: packages/server/README.md, API.` });
}

export const MrzLookupShape = outline('MrzLookupResult', 'The MRZ\'s parsed fields with check-digit results, and the travellers holding that passport.');
export const CrossingShape = outline('Crossing', 'A crossing as answered to the lane, with its status and decisions.');
export const AdjudicationCaseShape = outline('AdjudicationCase', 'A possible duplicate enrolment with candidates and per-finger scores.');
export const EnrolmentOutcomeShape = outline('EnrolmentOutcome', '`{status: "enrolled", travellerId, traveller, fingerprints}` or `{status: "pending_adjudication", case}`.');
export const OverstayShape = outline('Overstay', 'A traveller whose permitted stay ended: entry, permitted stay, days over.');
