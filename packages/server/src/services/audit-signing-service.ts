/**
 * The server's audit signing key and signed checkpoints. The Ed25519 private key lives in a PKCS#8 PEM file: by
 * default `audit-signing-key.pem` in the data directory, generated on first start with mode 0600; or a file named by
 * `SARHAD_AUDIT_KEY_FILE` (which must exist). A key file readable by group or others is refused, as ssh refuses
 * such identity files. The public key (SPKI PEM) is what auditors keep to check checkpoints without the database.
 */
import { generateKeyPairSync, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { ServerError } from '../errors.js';
import {
  SIGNED_CHECKPOINT_TYPE,
  SignedAuditCheckpoint,
  checkpointSignatureProblem,
  keyIdOf,
  signCheckpoint,
} from '../domain/audit-signature.js';
import type { UserPrincipal } from '../domain/principal.js';
import { verifyAuditChain, type AuditCheckpoint } from './audit-service.js';
import { requirePermission } from './access.js';
import type { ServiceContext } from './context.js';

/** The loaded key pair and who signs with it. */
export interface AuditSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** SHA-256 of the public key's SPKI DER, hex. */
  readonly keyId: string;
  readonly serverId: string;
}

/** What auditors are given: the public key and how to recognise it. */
export interface AuditPublicKey {
  readonly algorithm: 'Ed25519';
  readonly server: string;
  readonly keyId: string;
  /** SPKI PEM. */
  readonly publicKey: string;
}

/** Permission bits a private key file must not have: anything for group or others. */
const GROUP_OR_OTHER_BITS = 0o077;
const KEY_FILE_MODE = 0o600; // owner read/write only
const DATA_DIR_MODE = 0o700; // a data directory created for the key is private too

/**
 * Reads the configured signing key, generating it on first start when it is the default file in the data
 * directory. Throws AUDIT_SIGNING_KEY_INVALID for a missing configured file, a file others can read, or a non-Ed25519
 * key.
 */
export function loadAuditSigningKey(config: Pick<Config, 'auditSigning'>): AuditSigningKey {
  const { keyFile, serverId, generateKey } = config.auditSigning;
  let pem: string;
  try {
    pem = readFileSync(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !generateKey) {
      throw new ServerError('AUDIT_SIGNING_KEY_INVALID', `cannot read the audit signing key ${keyFile}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    pem = createKeyFile(keyFile);
  }
  if (process.platform !== 'win32' && (statSync(keyFile).mode & GROUP_OR_OTHER_BITS) !== 0) {
    const mode = (statSync(keyFile).mode & 0o777).toString(8);
    throw new ServerError('AUDIT_SIGNING_KEY_INVALID', `the audit signing key ${keyFile} has mode ${mode}; run chmod 600 on it`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new ServerError('AUDIT_SIGNING_KEY_INVALID', `${keyFile} is not a PEM private key: ${(error as Error).message}`, { cause: error });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ServerError('AUDIT_SIGNING_KEY_INVALID', `${keyFile} holds a ${privateKey.asymmetricKeyType} key, not Ed25519`);
  }
  const publicKey = createPublicKey(privateKey);
  return Object.freeze({ privateKey, publicKey, keyId: keyIdOf(publicKey), serverId });
}

/** Writes a new Ed25519 key (mode 0600, never overwriting: `wx`) and returns its PEM. */
function createKeyFile(keyFile: string): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  try {
    mkdirSync(dirname(keyFile), { recursive: true, mode: DATA_DIR_MODE });
    writeFileSync(keyFile, pem, { mode: KEY_FILE_MODE, flag: 'wx' });
    return pem;
  } catch (error) {
    // Two processes starting at once: the other one wrote it first; use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(keyFile, 'utf8');
    throw new ServerError('AUDIT_SIGNING_KEY_INVALID', `cannot create the audit signing key ${keyFile}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The public half, for auditors. */
export function publicKeyOf(key: AuditSigningKey): AuditPublicKey {
  return {
    algorithm: 'Ed25519',
    server: key.serverId,
    keyId: key.keyId,
    publicKey: key.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

/** Signs a checkpoint of this server's chain. */
export function signAuditCheckpoint(key: AuditSigningKey, checkpoint: AuditCheckpoint, clock: Clock): SignedAuditCheckpoint {
  return signCheckpoint(
    {
      type: SIGNED_CHECKPOINT_TYPE,
      seq: checkpoint.seq,
      hash: checkpoint.hash,
      time: checkpoint.time,
      server: key.serverId,
      keyId: key.keyId,
      signedAt: clock.now().toISOString(),
    },
    key.privateKey,
  );
}

/**
 * Checks a checkpoint read from a file or request against a public key. Throws AUDIT_CHECKPOINT_UNSIGNED when it
 * has no signature, AUDIT_CHECKPOINT_INVALID when it is not a signed checkpoint, AUDIT_SIGNATURE_INVALID when the
 * signature does not hold. Returns the checkpoint, parsed.
 */
export function verifyCheckpointSignature(raw: unknown, publicKey: KeyObject): SignedAuditCheckpoint {
  if (raw && typeof raw === 'object' && !('signature' in raw)) {
    throw new ServerError('AUDIT_CHECKPOINT_UNSIGNED', 'the checkpoint carries no signature; export one with sarhad audit checkpoint --sign');
  }
  const parsed = SignedAuditCheckpoint.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServerError('AUDIT_CHECKPOINT_INVALID', `not a signed checkpoint: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const problem = checkpointSignatureProblem(parsed.data, publicKey);
  if (problem) throw new ServerError('AUDIT_SIGNATURE_INVALID', `checkpoint #${parsed.data.seq} refused: ${problem}`);
  return parsed.data;
}

/** Reads a public key in PEM (SPKI, or a private key's public half). Throws AUDIT_PUBLIC_KEY_INVALID. */
export function parsePublicKey(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new ServerError('AUDIT_PUBLIC_KEY_INVALID', `${where} is not a PEM public key: ${(error as Error).message}`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new ServerError('AUDIT_PUBLIC_KEY_INVALID', `${where} holds a ${key.asymmetricKeyType} key, not Ed25519`);
  }
  return key;
}

/** The context's signing key (loaded once by `build`), or the configured one. */
export function auditKeyOf(ctx: Pick<ServiceContext, 'config'> & { readonly auditKey?: () => AuditSigningKey }): AuditSigningKey {
  return ctx.auditKey ? ctx.auditKey() : loadAuditSigningKey(ctx.config);
}

/**
 * Verifies the chain and signs its head: a checkpoint is only issued, signed or not, for a chain that verifies.
 * Throws AUDIT_CHAIN_BROKEN otherwise.
 */
export async function signedCheckpointOf(db: Kysely<DB>, key: AuditSigningKey, clock: Clock): Promise<SignedAuditCheckpoint> {
  const result = await verifyAuditChain(db, { publicKey: key.publicKey });
  if (!result.ok) {
    throw new ServerError('AUDIT_CHAIN_BROKEN', `no checkpoint: the chain is broken at entry #${result.brokenAt} (${result.reason})`);
  }
  return signAuditCheckpoint(key, result.head, clock);
}

/** The public key, for a signed-in auditor or administrator. */
export function publicKeyForUser(ctx: ServiceContext, user: UserPrincipal): AuditPublicKey {
  requirePermission(user, 'audit.read');
  return publicKeyOf(auditKeyOf(ctx));
}

/** A signed checkpoint of a verified chain, for a signed-in auditor or administrator. */
export async function signedCheckpointForUser(ctx: ServiceContext, user: UserPrincipal): Promise<SignedAuditCheckpoint> {
  requirePermission(user, 'audit.read');
  return signedCheckpointOf(ctx.db, auditKeyOf(ctx), ctx.clock);
}
