/**
 * Recognises the storage failures services turn into domain errors, in both dialects' vocabularies:
 * better-sqlite3's `SQLITE_CONSTRAINT_*` codes and PostgreSQL SQLSTATEs (Appendix A of the PostgreSQL manual).
 */

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A UNIQUE or PRIMARY KEY constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** A FOREIGN KEY constraint refused the write. */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** The database could not be reached or is busy beyond its timeout. */
export function isUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  return (
    code === 'SQLITE_BUSY' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    code === '57P01' || // admin_shutdown
    code === '53300' // too_many_connections
  );
}
