/**
 * The time an officer has spent on the traveller at the counter: from the first keystroke of the document (or the
 * first capture) to the decision, ticking each second while open and frozen once decided.
 */
import { useEffect, useState } from 'react';

const TICK_MS = 1000; // ms: the display shows whole seconds

/** Seconds since `startedAt` (ms since the epoch), or `frozen` once the traveller is decided. */
export function useElapsed(startedAt: number | undefined, frozen: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === undefined || frozen !== undefined) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [startedAt, frozen]);
  if (frozen !== undefined) return frozen;
  return startedAt === undefined ? 0 : Math.max(0, Math.floor((now - startedAt) / 1000));
}

/** m:ss, with the reader's digits. */
export function formatElapsed(seconds: number, formatNumber: (n: number) => string): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${formatNumber(m)}:${s < 10 ? formatNumber(0) : ''}${formatNumber(s)}`;
}
