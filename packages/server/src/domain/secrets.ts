/**
 * Bearer secrets: session tokens, device API keys and setup tokens. Each is 256 random bits, base64url, after a
 * prefix that says what it is (so secret scanners and people can recognise a leaked one). Only SHA-256 of a
 * secret is stored: the secrets are uniformly random, so a fast hash is enough (a slow password hash protects
 * low-entropy human passwords, which these are not).
 */
import { createHash, randomBytes } from 'node:crypto';

export const SECRET_PREFIXES = {
  session: 'sarhad_st_',
  device: 'sarhad_dk_',
  setup: 'sarhad_setup_',
} as const;

/** 256 bits of randomness. */
const SECRET_BYTES = 32; // bytes

/** A new secret of the given kind. */
export function newSecret(kind: keyof typeof SECRET_PREFIXES): string {
  return SECRET_PREFIXES[kind] + randomBytes(SECRET_BYTES).toString('base64url');
}

/** SHA-256 of a secret, lower-case hex: what the database stores. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
