/**
 * Running online payments: the periodic task that settles payments past their order's expiry
 * (asking the simulated platform first: a success whose IPN was lost is paid, not expired), and
 * the staff's list of reconciliation runs with their discrepancies, and a channel's online payment
 * flag as the staff catalog screen changes it (an amending decision). Runs on PGlite and, with
 * TEST_DATABASE_URL, on PostgreSQL (truly concurrent runs of the task).
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDuePayments } from '../../src/modules/payments/expiry.service.js';
import { paymentGatewayFromEnv } from '../../src/modules/payments/gateway.js';
import { simulatedPlatform } from '../../src/modules/payments/paygov-simulator.js';
import { EXPIRY_GRACE_MS } from '../../src/modules/payments/payments.rules.js';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { fileDossier, read, step } from '../fixtures/dossiers.js';
import { decide, startPayment } from '../fixtures/payments.js';
import { procedureByCode } from '../fixtures/procedures.js';

const EXPIRY_MINUTES = 30;
const MINUTE = 60_000;

let t: TestApp;
let congdan: Session;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let procedure: { id: string; components: { id: string; name: string; mandatory: boolean }[] };
let soTuPhapId: string;

const applicant = { kind: 'citizen', fullName: 'Lê Văn Tâm', idNumber: '089196000777', phone: '0987000222' };

beforeAll(async () => {
  t = await createTestApp({ env: { PAYMENT_EXPIRY_MINUTES: String(EXPIRY_MINUTES) } });
  [congdan, tiepnhan, chuyenvien, lanhdao] = (await Promise.all(
    ['congdan', 'tiepnhan', 'chuyenvien', 'lanhdao'].map((u) => t.login(u)),
  )) as [Session, Session, Session, Session];
  procedure = await procedureByCode(t, '2.000635'); // 8.000 ₫ on every channel
  const tree = (await t.app.inject({ url: '/api/units' })).json().units[0].children as { id: string; name: string }[];
  soTuPhapId = tree.find((u) => u.name === 'Sở Tư pháp')!.id;
});
afterAll(() => t?.close());

const rows = <T extends Record<string, unknown>>(query: SQL) => queryRows<T>(t.handle.db, query);
const onlineDossier = () =>
  fileDossier(congdan, procedure, { channel: 'online', applicant, competentUnitId: soTuPhapId });
const paymentsOf = async (code: string) => (await congdan.request({ url: `/api/dossiers/${code}/payments` })).json();
/** As the one-stop officer sees them (a counter dossier has no owner to ask). */
const officerPaymentsOf = async (code: string) =>
  (await tiepnhan.request({ url: `/api/dossiers/${code}/payments` })).json();
const start = (code: string, body: Record<string, unknown> = {}) => startPayment(t, congdan, code, body);
const platform = () => simulatedPlatform(t.deps.env);
/** The payer decides on the platform, but its IPN never reaches us. */
const decidedIpnLost = (transactionId: string, decision: 'pay' | 'cancel') =>
  t.handle.db.transaction((tx) => platform().complete(tx, transactionId, decision, 'VCB'));
const expiresAtOf = async (paymentId: string) =>
  new Date(
    (await rows<{ at: string | Date }>(sql`select expires_at as at from payments where id = ${paymentId}`))[0]!.at,
  );
const runTask = (now: Date) => expireDuePayments(t.deps.db, t.deps.env, paymentGatewayFromEnv(t.deps.env), now);
const auditOf = (paymentId: string) =>
  rows<{ action: string; actor_id: string | null }>(
    sql`select action, actor_id from audit_log where target_id = ${paymentId} order by id`,
  );
const topicsOf = async (paymentId: string) =>
  (
    await rows<{ topic: string }>(
      sql`select topic from outbox_events where payload->>'paymentId' = ${paymentId} order by occurred_at, id`,
    )
  ).map((r) => r.topic);

describe('pending online payments past their order’s expiry', () => {
  it('sends the platform the order’s expiry (PAYMENT_EXPIRY_MINUTES) and keeps it on the payment', async () => {
    const d = await onlineDossier();
    const { payment, transactionId } = await start(d.code);
    const [row] = await rows<{ created: Date; ours: Date; theirs: Date }>(sql`
      select p.created_at as created, p.expires_at as ours, s.expires_at as theirs
      from payments p join paygov_sim_transactions s on s.transaction_id = p.provider_transaction_id where p.id = ${payment.id}`);
    expect(new Date(row!.ours).getTime() - new Date(row!.created).getTime()).toBe(EXPIRY_MINUTES * MINUTE);
    // The protocol's expireDate has whole seconds.
    expect(Math.floor(new Date(row!.theirs).getTime() / 1000)).toBe(Math.floor(new Date(row!.ours).getTime() / 1000));
    expect(transactionId).toMatch(/^PG/);
  });

  it('confirms a payment the payer made whose IPN was lost: paid with a receipt, not expired', async () => {
    const d = await onlineDossier();
    const { payment, transactionId } = await start(d.code);
    await decidedIpnLost(transactionId, 'pay');
    expect((await paymentsOf(d.code)).payments[0].status).toBe('pending');
    const due = (await expiresAtOf(payment.id)).getTime() + EXPIRY_GRACE_MS;

    await runTask(new Date(due - 1)); // still within the grace: nothing asked, nothing changed
    expect((await paymentsOf(d.code)).payments[0].status).toBe('pending');

    const outcome = await runTask(new Date(due));
    expect(outcome.paid).toBeGreaterThanOrEqual(1);
    const after = await paymentsOf(d.code);
    expect(after.payments).toEqual([
      expect.objectContaining({
        id: payment.id,
        status: 'paid',
        bankCode: 'VCB',
        receiptNumber: expect.stringMatching(/^BL-\d{4}-\d{7}$/),
      }),
    ]);
    expect(after.due).toEqual([]);
    expect(await auditOf(payment.id)).toEqual([
      { action: 'payment.start', actor_id: congdan.user.id },
      { action: 'payment.paid', actor_id: null },
    ]);
    expect(await topicsOf(payment.id)).toEqual(['payment.start', 'payment.paid']);

    await runTask(new Date(due + 60 * MINUTE)); // settled once: a later run leaves it alone
    expect(await auditOf(payment.id)).toHaveLength(2);
  });

  it('an obligation paid whose IPN was lost resumes the dossier’s clock through confirmPayment', async () => {
    let d = await onlineDossier();
    d = await step(tiepnhan, d.code, d.version, 'accept');
    d = await step(tiepnhan, d.code, d.version, 'forward');
    d = await step(chuyenvien, d.code, d.version, 'requestPayment', {
      obligation: { description: 'Nghĩa vụ tài chính', amountVnd: 25_000 },
    });
    expect(d.status).toBe('awaitingPayment');
    const { payment, transactionId } = await start(d.code, { obligationId: d.obligations[0].id });
    await decidedIpnLost(transactionId, 'pay');
    await runTask(new Date((await expiresAtOf(payment.id)).getTime() + EXPIRY_GRACE_MS));
    const after = await read(tiepnhan, d.code);
    expect(after.status).toBe('processing');
    expect(after.obligations[0]).toMatchObject({
      paidAt: expect.any(String),
      receiptNumber: expect.stringMatching(/^BL-/),
    });
  });

  it('records a cancellation whose IPN was lost as cancelled', async () => {
    const d = await onlineDossier();
    const { payment, transactionId } = await start(d.code);
    await decidedIpnLost(transactionId, 'cancel');
    await runTask(new Date((await expiresAtOf(payment.id)).getTime() + EXPIRY_GRACE_MS));
    expect((await paymentsOf(d.code)).payments[0]).toMatchObject({
      id: payment.id,
      status: 'cancelled',
      receiptNumber: null,
    });
    expect((await auditOf(payment.id)).map((a) => a.action)).toEqual(['payment.start', 'payment.cancelled']);
  });

  it('expires an unpaid one: the platform no longer takes it, and the applicant starts a new payment', async () => {
    const d = await onlineDossier();
    const { payment, transactionId } = await start(d.code);
    // Both clocks past the order's expiry: the platform's own check, and the task's.
    await t.handle.db.execute(
      sql`update payments set created_at = created_at - interval '40 minutes', expires_at = now() - interval '10 minutes' where id = ${payment.id}`,
    );
    await t.handle.db.execute(
      sql`update paygov_sim_transactions set expires_at = now() - interval '10 minutes' where transaction_id = ${transactionId}`,
    );
    const page = await t.app.inject({ url: `/sim/paygov/pay/${transactionId}` });
    expect(page.body).toContain('data-testid="sim-closed"');
    const late = await t.app.inject({
      method: 'POST',
      url: `/sim/paygov/pay/${transactionId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'decision=pay',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('PAYMENT_SIM_TRANSACTION_EXPIRED');

    const outcome = await runTask(new Date());
    expect(outcome.expired).toBeGreaterThanOrEqual(1);
    expect(outcome.errors).toBe(0);
    const after = await paymentsOf(d.code);
    expect(after.payments[0]).toMatchObject({ id: payment.id, status: 'expired' });
    expect(after.due).toEqual([expect.objectContaining({ obligationId: null, amountVnd: 8000 })]);
    expect((await auditOf(payment.id)).map((a) => a.action)).toEqual(['payment.start', 'payment.expired']);
    expect(await topicsOf(payment.id)).toEqual(['payment.start', 'payment.expired']);

    const again = await start(d.code);
    await decide(t, again.transactionId, 'pay');
    expect((await paymentsOf(d.code)).payments.map((p: { status: string }) => p.status)).toEqual(['expired', 'paid']);
  });

  it('two runs at once settle each due payment once (claims skip locked rows)', async () => {
    const started = [];
    for (let i = 0; i < 3; i += 1) started.push((await start((await onlineDossier()).code)).payment.id as string);
    const latest = Math.max(...(await Promise.all(started.map(expiresAtOf))).map((d) => d.getTime()));
    const now = new Date(latest + EXPIRY_GRACE_MS);
    const [a, b] = await Promise.all([runTask(now), runTask(now)]);
    expect(a.errors + b.errors).toBe(0);
    for (const id of started)
      expect((await auditOf(id)).map((r) => r.action)).toEqual(['payment.start', 'payment.expired']);
  });
});

describe('reconciliation runs (đối soát) for staff', () => {
  const DAY = '2026-01-15';
  let ids: { matched: string; amount: string; status: string; missingThere: string };
  let codes: Record<keyof typeof ids, string>;

  /**
   * One day's controlled ledgers, moved to DAY: A paid and listed alike; B paid, the platform says
   * 9.000 ₫; C paid at the platform, IPN lost (ours pending); E paid here, absent there; and a
   * platform success for an order we never had.
   */
  beforeAll(async () => {
    const paid = async () => {
      const d = await onlineDossier();
      const s = await start(d.code);
      await decide(t, s.transactionId, 'pay');
      return { code: d.code, ...s };
    };
    const a = await paid();
    const b = await paid();
    const cDossier = await onlineDossier();
    const c = { code: cDossier.code, ...(await start(cDossier.code)) };
    await decidedIpnLost(c.transactionId, 'pay');
    const e = await paid();
    await t.handle.db.execute(
      sql`update paygov_sim_transactions set amount_vnd = 9000 where transaction_id = ${b.transactionId}`,
    );
    await t.handle.db.execute(sql`delete from paygov_sim_transactions where transaction_id = ${e.transactionId}`);
    await t.handle.db.execute(sql`insert into paygov_sim_transactions (transaction_id, merchant_code, order_id, amount_vnd, order_info, return_url, ipn_url, status, created_at)
      values ('PG-FOREIGN-1', ${t.deps.env.PAYMENT_MERCHANT_CODE}, 'not-ours-1', 7000, 'x', 'http://x', 'http://x', 'success', now())`);
    const moved = [a, b, c, e].map((p) => p.payment.id as string);
    const at = sql`${`${DAY}T03:00:00Z`}::timestamptz`;
    await t.handle.db.execute(
      sql`update payments set created_at = ${at} where id in (${sql.join(
        moved.map((m) => sql`${m}::uuid`),
        sql`, `,
      )})`,
    );
    await t.handle.db.execute(
      sql`update paygov_sim_transactions set created_at = ${at} where order_id in (${sql.join(
        [...moved, 'not-ours-1'].map((m) => sql`${m}`),
        sql`, `,
      )})`,
    );
    ids = { matched: a.payment.id, amount: b.payment.id, status: c.payment.id, missingThere: e.payment.id };
    codes = { matched: a.code, amount: b.code, status: c.code, missingThere: e.code };
    for (const day of [DAY, '2026-01-16']) {
      const res = await lanhdao.request({ method: 'POST', url: '/api/payments/reconciliations', payload: { day } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('lists the runs newest day first with counts by kind and each side’s paid total', async () => {
    const res = await lanhdao.request({ url: '/api/payments/reconciliations' });
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(2);
    expect(items.map((r: { day: string }) => r.day)).toEqual(['2026-01-16', DAY]);
    expect(items[1]).toMatchObject({
      provider: 'paygov',
      statementCount: 4,
      matched: 1,
      mismatched: 2,
      missingHere: 1,
      missingThere: 1,
      oursPaidVnd: 3 * 8000, // A, B, E
      statementPaidVnd: 8000 + 9000 + 8000 + 7000, // A, B as they say, C, the foreign order
      runBy: { id: lanhdao.user.id, fullName: expect.any(String) },
    });
    expect(items[0]).toMatchObject({
      statementCount: 0,
      matched: 0,
      mismatched: 0,
      missingHere: 0,
      missingThere: 0,
      oursPaidVnd: 0,
      statementPaidVnd: 0,
    });
  });

  it('filters by statement day and pages', async () => {
    const only = (await lanhdao.request({ url: `/api/payments/reconciliations?from=${DAY}&to=${DAY}` })).json();
    expect(only.total).toBe(1);
    expect(only.items.map((r: { day: string }) => r.day)).toEqual([DAY]);
    expect(
      (await lanhdao.request({ url: '/api/payments/reconciliations?from=2026-01-16' }))
        .json()
        .items.map((r: { day: string }) => r.day),
    ).toEqual(['2026-01-16']);
    const page2 = (await lanhdao.request({ url: '/api/payments/reconciliations?page=2&pageSize=1' })).json();
    expect(page2).toMatchObject({ total: 2, items: [expect.objectContaining({ day: DAY })] });
    expect((await lanhdao.request({ url: '/api/payments/reconciliations?from=15-01-2026' })).statusCode).toBe(400);
  });

  it('shows one run’s discrepancies with the dossier and transaction of each of our payments', async () => {
    const run = (await lanhdao.request({ url: `/api/payments/reconciliations?from=${DAY}&to=${DAY}` })).json().items[0];
    const res = await lanhdao.request({ url: `/api/payments/reconciliations/${run.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail).toMatchObject({ id: run.id, day: DAY, matched: 1 });
    const byKind = Object.fromEntries(detail.lines.map((l: { kind: string }) => [l.kind, l]));
    expect(detail.lines).toHaveLength(4);
    expect(byKind.amount).toMatchObject({
      orderId: ids.amount,
      dossierCode: codes.amount,
      oursVnd: 8000,
      theirsVnd: 9000,
      oursStatus: null,
      transactionId: expect.stringMatching(/^PG/),
    });
    expect(byKind.status).toMatchObject({
      orderId: ids.status,
      dossierCode: codes.status,
      oursStatus: 'pending',
      theirsStatus: 'success',
    });
    expect(byKind.missingThere).toMatchObject({
      orderId: ids.missingThere,
      dossierCode: codes.missingThere,
      oursVnd: 8000,
      theirsVnd: null,
    });
    expect(byKind.missingHere).toMatchObject({
      orderId: 'not-ours-1',
      dossierCode: null,
      transactionId: 'PG-FOREIGN-1',
      theirsVnd: 7000,
      oursVnd: null,
    });
  });

  it('is for those who reconcile: others are refused, an unknown run is 404', async () => {
    expect((await tiepnhan.request({ url: '/api/payments/reconciliations' })).statusCode).toBe(403);
    expect((await congdan.request({ url: '/api/payments/reconciliations' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/payments/reconciliations' })).statusCode).toBe(401);
    const missing = await lanhdao.request({
      url: '/api/payments/reconciliations/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('PAYMENT_RECONCILIATION_NOT_FOUND');
  });
});

describe('a channel’s online payment flag (tích hợp thanh toán trực tuyến)', () => {
  it('changed as the catalog screen sends it — an amending decision — governs dossiers filed from then on', async () => {
    const copy = await procedureByCode<{
      id: string;
      components: { id: string; name: string; mandatory: boolean }[];
      competentUnits: { id: string }[];
      currentVersion: { id: string; content: { channels: { channel: string; onlinePayment: boolean }[] } };
    }>(t, '2.000815'); // chứng thực bản sao: 2.000 ₫, at the counter, not integrated
    const fileAtCounter = () =>
      fileDossier(tiepnhan, copy, { channel: 'counter', applicant, competentUnitId: copy.competentUnits[0]!.id });
    const before = await fileAtCounter();
    expect((await officerPaymentsOf(before.code)).onlinePayment).toBe(false);

    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const province = (await t.app.inject({ url: '/api/units' })).json().units[0].id as string;
    const content = copy.currentVersion.content;
    const kstthc = await t.login('kstthc');
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: {
        number: '15/QĐ-UBND-TTTT',
        signedDate: today,
        signer: 'Chủ tịch UBND tỉnh',
        issuingUnitId: province,
        effectiveDate: today,
        items: [
          {
            changeKind: 'amended',
            nationalCode: '2.000815',
            content: {
              ...content,
              channels: content.channels.map((c) => ({ ...c, onlinePayment: c.channel === 'counter' })),
            },
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await t.app.inject({ url: `/api/procedures/${copy.id}` })).json();
    expect(detail.currentVersion.id).not.toBe(copy.currentVersion.id);
    expect(detail.channels.find((c: { channel: string }) => c.channel === 'counter').onlinePayment).toBe(true);

    expect((await officerPaymentsOf((await fileAtCounter()).code)).onlinePayment).toBe(true);
    // The dossier filed before keeps the version it was filed under.
    expect((await officerPaymentsOf(before.code)).onlinePayment).toBe(false);
  });
});
