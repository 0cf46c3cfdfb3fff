/**
 * Server configuration: read once from the environment (and command-line overrides), validated with zod, frozen.
 * Every default carries its unit. Nothing else in the server reads `process.env`.
 */
import { hostname } from 'node:os';
import { resolve, join } from 'node:path';
import { z } from 'zod';
import { ServerError } from './errors.js';

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The environment variables the server reads, with their defaults. */
export const EnvConfig = z.object({
  SARHAD_PORT: integer(0, 65535).default(4400), // TCP port; 0 picks a free one
  SARHAD_HOST: z.string().min(1).default('127.0.0.1'), // loopback only unless asked
  SARHAD_DATA_DIR: z.string().min(1).optional(), // default `.sarhad` under the working directory
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(), // unset: SQLite file in the data directory
  SARHAD_DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case PostgreSQL identifier')
    .default('public'), // PostgreSQL schema holding the tables
  SARHAD_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SARHAD_SESSION_TTL_MINUTES: integer(5, 7 * 24 * 60).default(12 * 60), // 12 h: one shift at a counter
  SARHAD_LOGIN_MAX_FAILURES: integer(1, 100).default(5), // failed logins before the account is locked
  SARHAD_LOGIN_FAILURE_WINDOW_MINUTES: integer(1, 24 * 60).default(15), // 15 min: failures older than this are forgotten
  SARHAD_LOGIN_LOCKOUT_MINUTES: integer(1, 24 * 60).default(15), // 15 min lock after too many failures
  SARHAD_COOKIE_SECURE: z.enum(['true', 'false']).optional(), // default: true when NODE_ENV=production
  SARHAD_FINGERPRINT_MIN_AGE_YEARS: integer(0, 18).default(12), // 12 years, as EU EES (Regulation 2017/2226 art. 17)
  SARHAD_DAILY_CAPACITY: integer(1, 10_000_000).default(50_000), // crossings a day a post is planned for (dashboard)
  SARHAD_EVENT_HEARTBEAT_SECONDS: integer(1, 300).default(15), // 15 s: a comment line on idle event streams (proxies drop silent ones)
  SARHAD_EVENT_STREAMS_PER_USER: integer(1, 100).default(4), // live event streams one user may hold open (tabs, screens)
  SARHAD_IMAGE_RETENTION_DAYS: integer(1, 10 * 365).default(3 * 365), // 1095 days: EES keeps records 3 years
  // False-match rates (fractions) for fingerprint decisions; the engine's calibrated score for an FMR is
  // -10·log10(FMR). Verification: EU EES asks FNMR < 0.5 % at FMR 0.05 %. Identification (de-duplication and 1:N at
  // the lane) is per traveller compared, so over N enrolled travellers about N·FMR false candidates are expected.
  SARHAD_VERIFICATION_FMR: z.coerce.number().min(1e-12).max(0.1).default(0.0005), // 0.05 %: score 33
  SARHAD_IDENTIFICATION_FMR: z.coerce.number().min(1e-12).max(0.1).default(1e-6), // 1e-6: score 60
  // Retention (docs: DATABASE.md "Retention"): records of travellers never enrolled (crossings of unidentified
  // travellers, travellers without fingerprints), and the audit log (unset: kept for ever; purged only as a prefix
  // behind a signed anchor, never younger than 365 days).
  SARHAD_RETENTION_UNENROLLED_DAYS: integer(1, 10 * 365).default(3 * 365), // 1095 days: EES keeps records 3 years
  SARHAD_RETENTION_AUDIT_DAYS: integer(365, 100 * 365).optional(), // unset: never purged; at least 365 days
  // Enrolled travellers (fingerprints) idle this long: their record, fingers and crossings go, and the 1:N gallery
  // forgets them. Unset: kept for ever (EES keeps a record 3 years after the last exit: 1095 days).
  SARHAD_RETENTION_ENROLLED_DAYS: integer(365, 100 * 365).optional(), // unset: never purged; at least 365 days
  SARHAD_RETENTION_INTERVAL_MINUTES: integer(1, 7 * 24 * 60).default(24 * 60), // 1440 min: the server purges daily
  // Signed audit checkpoints: who signs (a post code or server name) and where the Ed25519 private key lives.
  SARHAD_SERVER_ID: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'letters, digits, . _ -').optional(), // default: host name
  SARHAD_AUDIT_KEY_FILE: z.string().min(1).optional(), // default: audit-signing-key.pem in the data directory (0600)
  // MOSIP ABIS interface: where an INSERT's or IDENTIFY's referenceURL may be fetched from. Comma-separated URL
  // prefixes (`https://datashare.example.org/v1/`); unset: only inline `data:` URLs, nothing is fetched.
  SARHAD_ABIS_FETCH_ALLOW: z
    .string()
    .refine(
      (v) => v.split(',').every((p) => /^https?:\/\/[^/\s]+\/\S*$/.test(p.trim())),
      'comma-separated http(s) URL prefixes, each with a path ending in / or more',
    )
    .optional(),
  SARHAD_ABIS_FETCH_TIMEOUT_MS: integer(100, 120_000).default(10_000), // 10 s per referenceURL fetch
  // 1:N gallery: `indexed` (the engine's candidate index, searched in worker threads) or `exhaustive` (every
  // subject fully matched: the reference, slow on large galleries). Workers: threads the indexed gallery searches in.
  SARHAD_GALLERY: z.enum(['indexed', 'exhaustive']).default('indexed'),
  SARHAD_GALLERY_WORKERS: integer(1, 64).optional(), // unset: one per core
  // Where the indexed galleries keep their snapshots (written at shutdown, used at start while the database is
  // unchanged); `off` for none. Default: the data directory.
  SARHAD_GALLERY_SNAPSHOT_DIR: z.string().min(1).optional(),
  // Threads that extract minutiae from the images lanes and ABIS requests send (started with the first image).
  SARHAD_EXTRACTION_WORKERS: integer(1, 64).optional(), // unset: one per core
  NODE_ENV: z.string().optional(),
});
export type EnvConfig = z.infer<typeof EnvConfig>;

/** Where the data lives: a SQLite file (default) or a PostgreSQL server. */
export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };

/** The validated, frozen server configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly logLevel: EnvConfig['SARHAD_LOG_LEVEL'];
  readonly session: { readonly ttlMinutes: number; readonly cookieSecure: boolean };
  readonly login: { readonly maxFailures: number; readonly failureWindowMinutes: number; readonly lockoutMinutes: number };
  readonly fingerprintMinAgeYears: number;
  /** Crossings a day a post is planned for: the supervisor dashboard shows today's count against it. */
  readonly dailyCapacity: number;
  /** Server-sent event streams (GET /api/events): heartbeat interval and open streams allowed per user. */
  readonly events: { readonly heartbeatSeconds: number; readonly streamsPerUser: number };
  readonly imageRetentionDays: number;
  /** False-match rates for 1:1 verification and 1:N identification (per traveller compared). */
  readonly biometrics: { readonly verificationFmr: number; readonly identificationFmr: number };
  /** Retention periods per data class (days; audit undefined: kept for ever) and how often the server purges. */
  readonly retention: {
    readonly unenrolledDays: number;
    readonly imageDays: number;
    readonly auditDays: number | undefined;
    /** Enrolled travellers idle this long are purged (undefined: kept for ever). */
    readonly enrolledDays: number | undefined;
    readonly intervalMinutes: number;
  };
  /** The 1:N gallery: indexed (default) or exhaustive, and the indexed gallery's worker threads (undefined: one per core). */
  readonly gallery: {
    readonly kind: 'indexed' | 'exhaustive';
    readonly workers: number | undefined;
    /** Directory of the snapshot files (undefined: none). */
    readonly snapshotDir: string | undefined;
  };
  /** Worker threads extracting minutiae from submitted images (undefined: one per core). */
  readonly extraction: { readonly workers: number | undefined };
  /** The MOSIP ABIS interface: URL prefixes a referenceURL may be fetched from (empty: data: URLs only). */
  readonly abis: { readonly fetchAllow: readonly string[]; readonly fetchTimeoutMs: number };
  /** Signed checkpoints: the server id they name and the Ed25519 private key file (PKCS#8 PEM). */
  readonly auditSigning: {
    readonly serverId: string;
    readonly keyFile: string;
    /** True for the default file in the data directory, created on first start; a configured file must exist. */
    readonly generateKey: boolean;
  };
}

/** Command-line flags that take precedence over the environment (`sarhad serve --port ...`). */
export interface ConfigOverrides {
  readonly port?: number | string;
  readonly host?: string;
  readonly dataDir?: string;
}

/**
 * Reads the configuration once. `env` is usually `process.env`; `cwd` anchors the default data directory.
 * Throws `CONFIG_INVALID` naming every offending variable.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  overrides: ConfigOverrides = {},
): Config {
  const merged = {
    ...env,
    ...(overrides.port !== undefined ? { SARHAD_PORT: String(overrides.port) } : {}),
    ...(overrides.host !== undefined ? { SARHAD_HOST: overrides.host } : {}),
    ...(overrides.dataDir !== undefined ? { SARHAD_DATA_DIR: overrides.dataDir } : {}),
  };
  // Empty variables count as unset, the way shells and .env files usually mean them.
  const present = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvConfig.safeParse(present);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ServerError('CONFIG_INVALID', `invalid configuration: ${detail}`, { cause: parsed.error });
  }
  const e = parsed.data;
  const dataDir = resolve(cwd, e.SARHAD_DATA_DIR ?? '.sarhad');
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, schema: e.SARHAD_DB_SCHEMA }
    : { kind: 'sqlite', file: join(dataDir, 'sarhad.sqlite') };
  return deepFreeze({
    port: e.SARHAD_PORT,
    host: e.SARHAD_HOST,
    dataDir,
    database,
    logLevel: e.SARHAD_LOG_LEVEL,
    session: {
      ttlMinutes: e.SARHAD_SESSION_TTL_MINUTES,
      cookieSecure: e.SARHAD_COOKIE_SECURE ? e.SARHAD_COOKIE_SECURE === 'true' : e.NODE_ENV === 'production',
    },
    login: {
      maxFailures: e.SARHAD_LOGIN_MAX_FAILURES,
      failureWindowMinutes: e.SARHAD_LOGIN_FAILURE_WINDOW_MINUTES,
      lockoutMinutes: e.SARHAD_LOGIN_LOCKOUT_MINUTES,
    },
    fingerprintMinAgeYears: e.SARHAD_FINGERPRINT_MIN_AGE_YEARS,
    dailyCapacity: e.SARHAD_DAILY_CAPACITY,
    events: { heartbeatSeconds: e.SARHAD_EVENT_HEARTBEAT_SECONDS, streamsPerUser: e.SARHAD_EVENT_STREAMS_PER_USER },
    imageRetentionDays: e.SARHAD_IMAGE_RETENTION_DAYS,
    biometrics: { verificationFmr: e.SARHAD_VERIFICATION_FMR, identificationFmr: e.SARHAD_IDENTIFICATION_FMR },
    retention: {
      unenrolledDays: e.SARHAD_RETENTION_UNENROLLED_DAYS,
      imageDays: e.SARHAD_IMAGE_RETENTION_DAYS,
      auditDays: e.SARHAD_RETENTION_AUDIT_DAYS,
      enrolledDays: e.SARHAD_RETENTION_ENROLLED_DAYS,
      intervalMinutes: e.SARHAD_RETENTION_INTERVAL_MINUTES,
    },
    gallery: {
      kind: e.SARHAD_GALLERY,
      workers: e.SARHAD_GALLERY_WORKERS,
      snapshotDir: e.SARHAD_GALLERY_SNAPSHOT_DIR === 'off' ? undefined : resolve(cwd, e.SARHAD_GALLERY_SNAPSHOT_DIR ?? dataDir),
    },
    extraction: { workers: e.SARHAD_EXTRACTION_WORKERS },
    abis: {
      fetchAllow: (e.SARHAD_ABIS_FETCH_ALLOW ?? '').split(',').map((p) => p.trim()).filter((p) => p !== ''),
      fetchTimeoutMs: e.SARHAD_ABIS_FETCH_TIMEOUT_MS,
    },
    auditSigning: {
      serverId: e.SARHAD_SERVER_ID ?? (hostname().replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 100) || 'sarhad'),
      keyFile: resolve(cwd, e.SARHAD_AUDIT_KEY_FILE ?? join(dataDir, 'audit-signing-key.pem')),
      generateKey: e.SARHAD_AUDIT_KEY_FILE === undefined,
    },
  });
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner as object);
  return Object.freeze(value);
}
