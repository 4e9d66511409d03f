/** What a scenario ends with: its checks, each passed or failed with what was seen, and its figures. */
export interface Check {
  name: string;
  ok: boolean;
  /** What was seen: counts, or the first failures. */
  detail: string;
}

export interface Verdict {
  checks: Check[];
  /** Figures for BENCHMARKS.md (requests, durations, rates). */
  figures: Record<string, string | number>;
}

export function check(name: string, ok: boolean, detail: string): Check {
  return { name, ok, detail };
}

/** The first few items of a list of failures, and how many there are. */
export function firstOf(items: readonly string[], n = 8): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, n).join('\n    ');
  return `${items.length}:\n    ${shown}${items.length > n ? `\n    … and ${items.length - n} more` : ''}`;
}
