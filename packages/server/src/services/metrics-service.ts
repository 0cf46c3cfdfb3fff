/**
 * GET /metrics: the application's counters and histograms, plus the queue lengths read from the database at scrape
 * time (so they are right after a restart and across several server processes on one PostgreSQL).
 */
import * as crossingsRepo from '../repositories/crossings-repository.js';
import type { ServiceContext } from './context.js';

/** Statuses in which a crossing waits for a person: the officer, a supervisor, or secondary inspection. */
const OPEN_STATUSES = ['awaiting_decision', 'awaiting_supervisor', 'in_secondary'] as const;

/** The Prometheus exposition text. */
export async function renderMetrics(ctx: Pick<ServiceContext, 'db' | 'metrics'>): Promise<string> {
  const counts = await crossingsRepo.countByStatus(ctx.db, OPEN_STATUSES);
  const queues = Object.fromEntries(OPEN_STATUSES.map((status) => [status, counts.find((c) => c.status === status)?.count ?? 0]));
  return ctx.metrics.render(queues);
}
