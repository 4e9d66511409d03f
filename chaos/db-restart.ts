/**
 * Database restart (issue 16, scenario `db-restart`): two API processes over a throw-away
 * PostgreSQL cluster the scenario starts itself (pg-cluster.ts: its own port and directory, never
 * the machine's server), the dossier workload of the crash scenario, and in the middle of it the
 * cluster is stopped outright (`pg_ctl -m immediate`: a crash, so the next start recovers from the
 * WAL), kept down a while, and started again. The API processes are not touched.
 *
 * Verdict: while the database is down every request is answered 503 with the error shape
 * (DATABASE_UNAVAILABLE, the Vietnamese message) — no other 5xx, no hang; both processes are the
 * same processes at the end (they recovered without a restart of their own) and answer
 * /api/health; their queue displays hear each other again (LISTEN reconnects); and from the
 * database (dossier-verdict.ts): nothing accepted is lost, exactly N dossiers, the audit chain
 * verifies, the outbox drains.
 *
 * With PGlite the scenario does not apply, and says so: the database lives inside the API process
 * and cannot restart without it — that is the crash scenario.
 */
import { FAULT_SERVER_ENV } from './crash.js';
import { concludeWorkload } from './lib/dossier-verdict.js';
import type { Options } from './lib/options.js';
import { startPgCluster } from './lib/pg-cluster.js';
import { queueHeardAcross } from './lib/queue-probe.js';
import { type ServerProcess, startServer } from './lib/server.js';
import { targetOn } from './lib/target.js';
import { check, type Verdict } from './lib/verdict.js';
import { prepareWorkload } from './lib/workload.js';

const LOAD = {
  small: { jobs: 120, concurrency: 24, downSeconds: 6 },
  full: { jobs: 1000, concurrency: 64, downSeconds: 20 },
} as const;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(options: Options): Promise<Verdict> {
  if (options.engine === 'pglite') {
    console.log(
      'db-restart does not apply to PGlite: the embedded database runs inside the API process and cannot ' +
        'restart without it — a restart of both is the crash scenario (npm run chaos -- crash --db pglite).',
    );
    return { checks: [], figures: { applies: 'no (PGlite is in-process)' } };
  }
  const { jobs, concurrency, downSeconds } = LOAD[options.scale];
  const cluster = await startPgCluster('motcua');
  const target = await targetOn(cluster.databaseUrl, 'db-restart');
  const servers: ServerProcess[] = [];
  let watch: NodeJS.Timeout | undefined;
  try {
    for (let i = 0; i < 2; i += 1) servers.push(await startServer(target, FAULT_SERVER_ENV));
    const pids = servers.map((s) => s.pid);
    const { setup, workload } = await prepareWorkload(
      servers.map((s) => s.url),
      'db-restart',
    );
    // A process that dies is the failure this scenario looks for: end the load at once, with its last words.
    watch = setInterval(() => {
      const dead = servers.find((s) => !s.alive());
      if (dead) workload.abort(`API process ${dead.pid} exited:\n${dead.output().slice(-1500)}`);
    }, 200);
    console.log(`${jobs} jobs (intake + 2 actions) × ${concurrency} workers over 2 processes`);
    const started = performance.now();
    const load = workload.run(jobs, concurrency);

    await workload.reached(Math.floor(jobs / 3));
    const before = workload.tally.unavailable;
    await cluster.stop('immediate');
    console.log(`PostgreSQL stopped (immediate); down for ${downSeconds} s`);
    await pause(downSeconds * 1000);
    const whileDown = workload.tally.unavailable - before;
    const restartStarted = performance.now();
    await cluster.start();
    const restartSeconds = (performance.now() - restartStarted) / 1000;
    console.log(`PostgreSQL started again (${restartSeconds.toFixed(1)} s); ${whileDown} × 503 while it was down`);
    await load;
    const loadSeconds = (performance.now() - started) / 1000;
    clearInterval(watch);

    const same = servers.every((s, i) => s.alive() && s.pid === pids[i]);
    const queue = same
      ? await queueHeardAcross(servers[1]!.url, servers[0]!.url, 60_000)
      : { ok: false, detail: 'an API process died' };
    // The probe's check-ins wrote outbox events too: the relay must run after them as well.
    workload.lastAnswerAt = new Date();
    const verdict = await concludeWorkload(target, servers, workload, setup, jobs);
    const { tally } = workload;
    return {
      checks: [
        check(
          'while the database was down the API answered 503 DATABASE_UNAVAILABLE with its Vietnamese message',
          whileDown > 0 && tally.badUnavailable.length === 0,
          `${whileDown} × 503 while down, ${tally.unavailable} in all; other shape: ${tally.badUnavailable.slice(0, 3).join(' | ') || 'none'}`,
        ),
        check(
          'no other failure: no 500, no refusal, every request answered in time',
          tally.unexpected.length === 0 && tally.abandoned.length === 0,
          [...tally.unexpected, ...tally.abandoned].slice(0, 5).join(' | ') || 'none',
        ),
        check(
          'the API processes recovered without a restart of their own',
          same && verdict.health.every((s) => s === 200),
          `same processes: ${same}; /api/health ${verdict.health.join(', ')}`,
        ),
        check('queue displays hear the other process again (LISTEN reconnected)', queue.ok, queue.detail),
        ...verdict.checks,
      ],
      figures: {
        jobs,
        concurrency,
        processes: 2,
        requests: tally.sent,
        unavailable503: tally.unavailable,
        unanswered: tally.unanswered,
        downSeconds,
        restartSeconds: Number(restartSeconds.toFixed(1)),
        loadSeconds: Number(loadSeconds.toFixed(1)),
        ...verdict.figures,
      },
    };
  } finally {
    clearInterval(watch);
    await Promise.all(servers.map((s) => s.kill9()));
    await target.dispose();
    await cluster.destroy();
  }
}
