/**
 * Several API processes on one port (API_PROCESSES > 1, PostgreSQL): node:cluster workers, each a
 * whole stateless API process (its own pool of DATABASE_POOL_SIZE connections, its own reference
 * cache under the shared reference stamp, its own periodic-task loop — a due run goes to one of
 * them). The first worker starts alone, so migrations and the demo seed run once; the others
 * follow when it listens. A worker that dies after it listened is replaced; one that dies before
 * (a broken setting, an unreachable database) stops them all, so a bad start fails instead of
 * looping. SIGTERM/SIGINT stop them all.
 */
import cluster, { type Worker } from 'node:cluster';

export async function superviseWorkers(count: number): Promise<void> {
  let stopping = false;
  const listened = new WeakSet<Worker>();
  const fork = () =>
    new Promise<Worker>((resolve) => {
      const worker = cluster.fork();
      worker.once('listening', () => {
        listened.add(worker);
        console.log(`API process ${worker.id} (pid ${worker.process.pid}) listening`);
        resolve(worker);
      });
    });
  const stopAll = (signal: NodeJS.Signals, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    let running = workers.length;
    if (running === 0) process.exit(exitCode);
    cluster.on('exit', () => {
      running -= 1;
      if (running === 0) process.exit(exitCode);
    });
    for (const worker of workers) worker.process.kill(signal);
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!listened.has(worker)) {
      console.error(`API process ${worker.id} ended (${signal ?? code}) before it listened; stopping`);
      return stopAll('SIGTERM', 1);
    }
    console.warn(`API process ${worker.id} ended (${signal ?? code}); starting another`);
    void fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal, 0));
  await fork();
  await Promise.all(Array.from({ length: count - 1 }, fork));
}
