/**
 * Remote-signing outage (issue 16, scenario `signing`): the remote-signing service (ký số từ xa,
 * in the shape of VNPT SmartCA / Viettel MySign) is its simulator in a MotCua process of its own
 * (own database); the API reaches it over HTTP through a TCP proxy (REMOTE_SIGNING_URL). Both
 * processes share one key directory (MOTCUA_KEYS_DIR): the simulator's officials' certificates are
 * issued by the demo CA the API trusts. Counter dossiers are driven to "Phê duyệt, ký kết quả";
 * the leader signs their results: some before the outage, some asked before it and confirmed on
 * the phone during it (the phone reaches the provider, we do not), some first asked during it.
 * The proxy goes down (connections reset), then hangs (accepted, never answered), then comes back.
 *
 * Verdict, from the API's database, the stored files and the provider (never the client's
 * bookkeeping alone): every dossier signed exactly once (one `result.signed` audit, one result,
 * recorded `valid`, whose file re-validates here with the official's signature and the seal); no
 * stored file carries a partial signature; every transaction asked of the provider was confirmed
 * there and completed here; while down or hung, asking answered 503 REMOTE_SIGNING_UNAVAILABLE in
 * Vietnamese within the bound and polling answered that or "pending", and no dossier moved on;
 * once back, the retries completed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/kernel/db.js';
import { LocalDirectoryStorage } from '../src/modules/files/storage.js';
import { SIGNING_ERRORS } from '../src/modules/signing/signing.errors.js';
import { blankPdf } from '../src/modules/signing/testing/signed-pdfs.js';
import { openTrustServices } from '../src/modules/signing/trust-services.js';
import { validatePdfSignatures } from '../src/modules/signing/verify.js';
import { call, type Reply } from './lib/http.js';
import type { Options } from './lib/options.js';
import { type DossierView, forward, intake, openProvince, type Province, uploadPdf } from './lib/province.js';
import { startProxy } from './lib/proxy.js';
import { startServer } from './lib/server.js';
import { stage } from './lib/stage.js';
import { createTarget, type Target } from './lib/target.js';
import { check, firstOf, type Verdict } from './lib/verdict.js';

/** The API's REMOTE_SIGNING_TIMEOUT_MS here, and the real ms within which an outage must be told. */
const PEER_TIMEOUT_MS = 3_000;
const ANSWER_BOUND_MS = 10_000;
/** How long a leader keeps retrying after the service is back, before the run counts it stuck. */
const RETRY_FOR_MS = 60_000;
/** Dossiers per role (before the outage, pending through it, first asked during it). */
const PER_ROLE = { small: 2, full: 10 } as const;
const SIGNED_FIELDS = ['ChuKyNguoiCoThamQuyen', 'ChuKyCoQuan'];
const SIM_BASE = '/sim/remote-signing';
/** The step "Phê duyệt, ký kết quả" of the procedure's process: signResult moves a dossier past it. */
const APPROVAL = 'phe-duyet';

type Step = DossierView & { currentStepKey: string | null };

interface SigningAnswer {
  transactionId: string;
  status: 'pending' | 'signed' | 'refused' | 'expired';
  fileId: string | null;
  signer: string | null;
  certificateSerial: string | null;
}

interface Seen {
  what: 'ask' | 'poll';
  code: string;
  status: number;
  ms: number;
  errorCode: string;
  message: string;
  answer: string;
}

const errorOf = (r: Reply) => {
  try {
    const e = (JSON.parse(r.text) as { error?: { code?: string; message?: string } }).error;
    return { errorCode: e?.code ?? '', message: e?.message ?? '' };
  } catch {
    return { errorCode: '', message: '' };
  }
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A counter dossier forwarded by the one-stop officer and the official: at the leader's approval. */
async function atApproval(p: Province): Promise<string> {
  const filed = await intake(p);
  if (filed.status !== 201) throw new Error(`intake: ${filed.status} ${filed.text.slice(0, 300)}`);
  let d = JSON.parse(filed.text) as Step;
  for (const who of ['tiepnhan', 'chuyenvien'] as const) {
    const r = await forward(p, who, d);
    if (r.status !== 200) throw new Error(`forward ${d.code} by ${who}: ${r.status} ${r.text.slice(0, 300)}`);
    d = JSON.parse(r.text) as Step;
  }
  if (d.currentStepKey !== APPROVAL) throw new Error(`${d.code} is not at the approval: ${d.currentStepKey}`);
  return d.code;
}

export async function run(options: Options): Promise<Verdict> {
  const apiTarget = await createTarget(options.engine, 'signing');
  const simTarget = await createTarget(options.engine, 'signing-sim');
  // One demo CA for both processes, this run's own (as a province's trust list holds its provider's CA).
  const keysDir = await mkdtemp(join(tmpdir(), 'motcua-chaos-signing-keys-'));
  const started = performance.now();
  const proxy = await startProxy();
  const [sim, api] = await Promise.allSettled([
    // The provider needs no province: no demo seed there.
    startServer(simTarget, { JOBS_ENABLED: 'false', SEED_DEMO: 'false', MOTCUA_KEYS_DIR: keysDir }),
    startServer(apiTarget, {
      MOTCUA_KEYS_DIR: keysDir,
      REMOTE_SIGNING_URL: `http://127.0.0.1:${proxy.port}${SIM_BASE}`,
      REMOTE_SIGNING_TIMEOUT_MS: String(PEER_TIMEOUT_MS),
    }),
  ]);
  let apiAlive = true;
  let apiOutput = '';
  try {
    if (sim.status === 'rejected') throw sim.reason;
    if (api.status === 'rejected') throw api.reason;
    proxy.setTarget(Number(new URL(sim.value.url).port));
    stage('remote-signing service host and API up');
    let observed: Observed;
    try {
      observed = await drive(await openProvince(api.value.url), sim.value.url, PER_ROLE[options.scale], proxy);
    } finally {
      apiAlive = api.value.alive();
      if (!apiAlive) console.error(`the API process died:\n${api.value.output()}`);
      await api.value.stop();
      apiOutput = api.value.output();
    }
    // The API's database once it is stopped (PGlite), then the provider's side of each transaction
    // the API asked for (the simulator's transactions live in its memory: asked while it runs).
    const db = await readDatabase(apiTarget);
    const atProvider = new Map<string, string>();
    for (const { transaction_id: id } of db.requested) {
      const r = await fetch(`${sim.value.url}${SIM_BASE}/v1/signatures/${id}`);
      atProvider.set(id, r.ok ? ((await r.json()) as { status: string }).status : `HTTP ${r.status}`);
    }
    return await verdict(
      apiTarget,
      keysDir,
      db,
      atProvider,
      observed,
      apiAlive,
      apiOutput,
      performance.now() - started,
    );
  } finally {
    for (const server of [api, sim]) if (server.status === 'fulfilled') await server.value.stop();
    await proxy.close();
    await apiTarget.dispose();
    await simTarget.dispose();
    await rm(keysDir, { recursive: true, force: true });
  }
}

interface Observed {
  codes: string[];
  during: Seen[];
  movedDuringOutage: string[];
  retries: number;
  proxy: ReturnType<Awaited<ReturnType<typeof startProxy>>['counts']>;
}

async function drive(
  p: Province,
  simUrl: string,
  n: number,
  proxy: Awaited<ReturnType<typeof startProxy>>,
): Promise<Observed> {
  const leader = p.sessions.lanhdao;
  const pdf = await blankPdf();
  const dossiers = async () => {
    const out: { code: string; fileId: string }[] = [];
    for (let i = 0; i < n; i += 1)
      out.push({ code: await atApproval(p), fileId: await uploadPdf(p.base, leader, pdf, 'giay-phep.pdf') });
    return out;
  };
  const [before, pending, fresh] = [await dossiers(), await dossiers(), await dossiers()];
  stage(`${3 * n} dossiers at "Phê duyệt, ký kết quả"`);
  const during: Seen[] = [];
  const timed = async (what: Seen['what'], code: string, send: () => Promise<Reply>) => {
    const t0 = performance.now();
    const r = await send();
    const seen: Seen = { what, code, status: r.status, ms: performance.now() - t0, ...errorOf(r), answer: '' };
    if (r.status < 300) seen.answer = (JSON.parse(r.text) as SigningAnswer).status;
    return { r, seen };
  };
  const ask = (d: { code: string; fileId: string }) =>
    call(p.base, {
      method: 'POST',
      path: `/api/dossiers/${d.code}/result-signing`,
      session: leader,
      json: { fileId: d.fileId },
    });
  const poll = (code: string, id: string) =>
    call(p.base, { method: 'GET', path: `/api/dossiers/${code}/result-signing/${id}`, session: leader });
  // The leader's phone reaches the provider directly (not through our proxy).
  const confirmOnPhone = async (id: string) => {
    const r = await fetch(`${simUrl}${SIM_BASE}/app/transactions/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=confirm',
      redirect: 'manual',
    });
    if (r.status !== 303) throw new Error(`confirm ${id}: ${r.status} ${await r.text()}`);
  };
  let retries = 0;
  /** What the web dialog does: on 503 try again a little later; the run gives up after RETRY_FOR_MS. */
  const untilAnswered = async (send: () => Promise<Reply>, ok: number): Promise<Reply> => {
    const deadline = performance.now() + RETRY_FOR_MS;
    for (;;) {
      const r = await send();
      if (r.status === ok || r.status !== 503 || performance.now() > deadline) return r;
      retries += 1;
      await pause(1_000);
    }
  };
  const signAndRecord = async (code: string, transactionId: string) => {
    let answer: SigningAnswer;
    const deadline = performance.now() + RETRY_FOR_MS;
    do {
      const r = await untilAnswered(() => poll(code, transactionId), 200);
      if (r.status !== 200) throw new Error(`poll ${code}: ${r.status} ${r.text.slice(0, 300)}`);
      answer = JSON.parse(r.text) as SigningAnswer;
      if (answer.status === 'pending') await pause(500);
    } while (answer.status === 'pending' && performance.now() < deadline);
    if (answer.status !== 'signed') throw new Error(`${code}: ${answer.status} after the retries`);
    // The dialog may poll once more before it sees the answer: that must not sign again (the verdict counts).
    await poll(code, transactionId);
    const view = JSON.parse(
      (await call(p.base, { method: 'GET', path: `/api/dossiers/${code}`, session: leader })).text,
    ) as DossierView;
    const recorded = await call(p.base, {
      method: 'POST',
      path: `/api/dossiers/${code}/actions`,
      session: leader,
      json: {
        action: 'signResult',
        version: view.version,
        result: {
          fileId: answer.fileId,
          number: `${code.slice(-4)}/GP-STP`,
          issuedOn: new Date().toISOString().slice(0, 10),
          issuer: 'Sở Tư pháp',
          signer: answer.signer,
          certificateSerial: answer.certificateSerial,
        },
      },
    });
    if (recorded.status !== 200)
      throw new Error(`signResult ${code}: ${recorded.status} ${recorded.text.slice(0, 300)}`);
  };
  const askOk = async (d: { code: string; fileId: string }) => {
    const r = await untilAnswered(() => ask(d), 201);
    if (r.status !== 201) throw new Error(`ask ${d.code}: ${r.status} ${r.text.slice(0, 300)}`);
    return (JSON.parse(r.text) as SigningAnswer).transactionId;
  };

  for (const d of before) {
    const id = await askOk(d);
    await confirmOnPhone(id);
    await signAndRecord(d.code, id);
  }
  const waiting = new Map<string, string>();
  for (const d of pending) waiting.set(d.code, await askOk(d));
  stage(`${before.length} signed while up; ${pending.length} asked; service down`);

  proxy.setMode('down');
  for (const d of fresh) during.push((await timed('ask', d.code, () => ask(d))).seen);
  for (const [code, id] of waiting) {
    await confirmOnPhone(id);
    during.push((await timed('poll', code, () => poll(code, id))).seen);
  }
  proxy.setMode('blackhole');
  stage('service hung');
  for (const d of fresh) during.push((await timed('ask', d.code, () => ask(d))).seen);
  for (const [code, id] of waiting) during.push((await timed('poll', code, () => poll(code, id))).seen);
  // Nothing moved on while the service was out: every dossier of the outage still at the approval.
  const movedDuringOutage: string[] = [];
  for (const d of [...pending, ...fresh]) {
    const r = await call(p.base, { method: 'GET', path: `/api/dossiers/${d.code}`, session: leader });
    const view = JSON.parse(r.text) as Step;
    if (view.currentStepKey !== APPROVAL) movedDuringOutage.push(`${d.code}: ${view.currentStepKey}`);
  }

  proxy.setMode('up');
  stage('service back');
  for (const [code, id] of waiting) await signAndRecord(code, id);
  for (const d of fresh) {
    const id = await askOk(d);
    await confirmOnPhone(id);
    await signAndRecord(d.code, id);
  }
  stage('every result signed and recorded');
  return {
    codes: [...before, ...pending, ...fresh].map((d) => d.code),
    during,
    movedDuringOutage,
    retries,
    proxy: proxy.counts(),
  };
}

interface DatabaseView {
  dossiers: { code: string; at_approval: boolean }[];
  signedAudits: { code: string; file_id: string; transaction_id: string }[];
  requested: { code: string; transaction_id: string }[];
  results: { code: string; file_id: string; verification: string }[];
  signedFiles: { id: string; storage_key: string; report: { status?: string; signatures?: unknown[] } }[];
}

async function readDatabase(target: Target): Promise<DatabaseView> {
  const handle = await target.open();
  const db: Database = handle.db;
  try {
    return {
      // Still at the approval step ("Phê duyệt, ký kết quả"): signResult is what moves a dossier on.
      dossiers: await queryRows(
        db,
        sql`select code, coalesce(current_step_key = ${APPROVAL}, false) as at_approval from dossiers`,
      ),
      signedAudits: await queryRows(
        db,
        sql`select summary->'after'->>'code' as code, summary->'after'->>'fileId' as file_id,
                   summary->'after'->>'transactionId' as transaction_id
            from audit_log where action = 'result.signed'`,
      ),
      requested: await queryRows(
        db,
        sql`select summary->'after'->>'code' as code, summary->'after'->>'transactionId' as transaction_id
            from audit_log where action = 'result.signatureRequested'`,
      ),
      results: await queryRows(
        db,
        sql`select d.code, r.file_id::text as file_id, r.verification
            from dossier_results r join dossiers d on d.id = r.dossier_id`,
      ),
      // Every stored file that carries a signature (the uploads of this run are unsigned).
      signedFiles: await queryRows(
        db,
        sql`select id::text as id, storage_key, signature_report as report from stored_files
            where signature_report is not null and jsonb_array_length(coalesce(signature_report->'signatures', '[]'::jsonb)) > 0`,
      ),
    };
  } finally {
    await handle.close();
  }
}

async function verdict(
  apiTarget: Target,
  keysDir: string,
  db: DatabaseView,
  atProvider: Map<string, string>,
  o: Observed,
  apiAlive: boolean,
  apiOutput: string,
  ms: number,
): Promise<Verdict> {
  const inRun = new Set(o.codes);
  const count = (codes: string[]) => codes.reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());
  const signedPer = count(db.signedAudits.map((a) => a.code));
  const resultsPer = count(db.results.map((r) => r.code));
  const notOnce = o.codes
    .filter((c) => signedPer.get(c) !== 1 || resultsPer.get(c) !== 1)
    .map((c) => `${c}: ${signedPer.get(c) ?? 0} result.signed, ${resultsPer.get(c) ?? 0} results`);
  const auditedFile = new Map(db.signedAudits.map((a) => [a.code, a.file_id]));
  const wrongResult = db.results
    .filter((r) => inRun.has(r.code) && (r.verification !== 'valid' || auditedFile.get(r.code) !== r.file_id))
    .map((r) => `${r.code}: ${r.verification}, file ${r.file_id} (signed ${auditedFile.get(r.code)})`);
  const stuck = db.dossiers.filter((d) => inRun.has(d.code) && d.at_approval).map((d) => d.code);

  // Each signed file's bytes, validated again here against the shared demo CA.
  const storage = new LocalDirectoryStorage(apiTarget.env.FILES_DIR!);
  const trust = await openTrustServices({ keysDir });
  const badFiles: string[] = [];
  for (const f of db.signedFiles) {
    const report = await validatePdfSignatures(await storage.get(f.storage_key), trust, new Date());
    const fields = report.signatures.map((s) => s.field);
    if (report.status !== 'valid' || JSON.stringify(fields) !== JSON.stringify(SIGNED_FIELDS))
      badFiles.push(`${f.id}: ${report.status} ${report.code ?? ''} [${fields.join(', ')}]`);
  }
  const resultFiles = new Set(db.results.filter((r) => inRun.has(r.code)).map((r) => r.file_id));
  const strayFiles = db.signedFiles.filter((f) => !resultFiles.has(f.id)).map((f) => f.id);

  const signedTransactions = new Set(db.signedAudits.map((a) => a.transaction_id));
  const unfinished = db.requested
    .filter((r) => atProvider.get(r.transaction_id) !== 'confirmed' || !signedTransactions.has(r.transaction_id))
    .map((r) => `${r.code} ${r.transaction_id}: ${atProvider.get(r.transaction_id)} at the provider`);

  const told = (s: Seen) =>
    s.status === 503 && s.errorCode === 'REMOTE_SIGNING_UNAVAILABLE' && /ký số từ xa/.test(s.message);
  const asks = o.during.filter((s) => s.what === 'ask');
  const polls = o.during.filter((s) => s.what === 'poll');
  const badAsks = asks.filter((s) => !told(s) || s.ms > ANSWER_BOUND_MS);
  const badPolls = polls.filter(
    (s) => !(told(s) || (s.status === 200 && s.answer === 'pending')) || s.ms > ANSWER_BOUND_MS,
  );
  const expected = SIGNING_ERRORS.REMOTE_SIGNING_UNAVAILABLE.message.slice(0, 40);
  const logged = apiOutput.split('\n').filter((l) => /"level":(50|60)/.test(l) && !l.includes(expected));
  const show = (s: Seen) => `${s.what} ${s.code}: ${s.status} ${s.errorCode} ${s.answer} ${Math.round(s.ms)} ms`;
  return {
    checks: [
      check('the API stayed up', apiAlive, apiAlive ? 'alive' : 'died'),
      check(
        'the outage was real (connections refused, then held, by the proxy)',
        o.proxy.refused > 0 && o.proxy.held > 0,
        JSON.stringify(o.proxy),
      ),
      check(
        'every dossier signed exactly once: one result.signed audit and one result each',
        notOnce.length === 0 && o.codes.length > 0,
        `${o.codes.length} dossiers; ${firstOf(notOnce)}`,
      ),
      check(
        'each result recorded valid, with the file its signing stored',
        wrongResult.length === 0,
        firstOf(wrongResult),
      ),
      check(
        "no stored file with a partial signature: each signed file re-validates (official's signature + seal)",
        badFiles.length === 0 && db.signedFiles.length === o.codes.length && strayFiles.length === 0,
        `${db.signedFiles.length} signed files for ${o.codes.length} dossiers; not valid: ${firstOf(badFiles)}; not a result: ${firstOf(strayFiles)}`,
      ),
      check(
        'nothing stuck: every transaction asked was confirmed at the provider and completed here; every dossier moved on',
        unfinished.length === 0 && stuck.length === 0,
        `${db.requested.length} asked; unfinished: ${firstOf(unfinished)}; still at the approval: ${firstOf(stuck)}`,
      ),
      check(
        `service down or hung: a new signing refused 503 REMOTE_SIGNING_UNAVAILABLE in Vietnamese within ${ANSWER_BOUND_MS / 1000} s`,
        asks.length > 0 && badAsks.length === 0,
        `${asks.length} asked; e.g. "${asks[0]?.message ?? ''}"; ${firstOf(badAsks.map(show))}`,
      ),
      check(
        'service down or hung: polling a pending signature answers that refusal or "pending", in time',
        polls.length > 0 && badPolls.length === 0,
        `${polls.length} polls; ${firstOf(badPolls.map(show))}`,
      ),
      check(
        'no dossier moved on while the service was out',
        o.movedDuringOutage.length === 0,
        firstOf(o.movedDuringOutage),
      ),
      check('no error logged by the API', logged.length === 0, firstOf(logged.map((l) => l.slice(0, 300)))),
    ],
    figures: {
      dossiers: o.codes.length,
      transactions: db.requested.length,
      refusedWhileOut: asks.length,
      askMaxMs: Math.round(Math.max(0, ...asks.map((s) => s.ms))),
      pollsWhileOut: polls.length,
      pollMaxMs: Math.round(Math.max(0, ...polls.map((s) => s.ms))),
      retriesAfterBack: o.retries,
      proxy: JSON.stringify(o.proxy),
      peerTimeoutMs: PEER_TIMEOUT_MS,
      scenarioSeconds: Math.round(ms / 1000),
    },
  };
}
