/**
 * Signed audit checkpoints (Ed25519, RFC 8032). A checkpoint `{seq, hash, time}` vouches for every audit entry up to
 * `seq`; signed with the server's private key it also says *which* server issued it, so an outside auditor who keeps
 * it and the public key can later prove, without the private key and without trusting the database, that the chain
 * still contains it.
 *
 *   signature = Ed25519(private key, UTF-8 of canonicalJson(checkpoint without `signature`))
 *
 * The signed object carries `type` (domain separation: this key signs nothing else with the same layout), the
 * server id, the key id (SHA-256 of the public key's SPKI DER, hex) and when it was signed. Pure: no storage, no
 * files; the keys are node:crypto KeyObjects.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './audit-chain.js';

/** The `type` of a signed checkpoint; a new layout gets a new type. */
export const SIGNED_CHECKPOINT_TYPE = 'sarhad.audit-checkpoint.v1';

/** A checkpoint signed by a server's audit key. */
export const SignedAuditCheckpoint = z.object({
  type: z.literal(SIGNED_CHECKPOINT_TYPE),
  /** Last entry vouched for (0: the empty log). */
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex characters'),
  /** Time of entry `seq` (null for the empty log). */
  time: z.string().nullable(),
  /** The issuing server or post (`SARHAD_SERVER_ID`). */
  server: z.string().min(1).max(100),
  /** SHA-256 of the signing public key (SPKI DER), lower-case hex. */
  keyId: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex characters'),
  signedAt: z.string(),
  /** Ed25519 signature, base64 (64 bytes). */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'base64 of 64 bytes'),
});
export type SignedAuditCheckpoint = z.infer<typeof SignedAuditCheckpoint>;

/** What is signed: the checkpoint without its signature. */
export type UnsignedAuditCheckpoint = Omit<SignedAuditCheckpoint, 'signature'>;

/** The key id of a public key: SHA-256 of its SPKI DER encoding, lower-case hex. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** The bytes an Ed25519 signature covers. */
export function signedBytes(checkpoint: UnsignedAuditCheckpoint): Buffer {
  const { type, seq, hash, time, server, keyId, signedAt } = checkpoint;
  return Buffer.from(canonicalJson({ type, seq, hash, time, server, keyId, signedAt }), 'utf8');
}

/** Signs a checkpoint with an Ed25519 private key. */
export function signCheckpoint(checkpoint: UnsignedAuditCheckpoint, privateKey: KeyObject): SignedAuditCheckpoint {
  const signature = sign(null, signedBytes(checkpoint), privateKey).toString('base64');
  return { ...checkpoint, signature };
}

/** Why a signed checkpoint is refused, or undefined when its signature holds for `publicKey`. */
export function checkpointSignatureProblem(checkpoint: SignedAuditCheckpoint, publicKey: KeyObject): string | undefined {
  if (publicKey.asymmetricKeyType !== 'ed25519') return `the public key is ${publicKey.asymmetricKeyType}, not Ed25519`;
  const keyId = keyIdOf(publicKey);
  if (checkpoint.keyId !== keyId) return `the checkpoint names key ${checkpoint.keyId}, the public key given is ${keyId}`;
  const ok = verify(null, signedBytes(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  return ok ? undefined : 'the Ed25519 signature does not match the checkpoint (altered or forged)';
}

/** Reads a PEM public key (SPKI); also accepts a private key PEM, taking its public half. */
export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey(pem);
}

/**
 * Why a stored anchor (the signed checkpoint of the last purged audit entry) cannot be trusted, or undefined when
 * its JSON is a signed checkpoint at `seq` with `hash` whose signature holds for `publicKey`.
 */
export function anchorProblem(
  anchor: { readonly seq: number; readonly hash: string; readonly checkpoint: string },
  publicKey: KeyObject | undefined,
): string | undefined {
  if (!publicKey) return `the log starts at an anchor (#${anchor.seq}) and no public key was given to check its signature`;
  let raw: unknown;
  try {
    raw = JSON.parse(anchor.checkpoint);
  } catch {
    return 'the anchor checkpoint is not JSON';
  }
  const parsed = SignedAuditCheckpoint.safeParse(raw);
  if (!parsed.success) return `the anchor is not a signed checkpoint: ${parsed.error.issues[0]?.message}`;
  if (parsed.data.seq !== anchor.seq || parsed.data.hash !== anchor.hash) {
    return `the anchor row (#${anchor.seq}) differs from its signed checkpoint (#${parsed.data.seq})`;
  }
  const problem = checkpointSignatureProblem(parsed.data, publicKey);
  return problem && `the anchor's signature does not hold: ${problem}`;
}
