/**
 * The server's retention job: purges once shortly after start and then every `SARHAD_RETENTION_INTERVAL_MINUTES`.
 * Runs never overlap (the next is scheduled when one ends); a failure is logged and retried at the next interval.
 * The timer does not keep the process alive, and `stop()` waits for a purge in progress.
 */
import { purgeExpired, type PurgeReport, type RetentionContext } from './retention-service.js';

export interface RetentionJob {
  /** Cancels the next run and waits for the current one. */
  stop(): Promise<void>;
}

/** Delay before the first purge, so it does not compete with the gallery load at start. */
const FIRST_RUN_DELAY_MS = 10_000; // 10 s
const MINUTE_MS = 60_000;

export function startRetentionJob(ctx: RetentionContext, options: { readonly firstRunDelayMs?: number } = {}): RetentionJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined;
        schedule(ctx.config.retention.intervalMinutes * MINUTE_MS);
      });
    }, delayMs);
    timer.unref();
  };
  const runOnce = async () => {
    try {
      const report: PurgeReport = await purgeExpired(ctx);
      ctx.logger.info({ deleted: report.deleted, anchor: report.anchor, auditSeq: report.auditSeq }, 'retention purge done');
    } catch (error) {
      ctx.logger.error({ err: error }, 'retention purge failed; retrying at the next interval');
    }
  };
  schedule(options.firstRunDelayMs ?? FIRST_RUN_DELAY_MS);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
