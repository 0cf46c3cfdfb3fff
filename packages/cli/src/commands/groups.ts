/**
 * Verb groups shared by several command files: `sarhad eval <what>` and `sarhad bench <what>`. Each file that adds
 * a sub-command asks for its group here, so no file has to know the others.
 */
import type { Command } from 'commander';

function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** `sarhad eval ...`: accuracy evaluations on public data sets. */
export function evalGroup(program: Command): Command {
  return group(program, 'eval', 'run an accuracy evaluation protocol (fvc, fvc-iso, screening)');
}

/** `sarhad bench ...`: speed and memory benchmarks. */
export function benchGroup(program: Command): Command {
  return group(program, 'bench', 'run a speed benchmark (engine, watchlist-import)');
}
