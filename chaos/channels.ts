/**
 * Notification-channel outages (issue 16, scenario `channels`): the peers every message to a
 * citizen leaves through — the mail relay (SMTP), the brandname-SMS gateway and Zalo ZNS — each
 * reached over the network through a TCP proxy of its own. The SMS and Zalo simulators run in a
 * MotCua process of their own (its /sim/sms/ and /sim/zalo/ protocol endpoints, on a database of
 * its own), as a separate provider would; the mail relay is an SMTP server in this process
 * (lib/smtp-sink.ts). Under a load of counter intakes (each applicant told "received" by e-mail
 * and Zalo) and anonymous contact verifications (a one-time code by SMS), the three peers go down
 * (connections reset), then hang (connections held, never answered), then come back.
 *
 * The API runs under libfaketime at SPEED× (lib/faketime.ts): the relay (30 s), the delivery task
 * (15 s) and the retry backoff (30 s doubling) pass in seconds, and the code is unchanged.
 *
 * Verdict, from the API's database and the peers' own records (the SMTP server's mailbox, the
 * simulators' sent lists — never the client's bookkeeping): every message row was delivered, none
 * pending or failed; each e-mail reached the relay exactly once, each SMS and Zalo message
 * reached its gateway exactly once (by the tracking id the protocol carries) and with the provider
 * id we recorded, and the gateways hold nothing we did not send; the outbox drained; while the
 * peers were down, intakes and code requests were still answered 201 in time, and the
 * administrator's delivery log listed the waiting messages with the reason; the outage was real.
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/kernel/db.js';
import { fakeTimeEnv } from './lib/faketime.js';
import { call, login, type Reply, type Session } from './lib/http.js';
import type { Options } from './lib/options.js';
import { eachConcurrently, quantile, sleep } from './lib/pool.js';
import { intake, KNOWN_CITIZEN, openProvince, type Province } from './lib/province.js';
import { type ProxyMode, startProxy, type TcpProxy } from './lib/proxy.js';
import { startServer } from './lib/server.js';
import { type SmtpSink, startSmtpSink } from './lib/smtp-sink.js';
import { createTarget, type Target } from './lib/target.js';
import { check, firstOf, type Verdict } from './lib/verdict.js';
import { stage } from './lib/stage.js';

/** How much faster the API's clock runs (libfaketime). */
const SPEED = 10;
/**
 * Intakes and one-time codes per phase, concurrent clients, and how long the peers stay down +
 * hung (real ms). Codes stay under the per-client limit of 30 an hour (feedback verification.rules.ts).
 */
const PLAN = {
  small: { intakes: 4, codes: 3, concurrency: 2, outageMs: 16_000 },
  full: { intakes: 40, codes: 6, concurrency: 8, outageMs: 60_000 },
} as const;
/** Real time: the longest wait for the backlog to drain after the peers are back. */
const DRAIN_MS = 180_000;
/** Real time the state must hold still to count as drained: > a relay period + a delivery period at SPEED. */
const SETTLED_MS = 8_000;
/** Real time within which the user's request must answer while the peers are down or hung. */
const ANSWER_BOUND_MS = 10_000;

type Phase = 'before' | 'down' | 'hung' | 'after';
type Channel = 'email' | 'sms' | 'zalo';
const CHANNELS: readonly Channel[] = ['email', 'sms', 'zalo'];

interface Outcome {
  phase: Phase;
  op: 'intake' | 'code';
  status: number;
  ms: number;
  text: string;
}

interface Driver {
  p: Province;
  admin: Session;
  log: Outcome[];
  /** Distinct numbers and addresses: a contact may ask 5 codes an hour, and each e-mail is counted apart. */
  serial: number;
}

const outcome = (phase: Phase, op: Outcome['op'], r: Reply, started: number): Outcome => ({
  phase,
  op,
  status: r.status,
  ms: performance.now() - started,
  text: r.text.slice(0, 300),
});

/** Counter intakes (the applicant told by e-mail and Zalo) and anonymous code requests (by SMS). */
async function load(d: Driver, phase: Phase, intakes: number, codes: number, concurrency: number) {
  await eachConcurrently(intakes + codes, concurrency, async (i) => {
    d.serial += 1;
    const n = d.serial;
    const started = performance.now();
    const op = i < intakes ? 'intake' : 'code';
    // A connection the API dropped is an outcome of the run (status 0), not the end of it.
    const dropped = (error: Error): Reply => ({
      status: 0,
      contentType: '',
      text: `${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}`,
    });
    const reply =
      op === 'intake'
        ? await intake(d.p, { ...KNOWN_CITIZEN, email: `chaos-${n}@example.vn` }).catch(dropped)
        : await call(d.p.base, {
            method: 'POST',
            path: '/api/feedback/contact-verifications',
            json: { phone: `0918${String(n).padStart(6, '0')}` },
          }).catch(dropped);
    d.log.push(outcome(phase, op, reply, started));
  });
}

type LogRow = {
  id: string;
  channel: string;
  status: string;
  attempts: number;
  lastErrorCode: string | null;
  lastError: string | null;
};

const deliveryLog = async (d: Driver, statuses: string): Promise<LogRow[]> => {
  const r = await call(d.p.base, {
    method: 'GET',
    path: `/api/notifications/messages?status=${statuses}&limit=500`,
    session: d.admin,
  });
  if (r.status !== 200) throw new Error(`delivery log: ${r.status} ${r.text.slice(0, 300)}`);
  return (JSON.parse(r.text) as { items: LogRow[] }).items.filter((x) => x.channel !== 'inapp');
};

async function until(ms: number, done: () => Promise<boolean>): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    if (await done()) return true;
    await sleep(500);
  }
  return false;
}

/** Expected external messages: e-mail + Zalo per accepted intake, one SMS per code. */
const expected = (log: Outcome[]) =>
  log.filter((o) => o.op === 'intake' && o.status === 201).length * 2 +
  log.filter((o) => o.op === 'code' && o.status === 201).length;

/** Waits until every expected message is sent and none waits, held for SETTLED_MS; real seconds, or null. */
async function drain(d: Driver): Promise<number | null> {
  const started = performance.now();
  const want = expected(d.log);
  let settledSince: number | null = null;
  const ok = await until(DRAIN_MS, async () => {
    const [waiting, done] = await Promise.all([deliveryLog(d, 'pending,failed'), deliveryLog(d, 'sent,delivered')]);
    const all = waiting.length === 0 && done.length >= want;
    if (!all) settledSince = null;
    else settledSince ??= performance.now();
    return settledSince !== null && performance.now() - settledSince >= SETTLED_MS;
  });
  return ok ? Math.round((performance.now() - started - SETTLED_MS) / 1000) : null;
}

interface Observed {
  log: Outcome[];
  /** What the administrator's delivery log showed waiting while the peers were down. */
  shownDown: LogRow[];
  drainSeconds: number | null;
  proxies: Record<Channel, ReturnType<TcpProxy['counts']>>;
}

async function drive(d: Driver, proxies: TcpProxy[], options: Options) {
  const plan = PLAN[options.scale];
  const setMode = (mode: ProxyMode) => {
    for (const proxy of proxies) proxy.setMode(mode);
    stage(`peers ${mode}`);
  };
  await load(d, 'before', plan.intakes, plan.codes, plan.concurrency);
  const want = expected(d.log);
  await until(DRAIN_MS, async () => (await deliveryLog(d, 'sent,delivered')).length >= want);
  stage(`${want} messages delivered before the outage`);

  const outageStarted = performance.now();
  setMode('down');
  await load(d, 'down', plan.intakes, plan.codes, plan.concurrency);
  // The delivery log must show, for each channel, a message waiting with its reason.
  let shownDown: LogRow[] = [];
  await until(plan.outageMs / 2, async () => {
    shownDown = (await deliveryLog(d, 'pending')).filter((x) => x.attempts > 0 && x.lastError && x.lastErrorCode);
    return CHANNELS.every((c) => shownDown.some((x) => x.channel === c));
  });
  await sleep(Math.max(0, outageStarted + plan.outageMs / 2 - performance.now()));

  setMode('blackhole');
  await load(d, 'hung', Math.ceil(plan.intakes / 2), Math.ceil(plan.codes / 2), plan.concurrency);
  await sleep(Math.max(0, outageStarted + plan.outageMs - performance.now()));

  setMode('up');
  await load(d, 'after', plan.intakes, plan.codes, plan.concurrency);
  stage('waiting for the backlog to drain');
  const drainSeconds = await drain(d);
  return { shownDown, drainSeconds };
}

async function reading<T>(target: Target, queries: (db: Database) => Promise<T>): Promise<T> {
  const handle = await target.open();
  try {
    return await queries(handle.db);
  } finally {
    await handle.close();
  }
}

type SimMessage = { id: string; to: string; details: Record<string, unknown> };

async function simList(base: string, which: 'sms' | 'zalo'): Promise<SimMessage[]> {
  const r = await call(base, { method: 'GET', path: `/sim/${which}/messages` });
  if (r.status !== 200) throw new Error(`/sim/${which}/messages: ${r.status}`);
  return (JSON.parse(r.text) as { items: SimMessage[] }).items;
}

export async function run(options: Options): Promise<Verdict> {
  const apiTarget = await createTarget(options.engine, 'channels');
  const simTarget = await createTarget(options.engine, 'channels-sim');
  const started = performance.now();
  const smtp = await startSmtpSink();
  const proxies = { email: await startProxy(smtp.port), sms: await startProxy(), zalo: await startProxy() };
  let observed: Observed;
  let peerRecords: { mails: ReturnType<SmtpSink['received']>; sms: SimMessage[]; zalo: SimMessage[] };
  let apiOutput = '';
  try {
    const [sim, api] = await Promise.allSettled([
      startServer(simTarget, { JOBS_ENABLED: 'false' }),
      startServer(apiTarget, {
        ...fakeTimeEnv(SPEED, 'channels'),
        SMTP_URL: `smtp://127.0.0.1:${proxies.email.port}`,
        SMS_GATEWAY_URL: `http://127.0.0.1:${proxies.sms.port}/sim/sms`,
        ZALO_ZNS_URL: `http://127.0.0.1:${proxies.zalo.port}/sim/zalo`,
        ZALO_OAUTH_URL: `http://127.0.0.1:${proxies.zalo.port}/sim/zalo`,
        // The run may fall in the night (Vietnam time): no message waits for the morning here.
        NOTIFY_QUIET_HOURS: '',
        JOBS_TICK_SECONDS: '2',
      }),
    ]);
    try {
      if (sim.status === 'rejected') throw sim.reason;
      if (api.status === 'rejected') throw api.reason;
      stage('gateways host, SMTP server and API (under libfaketime) up');
      const simPort = Number(new URL(sim.value.url).port);
      proxies.sms.setTarget(simPort);
      proxies.zalo.setTarget(simPort);
      const p = await openProvince(api.value.url);
      const d: Driver = { p, admin: await login(api.value.url, 'admin'), log: [], serial: 0 };
      const seen = await drive(d, Object.values(proxies), options);
      observed = {
        log: d.log,
        ...seen,
        proxies: { email: proxies.email.counts(), sms: proxies.sms.counts(), zalo: proxies.zalo.counts() },
      };
      peerRecords = {
        mails: smtp.received(),
        sms: await simList(sim.value.url, 'sms'),
        zalo: await simList(sim.value.url, 'zalo'),
      };
    } finally {
      if (api.status === 'fulfilled') {
        if (!api.value.alive()) console.error(`the API process died:\n${api.value.output()}`);
        await api.value.stop();
        apiOutput = api.value.output();
      }
      if (sim.status === 'fulfilled') await sim.value.stop();
      await Promise.all(Object.values(proxies).map((x) => x.close()));
      await smtp.close();
    }
    return await verdict(apiTarget, observed, peerRecords, apiOutput, performance.now() - started);
  } finally {
    await apiTarget.dispose();
    await simTarget.dispose();
  }
}

type Row = {
  id: string;
  channel: Channel;
  status: string;
  address: string;
  subject: string;
  reference: string | null;
  provider_id: string | null;
  attempts: number;
};

/**
 * A reason the administrator can act on: a peer fault's code (the proxies reset or hold
 * connections) and a Vietnamese sentence (no provider's English text passed through).
 */
const vietnameseReason = (x: LogRow) =>
  /^NOTIFY_PEER_(UNREACHABLE|UNAVAILABLE|AUTH_FAILED)$/.test(x.lastErrorCode ?? '') &&
  /(Không kết nối được|tạm thời không nhận tin|Không lấy được mã truy cập)/.test(x.lastError ?? '') &&
  !/\b(unreachable|fetch failed|connect|gateway)\b/i.test(x.lastError ?? '');

/** How many times each key occurs. */
const tally = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());

async function verdict(
  apiTarget: Target,
  o: Observed,
  peers: { mails: ReturnType<SmtpSink['received']>; sms: SimMessage[]; zalo: SimMessage[] },
  apiOutput: string,
  ms: number,
): Promise<Verdict> {
  const [rows, [outbox]] = await reading(apiTarget, (db) =>
    Promise.all([
      queryRows<Row>(
        db,
        sql`select id, channel, status, address, subject, reference, provider_id, attempts from notification_messages
            where channel in ('email', 'sms', 'zalo') order by created_at`,
      ),
      queryRows<{ pending: number }>(
        db,
        sql`select count(*) filter (where published_at is null)::int as pending from outbox_events`,
      ),
    ]),
  );
  const of = (c: Channel) => rows.filter((r) => r.channel === c);
  const undelivered = rows.filter((r) => r.status !== 'sent' && r.status !== 'delivered');

  // An e-mail is known at the relay by its recipient and subject (which names the dossier):
  // as many mails as rows for each, so a message sent twice shows.
  const mailKey = (to: string, subject: string) => `${to.toLowerCase()} — ${subject}`;
  const mailsOf = tally(peers.mails.map((m) => mailKey(m.to, m.subject)));
  const rowsOf = tally(of('email').map((r) => mailKey(r.address, r.subject)));
  const mailWrong = of('email').filter((r) => {
    const key = mailKey(r.address, r.subject);
    return mailsOf.get(key) !== rowsOf.get(key);
  });
  const mailStray = peers.mails.filter((m) => !rowsOf.has(mailKey(m.to, m.subject)));
  const gatewayWrong = (c: 'sms' | 'zalo', records: SimMessage[], key: string) => {
    const byTracking = tally(records.map((m) => String(m.details[key])));
    const wrong = of(c).filter(
      (r) => byTracking.get(r.id) !== 1 || records.find((m) => String(m.details[key]) === r.id)?.id !== r.provider_id,
    );
    const stray = records.filter((m) => !of(c).some((r) => r.id === String(m.details[key])));
    return { wrong, stray };
  };
  const sms = gatewayWrong('sms', peers.sms, 'requestId');
  const zalo = gatewayWrong('zalo', peers.zalo, 'trackingId');

  const accepted = o.log.filter((x) => x.status === 201);
  const serverErrors = o.log.filter((x) => x.status >= 500);
  const outage = o.log.filter((x) => x.phase === 'down' || x.phase === 'hung');
  const badOutage = outage.filter((x) => x.status !== 201 || x.ms > ANSWER_BOUND_MS);
  const outageMs = outage.map((x) => x.ms).sort((a, b) => a - b);
  const logged = apiOutput.split('\n').filter((l) => l.includes('"level":50') || l.includes('"level":60'));
  const show = (x: Outcome) => `${x.phase} ${x.op} ${x.status} ${Math.round(x.ms)} ms ${x.text.slice(0, 160)}`;
  const showRow = (r: Row) =>
    `${r.channel} ${r.id} ${r.status} attempts ${r.attempts} provider ${r.provider_id ?? '-'} ref ${r.reference ?? '-'}`;
  const retried = rows.filter((r) => r.attempts > 1).length;
  return {
    checks: [
      check(
        'every request answered (none refused while the peers were down)',
        accepted.length === o.log.length,
        `${accepted.length} of ${o.log.length} answered 201; ${firstOf(o.log.filter((x) => x.status !== 201).map(show))}`,
      ),
      check('no answer ≥ 500', serverErrors.length === 0, firstOf(serverErrors.map(show))),
      check(
        'the outage was real (connections refused and held by each proxy)',
        Object.values(o.proxies).every((c) => c.refused > 0 && c.held > 0),
        JSON.stringify(o.proxies),
      ),
      check(
        "every message queued (e-mail + Zalo per intake, SMS per code, officials' e-mails besides) and drained in time",
        rows.length >= expected(o.log) && o.drainSeconds !== null,
        `${rows.length} rows for ${expected(o.log)} expected; drained in ${o.drainSeconds ?? `more than ${DRAIN_MS / 1000}`} s`,
      ),
      check(
        'nothing stuck: every message sent, none pending or failed',
        undelivered.length === 0,
        firstOf(undelivered.map(showRow)),
      ),
      check('outbox drained: no event left undelivered', outbox?.pending === 0, `${outbox?.pending} pending`),
      check(
        'the mail relay received each e-mail exactly once, and nothing else',
        mailWrong.length === 0 && mailStray.length === 0,
        `${peers.mails.length} mails for ${of('email').length} rows; ` +
          firstOf([
            ...mailWrong.map((r) => `${showRow(r)}: received ${mailsOf.get(mailKey(r.address, r.subject)) ?? 0}×`),
            ...mailStray.map((m) => `stray mail to ${m.to}: ${m.subject}`),
          ]),
      ),
      check(
        'the SMS gateway holds each SMS exactly once (by request id, with our provider id), and nothing else',
        sms.wrong.length === 0 && sms.stray.length === 0,
        `${peers.sms.length} at the gateway for ${of('sms').length} rows; ` +
          firstOf([...sms.wrong.map(showRow), ...sms.stray.map((m) => `stray ${JSON.stringify(m.details)}`)]),
      ),
      check(
        'Zalo ZNS holds each message exactly once (by tracking id, with our msg_id), and nothing else',
        zalo.wrong.length === 0 && zalo.stray.length === 0,
        `${peers.zalo.length} at ZNS for ${of('zalo').length} rows; ` +
          firstOf([...zalo.wrong.map(showRow), ...zalo.stray.map((m) => `stray ${JSON.stringify(m.details)}`)]),
      ),
      check(
        `peers down or hung: intakes and code requests answered 201 within ${ANSWER_BOUND_MS / 1000} s`,
        outage.length > 0 && badOutage.length === 0,
        `${outage.length} requests, p50 ${Math.round(quantile(outageMs, 0.5))} ms, max ${Math.round(outageMs.at(-1) ?? 0)} ms; ${firstOf(badOutage.map(show))}`,
      ),
      check(
        'peers down: the delivery log shows waiting messages of each channel with the reason (stable code, Vietnamese)',
        CHANNELS.every((c) => o.shownDown.some((x) => x.channel === c && vietnameseReason(x))),
        CHANNELS.map((c) => {
          const x = o.shownDown.find((y) => y.channel === c);
          return `${c}: ${x ? `${x.lastErrorCode} ${x.lastError}` : 'none shown'}`;
        }).join(' | '),
      ),
      check('no error logged by the API', logged.length === 0, firstOf(logged.map((l) => l.slice(0, 300)))),
    ],
    figures: {
      requests: o.log.length,
      messages: rows.length,
      email: of('email').length,
      sms: of('sms').length,
      zalo: of('zalo').length,
      messagesRetried: retried,
      drainSeconds: o.drainSeconds ?? -1,
      outageRequestP50Ms: Math.round(quantile(outageMs, 0.5)),
      outageRequestMaxMs: Math.round(outageMs.at(-1) ?? 0),
      proxies: JSON.stringify(o.proxies),
      fakeTimeSpeed: SPEED,
      scenarioSeconds: Math.round(ms / 1000),
    },
  };
}
