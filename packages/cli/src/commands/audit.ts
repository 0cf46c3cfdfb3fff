/**
 * `sarhad audit verify` and `sarhad audit checkpoint`: check the audit log's hash chain offline, straight from the
 * database (the server need not run), and export the checkpoint an outside auditor keeps. `checkpoint --sign` signs
 * it with the server's Ed25519 key and `sarhad audit public-key` prints the public key, so `verify --checkpoint f
 * --public-key k` proves who issued the checkpoint without access to the private key.
 *
 * Exit codes: 0 the chain is intact, 2 the chain is broken (the first broken entry is named), 1 anything else
 * (no database, bad arguments).
 */
import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * The public key that checks a retention anchor, read only when the log has one: `--public-key`, else the key in
 * the data directory when it exists (never generated here).
 */
async function anchorKey(options: DbOptions & { publicKey?: string }): Promise<() => KeyObject | undefined> {
  const { loadAuditSigningKey, loadConfig, parsePublicKey } = await loadServer();
  return () => {
    if (options.publicKey !== undefined) return parsePublicKey(readFileSync(options.publicKey, 'utf8'), options.publicKey);
    const config = loadConfig(process.env, process.cwd(), { dataDir: options.dataDir });
    return existsSync(config.auditSigning.keyFile) ? loadAuditSigningKey(config).publicKey : undefined;
  };
}

async function readCheckpoint(path: string, publicKeyFile?: string): Promise<AuditCheckpoint> {
  const { AuditCheckpoint, ServerError, parsePublicKey, verifyCheckpointSignature } = await loadServer();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ServerError('AUDIT_CHECKPOINT_INVALID', `cannot read checkpoint ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (publicKeyFile !== undefined) {
    let pem: string;
    try {
      pem = readFileSync(publicKeyFile, 'utf8');
    } catch (error) {
      throw new ServerError('AUDIT_PUBLIC_KEY_INVALID', `cannot read public key ${publicKeyFile}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    // The signature is checked before the database is opened: a forged checkpoint proves nothing about the chain.
    verifyCheckpointSignature(raw, parsePublicKey(pem, publicKeyFile));
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
    .option('--public-key <file>', 'PEM public key (sarhad audit public-key): the checkpoint must be signed by it')
    .option('--json', 'print the result as JSON')
    .action(async (options: DbOptions & { checkpoint?: string; publicKey?: string; json?: boolean }) => {
      if (options.publicKey !== undefined && options.checkpoint === undefined) {
        const { ServerError } = await loadServer();
        throw new ServerError('AUDIT_CHECKPOINT_INVALID', '--public-key checks a checkpoint: give --checkpoint <file> too');
      }
      const checkpoint = options.checkpoint ? await readCheckpoint(options.checkpoint, options.publicKey) : undefined;
      const { verifyAuditChain } = await loadServer();
      const publicKey = await anchorKey(options);
      const result = await withDatabase(options, (database) =>
        verifyAuditChain(database.db, checkpoint ? { checkpoint, publicKey } : { publicKey }),
      );
      if (options.json) console.log(JSON.stringify(result));
      else if (result.ok) {
        const from = result.anchor ? ` after the signed retention anchor #${result.anchor.seq}` : '';
        console.log(`audit chain intact: ${entries(result.entries)}${from}; head #${result.head.seq} ${result.head.hash}`);
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
    .option('--sign', "sign it with the server's Ed25519 audit key (server id, key id, signing time, signature)")
    .action(async (options: DbOptions & { sign?: boolean }) => {
      // A checkpoint vouches for everything before it, so it is only issued for a chain that verifies.
      const { verifyAuditChain, loadAuditSigningKey, loadConfig, signAuditCheckpoint, systemClock } = await loadServer();
      const result = await withDatabase(options, async (database) => {
        // The key is read (or, on a first run, created) only once the database is known to exist.
        const key = options.sign ? loadAuditSigningKey(loadConfig(process.env, process.cwd(), { dataDir: options.dataDir })) : undefined;
        const verified = await verifyAuditChain(database.db, { publicKey: key?.publicKey ?? (await anchorKey(options)) });
        return verified.ok && key ? { ...verified, head: signAuditCheckpoint(key, verified.head, systemClock) } : verified;
      });
      if (result.ok) console.log(JSON.stringify(result.head));
      else {
        console.error(`sarhad: no checkpoint: audit chain BROKEN at entry #${result.brokenAt} (${result.reason})`);
        process.exitCode = EXIT_BROKEN_CHAIN;
      }
    });

  audit
    .command('public-key')
    .description("print the server's Ed25519 audit public key (PEM) for auditors to check signed checkpoints")
    .option('--data-dir <dir>', 'data directory holding the key (default: $SARHAD_DATA_DIR or ./.sarhad)')
    .option('--json', 'print {algorithm, server, keyId, publicKey} as JSON')
    .action(async (options: DbOptions & { json?: boolean }) => {
      const { loadAuditSigningKey, loadConfig, publicKeyOf } = await loadServer();
      // Only beside an existing database: a mistyped --data-dir must not mint a key nobody signs with.
      const publicKey = await withDatabase(options, async () =>
        publicKeyOf(loadAuditSigningKey(loadConfig(process.env, process.cwd(), { dataDir: options.dataDir }))),
      );
      if (options.json) console.log(JSON.stringify(publicKey));
      else process.stdout.write(publicKey.publicKey);
    });
}
