/**
 * The MOSIP ABIS messages (ABIS interface spec 0.9, shared docs ABIS.md): request envelopes checked field by field
 * in the order that yields MOSIP's failure reasons, and responses in the form each version expects.
 *
 * MOSIP sends JSON over queues; Sarhad takes the same bodies over HTTP. A request is read into a typed
 * {@link AbisRequest} or refused with an {@link AbisFailure} carrying a failure reason (1..18). Responses follow
 * version 1.1 (`responsetime`, string `returnValue` "1"/"2", string counts), or, for a request that says
 * `ver: "1.0"` (the older test kit), `timestamp` and integer values. Requests may carry `requesttime` or
 * `timestamp`, `version` or `ver`, numbers or numeric strings in `flags`.
 *
 * Scores: a candidate's `internalScore` is the fused calibrated score of its fingers (S means a false-match rate of
 * 10^(-S/10) for one reference compared); `confidence` is the same evidence on MOSIP's FPIR scale,
 * S - 10·log10(N) over the N references searched, so it reads directly against `targetFPIR`
 * (round(-10·log10 FPIR): 30 = 1 in 1,000).
 */

/** The operations, by the suffix of their `id` (`mosip.abis.<operation>`). */
export const ABIS_OPERATIONS = ['insert', 'identify', 'delete', 'ping', 'pendingJobs', 'referenceCount'] as const;
export type AbisOperation = (typeof ABIS_OPERATIONS)[number];

/** The message id of an operation. */
export function abisId(operation: AbisOperation): string {
  return `mosip.abis.${operation}`;
}

/** MOSIP's failure reasons (`failureReason`), by name. */
export const ABIS_FAILURE_REASONS = {
  INTERNAL_ERROR: 1,
  ABORTED: 2,
  UNEXPECTED_ERROR: 3,
  INVALID_REQUEST_STRUCTURE: 4,
  MISSING_REFERENCE_ID: 5,
  MISSING_REQUEST_ID: 6,
  UNABLE_TO_FETCH_BIOMETRICS: 7,
  MISSING_REFERENCE_URL: 8,
  MISSING_REQUEST_TIME: 9,
  REFERENCE_ID_EXISTS: 10,
  CBEFF_HAS_NO_DATA: 11,
  REFERENCE_ID_NOT_FOUND: 12,
  INVALID_VERSION: 13,
  INVALID_ID: 14,
  INVALID_REQUEST_TIME_FORMAT: 15,
  INVALID_CBEFF_FORMAT: 16,
  DATA_SHARE_URL_EXPIRED: 17,
  QUALITY_CHECK_FAILED: 18,
} as const;
export type AbisFailureReason = (typeof ABIS_FAILURE_REASONS)[keyof typeof ABIS_FAILURE_REASONS];

/** A request refused with a MOSIP failure reason; the message is for the log, never sent (MOSIP has no field). */
export class AbisFailure extends Error {
  override readonly name = 'AbisFailure';
  constructor(
    readonly reason: AbisFailureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Versions answered: 1.1 (current) and 1.0 (the older test kit). */
export const ABIS_VERSIONS = ['1.1', '1.0'] as const;
export type AbisVersion = (typeof ABIS_VERSIONS)[number];

/** Enough of a request to answer it, even when the rest of it is refused. */
export interface AbisEnvelope {
  readonly operation: AbisOperation | undefined;
  /** The `id` to answer with: the request's, or the operation's when the request had none usable. */
  readonly id: string;
  readonly requestId: string;
  readonly version: AbisVersion;
}

/** Most candidates one IDENTIFY may ask for. */
export const MAX_RESULTS_LIMIT = 100; // candidates
/** Candidates returned when `flags.maxResults` is absent. */
export const DEFAULT_MAX_RESULTS = 10; // candidates
/** FPIR when `flags.targetFPIR` is absent: 30 = 1 false positive identification in 1,000 searches (MOSIP's example). */
export const DEFAULT_TARGET_FPIR = 30;
/** Most references one IDENTIFY's `gallery` may list. */
export const MAX_GALLERY_REFERENCES = 10_000; // references

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** ISO 8601 UTC, optional milliseconds: `2020-03-29T07:01:24.692Z`. */
const REQUEST_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

interface Common {
  readonly envelope: AbisEnvelope;
  readonly requestTime: string;
}

export type AbisRequest =
  | (Common & { readonly operation: 'insert'; readonly referenceId: string; readonly referenceURL: string })
  | (Common & {
      readonly operation: 'identify';
      readonly referenceId: string | undefined;
      readonly referenceURL: string | undefined;
      /** `gallery.referenceIds`: search only these (undefined: the whole database). */
      readonly gallery: readonly string[] | undefined;
      readonly maxResults: number;
      readonly targetFPIR: number;
    })
  | (Common & { readonly operation: 'delete'; readonly referenceId: string })
  | (Common & { readonly operation: 'ping' | 'pendingJobs' | 'referenceCount' });

type Json = { readonly [key: string]: unknown };

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The operation named by a message id, if any. */
function operationOf(id: unknown): AbisOperation | undefined {
  if (typeof id !== 'string' || !id.startsWith('mosip.abis.')) return undefined;
  const suffix = id.slice('mosip.abis.'.length);
  return (ABIS_OPERATIONS as readonly string[]).includes(suffix) ? (suffix as AbisOperation) : undefined;
}

/**
 * What to answer with, read from whatever the body holds: used for failure responses before (or instead of) a
 * full parse. `expected` is the operation of the path the request came to, if the path names one.
 */
export function envelopeOf(body: unknown, expected?: AbisOperation): AbisEnvelope {
  const b = isObject(body) ? body : {};
  const operation = operationOf(b.id) ?? expected;
  const id = typeof b.id === 'string' && b.id.length <= 100 ? b.id : operation ? abisId(operation) : '';
  const requestId = typeof b.requestId === 'string' && b.requestId.length <= 128 ? b.requestId : '';
  const version: AbisVersion = (b.version ?? b.ver) === '1.0' ? '1.0' : '1.1';
  return { operation, id, requestId, version };
}

function identifier(value: unknown, field: string, missing: AbisFailureReason): string {
  if (!present(value)) throw new AbisFailure(missing, `${field} is missing`);
  if (typeof value !== 'string' || !IDENTIFIER.test(value)) {
    throw new AbisFailure(ABIS_FAILURE_REASONS.INVALID_REQUEST_STRUCTURE, `${field} must be 1..128 letters, digits, . _ : -`);
  }
  return value;
}

function url(value: unknown): string {
  if (typeof value !== 'string') throw new AbisFailure(ABIS_FAILURE_REASONS.INVALID_REQUEST_STRUCTURE, 'referenceURL must be a string');
  return value;
}

/** A whole number (or a string of one) within bounds. */
function integerFlag(value: unknown, field: string, min: number, max: number): number {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new AbisFailure(ABIS_FAILURE_REASONS.INVALID_REQUEST_STRUCTURE, `${field} must be a whole number ${min}..${max}`);
  }
  return n;
}

/**
 * Reads a request. `expected` is the operation the path names (a request with another `id` is refused with 14);
 * undefined for the endpoint that takes every operation. Throws {@link AbisFailure}.
 */
export function parseAbisRequest(body: unknown, expected?: AbisOperation): AbisRequest {
  const envelope = envelopeOf(body, expected);
  const R = ABIS_FAILURE_REASONS;
  if (!isObject(body)) throw new AbisFailure(R.INVALID_REQUEST_STRUCTURE, 'the request must be a JSON object');
  const operation = operationOf(body.id);
  if (!operation) throw new AbisFailure(R.INVALID_ID, `id ${JSON.stringify(body.id ?? null)} is not a mosip.abis operation`);
  if (expected && operation !== expected) throw new AbisFailure(R.INVALID_ID, `id ${String(body.id)} sent to the ${expected} endpoint`);
  const version = body.version ?? body.ver;
  if (typeof version !== 'string' || !(ABIS_VERSIONS as readonly string[]).includes(version)) {
    throw new AbisFailure(R.INVALID_VERSION, `version ${JSON.stringify(version ?? null)} is not one of ${ABIS_VERSIONS.join(', ')}`);
  }
  identifier(body.requestId, 'requestId', R.MISSING_REQUEST_ID);
  const time = body.requesttime ?? body.timestamp;
  if (!present(time)) throw new AbisFailure(R.MISSING_REQUEST_TIME, 'requesttime is missing');
  if (typeof time !== 'string' || !REQUEST_TIME.test(time) || Number.isNaN(Date.parse(time))) {
    throw new AbisFailure(R.INVALID_REQUEST_TIME_FORMAT, `requesttime ${JSON.stringify(time)} is not ISO 8601 UTC`);
  }
  const common: Common = { envelope: { ...envelope, operation }, requestTime: time };
  switch (operation) {
    case 'insert': {
      const referenceId = identifier(body.referenceId, 'referenceId', R.MISSING_REFERENCE_ID);
      if (!present(body.referenceURL)) throw new AbisFailure(R.MISSING_REFERENCE_URL, 'referenceURL is missing');
      return { ...common, operation, referenceId, referenceURL: url(body.referenceURL) };
    }
    case 'identify': {
      const referenceURL = present(body.referenceURL) ? url(body.referenceURL) : undefined;
      const referenceId = present(body.referenceId) || !referenceURL ? identifier(body.referenceId, 'referenceId', R.MISSING_REFERENCE_ID) : undefined;
      let gallery: string[] | undefined;
      if (present(body.gallery)) {
        const ids = isObject(body.gallery) ? body.gallery.referenceIds : undefined;
        if (!Array.isArray(ids) || ids.length > MAX_GALLERY_REFERENCES) {
          throw new AbisFailure(R.INVALID_REQUEST_STRUCTURE, `gallery must be {referenceIds: [{referenceId}]} with at most ${MAX_GALLERY_REFERENCES}`);
        }
        gallery = [...new Set(ids.map((entry: unknown) => identifier(isObject(entry) ? entry.referenceId : undefined, 'gallery.referenceIds[].referenceId', R.MISSING_REFERENCE_ID)))];
      }
      const flags = present(body.flags) ? body.flags : {};
      if (!isObject(flags)) throw new AbisFailure(R.INVALID_REQUEST_STRUCTURE, 'flags must be an object');
      const maxResults = present(flags.maxResults) ? integerFlag(flags.maxResults, 'flags.maxResults', 1, MAX_RESULTS_LIMIT) : DEFAULT_MAX_RESULTS;
      const targetFPIR = present(flags.targetFPIR) ? integerFlag(flags.targetFPIR, 'flags.targetFPIR', 0, 200) : DEFAULT_TARGET_FPIR;
      return { ...common, operation, referenceId, referenceURL, gallery, maxResults, targetFPIR };
    }
    case 'delete':
      return { ...common, operation, referenceId: identifier(body.referenceId, 'referenceId', R.MISSING_REFERENCE_ID) };
    default:
      return { ...common, operation };
  }
}

/** A count or score as the version writes it: strings in 1.1 (MOSIP's samples), numbers in 1.0. */
function value(version: AbisVersion, n: number): string | number {
  return version === '1.0' ? n : String(n);
}

/** The fused score threshold one reference must reach for `targetFPIR` over `compared` references. */
export function thresholdForFpir(targetFPIR: number, compared: number): number {
  return targetFPIR + 10 * Math.log10(Math.max(1, compared));
}

/** A candidate as the search found it. */
export interface AbisCandidate {
  readonly referenceId: string;
  /** Fused calibrated score. */
  readonly score: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The success response: the envelope, and the operation's own fields. */
export function abisSuccess(
  envelope: AbisEnvelope,
  now: Date,
  result:
    | { readonly kind: 'plain' }
    | { readonly kind: 'pendingJobs'; readonly jobs: number }
    | { readonly kind: 'referenceCount'; readonly count: number }
    | { readonly kind: 'identify'; readonly compared: number; readonly candidates: readonly AbisCandidate[] },
): Record<string, unknown> {
  const v = envelope.version;
  const base = stamp(envelope, now, 1);
  switch (result.kind) {
    case 'plain':
      return base;
    case 'pendingJobs':
      return { ...base, jobscount: value(v, result.jobs) };
    case 'referenceCount':
      return { ...base, count: value(v, result.count) };
    case 'identify': {
      const penalty = 10 * Math.log10(Math.max(1, result.compared));
      const candidates = result.candidates.map((c) => {
        const analytics = { confidence: value(v, round2(c.score - penalty)), internalScore: value(v, round2(c.score)) };
        return { referenceId: c.referenceId, analytics, modalities: [{ biometricType: 'FIR', analytics }] };
      });
      return { ...base, candidateList: { count: value(v, candidates.length), candidates } };
    }
  }
}

/** The failure response for a reason. */
export function abisFailureResponse(envelope: AbisEnvelope, now: Date, reason: AbisFailureReason): Record<string, unknown> {
  return { ...stamp(envelope, now, 2), failureReason: value(envelope.version, reason) };
}

function stamp(envelope: AbisEnvelope, now: Date, returnValue: 1 | 2): Record<string, unknown> {
  const time = now.toISOString();
  return envelope.version === '1.0'
    ? { id: envelope.id, requestId: envelope.requestId, timestamp: time, returnValue }
    : { id: envelope.id, requestId: envelope.requestId, responsetime: time, returnValue: String(returnValue) };
}
