/**
 * The database schema as Kysely sees it: one interface per table. Both dialects store the same shapes: ids are
 * UUID text (so records made offline at different posts never collide), times are ISO 8601 UTC text with
 * milliseconds (`2026-11-26T15:00:00.000Z`, which sorts lexically in time order), flags are 0/1 integers and JSON is
 * text. DATABASE.md describes each table.
 */

export interface AuditLogTable {
  seq: number;
  time: string;
  actor: string;
  action: string;
  subject: string | null;
  post: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** At most one row (id 1): the signed checkpoint of the last audit entry purged by retention. */
export interface AuditAnchorTable {
  id: number;
  seq: number;
  hash: string;
  /** JSON of the signed checkpoint (`sarhad.audit-checkpoint.v1`) at `seq`. */
  checkpoint: string;
  created_at: string;
}

export interface PostsTable {
  id: string;
  code: string;
  name: string;
  side: string;
  time_zone: string;
  created_at: string;
}

export interface LanesTable {
  id: string;
  post_id: string;
  code: string;
  name: string;
  direction: string;
  created_at: string;
}

export interface DevicesTable {
  id: string;
  post_id: string;
  lane_id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  all_posts: number;
  disabled: number;
  /** 1 while the password is one an administrator set (creation, reset) and its owner has not replaced it yet. */
  password_change_required: number;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface UserPostsTable {
  user_id: string;
  post_id: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface LoginThrottleTable {
  username: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface TravellersTable {
  id: string;
  surname_latin: string;
  given_names_latin: string;
  surname_original: string | null;
  given_names_original: string | null;
  original_script: string | null;
  father_name_latin: string | null;
  father_name_original: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: as much as is known. */
  birth_date: string;
  sex: string;
  nationality: string;
  created_at: string;
  created_by: string;
  created_post_id: string | null;
  updated_at: string;
}

export interface DocumentsTable {
  id: string;
  traveller_id: string;
  type: string;
  number: string;
  issuing_country: string;
  issuing_post_id: string | null;
  valid_from: string | null;
  valid_until: string | null;
  mrz: string | null;
  details: string;
  created_at: string;
  created_by: string;
}

export interface FingerprintsTable {
  id: string;
  traveller_id: string;
  /** ISO/IEC 19794-2 finger position 1 (right thumb) .. 10 (left little). */
  finger_position: number;
  /** Base64 of the template in Sarhad's internal binary format (engine `encodeTemplate`). */
  template: string;
  minutiae: number;
  /** 0..100. */
  quality: number;
  /** `sarhad`, `iso19794-2:2005`, `ansi378-2004` or `raster` (extracted by the server). */
  source_format: string;
  captured_at: string;
  created_at: string;
  created_by: string;
  created_post_id: string | null;
}

export interface AdjudicationCasesTable {
  id: string;
  /** `open` or `resolved`. */
  status: string;
  post_id: string;
  /** The existing traveller the fingers were submitted for, or null for a new traveller. */
  traveller_id: string | null;
  /** JSON: `{traveller?: new traveller fields, fingers: [{position, template, minutiae, quality, sourceFormat, capturedAt}]}`. */
  pending: string;
  /** JSON: `[{travellerId, score, fingers: [{position, score}]}]`, best first. */
  candidates: string;
  created_at: string;
  created_by: string;
  /** `same_person` or `different_people` once resolved. */
  decision: string | null;
  same_as_traveller_id: string | null;
  result_traveller_id: string | null;
  reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

export interface WatchlistVersionsTable {
  /** `<seq, 10 digits>-<random>`: sorts in save order. */
  id: string;
  /** 1, 2, 3... in save order across all sources. */
  seq: number;
  /** `un`, `ofac` or `national`. */
  source: string;
  format: string;
  content_hash: string;
  generated_on: string | null;
  entry_count: number;
  /** JSON array of file names. */
  files: string;
  saved_at: string;
}

export interface WatchlistEntriesTable {
  version_id: string;
  /** Order within the version, from 0. */
  position: number;
  /** JSON of the screening WatchlistEntry. */
  entry: string;
}

export interface CrossingsTable {
  id: string;
  post_id: string;
  lane_id: string;
  /** `in` (entering the country of the post) or `out`. */
  direction: string;
  /** The client's key for this submission; UNIQUE per post. */
  idempotency_key: string;
  /** SHA-256 of the canonical request, to tell a retry from a different request reusing a key. */
  request_hash: string;
  traveller_id: string | null;
  document_id: string | null;
  /** `verification` (1:1 against the document holder), `identification` (1:N) or `none`. */
  identity_method: string;
  biometric_outcome: string;
  biometric_score: number | null;
  /** `clear`, `secondary` or `alert`. */
  recommendation: string;
  /** JSON: the crossing as answered to the lane. */
  response: string;
  recorded_at: string;
  recorded_by: string;
  /** `awaiting_decision`, `awaiting_supervisor`, `in_secondary`, `cleared` or `refused`. */
  status: string;
  /** `under_age` or `unable_to_capture` when no fingers could be taken. */
  fingerprint_exception: string | null;
  exception_reason: string | null;
  /** Milliseconds from `recorded_at` to the first decision on the crossing; null until decided (0013). */
  processing_ms: number | null;
}

export interface CrossingDecisionsTable {
  id: string;
  crossing_id: string;
  /** 1, 2, 3... per crossing, in decision order. */
  position: number;
  /** `officer`, `secondary`, `supervisor` or `override`. */
  kind: string;
  /** `clear`, `refer_secondary` or `refuse`. */
  decision: string;
  reason: string | null;
  status_before: string;
  status_after: string;
  decided_at: string;
  decided_by: string;
}

/** A recorded decision that a traveller is not a watchlist entry, for one version (content hash) of the entry. */
export interface WatchlistSuppressionsTable {
  id: string;
  traveller_id: string;
  /** `un`, `ofac` or `national`. */
  source: string;
  entry_id: string;
  /** @sarhad/screening's entryContentHash of the entry when the decision was made. */
  entry_hash: string;
  /** The entry's primary name then, for the supervisor reading the decision later. */
  primary_name: string;
  /** Where it was decided. */
  post_id: string;
  /** The crossing whose alert it was decided on (null once retention removes that crossing). */
  crossing_id: string | null;
  reason: string;
  decided_at: string;
  decided_by: string;
}

/** The demo data loaded into this database (at most one row, id 1): migration 0015. */
export interface DemoStateTable {
  id: number;
  seed: number;
  travellers: number;
  /** YYYY-MM-DD the population's documents were generated for. */
  generated_for: string;
  /** `loading`, `loaded` or `failed`. */
  status: string;
  done: number;
  total: number;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

/** Which synthetic person a demo traveller is (fingers, scenario kind, home post). */
export interface DemoTravellersTable {
  traveller_id: string;
  person_index: number;
  finger_person: number;
  kind: string;
  post_code: string;
}

/** A retention period set by an administrator, overriding the configured default (migration 0014). */
export interface RetentionSettingsTable {
  /** `unenrolled_travellers`, `enrolled_travellers`, `fingerprint_images` or `audit_log`. */
  data_class: string;
  /** Null: kept for ever. */
  days: number | null;
  updated_at: string;
  updated_by: string;
}

/** One purge that ran (not dry runs), with its cutoffs and counts as JSON (migration 0014). */
export interface RetentionRunsTable {
  id: string;
  ran_at: string;
  cutoffs: string;
  deleted: string;
  audit_seq: number | null;
}

/** An identity platform allowed to call the ABIS interface (`/abis/...`), by API key (only its SHA-256 stored). */
export interface AbisClientsTable {
  id: string;
  name: string;
  key_hash: string;
  /** The key's first characters, to tell keys apart. */
  key_prefix: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  last_seen_at: string | null;
}

/** A reference (one enrolment in the identity platform) stored by an ABIS INSERT. */
export interface AbisReferencesTable {
  reference_id: string;
  /** The INSERT's requestId. */
  request_id: string;
  created_at: string;
  /** `abis:<client id>`. */
  created_by: string;
}

/** A finger of an ABIS reference, as a Sarhad template. */
export interface AbisFingersTable {
  id: string;
  reference_id: string;
  /** ISO/IEC 19794-2 finger position 1..10. */
  finger_position: number;
  /** Base64 of the template in Sarhad's internal binary format. */
  template: string;
  minutiae: number;
  /** 0..100. */
  quality: number;
  /** The template format the CBEFF carried (`iso19794-2:2005`, `ansi378-2004`, `sarhad`). */
  source_format: string;
}

/** The answer to an ABIS INSERT or DELETE that succeeded, kept under its requestId so a re-sent request is not applied twice. */
export interface AbisRequestsTable {
  request_id: string;
  /** `mosip.abis.insert` or `mosip.abis.delete`. */
  operation: string;
  /** SHA-256 of the request's operation, referenceId and referenceURL. */
  request_hash: string;
  /** JSON of the response as sent. */
  response: string;
  created_at: string;
  created_by: string;
}

/** The demo data loaded into this database (at most one row, id 1): migration 0015. */
export interface DemoStateTable {
  id: number;
  seed: number;
  travellers: number;
  /** YYYY-MM-DD the population's documents were generated for. */
  generated_for: string;
  /** `loading`, `loaded` or `failed`. */
  status: string;
  done: number;
  total: number;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

/** Which synthetic person a demo traveller is (fingers, scenario kind, home post). */
export interface DemoTravellersTable {
  traveller_id: string;
  person_index: number;
  finger_person: number;
  kind: string;
  post_code: string;
}

/** Every table, keyed by name. */
export interface DB {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_anchor: AuditAnchorTable;
  posts: PostsTable;
  lanes: LanesTable;
  devices: DevicesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  user_posts: UserPostsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  setup_tokens: SetupTokensTable;
  travellers: TravellersTable;
  documents: DocumentsTable;
  fingerprints: FingerprintsTable;
  adjudication_cases: AdjudicationCasesTable;
  watchlist_versions: WatchlistVersionsTable;
  watchlist_entries: WatchlistEntriesTable;
  crossings: CrossingsTable;
  crossing_decisions: CrossingDecisionsTable;
  watchlist_suppressions: WatchlistSuppressionsTable;
  retention_settings: RetentionSettingsTable;
  retention_runs: RetentionRunsTable;
  demo_state: DemoStateTable;
  demo_travellers: DemoTravellersTable;
  abis_clients: AbisClientsTable;
  abis_references: AbisReferencesTable;
  abis_fingers: AbisFingersTable;
  abis_requests: AbisRequestsTable;
}
