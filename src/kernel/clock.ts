/**
 * The clock. Production reads the machine's time; tests pin it to a stated instant so that no
 * result depends on the day or hour the suite runs (a deadline in working days differs on a
 * Friday evening, a Saturday or during Tết).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `instant` (tests); `set` moves it. */
export function fixedClock(instant: Date | string): Clock & { set(next: Date | string): void } {
  let current = new Date(instant);
  if (Number.isNaN(current.getTime())) throw new Error(`fixedClock: invalid instant ${String(instant)}`);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
  };
}
