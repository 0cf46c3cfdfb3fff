/**
 * The clock the server reads time from. Passed into `build(deps)` so tests can move time (session expiry, lockout)
 * without sleeping.
 */

/** A source of the current time. */
export interface Clock {
  now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = Object.freeze({ now: () => new Date() });

/** A clock that only moves when told to: for tests of expiry and lockout. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}
