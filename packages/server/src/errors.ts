/**
 * Server errors. Every failure the server reports carries a stable string code (listed in docs/errors.md and kept
 * in step by test/errors.test.ts) and the HTTP status it maps to. Services throw these; the single error handler in
 * app.ts turns them into `{ error: { code, message } }` responses.
 */

/** Every server error code with its HTTP status (RFC 9110 section 15). */
export const SERVER_ERRORS = {
  /** The request body, query or parameters failed validation. */
  VALIDATION_FAILED: 400,
  /** The request could not be read (malformed JSON, wrong content type, too large). */
  REQUEST_INVALID: 400,
  /** No credentials, or the session or device key is unknown, expired or revoked. */
  AUTH_REQUIRED: 401,
  /** Username and password do not match an active account. */
  AUTH_INVALID_CREDENTIALS: 401,
  /** Too many failed logins for this username: locked for a while. */
  AUTH_LOCKED_OUT: 429,
  /** The caller is authenticated but lacks the role for this action. */
  FORBIDDEN_ROLE: 403,
  /** The caller is authenticated but not granted the post this action concerns. */
  FORBIDDEN_POST: 403,
  /** The action needs a user session; a device key is not enough (or the other way round). */
  FORBIDDEN_PRINCIPAL: 403,
  /** No route matches the method and path. */
  ROUTE_NOT_FOUND: 404,
  /** The first-run setup token is wrong, used, or an administrator already exists. */
  SETUP_TOKEN_INVALID: 403,
  /** A setup was attempted after an administrator already exists. */
  SETUP_ALREADY_DONE: 409,
  /** The password does not meet the policy (length). */
  PASSWORD_POLICY: 400,
  /** The account's password was set by an administrator: change it (`POST /api/auth/password`) before anything else. */
  PASSWORD_CHANGE_REQUIRED: 403,
  /** The new password is the same as the current one. */
  PASSWORD_UNCHANGED: 400,
  /** No post with this code (or not visible to the caller). */
  POST_NOT_FOUND: 404,
  /** A post with this code already exists. */
  POST_CODE_TAKEN: 409,
  /** No lane with this code at the post. */
  LANE_NOT_FOUND: 404,
  /** A lane with this code already exists at the post. */
  LANE_CODE_TAKEN: 409,
  /** No device with this id (or not visible to the caller). */
  DEVICE_NOT_FOUND: 404,
  /** No ABIS client with this id. */
  ABIS_CLIENT_NOT_FOUND: 404,
  /** No user with this id (or not visible to the caller). */
  USER_NOT_FOUND: 404,
  /** A user with this username already exists. */
  USERNAME_TAKEN: 409,
  /** The change would leave the system without an active administrator with access to all posts. */
  LAST_ADMIN: 409,
  /** No traveller with this id. */
  TRAVELLER_NOT_FOUND: 404,
  /** A document failed its format or check-digit rules (MRZ, CNIC...). */
  DOCUMENT_INVALID: 400,
  /** A document of this type and number is already registered. */
  DOCUMENT_TAKEN: 409,
  /** A fingerprint template or raster cannot be decoded, or names another finger. */
  FINGERPRINT_TEMPLATE_INVALID: 400,
  /** A capture holds too little of a finger to compare (blank, too small, too few minutiae): capture again. */
  FINGERPRINT_UNUSABLE: 422,
  /** The traveller already has a finger enrolled at this position. */
  FINGERPRINT_POSITION_TAKEN: 409,
  /** No adjudication case with this id (or not at a post the caller is granted). */
  ADJUDICATION_NOT_FOUND: 404,
  /** The adjudication case is already resolved. */
  ADJUDICATION_CLOSED: 409,
  /** A watchlist file could not be read as the format it claims (the message names the place). */
  WATCHLIST_INVALID: 400,
  /** No stored watchlist version with this id. */
  WATCHLIST_VERSION_NOT_FOUND: 404,
  /** A retention period outside its data class's bounds (the message names the class and the bounds). */
  RETENTION_PERIOD_INVALID: 400,
  /** The idempotency key was already used at this post for a different request. */
  IDEMPOTENCY_KEY_REUSED: 409,
  /** No crossing with this id (or not at a post the caller is granted). */
  CROSSING_NOT_FOUND: 404,
  /** The decision is not possible in the crossing's current status, or needs a supervisor. */
  CROSSING_DECISION_NOT_ALLOWED: 409,
  /** The crossing answered no watchlist hit of this list and entry. */
  WATCHLIST_HIT_NOT_FOUND: 404,
  /** "Not the listed person" needs a known traveller: the crossing identified nobody. */
  SUPPRESSION_NEEDS_TRAVELLER: 409,
  /** The user already has as many event streams open as allowed. */
  EVENT_STREAMS_EXCEEDED: 429,
  /** The audit chain could not be appended to (a concurrent writer forked it or storage failed). */
  AUDIT_APPEND_FAILED: 500,
  /** The audit chain fails verification, so no checkpoint can vouch for it. */
  AUDIT_CHAIN_BROKEN: 409,
  /** A checkpoint given for verification is malformed. */
  AUDIT_CHECKPOINT_INVALID: 400,
  /** A signed checkpoint's Ed25519 signature does not hold for the public key (altered, forged, other key). */
  AUDIT_SIGNATURE_INVALID: 400,
  /** A public key was given to check a checkpoint that carries no signature. */
  AUDIT_CHECKPOINT_UNSIGNED: 400,
  /** A public key given for verification is not a readable Ed25519 public key. */
  AUDIT_PUBLIC_KEY_INVALID: 400,
  /** The server's audit signing key is missing, unreadable, not Ed25519, or readable by other users. */
  AUDIT_SIGNING_KEY_INVALID: 500,
  /** Configuration from the environment or command line is invalid. */
  CONFIG_INVALID: 500,
  /** The database is unreachable or refused the operation. */
  STORAGE_UNAVAILABLE: 503,
  /** The database file or schema does not exist (nothing to open). */
  STORAGE_MISSING: 500,
  /** No demo data is loaded in this database (`sarhad demo`, or the demo choice at first-run setup). */
  DEMO_DISABLED: 404,
  /** Demo data is already loaded, or an interrupted load used another seed or size. */
  DEMO_ALREADY_LOADED: 409,
  /** Demo data is being loaded by this server right now. */
  DEMO_LOADING: 409,
  /** The traveller named to the simulated scanner is not a demo traveller. */
  DEMO_TRAVELLER_NOT_FOUND: 404,
  /** An unexpected failure; details are in the server log, never in the response. */
  INTERNAL: 500,
} as const;

export type ServerErrorCode = keyof typeof SERVER_ERRORS;

/** All server error codes, in declaration order. */
export const SERVER_ERROR_CODES = Object.keys(SERVER_ERRORS) as readonly ServerErrorCode[];

/** An error raised by the server, with a stable {@link ServerErrorCode} and the HTTP status it maps to. */
export class ServerError extends Error {
  override readonly name = 'ServerError';
  readonly code: ServerErrorCode;
  readonly status: number;

  constructor(code: ServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.status = SERVER_ERRORS[code];
  }
}

/** True when `error` is a {@link ServerError}, optionally with the given code. */
export function isServerError(error: unknown, code?: ServerErrorCode): error is ServerError {
  return error instanceof ServerError && (code === undefined || error.code === code);
}
