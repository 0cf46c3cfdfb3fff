/**
 * CPU time of this process, for the engine's speed figures. The issue asks for speed "on one core"; on a shared,
 * loaded machine wall-clock time also counts the time the process waited for a core (here it swung 7,000 to 35,000
 * comparisons/s between runs), while CPU time counts only the work done. The timed code runs on the main thread and
 * nothing else runs meanwhile, so the process's CPU time is that thread's (plus a little garbage-collector help,
 * which is part of the real cost).
 */

/** Milliseconds of CPU (user + system) this process has used so far; microsecond resolution. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
