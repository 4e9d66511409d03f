/**
 * The command line every scenario shares: `npm run chaos -- <scenario> [--scale small|full]
 * [--db pglite|postgres] [--seed N]`.
 */
export type Scale = 'small' | 'full';
export type Engine = 'pglite' | 'postgres';

export interface Options {
  scenario: string;
  scale: Scale;
  engine: Engine;
  /** fast-check seed; CI varies it by day so each day explores other inputs, reproducibly. */
  seed: number;
  /** Only the operations whose "METHOD /path" contains this text (to replay one failure). */
  only: string | null;
}

/** The seed of a UTC day: 20261205 on 5 December 2026. */
export function seedOfDay(now: Date = new Date()): number {
  return Number(now.toISOString().slice(0, 10).replaceAll('-', ''));
}

export const USAGE =
  'usage: npm run chaos -- <scenario> [--scale small|full] [--db pglite|postgres] [--seed N] [--only "METHOD /path"]';

export function parseOptions(argv: readonly string[]): Options {
  const [scenario, ...rest] = argv;
  if (!scenario || scenario.startsWith('--')) throw new Error(USAGE);
  const options: Options = { scenario, scale: 'small', engine: 'pglite', seed: seedOfDay(), only: null };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (flag === '--scale' && (value === 'small' || value === 'full')) options.scale = value;
    else if (flag === '--db' && (value === 'pglite' || value === 'postgres')) options.engine = value;
    else if (flag === '--seed' && value && /^-?\d+$/.test(value)) options.seed = Number(value);
    else if (flag === '--only' && value) options.only = value;
    else throw new Error(`unknown or invalid option ${flag} ${value ?? ''}\n${USAGE}`);
  }
  return options;
}
