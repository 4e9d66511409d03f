/**
 * Crash (issue 16, scenario `crash`): kill -9 an API process in the middle of N concurrent
 * intakes and processing actions, restart it, and let the clients resend what was left
 * unanswered (workload.ts: intakes with the same Idempotency-Key, actions with the same version).
 * PostgreSQL: two processes on one database, one of them killed (the other keeps serving);
 * PGlite: the one process over its DATA_DIR, killed and started again on the same directory.
 *
 * Verdict from the database (dossier-verdict.ts): every 201/200 answered is there, no code twice,
 * no dossier without its components, events, audit records and outbox events, the audit chain
 * verifies (and the chainer caught up by itself), the outbox drains, exactly N dossiers with
 * each action once. And the kill did cut requests in flight (else nothing was tested).
 */
import { concludeWorkload } from './lib/dossier-verdict.js';
import type { Options } from './lib/options.js';
import { type ServerProcess, startServer } from './lib/server.js';
import { createTarget } from './lib/target.js';
import { check, type Verdict } from './lib/verdict.js';
import { prepareWorkload } from './lib/workload.js';

/** Jobs (each an intake and two actions) and concurrent workers. */
const LOAD = { small: { jobs: 120, concurrency: 24 }, full: { jobs: 1000, concurrency: 64 } } as const;
/** Periodic tasks (the outbox relay) looked for every second, so the drain is seen soon. */
export const FAULT_SERVER_ENV = { JOBS_TICK_SECONDS: '1' };

export async function run(options: Options): Promise<Verdict> {
  const { jobs, concurrency } = LOAD[options.scale];
  const target = await createTarget(options.engine, 'crash');
  const servers: ServerProcess[] = [];
  try {
    // One after the other: the first migrates and seeds, the second finds it done.
    const processes = options.engine === 'postgres' ? 2 : 1;
    for (let i = 0; i < processes; i += 1) servers.push(await startServer(target, FAULT_SERVER_ENV));
    const { endpoints, setup, workload } = await prepareWorkload(
      servers.map((s) => s.url),
      'crash',
    );
    console.log(`${jobs} jobs (intake + 2 actions) × ${concurrency} workers over ${processes} process(es)`);
    const started = performance.now();
    const load = workload.run(jobs, concurrency);

    // The fault: once a third of the intakes are answered, kill the first process outright.
    await workload.reached(Math.floor(jobs / 3));
    endpoints.down(0);
    const inFlightAtKill = endpoints.inFlight[0]!;
    const victim = servers[0]!;
    await victim.kill9();
    console.log(`killed pid ${victim.pid} with ${inFlightAtKill} requests in flight; restarting it`);
    const restartStarted = performance.now();
    servers[0] = await startServer(target, FAULT_SERVER_ENV);
    const restartSeconds = (performance.now() - restartStarted) / 1000;
    endpoints.up(0, servers[0].url);
    await load;
    const loadSeconds = (performance.now() - started) / 1000;

    const verdict = await concludeWorkload(target, servers, workload, setup, jobs);
    const { tally } = workload;
    return {
      checks: [
        check(
          'the kill cut requests in flight (they were resent)',
          tally.unanswered > 0,
          `${tally.unanswered} requests unanswered, ${inFlightAtKill} in flight at the kill`,
        ),
        check(
          'every request was answered as expected (no 5xx, no refusal; a replayed intake gives its dossier)',
          tally.unexpected.length === 0 && tally.unavailable === 0 && tally.abandoned.length === 0,
          `${tally.unavailable} × 503, ${tally.replayed} intakes replayed; unexpected ${[...tally.unexpected, ...tally.abandoned].slice(0, 5).join(' | ') || 'none'}`,
        ),
        check(
          'every process answers /api/health at the end',
          verdict.health.every((s) => s === 200),
          verdict.health.join(', '),
        ),
        ...verdict.checks,
      ],
      figures: {
        jobs,
        concurrency,
        processes,
        requests: tally.sent,
        unanswered: tally.unanswered,
        inFlightAtKill,
        restartSeconds: Number(restartSeconds.toFixed(1)),
        loadSeconds: Number(loadSeconds.toFixed(1)),
        ...verdict.figures,
      },
    };
  } finally {
    await Promise.all(servers.map((s) => s.kill9()));
    await target.dispose();
  }
}
