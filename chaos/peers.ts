/**
 * Peer outages (issue 16, scenario `peers`): the national systems MotCua calls over the network —
 * the national portal (Cổng DVCQG, dossier sync) and the national data-sharing platform (NDXP:
 * population lookups at intake, the national data store) — are served by their simulators in a
 * MotCua process of their own, on a database of their own, as a separate system would be. The API
 * process reaches them through a TCP proxy each (NATIONAL_PORTAL_URL, NATIONAL_DATA_URL). Under a
 * load of counter intakes and forwards, both peers go down (connections reset), then hang
 * (connections held, never answered), then come back.
 *
 * The API runs under libfaketime at SPEED× (its clock and timers): the sync task's period (60 s),
 * the relay's (30 s) and the retry backoff (60 s doubling) then pass in seconds, and the code under
 * test is unchanged. Its own timeouts shrink by the same factor (NDXP 5 s → 0.5 s), which stays far
 * above a loopback answer.
 *
 * Verdict, from the two databases: every 201 is a dossier; no outbox event left undelivered; every
 * dossier synced at its current version; the portal holds each dossier and each progress step
 * exactly once; while the peers were down, intakes were still taken (unverified, answered in time),
 * the national store answered 503 with its code, and the staff console showed the failed syncs
 * with their reason; the outage really happened (the proxies refused and held connections).
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/kernel/db.js';
import { fakeTimeEnv } from './lib/faketime.js';
import { call, hasErrorShape, type Reply } from './lib/http.js';
import type { Options } from './lib/options.js';
import { eachConcurrently, quantile, sleep } from './lib/pool.js';
import { type DossierView, forward, intake, openProvince, type Province } from './lib/province.js';
import { type TcpProxy, type ProxyMode, startProxy } from './lib/proxy.js';
import { startServer } from './lib/server.js';
import { createTarget, type Target } from './lib/target.js';
import { check, firstOf, type Verdict } from './lib/verdict.js';
import { stage } from './lib/stage.js';

/** How much faster the API's clock runs (libfaketime). */
const SPEED = 10;
/** Intakes per phase, concurrent clients, and how long the peers stay down + hung (real ms). */
const PLAN = {
  small: { perPhase: 6, concurrency: 3, outageMs: 16_000 },
  full: { perPhase: 60, concurrency: 12, outageMs: 60_000 },
} as const;
/** Real time: the longest wait for the backlog to drain after the peers are back. */
const DRAIN_MS = 180_000;
/** Real time the state must hold still to count as drained: > a relay period + a sync period at SPEED. */
const SETTLED_MS = 12_000;
/** Real time within which an intake must answer while its peer is down or hung. */
const ANSWER_BOUND_MS = 10_000;

type Phase = 'before' | 'down' | 'hung' | 'after';

interface Outcome {
  phase: Phase;
  op: 'intake' | 'forward';
  status: number;
  ms: number;
  populationCheck: string | null;
  /** The dossier's code, when one was made. */
  code: string | null;
  text: string;
}

/** Counter intakes of the known citizen, each forwarded once: every answer is kept; the forwarded dossiers returned. */
async function takeIn(p: Province, phase: Phase, n: number, concurrency: number, log: Outcome[]) {
  const forwarded: DossierView[] = [];
  await eachConcurrently(n, concurrency, async () => {
    let started = performance.now();
    const reply = await intake(p);
    const d = reply.status === 201 ? (JSON.parse(reply.text) as DossierView) : null;
    log.push(outcome(phase, 'intake', reply, started, d));
    if (!d) return;
    started = performance.now();
    const next = await forward(p, 'tiepnhan', d);
    log.push(outcome(phase, 'forward', next, started, null));
    if (next.status === 200) forwarded.push(JSON.parse(next.text) as DossierView);
  });
  return forwarded;
}

/** The processing official forwards dossiers the portal already holds: their new step must follow, alone. */
async function advance(p: Province, phase: Phase, dossiers: DossierView[], concurrency: number, log: Outcome[]) {
  await eachConcurrently(dossiers.length, concurrency, async (i) => {
    const started = performance.now();
    log.push(outcome(phase, 'forward', await forward(p, 'chuyenvien', dossiers[i]!), started, null));
  });
}

const outcome = (phase: Phase, op: Outcome['op'], r: Reply, started: number, d: DossierView | null): Outcome => ({
  phase,
  op,
  status: r.status,
  ms: performance.now() - started,
  populationCheck: d?.populationCheck ?? null,
  code: d?.code ?? null,
  text: r.text.slice(0, 300),
});

type SyncList = {
  total: number;
  items: { dossierCode: string; lastErrorCode: string | null; lastErrorMessage: string | null }[];
};

const syncs = async (p: Province, status: string): Promise<SyncList> => {
  const r = await call(p.base, {
    method: 'GET',
    path: `/api/national-portal/syncs?unit=${p.competentUnitId}&status=${status}&pageSize=100`,
    session: p.sessions.kstthc,
  });
  if (r.status !== 200) throw new Error(`syncs list: ${r.status} ${r.text.slice(0, 300)}`);
  return JSON.parse(r.text) as SyncList;
};

const nationalStore = (p: Province) =>
  call(p.base, { method: 'GET', path: '/api/store/national', session: p.sessions.congdan });

/** Polls until `done()` or `ms` pass; whether it came true. */
async function until(ms: number, done: () => Promise<boolean>): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    if (await done()) return true;
    await sleep(500);
  }
  return false;
}

/** Waits for every dossier to be synced and to stay so for SETTLED_MS; the real seconds it took, or null. */
async function drain(p: Province, dossiers: number): Promise<number | null> {
  const started = performance.now();
  let settledSince: number | null = null;
  const ok = await until(DRAIN_MS, async () => {
    const [synced, pending, failed] = await Promise.all(['synced', 'pending', 'failed'].map((s) => syncs(p, s)));
    const all = synced!.total === dossiers && pending!.total === 0 && failed!.total === 0;
    if (!all) settledSince = null;
    else settledSince ??= performance.now();
    return settledSince !== null && performance.now() - settledSince >= SETTLED_MS;
  });
  return ok ? Math.round((performance.now() - started - SETTLED_MS) / 1000) : null;
}

interface Observed {
  log: Outcome[];
  storeDown: Reply[];
  storeAfter: Reply | null;
  failedShown: SyncList['items'];
  drainSeconds: number | null;
  proxies: Record<string, ReturnType<TcpProxy['counts']>>;
}

async function drive(p: Province, proxies: TcpProxy[], options: Options): Promise<Omit<Observed, 'proxies'>> {
  const plan = PLAN[options.scale];
  const setMode = (mode: ProxyMode) => {
    for (const proxy of proxies) proxy.setMode(mode);
    stage(`peers ${mode}`);
  };
  const log: Outcome[] = [];
  const storeDown: Reply[] = [];
  const synced = await takeIn(p, 'before', plan.perPhase, plan.concurrency, log);
  // Pushed once before the outage, these are pushed again after it: steps already sent must not be sent again.
  await until(DRAIN_MS, async () => (await syncs(p, 'synced')).total === synced.length);
  stage(`${synced.length} dossiers synced before the outage`);

  const outageStarted = performance.now();
  setMode('down');
  storeDown.push(await nationalStore(p));
  await takeIn(p, 'down', plan.perPhase, plan.concurrency, log);
  await advance(p, 'down', synced, plan.concurrency, log);
  // The console must show a failed push (with its reason) while the portal is unreachable.
  let failedShown: SyncList['items'] = [];
  await until(plan.outageMs / 2, async () => {
    failedShown = (await syncs(p, 'failed')).items;
    return failedShown.length > 0;
  });
  await sleep(Math.max(0, outageStarted + plan.outageMs / 2 - performance.now()));

  setMode('blackhole');
  storeDown.push(await nationalStore(p));
  await takeIn(p, 'hung', Math.ceil(plan.perPhase / 2), plan.concurrency, log);
  await sleep(Math.max(0, outageStarted + plan.outageMs - performance.now()));

  setMode('up');
  await takeIn(p, 'after', plan.perPhase, plan.concurrency, log);
  const storeAfter = await nationalStore(p);
  const accepted = log.filter((o) => o.op === 'intake' && o.status === 201).length;
  stage('waiting for the backlog to drain');
  const drainSeconds = await drain(p, accepted);
  return { log, storeDown, storeAfter, failedShown, drainSeconds };
}

/** Runs `queries` on the target's database, opened once (PGlite: only while no server holds it). */
async function reading<T>(target: Target, queries: (db: Database) => Promise<T>): Promise<T> {
  const handle = await target.open();
  try {
    return await queries(handle.db);
  } finally {
    await handle.close();
  }
}

export async function run(options: Options): Promise<Verdict> {
  const apiTarget = await createTarget(options.engine, 'peers');
  const simTarget = await createTarget(options.engine, 'peers-sim');
  const started = performance.now();
  const proxies: TcpProxy[] = [];
  let observed: Observed;
  let apiOutput = '';
  try {
    // The peers' host (a MotCua process serving /sim/dvcqg and /sim/ndxp on its own database) and
    // the API start together; the proxies learn the host's port once it is up.
    const [portal, data] = [await startProxy(), await startProxy()];
    proxies.push(portal, data);
    const [sim, api] = await Promise.allSettled([
      startServer(simTarget, { JOBS_ENABLED: 'false' }),
      startServer(apiTarget, {
        ...fakeTimeEnv(SPEED, 'peers'),
        NATIONAL_PORTAL_URL: `http://127.0.0.1:${portal.port}/sim/dvcqg`,
        NATIONAL_DATA_URL: `http://127.0.0.1:${data.port}/sim/ndxp`,
        JOBS_TICK_SECONDS: '2',
      }),
    ]);
    try {
      if (sim.status === 'rejected') throw sim.reason;
      if (api.status === 'rejected') throw api.reason;
      stage('peers host and API (under libfaketime) up');
      for (const proxy of proxies) proxy.setTarget(Number(new URL(sim.value.url).port));
      const p = await openProvince(api.value.url);
      observed = { ...(await drive(p, proxies, options)), proxies: { portal: portal.counts(), data: data.counts() } };
    } finally {
      if (api.status === 'fulfilled') {
        await api.value.stop();
        apiOutput = api.value.output();
      }
      if (sim.status === 'fulfilled') await sim.value.stop();
      await Promise.all(proxies.map((x) => x.close()));
    }
    return await verdict(apiTarget, simTarget, observed, apiOutput, performance.now() - started);
  } finally {
    await apiTarget.dispose();
    await simTarget.dispose();
  }
}

type Ours = { code: string; version: number; status: string | null; synced_version: number | null; events: number };

async function verdict(
  apiTarget: Target,
  simTarget: Target,
  o: Observed,
  apiOutput: string,
  ms: number,
): Promise<Verdict> {
  const [ours, [outbox]] = await reading(apiTarget, (db) =>
    Promise.all([
      queryRows<Ours>(
        db,
        sql`select d.code, d.version, s.status, s.synced_version,
              (select count(*) from dossier_events e where e.dossier_id = d.id)::int as events
            from dossiers d left join national_dossier_syncs s on s.dossier_id = d.id order by d.code`,
      ),
      queryRows<{ pending: number; retried: number }>(
        db,
        sql`select count(*) filter (where published_at is null)::int as pending,
              count(*) filter (where attempts > 1)::int as retried from outbox_events`,
      ),
    ]),
  );
  const [held, steps] = await reading(simTarget, (db) =>
    Promise.all([
      queryRows<{ code: string }>(db, sql`select ma_ho_so as code from sim_dvcqg_dossiers`),
      queryRows<{ code: string; n: number }>(
        db,
        sql`select ma_ho_so as code, count(*)::int as n from sim_dvcqg_progress group by ma_ho_so`,
      ),
    ]),
  );
  const heldCodes = new Set(held.map((h) => h.code));
  const stepsOf = new Map(steps.map((s) => [s.code, s.n]));

  const intakes = o.log.filter((x) => x.op === 'intake');
  const answered = intakes.flatMap((x) => (x.status === 201 && x.code ? [x.code] : []));
  const accepted = intakes.filter((x) => x.status === 201).length;
  const notSynced = ours.filter((d) => d.status !== 'synced' || d.synced_version !== d.version);
  const stepMismatch = ours.filter((d) => !heldCodes.has(d.code) || (stepsOf.get(d.code) ?? 0) !== d.events);
  const serverErrors = o.log.filter((x) => x.status >= 500);
  // With the peers up, each applicant is verified; a lookup may still time out on a loaded machine
  // (its timeout runs SPEED× faster), so up to a quarter 'unavailable' pass — nothing else does.
  const up = intakes.filter((x) => x.phase === 'before' || x.phase === 'after');
  const upChecks = up.filter((x) => x.populationCheck !== 'verified');
  const upWrong = upChecks.filter((x) => x.populationCheck !== 'unavailable');
  const outage = intakes.filter((x) => x.phase === 'down' || x.phase === 'hung');
  const badOutage = outage.filter(
    (x) => x.status !== 201 || x.populationCheck !== 'unavailable' || x.ms > ANSWER_BOUND_MS,
  );
  const storeRefusals = o.storeDown.filter(
    (r) => r.status !== 503 || !hasErrorShape(r) || !r.text.includes('NATIONAL_STORE_UNAVAILABLE'),
  );
  // The 503s the scenario provoked are logged as errors (a peer down is news for operations); nothing else may be.
  const logged = apiOutput
    .split('\n')
    .filter((l) => l.includes('"level":50') || l.includes('"level":60'))
    .filter((l) => !l.includes('"code":"NATIONAL_STORE_UNAVAILABLE"'));
  const show = (x: Outcome) =>
    `${x.phase} ${x.op} ${x.status} ${Math.round(x.ms)} ms ${x.populationCheck ?? ''} ${x.text.slice(0, 160)}`;
  const outageMs = outage.map((x) => x.ms).sort((a, b) => a - b);
  return {
    checks: [
      check(
        'every intake answered 201 is a dossier, and no other',
        ours.length === accepted && answered.every((c) => ours.some((d) => d.code === c)),
        `${accepted} answered 201 (of ${intakes.length}), ${ours.length} dossiers in the database`,
      ),
      check('no answer ≥ 500', serverErrors.length === 0, firstOf(serverErrors.map(show))),
      check(
        'the outage was real (connections refused and held by the proxies)',
        Object.values(o.proxies).every((c) => c.refused > 0 && c.held > 0),
        JSON.stringify(o.proxies),
      ),
      check('outbox drained: no event left undelivered', outbox?.pending === 0, `${outbox?.pending} pending`),
      check(
        'every dossier synced to the portal at its current version (drained in time)',
        notSynced.length === 0 && o.drainSeconds !== null,
        `drained in ${o.drainSeconds ?? `more than ${DRAIN_MS / 1000}`} s; not synced ${firstOf(notSynced.map((d) => JSON.stringify(d)))}`,
      ),
      check(
        'the portal holds each dossier, and each progress step exactly once',
        stepMismatch.length === 0 && held.length === ours.length,
        `${held.length} held, ${steps.reduce((n, s) => n + s.n, 0)} steps for ${ours.reduce((n, d) => n + d.events, 0)} events; ` +
          firstOf(
            stepMismatch.map(
              (d) =>
                `${d.code}: ${heldCodes.has(d.code) ? 'held' : 'missing'}, ${stepsOf.get(d.code) ?? 0} steps for ${d.events} events`,
            ),
          ),
      ),
      check(
        'peers up: the population database verified the applicants (≤ ¼ timed out on a loaded machine)',
        upWrong.length === 0 && upChecks.length * 4 <= up.length,
        `${up.length - upChecks.length} of ${up.length} verified; ${firstOf(upChecks.map(show))}`,
      ),
      check(
        `peers down or hung: intakes taken (201, unverified) within ${ANSWER_BOUND_MS / 1000} s`,
        outage.length > 0 && badOutage.length === 0,
        `${outage.length} intakes, p50 ${Math.round(quantile(outageMs, 0.5))} ms, max ${Math.round(outageMs.at(-1) ?? 0)} ms; ${firstOf(badOutage.map(show))}`,
      ),
      check(
        'peers down or hung: the national store answers 503 NATIONAL_STORE_UNAVAILABLE with the error shape',
        storeRefusals.length === 0,
        o.storeDown.map((r) => `${r.status} ${r.text.slice(0, 200)}`).join(' | '),
      ),
      check(
        'portal down: the staff console lists failed syncs with their reason',
        o.failedShown.length > 0 && o.failedShown.every((i) => i.lastErrorCode && i.lastErrorMessage),
        o.failedShown.length === 0 ? 'none shown' : `${o.failedShown.length}, e.g. ${JSON.stringify(o.failedShown[0])}`,
      ),
      check(
        'peers back: the national store answers 200',
        o.storeAfter?.status === 200,
        `${o.storeAfter?.status} ${o.storeAfter?.text.slice(0, 120)}`,
      ),
      check(
        'no error logged by the API but the 503s provoked',
        logged.length === 0,
        firstOf(logged.map((l) => l.slice(0, 300))),
      ),
    ],
    figures: {
      dossiers: ours.length,
      events: ours.reduce((n, d) => n + d.events, 0),
      outboxEventsRetried: outbox?.retried ?? 0,
      drainSeconds: o.drainSeconds ?? -1,
      outageIntakeP50Ms: Math.round(quantile(outageMs, 0.5)),
      outageIntakeMaxMs: Math.round(outageMs.at(-1) ?? 0),
      proxies: JSON.stringify(o.proxies),
      fakeTimeSpeed: SPEED,
      scenarioSeconds: Math.round(ms / 1000),
    },
  };
}
