/**
 * Retention settings: an administrator sees and changes the retention period of each data class; a stored period
 * overrides the configured default (config.ts, DATABASE.md "Retention"), and the purge (retention-service.ts) uses
 * the effective periods. Every change is audited with the periods before and after.
 *
 * Bounds, in days (the same as the configuration's, so a stored period is never one the configuration would refuse):
 * - `unenrolled_travellers`: 1 to 3,650 (records of travellers never enrolled; default 1,095).
 * - `enrolled_travellers`: 365 to 36,500, or null to keep for ever (the default).
 * - `audit_log`: at least {@link AUDIT_LEGAL_MINIMUM_DAYS} (the legal minimum the configuration also enforces) up to
 *   36,500, or null to keep for ever (the default).
 * - `fingerprint_images`: 1 to 3,650 (default 1,095). This server keeps no fingerprint images (rasters become
 *   templates at capture and are dropped), so the period is recorded for the deployment's policy but nothing is
 *   purged under it.
 */
import { z } from 'zod';
import type { Kysely } from 'kysely';
import * as settingsRepo from '../repositories/retention-settings-repository.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { ServerError } from '../errors.js';
import { actorOf, type UserPrincipal } from '../domain/principal.js';
import { appendAudit } from './audit-service.js';
import { requirePermission } from './access.js';
import { nowIso, type ServiceContext } from './context.js';

export const DATA_CLASSES = ['unenrolled_travellers', 'enrolled_travellers', 'fingerprint_images', 'audit_log'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** The shortest an audit log may be kept: a year, as SARHAD_RETENTION_AUDIT_DAYS also requires. */
export const AUDIT_LEGAL_MINIMUM_DAYS = 365;
const TEN_YEARS_DAYS = 10 * 365;
const CENTURY_DAYS = 100 * 365;

/** Bounds of each class's period in days, and whether it may be kept for ever (null). */
export const RETENTION_BOUNDS: Readonly<Record<DataClass, { readonly min: number; readonly max: number; readonly forever: boolean }>> = {
  unenrolled_travellers: { min: 1, max: TEN_YEARS_DAYS, forever: false },
  enrolled_travellers: { min: 365, max: CENTURY_DAYS, forever: true },
  fingerprint_images: { min: 1, max: TEN_YEARS_DAYS, forever: false },
  audit_log: { min: AUDIT_LEGAL_MINIMUM_DAYS, max: CENTURY_DAYS, forever: true },
};

/** The period of each class in days (null: kept for ever). */
export type RetentionPeriods = Readonly<Record<DataClass, number | null>>;

export function configuredPeriods(config: Config): RetentionPeriods {
  return {
    unenrolled_travellers: config.retention.unenrolledDays,
    enrolled_travellers: config.retention.enrolledDays ?? null,
    fingerprint_images: config.retention.imageDays,
    audit_log: config.retention.auditDays ?? null,
  };
}

function isDataClass(value: string): value is DataClass {
  return (DATA_CLASSES as readonly string[]).includes(value);
}

/** The periods in force: stored ones over the configured defaults. */
export async function effectivePeriods(db: Kysely<DB>, config: Config): Promise<RetentionPeriods> {
  const periods: Record<DataClass, number | null> = { ...configuredPeriods(config) };
  for (const row of await settingsRepo.listSettings(db)) if (isDataClass(row.data_class)) periods[row.data_class] = row.days;
  return periods;
}

/** A change: for each class given, a number of days, or null to keep for ever where allowed. */
export const RetentionChange = z
  .object(Object.fromEntries(DATA_CLASSES.map((c) => [c, z.number().int().nullable().optional()])) as Record<DataClass, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>)
  .strict();
export type RetentionChange = z.infer<typeof RetentionChange>;

export interface RetentionSetting {
  readonly dataClass: DataClass;
  readonly days: number | null;
  readonly defaultDays: number | null;
  readonly min: number;
  readonly max: number;
  readonly foreverAllowed: boolean;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

export interface RetentionRun {
  readonly id: string;
  readonly ranAt: string;
  readonly cutoffs: Record<string, string | null>;
  readonly deleted: Record<string, number>;
  readonly auditSeq: number | null;
}

/** Runs listed on the page. */
export const RECENT_RUNS = 10;

/** The settings of every class and the latest purge runs. */
export async function getRetention(ctx: ServiceContext, user: UserPrincipal): Promise<{ settings: RetentionSetting[]; runs: RetentionRun[] }> {
  requirePermission(user, 'retention.manage');
  const defaults = configuredPeriods(ctx.config);
  const stored = new Map((await settingsRepo.listSettings(ctx.db)).map((r) => [r.data_class, r]));
  const settings = DATA_CLASSES.map((dataClass): RetentionSetting => {
    const row = stored.get(dataClass);
    const bounds = RETENTION_BOUNDS[dataClass];
    return {
      dataClass,
      days: row ? row.days : defaults[dataClass],
      defaultDays: defaults[dataClass],
      min: bounds.min,
      max: bounds.max,
      foreverAllowed: bounds.forever,
      updatedAt: row?.updated_at ?? null,
      updatedBy: row?.updated_by ?? null,
    };
  });
  const runs = (await settingsRepo.listRecentRuns(ctx.db, RECENT_RUNS)).map((r) => ({
    id: r.id,
    ranAt: r.ran_at,
    cutoffs: JSON.parse(r.cutoffs) as Record<string, string | null>,
    deleted: JSON.parse(r.deleted) as Record<string, number>,
    auditSeq: r.audit_seq === null ? null : Number(r.audit_seq),
  }));
  return { settings, runs };
}

/** Validates and stores the periods given; audited as `retention.settings_changed` with before and after. */
export async function changeRetention(ctx: ServiceContext, user: UserPrincipal, change: RetentionChange): Promise<{ settings: RetentionSetting[]; runs: RetentionRun[] }> {
  requirePermission(user, 'retention.manage');
  const given = DATA_CLASSES.filter((c) => change[c] !== undefined);
  if (given.length === 0) throw new ServerError('VALIDATION_FAILED', 'give the period of at least one data class');
  for (const dataClass of given) {
    const days = change[dataClass]!;
    const bounds = RETENTION_BOUNDS[dataClass];
    if (days === null ? !bounds.forever : days < bounds.min || days > bounds.max) {
      throw new ServerError(
        'RETENTION_PERIOD_INVALID',
        `${dataClass}: ${days === null ? 'cannot be kept for ever' : `${days} days is outside ${bounds.min} to ${bounds.max}`}` +
          (dataClass === 'audit_log' && days !== null && days < bounds.min ? ` (the legal minimum is ${AUDIT_LEGAL_MINIMUM_DAYS} days)` : ''),
      );
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    const before = await effectivePeriods(trx, ctx.config);
    const at = nowIso(ctx);
    for (const dataClass of given) await settingsRepo.upsertSetting(trx, { data_class: dataClass, days: change[dataClass]!, updated_at: at, updated_by: user.username });
    const after = await effectivePeriods(trx, ctx.config);
    await appendAudit(trx, ctx.clock, {
      actor: actorOf(user),
      action: 'retention.settings_changed',
      details: { before: { ...before }, after: { ...after } },
    });
  });
  return getRetention(ctx, user);
}
