/**
 * `sarhad audit verify` and `sarhad audit checkpoint`: check the audit log's hash chain offline, straight from the
 * database (the server need not run), and export the checkpoint an outside auditor keeps.
 *
 * Exit codes: 0 the chain is intact, 2 the chain is broken (the first broken entry is named), 1 anything else
 * (no database, bad arguments).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AuditCheckpoint, Database } from '@sarhad/server';

/** The server package costs over a second to load (Fastify, drivers), so only the audit verbs load it. */
const loadServer = () => import('@sarhad/server');

function entries(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

/** Exit code for a chain that fails verification. */
export const EXIT_BROKEN_CHAIN = 2;

interface DbOptions {
  dataDir?: string;
}

async function withDatabase<T>(options: DbOptions, run: (database: Database) => Promise<T>): Promise<T> {
  const { loadConfig, openDatabase } = await loadServer();
  const config = loadConfig(process.env, process.cwd(), { dataDir: options.dataDir });
  const database = await openDatabase(config.database, { mustExist: true });
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

async function readCheckpoint(path: string): Promise<AuditCheckpoint> {
  const { AuditCheckpoint, ServerError } = await loadServer();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ServerError('AUDIT_CHECKPOINT_INVALID', `cannot read checkpoint ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = AuditCheckpoint.safeParse(raw);
  if (!parsed.success) {
    throw new ServerError('AUDIT_CHECKPOINT_INVALID', `checkpoint ${path} is malformed: ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}

export function register(program: Command): void {
  const audit = program.command('audit').description('verify the tamper-evident audit log and export checkpoints');

  audit
    .command('verify')
    .description('recompute the audit hash chain and name the first broken entry (exit 2 when broken)')
    .option('--data-dir <dir>', 'data directory holding sarhad.sqlite (default: $SARHAD_DATA_DIR or ./.sarhad)')
    .option('--checkpoint <file>', 'a checkpoint JSON exported earlier; the chain must still contain it')
    .option('--json', 'print the result as JSON')
    .action(async (options: DbOptions & { checkpoint?: string; json?: boolean }) => {
      const checkpoint = options.checkpoint ? await readCheckpoint(options.checkpoint) : undefined;
      const { verifyAuditChain } = await loadServer();
      const result = await withDatabase(options, (database) =>
        verifyAuditChain(database.db, checkpoint ? { checkpoint } : {}),
      );
      if (options.json) console.log(JSON.stringify(result));
      else if (result.ok) {
        console.log(`audit chain intact: ${entries(result.entries)}; head #${result.head.seq} ${result.head.hash}`);
      } else {
        console.log(`audit chain BROKEN at entry #${result.brokenAt} (${result.reason}): ${result.message}`);
        console.log(`${entries(result.entries)} before it verified.`);
      }
      if (!result.ok) process.exitCode = EXIT_BROKEN_CHAIN;
    });

  audit
    .command('checkpoint')
    .description('verify the chain, then print its latest sequence number and hash as JSON for an auditor to keep')
    .option('--data-dir <dir>', 'data directory holding sarhad.sqlite (default: $SARHAD_DATA_DIR or ./.sarhad)')
    .action(async (options: DbOptions) => {
      // A checkpoint vouches for everything before it, so it is only issued for a chain that verifies.
      const { verifyAuditChain } = await loadServer();
      const result = await withDatabase(options, (database) => verifyAuditChain(database.db));
      if (result.ok) console.log(JSON.stringify(result.head));
      else {
        console.error(`sarhad: no checkpoint: audit chain BROKEN at entry #${result.brokenAt} (${result.reason})`);
        process.exitCode = EXIT_BROKEN_CHAIN;
      }
    });
}
