/**
 * Password hashing with argon2id (RFC 9106) at OWASP's recommended minimum cost (19 MiB, 2 passes, 1 lane:
 * OWASP Password Storage Cheat Sheet), and the password policy (NIST SP 800-63B section 3.1.1.2: length, not
 * composition rules).
 */
import argon2 from 'argon2';
import { ServerError } from '../errors.js';

const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456, // KiB (19 MiB)
  timeCost: 2, // passes
  parallelism: 1, // lanes
} as const;

export const PASSWORD_MIN_LENGTH = 12; // characters
export const PASSWORD_MAX_LENGTH = 256; // characters: bounds hashing work per request

/**
 * A valid argon2id hash of a random string nobody knows, verified against when the username does not exist so a
 * login takes the same time whether or not the account exists.
 */
const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$b1p2M8cjcUV3Tc06IKLfiQ$9Xmc138e1fsBYguVL8kRW+Wa7TwaRyX0ricum3GUP28';

/** Throws PASSWORD_POLICY unless the password's length (in code points) is within policy. */
export function checkPasswordPolicy(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw new ServerError(
      'PASSWORD_POLICY',
      `a password must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters (got ${length})`,
    );
  }
}

export async function hashPassword(password: string): Promise<string> {
  checkPasswordPolicy(password);
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** Verifies `password` against `hash`, or against a dummy hash when there is no account (always false then). */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if ([...password].length > PASSWORD_MAX_LENGTH) return false;
  try {
    const ok = await argon2.verify(hash ?? DUMMY_HASH, password);
    return hash !== undefined && ok;
  } catch {
    return false;
  }
}
