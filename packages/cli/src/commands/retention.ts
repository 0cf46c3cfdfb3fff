/**
 * `sarhad retention purge [--dry-run]`: deletes what is past its retention period (records of travellers never
 * enrolled; audit entries when SARHAD_RETENTION_AUDIT_DAYS is set, behind a signed anchor) straight from the
 * database, and records the purge in the audit log. The server does the same on its own every
 * SARHAD_RETENTION_INTERVAL_MINUTES; this verb is for a purge on demand or a look at what would go (`--dry-run`).
 */
import type { Command } from 'commander';
import type { PurgeReport } from '@sarhad/server';

interface PurgeOptions {
  dataDir?: string;
  dryRun?: boolean;
  json?: boolean;
}

function summary(report: PurgeReport): string {
  const d = report.deleted;
  const verb = report.dryRun ? 'would delete' : 'deleted';
  const lines = [
    `retention purge ${report.dryRun ? '(dry run, nothing changed) ' : ''}at ${report.ranAt}:`,
    `  unenrolled travellers (before ${report.cutoffs.unenrolledTravellers}): ${verb} ${d.unenrolledTravellers} travellers ` +
      `with ${d.unenrolledTravellerCrossings} crossings, and ${d.unidentifiedCrossings} crossings of unidentified travellers`,
    report.cutoffs.auditLog === null
      ? '  audit log: kept for ever (SARHAD_RETENTION_AUDIT_DAYS is not set)'
      : `  audit log (before ${report.cutoffs.auditLog}): ${verb} ${d.auditEntries} entries` +
        (report.anchor ? `; signed anchor #${report.anchor.seq} ${report.anchor.hash}` : ''),
  ];
  if (report.auditSeq !== null) lines.push(`  recorded as audit entry #${report.auditSeq}`);
  return lines.join('\n');
}

export function register(program: Command): void {
  const retention = program.command('retention').description('delete data past its retention period');
  retention
    .command('purge')
    .description('delete what is past its retention period and record the purge in the audit log')
    .option('--data-dir <dir>', 'data directory holding sarhad.sqlite (default: $SARHAD_DATA_DIR or ./.sarhad)')
    .option('--dry-run', 'count what would be deleted and change nothing')
    .option('--json', 'print the report as JSON')
    .action(async (options: PurgeOptions) => {
      // Loaded here: the server package takes over a second to load and other verbs never need it.
      const { loadConfig, openDatabase, purgeExpired, systemClock } = await import('@sarhad/server');
      const config = loadConfig(process.env, process.cwd(), { dataDir: options.dataDir });
      const database = await openDatabase(config.database, { mustExist: true });
      try {
        const report = await purgeExpired({ db: database.db, clock: systemClock, config }, { dryRun: options.dryRun ?? false });
        console.log(options.json ? JSON.stringify(report) : summary(report));
      } finally {
        await database.close();
      }
    });
}
