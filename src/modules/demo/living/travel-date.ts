/**
 * The living demo's time machine. Intake and the dossier actions are given the move's instant, but
 * some services still read the time from `new Date()` (payments, ratings, the audit record), not
 * from a clock they are given, so a demo made of real service calls at past instants must make
 * `Date` itself read a stepped clock while it runs.
 *
 * Only for the demo seed, which runs alone before the server listens: while `travelling` runs,
 * every `new Date()` and `Date.now()` in the process reads `clock`. `Date` with arguments, its
 * static helpers and `instanceof Date` (of dates made before or during the trip) behave as usual.
 * SQL `now()` defaults (rows' created_at) stay the database's real time: that is when the row was
 * written, which is true.
 *
 * PGlite arms its internal timers (setitimer) from the wall clock minus `Date.now()`: while the
 * clock is months back, Node clamps such a timer to 1 ms and warns (TimeoutOverflowWarning). The
 * timer only fires early, which the database tolerates; the warning is dropped during the trip
 * so the first start's log stays readable.
 */
import type { Clock } from '../../../kernel/clock.js';

export async function travelling<T>(clock: Clock, run: () => Promise<T>): Promise<T> {
  const RealDate = globalThis.Date;
  const read = () => clock.now().getTime();
  class ClockDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(read());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return read();
    }
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type =
      typeof warning === 'string'
        ? typeof rest[0] === 'string'
          ? rest[0]
          : (rest[0] as { type?: string } | undefined)?.type
        : warning.name;
    if (type !== 'TimeoutOverflowWarning')
      (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  globalThis.Date = ClockDate as DateConstructor;
  try {
    return await run();
  } finally {
    globalThis.Date = RealDate;
    process.emitWarning = emitWarning;
  }
}
