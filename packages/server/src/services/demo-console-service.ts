/**
 * `sarhad demo` at the server's console: loads the demo data straight into the configured database (whoever runs
 * it holds the data directory or the database credentials), waiting for the whole population and reporting
 * progress. The load is audited as started by `system`. A server already running on the same database does not
 * see the new fingerprints in its 1:N gallery until it restarts; load before `sarhad serve`, or use the first-run
 * setup's demo choice (or `POST /api/demo/load`), which loads inside the running server.
 */
import { pino } from 'pino';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { ExhaustiveGallery } from './identification-gallery.js';
import { Metrics } from './metrics.js';
import { EventBus } from './events.js';
import { WatchlistScreening } from './watchlist-screening.js';
import { DemoLoadRequest, startDemoLoad, type DemoAccount, type DemoProgress, type DemoSummary } from './demo-service.js';
import type { ServiceContext } from './context.js';

/** Loads the demo (seed and size validated as the API does); `onAccounts` gets the one-time passwords first. */
export async function loadDemoFromConsole(
  deps: { readonly database: Database; readonly config: Config; readonly clock: Clock },
  request: { readonly seed?: number | undefined; readonly travellers?: number | undefined },
  handlers: { onAccounts?: (accounts: readonly DemoAccount[]) => void; onProgress?: (progress: DemoProgress) => void } = {},
): Promise<DemoSummary> {
  const ctx: ServiceContext = {
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    config: deps.config,
    logger: pino({ level: 'silent' }),
    gallery: new ExhaustiveGallery(deps.database.db),
    watchlists: new WatchlistScreening(deps.database.db),
    metrics: new Metrics(),
    events: new EventBus(),
  };
  const parsed = DemoLoadRequest.parse({ ...(request.seed !== undefined ? { seed: request.seed } : {}), ...(request.travellers !== undefined ? { travellers: request.travellers } : {}) });
  const started = await startDemoLoad(ctx, 'system', parsed, handlers.onProgress);
  handlers.onAccounts?.(started.accounts);
  return started.completion;
}
