/**
 * The `sarhad` command line. Each verb lives in src/commands/<verb>.ts and exports `register(program)`.
 */
import { Command, CommanderError } from 'commander';
import { register as registerAudit } from './commands/audit.js';
import { register as registerWatchlist } from './commands/watchlist.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerEvalFvc } from './commands/eval-fvc.js';
import { register as registerBenchEngine } from './commands/bench-engine.js';
import { register as registerBenchCrossings } from './commands/bench-crossings.js';
import { register as registerBenchIdentify } from './commands/bench-identify.js';
import { register as registerScreen } from './commands/screen.js';
import { register as registerEvalScreening } from './commands/eval-screening.js';
import { register as registerRetention } from './commands/retention.js';
import { register as registerAdmin } from './commands/admin.js';
import { register as registerDb } from './commands/db.js';
import { register as registerDemo } from './commands/demo.js';
import { register as registerSimulate } from './commands/simulate.js';
import { register as registerImportTravellers } from './commands/import-travellers.js';

export function buildProgram(): Command {
  const program = new Command('sarhad')
    .description('Sarhad: biometric border-crossing control')
    .showHelpAfterError()
    .exitOverride();
  registerAudit(program);
  registerWatchlist(program);
  registerServe(program);
  registerEvalFvc(program);
  registerBenchEngine(program);
  registerBenchCrossings(program);
  registerBenchIdentify(program);
  registerScreen(program);
  registerEvalScreening(program);
  registerRetention(program);
  registerAdmin(program);
  registerDb(program);
  registerDemo(program);
  registerSimulate(program);
  registerImportTravellers(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    const code = (error as { code?: unknown }).code;
    console.error(`sarhad: ${typeof code === 'string' ? `${code}: ` : ''}${(error as Error).message ?? error}`);
    process.exitCode = 1;
  }
}
