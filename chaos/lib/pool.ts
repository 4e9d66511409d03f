/** A fixed number of concurrent workers, each taking the next job until none is left (or time is up). */

/** Runs `job(i)` for i = 0 … count − 1 with `concurrency` workers; resolves when every job has ended. */
export async function eachConcurrently(
  count: number,
  concurrency: number,
  job: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Runs `job` with `concurrency` workers until `ms` have passed; each worker finishes the job in hand. */
export async function repeatFor(ms: number, concurrency: number, job: (worker: number) => Promise<void>) {
  const until = performance.now() + ms;
  const worker = async (w: number) => {
    while (performance.now() < until) await job(w);
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
}

/** The p-th quantile (0–1) of ascending numbers, nearest rank. */
export const quantile = (sorted: readonly number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
