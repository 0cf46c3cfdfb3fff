/**
 * What every service function receives: the query layer, the clock, the configuration and a logger. Built once
 * in `build(deps)`; never a module-level singleton.
 */
import type { ExtractionPool } from '@sarhad/engine';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { DialectName } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { IdentificationGallery } from './identification-gallery.js';
import type { WatchlistScreening } from './watchlist-screening.js';
import type { AuditSigningKey } from './audit-signing-service.js';
import type { Metrics } from './metrics.js';
import type { EventBus } from './events.js';

export interface ServiceContext {
  readonly db: Kysely<DB>;
  readonly dialect: DialectName;
  readonly clock: Clock;
  readonly config: Config;
  readonly logger: Logger;
  /**
   * Worker threads that extract templates from captures sent as grey rasters, started on the first one. Absent (the
   * console commands, which capture no rasters), a raster is extracted on the calling thread.
   */
  readonly extraction?: ExtractionPool;
  /** Enrolled fingers for 1:N search, loaded when the application becomes ready. */
  readonly gallery: IdentificationGallery;
  /** The screener over the latest stored version of every watchlist. */
  readonly watchlists: WatchlistScreening;
  /** Operational metrics (GET /metrics): aggregates only. */
  readonly metrics: Metrics;
  /** Domain events (crossings submitted and decided, cases opened and resolved), published after commit. */
  readonly events: EventBus;
  /** The audit signing key, read (or generated) on first use; absent: read from the configuration each time. */
  readonly auditKey?: () => AuditSigningKey;
}

/** The clock's time as stored: ISO 8601 UTC with milliseconds. */
export function nowIso(ctx: Pick<ServiceContext, 'clock'>): string {
  return ctx.clock.now().toISOString();
}
