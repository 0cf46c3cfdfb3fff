/**
 * A progress bar on stderr for long evaluation steps, shown only when stderr is a terminal: piped and captured
 * runs (CI, `--json | jq`, the tests) get clean output, and stdout never carries progress.
 */
import cliProgress from 'cli-progress';

/** Something to report progress to; a no-op when stderr is not a terminal. */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** Starts a bar labelled `label` counting to `total`. */
export function startProgress(label: string, total: number): Progress {
  if (process.stderr.isTTY !== true) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label.padEnd(12)} [{bar}] {value}/{total}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
