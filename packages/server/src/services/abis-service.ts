/**
 * The MOSIP-ABIS-compatible matcher: an identity platform stores references (INSERT), searches them (IDENTIFY),
 * removes them (DELETE) and asks how things stand (PING, PENDING_JOBS, REFERENCE_COUNT), with the JSON messages of
 * MOSIP's ABIS interface (domain/abis-messages.ts). References are a population of their own, apart from
 * travellers: their own tables (migration 0012) and their own gallery behind the {@link IdentificationGallery}
 * interface. ABIS sees no personal data: reference ids and fingers only.
 *
 * Order: INSERT, DELETE and IDENTIFY are applied one at a time in arrival order (the gallery's `serialize`), so an
 * IDENTIFY sees every INSERT sent before it, as the spec requires. A request has arrived once its body is read; the
 * route takes an {@link AbisTurn} then, before the client is authenticated (a database read, which may finish out
 * of order), and a job joins the queue only after every request that arrived earlier has queued its job or ended
 * without one. A referenceURL is fetched as soon as its request is read, while earlier jobs run.
 * PENDING_JOBS counts the jobs not yet answered.
 *
 * Idempotency: the answer to an INSERT or DELETE that succeeded is stored under its requestId in the same
 * transaction as the change, so a request sent again is answered again, never applied twice; the same requestId
 * with another operation or reference is refused (reason 4). Failed requests are not stored: a retry tries again.
 *
 * Callers are identity platforms holding an ABIS API key (`sarhad_ak_...`) an administrator with every post created.
 * Every INSERT, DELETE and IDENTIFY is appended to the audit log, with ids and counts only.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import * as abisRepo from '../repositories/abis-repository.js';
import { ServerError } from '../errors.js';
import { isUniqueViolation } from '../db/errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { hashSecret } from '../domain/secrets.js';
import {
  ABIS_FAILURE_REASONS as R,
  AbisFailure,
  abisFailureResponse,
  abisId,
  abisSuccess,
  envelopeOf,
  parseAbisRequest,
  thresholdForFpir,
  type AbisEnvelope,
  type AbisOperation,
  type AbisRequest,
} from '../domain/abis-messages.js';
import { appendAudit } from './audit-service.js';
import { requireAllPosts, requirePermission } from './access.js';
import { fingersOfCbeff, loadCbeff } from './abis-biometrics.js';
import type { CapturedFinger } from './fingerprint-capture.js';
import { galleryFingerFromStored, type GalleryComparison, type GalleryFinger, type IdentificationGallery } from './identification-gallery.js';
import { nowIso, type ServiceContext } from './context.js';

/** What tells an ABIS API key from session tokens and device keys. */
export const ABIS_KEY_PREFIX = 'sarhad_ak_';
/** 256 bits of randomness, as every Sarhad secret (domain/secrets.ts). */
const KEY_BYTES = 32; // bytes
/** Characters of the key kept in clear to tell keys apart. */
const KEY_PREFIX_LENGTH = 16; // 'sarhad_ak_' + 6 random characters
/** Do not write `last_seen_at` more often than this per client. */
const LAST_SEEN_RESOLUTION_MS = 60_000; // 1 min

/** An identity platform calling the ABIS interface. */
export interface AbisClientPrincipal {
  readonly kind: 'abis';
  readonly clientId: string;
  readonly name: string;
}

/** The audit actor of an ABIS client. */
export function abisActor(client: AbisClientPrincipal): string {
  return `abis:${client.clientId}`;
}

export const NewAbisClient = z.object({ name: z.string().trim().min(1).max(200) });
export type NewAbisClient = z.infer<typeof NewAbisClient>;

export interface AbisClient {
  readonly id: string;
  readonly name: string;
  readonly keyPrefix: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastSeenAt: string | null;
}

function toClient(row: abisRepo.AbisClientRow): AbisClient {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.key_prefix,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
  };
}

/** Managing ABIS clients is an administrator's, with every post: references are a national population. */
function requireClientManager(user: UserPrincipal): void {
  requirePermission(user, 'users.manage');
  requireAllPosts(user, 'managing ABIS clients');
}

/** Creates an ABIS client and returns its API key, which is never shown again. */
export async function createClient(ctx: ServiceContext, user: UserPrincipal, input: NewAbisClient): Promise<{ client: AbisClient; apiKey: string }> {
  requireClientManager(user);
  const apiKey = ABIS_KEY_PREFIX + randomBytes(KEY_BYTES).toString('base64url');
  const row: abisRepo.AbisClientRow = {
    id: randomUUID(),
    name: input.name,
    key_hash: hashSecret(apiKey),
    key_prefix: apiKey.slice(0, KEY_PREFIX_LENGTH),
    created_at: nowIso(ctx),
    created_by: actorOf(user),
    revoked_at: null,
    last_seen_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await abisRepo.insertClient(trx, row);
    await appendAudit(trx, ctx.clock, {
      actor: actorOf(user),
      action: 'abis_client.created',
      subject: `abis_client:${row.id}`,
      details: { name: row.name, keyPrefix: row.key_prefix },
    });
  });
  return { client: toClient(row), apiKey };
}

export async function listClients(ctx: ServiceContext, user: UserPrincipal): Promise<AbisClient[]> {
  requireClientManager(user);
  return (await abisRepo.listClients(ctx.db)).map(toClient);
}

/** Revokes a client's key at once; revoking twice is harmless. */
export async function revokeClient(ctx: ServiceContext, user: UserPrincipal, clientId: string): Promise<AbisClient> {
  requireClientManager(user);
  const row = await abisRepo.findClientById(ctx.db, clientId);
  if (!row) throw new ServerError('ABIS_CLIENT_NOT_FOUND', `no ABIS client ${clientId}`);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await abisRepo.revokeClient(trx, row.id, nowIso(ctx)))) return;
    await appendAudit(trx, ctx.clock, {
      actor: actorOf(user),
      action: 'abis_client.revoked',
      subject: `abis_client:${row.id}`,
      details: { name: row.name, keyPrefix: row.key_prefix },
    });
  });
  return toClient((await abisRepo.findClientById(ctx.db, row.id))!);
}

/**
 * Resolves an ABIS API key. AUTH_REQUIRED without one or for an unknown or revoked key; FORBIDDEN_PRINCIPAL for
 * a session token or device key (the ABIS interface is for identity platforms only).
 */
export async function authenticateClient(ctx: ServiceContext, credential: string | undefined): Promise<AbisClientPrincipal> {
  if (!credential) throw new ServerError('AUTH_REQUIRED', 'send an ABIS API key as a Bearer token');
  if (!credential.startsWith(ABIS_KEY_PREFIX)) {
    throw new ServerError('FORBIDDEN_PRINCIPAL', 'the ABIS interface takes an ABIS API key, not a session or device key');
  }
  const row = await abisRepo.findClientByKeyHash(ctx.db, hashSecret(credential));
  if (!row || row.revoked_at !== null) throw new ServerError('AUTH_REQUIRED', 'unknown or revoked ABIS API key');
  const now = ctx.clock.now();
  if (!row.last_seen_at || now.getTime() - Date.parse(row.last_seen_at) >= LAST_SEEN_RESOLUTION_MS) {
    await abisRepo.touchClient(ctx.db, row.id, now.toISOString());
  }
  return { kind: 'abis', clientId: row.id, name: row.name };
}

/** SHA-256 of what makes two requests under one requestId the same request. */
function requestHash(operation: AbisOperation, referenceId: string, referenceURL = ''): string {
  return createHash('sha256').update(JSON.stringify([operation, referenceId, referenceURL]), 'utf8').digest('hex');
}

const subjectOf = (referenceId: string) => `abis_reference:${referenceId}`;

/** The answer stored for a request sent again, as first sent; reason 4 when the requestId named another request. */
function replay(row: abisRepo.AbisRequestRow, hash: string): Record<string, unknown> {
  if (row.request_hash !== hash) {
    throw new AbisFailure(R.INVALID_REQUEST_STRUCTURE, `requestId ${row.request_id} was used for another request`);
  }
  return JSON.parse(row.response) as Record<string, unknown>;
}

/**
 * A request's place in arrival order, taken when it comes in. `joined` is settled once every request that arrived
 * earlier has queued its job or given up its place; `leave()` gives up this one's place (idempotent), after its
 * own job is queued or when it will queue none.
 */
export interface AbisTurn {
  readonly joined: Promise<void>;
  leave(): void;
}

/** The ABIS matcher of one application: its gallery of references and its job queue. */
export class AbisService {
  readonly #ctx: ServiceContext;
  readonly #gallery: IdentificationGallery;
  #pending = 0;
  #lastTurn: Promise<void> = Promise.resolve();

  constructor(ctx: ServiceContext, gallery: IdentificationGallery) {
    this.#ctx = ctx;
    this.#gallery = gallery;
  }

  /** The gallery of references (loaded when the application becomes ready). */
  get gallery(): IdentificationGallery {
    return this.#gallery;
  }

  /** Takes the next place in arrival order; call it synchronously as a request comes in. */
  arrive(): AbisTurn {
    const joined = this.#lastTurn;
    let leave!: () => void;
    const left = new Promise<void>((resolve) => {
      leave = resolve;
    });
    // The next request waits for this one and, through it, for every one before.
    this.#lastTurn = joined.then(() => left);
    return { joined, leave };
  }

  /**
   * Answers one message. `expected` is the operation the path names (undefined: any); `turn` is the place the
   * request took when it came in (default: a place taken now). Never throws for a bad request: every failure becomes
   * a response with its MOSIP reason; unexpected errors are logged and answered with reason 1 (internal error).
   */
  async handle(client: AbisClientPrincipal, body: unknown, expected?: AbisOperation, turn: AbisTurn = this.arrive()): Promise<Record<string, unknown>> {
    let envelope: AbisEnvelope = envelopeOf(body, expected);
    try {
      const request = parseAbisRequest(body, expected);
      envelope = request.envelope;
      return await this.#dispatch(client, request, turn);
    } catch (error) {
      if (error instanceof AbisFailure) {
        this.#ctx.logger.info({ abis: envelope.id, requestId: envelope.requestId, failureReason: error.reason, why: error.message }, 'ABIS request failed');
        return abisFailureResponse(envelope, this.#ctx.clock.now(), error.reason);
      }
      this.#ctx.logger.error({ err: error, abis: envelope.id, requestId: envelope.requestId }, 'ABIS request failed unexpectedly');
      return abisFailureResponse(envelope, this.#ctx.clock.now(), R.INTERNAL_ERROR);
    } finally {
      turn.leave();
    }
  }

  async #dispatch(client: AbisClientPrincipal, request: AbisRequest, turn: AbisTurn): Promise<Record<string, unknown>> {
    const now = () => this.#ctx.clock.now();
    switch (request.operation) {
      case 'ping':
        return abisSuccess(request.envelope, now(), { kind: 'plain' });
      case 'pendingJobs':
        return abisSuccess(request.envelope, now(), { kind: 'pendingJobs', jobs: this.#pending });
      case 'referenceCount':
        return abisSuccess(request.envelope, now(), { kind: 'referenceCount', count: await abisRepo.countReferences(this.#ctx.db) });
      case 'insert': {
        // Fetched now, applied in turn; a rejection is observed by the job, never left unhandled.
        const fingers = this.#biometrics(request.referenceURL);
        fingers.catch(() => undefined);
        return this.#job(turn, () => this.#insert(client, request, fingers));
      }
      case 'delete':
        return this.#job(turn, () => this.#delete(client, request));
      case 'identify': {
        const fingers = request.referenceURL === undefined ? undefined : this.#biometrics(request.referenceURL);
        fingers?.catch(() => undefined);
        return this.#job(turn, () => this.#identify(client, request, fingers));
      }
    }
  }

  /** Runs a job after every job that arrived earlier, counting it as pending until it is answered. */
  async #job<T>(turn: AbisTurn, work: () => Promise<T>): Promise<T> {
    this.#pending++;
    try {
      await turn.joined;
      const run = this.#gallery.serialize(work);
      turn.leave();
      return await run;
    } finally {
      this.#pending--;
    }
  }

  async #biometrics(referenceURL: string): Promise<CapturedFinger[]> {
    const xml = await loadCbeff(referenceURL, this.#ctx.config);
    return fingersOfCbeff(xml, nowIso(this.#ctx), this.#ctx.extraction);
  }

  async #insert(
    client: AbisClientPrincipal,
    request: Extract<AbisRequest, { operation: 'insert' }>,
    biometrics: Promise<CapturedFinger[]>,
  ): Promise<Record<string, unknown>> {
    const { envelope, referenceId } = request;
    const hash = requestHash('insert', referenceId, request.referenceURL);
    const earlier = await abisRepo.findRequest(this.#ctx.db, envelope.requestId);
    if (earlier) return replay(earlier, hash);
    if (await abisRepo.findReference(this.#ctx.db, referenceId)) {
      throw new AbisFailure(R.REFERENCE_ID_EXISTS, `referenceId ${referenceId} exists`);
    }
    const fingers = await biometrics;
    const at = nowIso(this.#ctx);
    const response = abisSuccess(envelope, this.#ctx.clock.now(), { kind: 'plain' });
    try {
      await this.#ctx.db.transaction().execute(async (trx) => {
        await abisRepo.insertReference(
          trx,
          { reference_id: referenceId, request_id: envelope.requestId, created_at: at, created_by: abisActor(client) },
          fingers.map((f) => ({
            id: randomUUID(),
            reference_id: referenceId,
            finger_position: f.position,
            template: Buffer.from(f.encoded).toString('base64'),
            minutiae: f.template.minutiae.length,
            quality: f.quality,
            source_format: f.sourceFormat,
          })),
        );
        await abisRepo.insertRequest(trx, {
          request_id: envelope.requestId,
          operation: abisId('insert'),
          request_hash: hash,
          response: JSON.stringify(response),
          created_at: at,
          created_by: abisActor(client),
        });
        await appendAudit(trx, this.#ctx.clock, {
          actor: abisActor(client),
          action: 'abis.inserted',
          subject: subjectOf(referenceId),
          details: { requestId: envelope.requestId, fingers: fingers.map((f) => f.position) },
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another process stored the same request or reference between the checks and the insert.
      const stored = await abisRepo.findRequest(this.#ctx.db, envelope.requestId);
      if (stored) return replay(stored, hash);
      throw new AbisFailure(R.REFERENCE_ID_EXISTS, `referenceId ${referenceId} exists`, { cause: error });
    }
    this.#gallery.add(referenceId, fingers);
    return response;
  }

  async #delete(client: AbisClientPrincipal, request: Extract<AbisRequest, { operation: 'delete' }>): Promise<Record<string, unknown>> {
    const { envelope, referenceId } = request;
    const hash = requestHash('delete', referenceId);
    const earlier = await abisRepo.findRequest(this.#ctx.db, envelope.requestId);
    if (earlier) return replay(earlier, hash);
    const at = nowIso(this.#ctx);
    const response = abisSuccess(envelope, this.#ctx.clock.now(), { kind: 'plain' });
    try {
      await this.#ctx.db.transaction().execute(async (trx) => {
        if (!(await abisRepo.deleteReference(trx, referenceId))) {
          throw new AbisFailure(R.REFERENCE_ID_NOT_FOUND, `no referenceId ${referenceId}`);
        }
        await abisRepo.insertRequest(trx, {
          request_id: envelope.requestId,
          operation: abisId('delete'),
          request_hash: hash,
          response: JSON.stringify(response),
          created_at: at,
          created_by: abisActor(client),
        });
        await appendAudit(trx, this.#ctx.clock, {
          actor: abisActor(client),
          action: 'abis.deleted',
          subject: subjectOf(referenceId),
          details: { requestId: envelope.requestId },
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const stored = await abisRepo.findRequest(this.#ctx.db, envelope.requestId);
      if (stored) return replay(stored, hash);
      throw error;
    }
    this.#gallery.remove(referenceId);
    return response;
  }

  /** The probe: the stored reference's fingers, or those behind the referenceURL. */
  async #probe(referenceId: string | undefined, biometrics: Promise<CapturedFinger[]> | undefined): Promise<{ fingers: GalleryFinger[]; stored: boolean }> {
    if (referenceId !== undefined) {
      const rows = await abisRepo.listFingers(this.#ctx.db, referenceId);
      if (rows.length > 0) {
        return { fingers: rows.map((r) => galleryFingerFromStored(r.finger_position, r.template)), stored: true };
      }
    }
    if (!biometrics) throw new AbisFailure(R.REFERENCE_ID_NOT_FOUND, `no referenceId ${referenceId}`);
    return { fingers: await biometrics, stored: false };
  }

  async #identify(
    client: AbisClientPrincipal,
    request: Extract<AbisRequest, { operation: 'identify' }>,
    biometrics: Promise<CapturedFinger[]> | undefined,
  ): Promise<Record<string, unknown>> {
    const { envelope, referenceId, gallery, maxResults, targetFPIR } = request;
    const probe = await this.#probe(referenceId, biometrics);
    let compared: number;
    let hits: GalleryComparison[];
    if (gallery) {
      const found = await abisRepo.existingReferences(this.#ctx.db, gallery);
      const missing = gallery.filter((id) => !found.has(id));
      if (missing.length > 0) throw new AbisFailure(R.REFERENCE_ID_NOT_FOUND, `gallery names ${missing.length} unknown referenceIds`);
      const among = gallery.filter((id) => id !== referenceId);
      compared = among.length;
      const threshold = thresholdForFpir(targetFPIR, compared);
      hits = [];
      for (const id of among) {
        const comparison = await this.#gallery.verify(id, probe.fingers);
        if (comparison && comparison.score >= threshold) hits.push(comparison);
      }
      hits.sort((a, b) => b.score - a.score || (a.travellerId < b.travellerId ? -1 : 1));
      hits = hits.slice(0, maxResults);
    } else {
      const size = await this.#gallery.size();
      compared = Math.max(0, size - (probe.stored && referenceId !== undefined ? 1 : 0));
      hits = await this.#gallery.identify(probe.fingers, {
        threshold: thresholdForFpir(targetFPIR, compared),
        limit: maxResults,
        exclude: referenceId,
      });
    }
    await appendAudit(this.#ctx.db, this.#ctx.clock, {
      actor: abisActor(client),
      action: 'abis.identified',
      subject: referenceId === undefined ? null : subjectOf(referenceId),
      details: {
        requestId: envelope.requestId,
        compared,
        candidates: hits.length,
        targetFPIR,
        maxResults,
        gallery: gallery === undefined ? 'all' : 'subset',
      },
    });
    return abisSuccess(envelope, this.#ctx.clock.now(), {
      kind: 'identify',
      compared,
      candidates: hits.map((h) => ({ referenceId: h.travellerId, score: h.score })),
    });
  }
}
