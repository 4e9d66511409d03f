/**
 * A server process's clock and timers run SPEED× faster under libfaketime (Debian's `faketime`
 * package): periodic tasks and retry backoffs measured in minutes pass in seconds, and the code
 * under test is unchanged. Its own timeouts shrink by the same factor.
 */
import { existsSync } from 'node:fs';

const LIBFAKETIME = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
];

/** The environment that runs a child process's clock `speed`× faster. */
export function fakeTimeEnv(speed: number, scenario: string): Record<string, string> {
  const lib = LIBFAKETIME.find((path) => existsSync(path));
  if (!lib)
    throw new Error(`libfaketime not found: apt-get install faketime (Debian) — the ${scenario} scenario needs it`);
  return { LD_PRELOAD: lib, FAKETIME: `+0 x${speed}` };
}
