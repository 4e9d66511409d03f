/**
 * Payment-platform outage (issue 16, scenario `payments`): the national payment platform is a
 * simulator in a MotCua process of its own (its /sim/paygov merchant API and payer's page, on a
 * database of its own); the API reaches it over HTTP through one TCP proxy (PAYMENT_PLATFORM_URL)
 * and the platform's confirmations (IPN) reach the API through another (the API's PUBLIC_URL).
 * Citizens file online and pay their fees; mid-payment both proxies go down (then hang), so
 * payers who confirm on the platform's page are charged there while the confirmation never
 * reaches us; then the platform comes back.
 *
 * Verdict, from both databases (the platform's ledger and ours — never the client's bookkeeping):
 * nothing charged twice (one success at the platform per dossier, and it is the payment we
 * recorded paid); every charge at the platform is recorded paid here with its own receipt, the
 * late ones included (an IPN replayed late, a success found by the status query before a new
 * attempt); while the platform was down a new payment was refused with 503
 * PAYMENT_PLATFORM_UNAVAILABLE and a Vietnamese message, in time, leaving no payment behind; the
 * citizen's view showed the waiting payment; once back, the refused payment went through.
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/kernel/db.js';
import { sampleEform } from '../src/modules/eforms/sample-values.js';
import { PAYMENT_ERRORS } from '../src/modules/payments/payments.errors.js';
import { fakeTimeEnv } from './lib/faketime.js';
import { call, type Reply, type Session } from './lib/http.js';
import type { Options } from './lib/options.js';
import { CONGDAN_AS_APPLICANT, openProvince, type Province, uploadPdf } from './lib/province.js';
import { startProxy } from './lib/proxy.js';
import { startServer } from './lib/server.js';
import { stage } from './lib/stage.js';
import { createTarget, type Target } from './lib/target.js';
import { check, firstOf, type Verdict } from './lib/verdict.js';

const SPEED = 10;
/** Real ms within which a payment start must be answered while the platform is down or hung. */
const ANSWER_BOUND_MS = 15_000;
/** Dossiers per role in the run (each role below is played by this many dossiers). */
const PER_ROLE = { small: 1, full: 5 } as const;

interface Paid {
  code: string;
  transactionId: string;
  /** The signed result the platform sent the payer's browser back with (what its IPN carried). */
  result: Record<string, string>;
}

async function fileOnline(p: Province, citizen: Session, fileId: string): Promise<string> {
  // The procedure's tờ khai: a procedure with a form requires it online.
  const eform = await sampleEform(async (path) => {
    const reply = await call(p.base, { method: 'GET', path, session: citizen });
    return { status: reply.status, body: reply.status === 200 ? JSON.parse(reply.text) : null };
  }, p.procedureId);
  const r = await call(p.base, {
    method: 'POST',
    path: '/api/dossiers',
    session: citizen,
    json: {
      procedureId: p.procedureId,
      channel: 'online',
      applicant: CONGDAN_AS_APPLICANT,
      competentUnitId: p.competentUnitId,
      components: p.components.map((c) => ({ ...c, fileIds: [fileId] })),
      ...(eform ? { eform } : {}),
    },
  });
  if (r.status !== 201) throw new Error(`online filing: ${r.status} ${r.text.slice(0, 300)}`);
  return (JSON.parse(r.text) as { code: string }).code;
}

const startPay = (p: Province, citizen: Session, code: string) =>
  call(p.base, { method: 'POST', path: `/api/dossiers/${code}/payments`, session: citizen, json: {} });

/** The payer confirms on the platform's page (the browser talks to the platform directly). */
async function payOnPlatform(simUrl: string, code: string, start: Reply): Promise<Paid> {
  if (start.status !== 201) throw new Error(`start ${code}: ${start.status} ${start.text.slice(0, 300)}`);
  const { redirectUrl } = JSON.parse(start.text) as { redirectUrl: string };
  const transactionId = new URL(redirectUrl).pathname.split('/').pop()!;
  const r = await fetch(`${simUrl}/sim/paygov/pay/${transactionId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'bank=VCB&decision=pay',
    redirect: 'manual',
  });
  if (r.status !== 303) throw new Error(`pay ${code}: ${r.status} ${await r.text()}`);
  const back = new URL(r.headers.get('location')!);
  const result = Object.fromEntries([...back.searchParams].filter(([k]) => k !== 'thanh-toan'));
  return { code, transactionId, result };
}

interface Observed {
  outageStarts: { code: string; status: number; ms: number; errorCode: string; message: string }[];
  citizenSawPending: string[];
  lateIpn: number[];
  retryAfter: { code: string; status: number; errorCode: string }[];
  proxies: Record<string, ReturnType<Awaited<ReturnType<typeof startProxy>>['counts']>>;
  codes: string[];
}

const errorOf = (r: Reply) => {
  try {
    const e = (JSON.parse(r.text) as { error?: { code?: string; message?: string } }).error;
    return { errorCode: e?.code ?? '', message: e?.message ?? '' };
  } catch {
    return { errorCode: '', message: '' };
  }
};

export async function run(options: Options): Promise<Verdict> {
  const apiTarget = await createTarget(options.engine, 'payments');
  const simTarget = await createTarget(options.engine, 'payments-sim');
  const started = performance.now();
  const platformProxy = await startProxy();
  const ipnProxy = await startProxy();
  let observed: Observed | null = null;
  let apiOutput = '';
  let apiAlive = true;
  try {
    const [sim, api] = await Promise.allSettled([
      // Its PUBLIC_URL is its own: the merchant's IPN URL is elsewhere, so it posts over HTTP.
      startServer(simTarget, { JOBS_ENABLED: 'false', PUBLIC_URL: 'http://paygov-sim.invalid' }),
      startServer(apiTarget, {
        ...fakeTimeEnv(SPEED, 'payments'),
        PAYMENT_PLATFORM_URL: `http://127.0.0.1:${platformProxy.port}/sim/paygov`,
        PUBLIC_URL: `http://127.0.0.1:${ipnProxy.port}`,
        JOBS_TICK_SECONDS: '2',
      }),
    ]);
    try {
      if (sim.status === 'rejected') throw sim.reason;
      if (api.status === 'rejected') throw api.reason;
      platformProxy.setTarget(Number(new URL(sim.value.url).port));
      ipnProxy.setTarget(Number(new URL(api.value.url).port));
      stage('platform host and API (under libfaketime) up');
      const p = await openProvince(api.value.url);
      const citizen = p.sessions.congdan;
      const fileId = await uploadPdf(p.base, citizen);
      const n = PER_ROLE[options.scale];
      const codes = async () => Promise.all(Array.from({ length: n }, () => fileOnline(p, citizen, fileId)));
      // normal: paid while all is up; replayed: paid mid-outage, its IPN replayed late;
      // queried: paid mid-outage, found by the status query of the next attempt; refused: starts mid-outage.
      const [normal, replayed, queried, refused] = [await codes(), await codes(), await codes(), await codes()];
      for (const code of normal) await payOnPlatform(sim.value.url, code, await startPay(p, citizen, code));
      const opened = [...replayed, ...queried];
      const starts = new Map<string, Reply>();
      for (const code of opened) starts.set(code, await startPay(p, citizen, code));
      stage(`${normal.length} paid while up; ${opened.length} payments opened; platform down`);

      platformProxy.setMode('down');
      ipnProxy.setMode('down');
      const late: Paid[] = [];
      for (const code of opened) late.push(await payOnPlatform(sim.value.url, code, starts.get(code)!));
      const outageStarts: Observed['outageStarts'] = [];
      const tryStart = async (code: string) => {
        const t0 = performance.now();
        const r = await startPay(p, citizen, code);
        outageStarts.push({ code, status: r.status, ms: performance.now() - t0, ...errorOf(r) });
      };
      for (const code of [...refused, ...queried]) await tryStart(code);
      const citizenSawPending: string[] = [];
      for (const code of opened) {
        const r = await call(p.base, { method: 'GET', path: `/api/dossiers/${code}/payments`, session: citizen });
        const view = JSON.parse(r.text) as { payments: { status: string }[] };
        if (r.status === 200 && view.payments.some((x) => x.status === 'pending')) citizenSawPending.push(code);
      }
      platformProxy.setMode('blackhole');
      ipnProxy.setMode('blackhole');
      stage('platform hung');
      for (const code of refused) await tryStart(code);

      platformProxy.setMode('up');
      ipnProxy.setMode('up');
      stage('platform back');
      // The platform repeats its confirmation until acknowledged: twice each, late.
      const lateIpn: number[] = [];
      for (const paid of late.filter((x) => replayed.includes(x.code)))
        for (let i = 0; i < 2; i += 1) {
          const r = await call(p.base, { method: 'POST', path: '/api/payments/ipn/paygov', json: paid.result });
          lateIpn.push(r.status);
        }
      // The citizens try again: the queried ones learn they paid; the refused ones pay now.
      const retryAfter: Observed['retryAfter'] = [];
      for (const code of queried) {
        const r = await startPay(p, citizen, code);
        retryAfter.push({ code, status: r.status, ...errorOf(r) });
      }
      for (const code of refused) {
        const r = await startPay(p, citizen, code);
        retryAfter.push({ code, status: r.status, ...errorOf(r) });
        if (r.status === 201) await payOnPlatform(sim.value.url, code, r);
      }
      observed = {
        outageStarts,
        citizenSawPending,
        lateIpn,
        retryAfter,
        proxies: { platform: platformProxy.counts(), ipn: ipnProxy.counts() },
        codes: [...normal, ...replayed, ...queried, ...refused],
      };
    } finally {
      if (api.status === 'fulfilled') {
        apiAlive = api.value.alive();
        if (!apiAlive) console.error(`the API process died:\n${api.value.output()}`);
        await api.value.stop();
        apiOutput = api.value.output();
      }
      if (sim.status === 'fulfilled') await sim.value.stop();
      await platformProxy.close();
      await ipnProxy.close();
    }
    return await verdict(apiTarget, simTarget, observed!, apiAlive, apiOutput, performance.now() - started);
  } finally {
    await apiTarget.dispose();
    await simTarget.dispose();
  }
}

async function reading<T>(target: Target, queries: (db: Database) => Promise<T>): Promise<T> {
  const handle = await target.open();
  try {
    return await queries(handle.db);
  } finally {
    await handle.close();
  }
}

type OurPayment = { id: string; code: string; status: string; transaction: string | null; receipt: string | null };
type TheirTransaction = { transaction_id: string; order_id: string; status: string };

async function verdict(
  apiTarget: Target,
  simTarget: Target,
  o: Observed,
  apiAlive: boolean,
  apiOutput: string,
  ms: number,
): Promise<Verdict> {
  const ours = await reading(apiTarget, (db) =>
    queryRows<OurPayment>(
      db,
      sql`select p.id, d.code, p.status, p.provider_transaction_id as transaction, p.receipt_number as receipt
          from payments p join dossiers d on d.id = p.dossier_id where p.channel = 'online'`,
    ),
  );
  const theirs = await reading(simTarget, (db) =>
    queryRows<TheirTransaction>(db, sql`select transaction_id, order_id, status from paygov_sim_transactions`),
  );
  const ourById = new Map(ours.map((x) => [x.id, x]));
  const charged = theirs.filter((x) => x.status === 'success');
  const chargesPerDossier = new Map<string, number>();
  for (const c of charged) {
    const code = ourById.get(c.order_id)?.code ?? `unknown order ${c.order_id}`;
    chargesPerDossier.set(code, (chargesPerDossier.get(code) ?? 0) + 1);
  }
  const twice = [...chargesPerDossier].filter(([, k]) => k > 1).map(([code, k]) => `${code}: charged ${k}×`);
  const unrecorded = charged.filter((c) => {
    const ourPayment = ourById.get(c.order_id);
    return ourPayment?.status !== 'paid' || ourPayment.transaction !== c.transaction_id;
  });
  const paid = ours.filter((x) => x.status === 'paid');
  const receipts = new Set(paid.map((x) => x.receipt));
  const notPaid = o.codes.filter((code) => !paid.some((x) => x.code === code));
  const pendingLeft = ours.filter((x) => x.status === 'pending');
  const badOutage = o.outageStarts.filter(
    (x) =>
      x.status !== 503 ||
      x.errorCode !== 'PAYMENT_PLATFORM_UNAVAILABLE' ||
      !/Nền tảng thanh toán/.test(x.message) ||
      x.ms > ANSWER_BOUND_MS,
  );
  // The refusals the outage calls for (503 PAYMENT_PLATFORM_UNAVAILABLE) are logged as 5xx answers: expected here.
  const expected = PAYMENT_ERRORS.PAYMENT_PLATFORM_UNAVAILABLE.message.slice(0, 60);
  const logged = apiOutput.split('\n').filter((l) => /"level":(50|60)/.test(l) && !l.includes(expected));
  return {
    checks: [
      check('the API stayed up', apiAlive, apiAlive ? 'alive' : 'died'),
      check(
        'the outage was real (connections refused and held by each proxy)',
        Object.values(o.proxies).every((c) => c.refused > 0 || c.held > 0) && o.proxies.platform!.refused > 0,
        JSON.stringify(o.proxies),
      ),
      check('nothing charged twice: one success at the platform per dossier', twice.length === 0, firstOf(twice)),
      check(
        'every charge at the platform is recorded paid here, with that transaction',
        unrecorded.length === 0 && charged.length === o.codes.length,
        `${charged.length} charges for ${o.codes.length} dossiers; ${firstOf(unrecorded.map((c) => `${c.order_id} ${c.transaction_id}`))}`,
      ),
      check(
        'every dossier paid once, each with its own receipt; nothing left pending',
        notPaid.length === 0 &&
          paid.length === o.codes.length &&
          receipts.size === paid.length &&
          pendingLeft.length === 0,
        `${paid.length} paid, ${receipts.size} receipts, ${pendingLeft.length} pending; not paid: ${firstOf(notPaid)}`,
      ),
      check(
        `platform down or hung: a new payment refused 503 PAYMENT_PLATFORM_UNAVAILABLE in Vietnamese within ${ANSWER_BOUND_MS / 1000} s`,
        o.outageStarts.length > 0 && badOutage.length === 0,
        `${o.outageStarts.length} starts; e.g. "${o.outageStarts[0]?.message ?? ''}"; ${firstOf(badOutage.map((x) => JSON.stringify(x)))}`,
      ),
      check(
        'platform down: the citizen sees the payment waiting for confirmation',
        o.citizenSawPending.length > 0 && o.citizenSawPending.length === o.codes.length / 2,
        `${o.citizenSawPending.length} shown pending`,
      ),
      check(
        'late confirmations (IPN replayed twice) acknowledged 200, recorded once',
        o.lateIpn.length > 0 && o.lateIpn.every((s) => s === 200),
        JSON.stringify(o.lateIpn),
      ),
      check(
        'back: the citizen who paid mid-outage is told nothing is due; the refused one pays',
        o.retryAfter.every((r) => r.status === 201 || r.errorCode === 'PAYMENT_NOTHING_DUE'),
        firstOf(o.retryAfter.map((r) => `${r.code}: ${r.status} ${r.errorCode}`)),
      ),
      check('no error logged by the API', logged.length === 0, firstOf(logged.map((l) => l.slice(0, 300)))),
    ],
    figures: {
      dossiers: o.codes.length,
      charges: charged.length,
      paid: paid.length,
      outageStarts: o.outageStarts.length,
      outageStartMaxMs: Math.round(Math.max(0, ...o.outageStarts.map((x) => x.ms))),
      proxies: JSON.stringify(o.proxies),
      fakeTimeSpeed: SPEED,
      scenarioSeconds: Math.round(ms / 1000),
    },
  };
}
