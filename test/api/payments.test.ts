/**
 * Paying a dossier through the simulated national payment platform, over HTTP: the citizen starts
 * a payment, the platform's page takes the payer's decision, calls our IPN with a signed result
 * and sends the browser back to the portal. Also the checksum checks, the idempotent callback,
 * the counter payment, an obligation paid online resuming the clock, and the reconciliation.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drilldown } from '../../src/modules/kpi/index.query.js';
import type { IndicatorKey } from '../../src/modules/kpi/kpi.config.js';
import { computeIndex, scopeOf } from '../../src/modules/kpi/kpi.service.js';
import { rangePeriod } from '../../src/modules/kpi/periods.rules.js';
import { simulatedPlatform } from '../../src/modules/payments/paygov-simulator.js';
import { checksumOf, withChecksum } from '../../src/modules/payments/payments.rules.js';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { act, fileDossier, read, step } from '../fixtures/dossiers.js';
import { decide as decideOn, startPayment } from '../fixtures/payments.js';
import { procedureByCode } from '../fixtures/procedures.js';

let t: TestApp;
let congdan: Session;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let procedure: { id: string; components: { id: string; name: string; mandatory: boolean }[] };
let soTuPhapId: string;

const applicant = { kind: 'citizen', fullName: 'Trần Thị Mai', idNumber: '089196000555', phone: '0987000111' };

beforeAll(async () => {
  t = await createTestApp();
  const sessions = await Promise.all(['congdan', 'tiepnhan', 'chuyenvien', 'lanhdao'].map((u) => t.login(u)));
  [congdan, tiepnhan, chuyenvien, lanhdao] = sessions as [Session, Session, Session, Session];
  procedure = await procedureByCode(t, '2.000635'); // 8.000 ₫ on every channel
  const tree = (await t.app.inject({ url: '/api/units' })).json().units[0].children as { id: string; name: string }[];
  soTuPhapId = tree.find((u) => u.name === 'Sở Tư pháp')!.id;
});
afterAll(() => t?.close());

const onlineDossier = () =>
  fileDossier(congdan, procedure, { channel: 'online', applicant, competentUnitId: soTuPhapId });
const paymentsOf = async (s: Session, code: string) =>
  (await s.request({ url: `/api/dossiers/${code}/payments` })).json();

const start = (code: string, body: Record<string, unknown> = {}) => startPayment(t, congdan, code, body);
const decide = (transactionId: string, decision: 'pay' | 'cancel', bank = 'BIDV') =>
  decideOn(t, transactionId, decision, bank);

describe('online payment through the simulated platform', () => {
  it('pays the fees: page, signed IPN, receipt, return to the portal; a repeated IPN changes nothing', async () => {
    const d = await onlineDossier();
    const before = await paymentsOf(congdan, d.code);
    expect(before).toMatchObject({ feesVnd: 8000, due: [{ obligationId: null, amountVnd: 8000 }] });

    const { transactionId, payment } = await start(d.code);
    const back = await decide(transactionId, 'pay');
    expect(back.pathname).toBe(`/ho-so-cua-toi/${d.code}`);
    expect(back.searchParams.get('thanh-toan')).toBe(payment.id);
    expect(back.searchParams.get('resultCode')).toBe('00');

    const after = await paymentsOf(congdan, d.code);
    expect(after.due).toEqual([]);
    expect(after.payments).toEqual([
      expect.objectContaining({
        status: 'paid',
        channel: 'online',
        bankCode: 'BIDV',
        amountVnd: 8000,
        receiptNumber: expect.stringMatching(/^BL-\d{4}-\d{7}$/),
      }),
    ]);

    // The platform repeats its callback until acknowledged: same answer, nothing changes.
    const result = Object.fromEntries([...back.searchParams].filter(([k]) => k !== 'thanh-toan'));
    const again = await t.app.inject({ method: 'POST', url: '/api/payments/ipn/paygov', payload: result });
    expect(again.statusCode, again.body).toBe(200);
    expect((await paymentsOf(congdan, d.code)).payments).toEqual(after.payments);

    // Nothing left to pay.
    const twice = await congdan.request({ method: 'POST', url: `/api/dossiers/${d.code}/payments`, payload: {} });
    expect(twice.json().error.code).toBe('PAYMENT_NOTHING_DUE');
  });

  it('a success whose IPN was lost is found before a new attempt: recorded paid, no second charge', async () => {
    const d = await onlineDossier();
    const { transactionId, payment } = await start(d.code);
    // The payer pays on the platform; its confirmation never reaches us.
    await t.handle.db.transaction((tx) => simulatedPlatform(t.deps.env).complete(tx, transactionId, 'pay', 'VCB'));
    expect((await paymentsOf(congdan, d.code)).payments[0]).toMatchObject({ id: payment.id, status: 'pending' });
    const again = await congdan.request({ method: 'POST', url: `/api/dossiers/${d.code}/payments`, payload: {} });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'PAYMENT_NOTHING_DUE']);
    const after = await paymentsOf(congdan, d.code);
    expect(after.payments).toEqual([
      expect.objectContaining({ id: payment.id, status: 'paid', receiptNumber: expect.stringMatching(/^BL-/) }),
    ]);
    expect(after.due).toEqual([]);
  });

  it('rejects a bad checksum and a tampered amount with a code; a cancelled payment leaves the fees due', async () => {
    const d = await onlineDossier();
    const { transactionId, payment } = await start(d.code);
    const secret = t.deps.env.PAYMENT_SECRET;
    const fields = {
      merchantCode: t.deps.env.PAYMENT_MERCHANT_CODE,
      orderId: payment.id,
      transactionId,
      amount: 8000,
      resultCode: '00',
      bankCode: 'VCB',
      payDate: '20260101120000',
    };

    const wrongKey = await t.app.inject({
      method: 'POST',
      url: '/api/payments/ipn/paygov',
      payload: { ...fields, checksum: checksumOf('another-secret-of-at-least-32-chars!!', fields) },
    });
    expect(wrongKey.statusCode).toBe(401);
    expect(wrongKey.json().error.code).toBe('PAYMENT_SIGNATURE_INVALID');
    const tampered = await t.app.inject({
      method: 'POST',
      url: '/api/payments/ipn/paygov',
      payload: { ...withChecksum(secret, fields), amount: 1000 },
    });
    expect(tampered.json().error.code).toBe('PAYMENT_SIGNATURE_INVALID');
    // Correctly signed but not the amount of the order (a platform or merchant-side error).
    const wrongAmount = await t.app.inject({
      method: 'POST',
      url: '/api/payments/ipn/paygov',
      payload: withChecksum(secret, { ...fields, amount: 1000 }),
    });
    expect(wrongAmount.statusCode).toBe(422);
    expect(wrongAmount.json().error.code).toBe('PAYMENT_CALLBACK_MISMATCH');
    expect((await paymentsOf(congdan, d.code)).payments[0].status).toBe('pending');

    const back = await decide(transactionId, 'cancel');
    expect(back.searchParams.get('resultCode')).toBe('24');
    const after = await paymentsOf(congdan, d.code);
    expect(after.payments[0].status).toBe('cancelled');
    expect(after.due).toEqual([expect.objectContaining({ amountVnd: 8000 })]);
    // The platform refuses a second decision on a closed transaction.
    const closed = await t.app.inject({
      method: 'POST',
      url: `/sim/paygov/pay/${transactionId}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'decision=pay',
    });
    expect(closed.json().error.code).toBe('PAYMENT_SIM_TRANSACTION_CLOSED');
  });

  it('only the dossier’s owner starts an online payment', async () => {
    const d = await onlineDossier();
    const res = await tiepnhan.request({ method: 'POST', url: `/api/dossiers/${d.code}/payments`, payload: {} });
    expect(res.statusCode).toBe(403);
  });
});

describe('obligations and counter payments', () => {
  async function awaitingPayment(amountVnd: number) {
    let d = await fileDossier(tiepnhan, procedure, { channel: 'counter', applicant, competentUnitId: soTuPhapId });
    d = await step(tiepnhan, d.code, d.version, 'forward');
    d = await step(chuyenvien, d.code, d.version, 'requestPayment', {
      obligation: { description: 'Lệ phí cấp bản sao', amountVnd },
    });
    expect(d.status).toBe('awaitingPayment');
    return d;
  }

  it('records a counter payment of the fees with its receipt number, at the exact amount due', async () => {
    const d = await fileDossier(tiepnhan, procedure, { channel: 'counter', applicant, competentUnitId: soTuPhapId });
    const wrong = await tiepnhan.request({
      method: 'POST',
      url: `/api/dossiers/${d.code}/payments/counter`,
      payload: { amountVnd: 5000, receiptNumber: 'BL-Q-0001' },
    });
    expect(wrong.json().error.code).toBe('PAYMENT_AMOUNT_INVALID');
    const notOfficer = await chuyenvien.request({
      method: 'POST',
      url: `/api/dossiers/${d.code}/payments/counter`,
      payload: { amountVnd: 8000, receiptNumber: 'BL-Q-0001' },
    });
    expect(notOfficer.statusCode).toBe(403);
    const res = await tiepnhan.request({
      method: 'POST',
      url: `/api/dossiers/${d.code}/payments/counter`,
      payload: { amountVnd: 8000, receiptNumber: 'BL-Q-0001' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'counter', status: 'paid', receiptNumber: 'BL-Q-0001' });
    expect((await paymentsOf(tiepnhan, d.code)).due).toEqual([]);
    const [audit] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from outbox_events where topic = 'payment.counter'`,
    );
    expect(audit!.n).toBeGreaterThan(0);
  });

  it('an obligation paid at the counter confirms it through confirmPayment', async () => {
    const d = await awaitingPayment(30000);
    const obligationId = d.obligations[0].id;
    const res = await tiepnhan.request({
      method: 'POST',
      url: `/api/dossiers/${d.code}/payments/counter`,
      payload: { obligationId, amountVnd: 30000, receiptNumber: 'BL-Q-0002' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = await read(tiepnhan, d.code);
    expect(after.status).toBe('processing');
    expect(after.obligations[0]).toMatchObject({ receiptNumber: 'BL-Q-0002', paidAt: expect.any(String) });
  });

  it('an obligation paid online resumes the clock on the platform’s word (system actor)', async () => {
    const d = await awaitingPayment(45000);
    const obligationId = d.obligations[0].id;
    // The citizen who owns it pays: file online so the dossier has an owner.
    const owned = await onlineDossier();
    let o = await step(tiepnhan, owned.code, owned.version, 'accept');
    o = await step(tiepnhan, o.code, o.version, 'forward');
    o = await step(chuyenvien, o.code, o.version, 'requestPayment', {
      obligation: { description: 'Nghĩa vụ tài chính', amountVnd: 45000 },
    });
    expect(o.status).toBe('awaitingPayment');
    const { transactionId } = await start(o.code, { obligationId: o.obligations[0].id });
    await decide(transactionId, 'pay', 'VCB');
    const after = await read(tiepnhan, o.code);
    expect(after.status).toBe('processing');
    expect(after.obligations[0]).toMatchObject({
      paidAt: expect.any(String),
      receiptNumber: expect.stringMatching(/^BL-/),
    });
    const events = await queryRows<{ action: string; actor: string | null }>(
      t.handle.db,
      sql`select e.action, e.actor_user_id as actor from dossier_events e join dossiers d on d.id = e.dossier_id where d.code = ${o.code} and e.action = 'confirmPayment'`,
    );
    expect(events).toEqual([{ action: 'confirmPayment', actor: null }]);
    // The other dossier still waits: its obligation is another's.
    expect((await read(tiepnhan, d.code)).status).toBe('awaitingPayment');
    const other = await congdan.request({
      method: 'POST',
      url: `/api/dossiers/${owned.code}/payments`,
      payload: { obligationId },
    });
    expect(other.json().error.code).toBe('PAYMENT_OBLIGATION_NOT_FOUND');
  });

  it('a success confirms only the obligation it paid: a late one for an obligation settled at the counter leaves the next unpaid', async () => {
    const owned = await onlineDossier();
    let o = await step(tiepnhan, owned.code, owned.version, 'accept');
    o = await step(tiepnhan, o.code, o.version, 'forward');
    o = await step(chuyenvien, o.code, o.version, 'requestPayment', {
      obligation: { description: 'Lệ phí cấp bản sao', amountVnd: 20000 },
    });
    const first = o.obligations[0].id as string;
    // The citizen opens the platform's page for it, and meanwhile pays it at the counter.
    const { transactionId } = await start(o.code, { obligationId: first });
    const counter = await tiepnhan.request({
      method: 'POST',
      url: `/api/dossiers/${o.code}/payments/counter`,
      payload: { obligationId: first, amountVnd: 20000, receiptNumber: 'BL-Q-0900' },
    });
    expect(counter.statusCode, counter.body).toBe(201);
    o = await read(tiepnhan, o.code);
    expect(o.status).toBe('processing');
    o = await step(chuyenvien, o.code, o.version, 'requestPayment', {
      obligation: { description: 'Phí thẩm định bổ sung', amountVnd: 35000 },
    });
    const second = (o.obligations as { id: string }[]).find((x) => x.id !== first)!.id;

    // The abandoned page is paid after all: the payment is recorded (for a refund), but the
    // second obligation is not the one it paid — it stays due and the clock stays stopped.
    await decide(transactionId, 'pay', 'VCB');
    const after = await read(tiepnhan, o.code);
    expect(after.status).toBe('awaitingPayment');
    const byId = new Map(
      (after.obligations as { id: string; paidAt: string | null; receiptNumber: string | null }[]).map((x) => [
        x.id,
        x,
      ]),
    );
    expect(byId.get(first)).toMatchObject({ receiptNumber: 'BL-Q-0900', paidAt: expect.any(String) });
    expect(byId.get(second)).toMatchObject({ paidAt: null, receiptNumber: null });
    const due = (await paymentsOf(tiepnhan, o.code)).due as { obligationId: string | null; amountVnd: number }[];
    expect(due.filter((x) => x.obligationId !== null)).toEqual([
      expect.objectContaining({ obligationId: second, amountVnd: 35000 }),
    ]);

    // The officer names what was paid: an obligation of another dossier, or one paid already, is refused.
    const wrong = await act(tiepnhan, o.code, {
      action: 'confirmPayment',
      version: after.version,
      receiptNumber: 'BL-Q-0901',
      obligationId: '00000000-0000-4000-8000-000000000000',
    });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([404, 'OBLIGATION_NOT_FOUND']);
    const twice = await act(tiepnhan, o.code, {
      action: 'confirmPayment',
      version: after.version,
      receiptNumber: 'BL-Q-0901',
      obligationId: first,
    });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'OBLIGATION_ALREADY_PAID']);
    const right = await step(tiepnhan, o.code, after.version, 'confirmPayment', {
      receiptNumber: 'BL-Q-0902',
      obligationId: second,
    });
    expect(right.status).toBe('processing');
    expect((right.obligations as { id: string; receiptNumber: string }[]).find((x) => x.id === second)).toMatchObject({
      receiptNumber: 'BL-Q-0902',
    });
  });
});

describe('reconciliation (đối soát)', () => {
  it('compares the platform’s statement of the day with our payments and records the mismatches', async () => {
    const d = await onlineDossier();
    const { transactionId, payment } = await start(d.code);
    await decide(transactionId, 'pay');
    // The platform's ledger says another amount for this order: a mismatch to investigate.
    await t.handle.db.execute(
      sql`update paygov_sim_transactions set amount_vnd = 9000 where transaction_id = ${transactionId}`,
    );
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(
      (await tiepnhan.request({ method: 'POST', url: '/api/payments/reconciliations', payload: { day } })).statusCode,
    ).toBe(403);
    const res = await lanhdao.request({ method: 'POST', url: '/api/payments/reconciliations', payload: { day } });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    expect(run.statementCount).toBeGreaterThan(1);
    expect(run.matched).toBeGreaterThan(0);
    expect(run.mismatches).toEqual([{ kind: 'amount', orderId: payment.id, ours: 8000, theirs: 9000 }]);
    const after = (await paymentsOf(congdan, d.code)).payments[0];
    expect(after.reconciliation).toBe('mismatched');
  });
});

describe('KPI: the online payment group of the 766 index', () => {
  const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const KEYS: IndicatorKey[] = [
    'payment.dossiersPaidOnline',
    'payment.proceduresIntegrated',
    'payment.proceduresWithTransactions',
  ];

  async function figures(unitId: string, source: 'raw' | 'rollup') {
    const index = await computeIndex(
      t.handle.db,
      t.deps.env,
      { unitId, period: rangePeriod(today(), today()), source },
      new Date(),
    );
    const all = index.groups.flatMap((g) => g.indicators);
    return Object.fromEntries(
      KEYS.map((k) => {
        const i = all.find((x) => x.key === k)!;
        return [k, { n: i.numerator, d: i.denominator, available: i.available }];
      }),
    );
  }
  const codes = async (unitId: string, key: IndicatorKey, part: 'numerator' | 'denominator') =>
    (
      await drilldown(
        t.handle.db,
        t.deps.env,
        scopeOf(unitId, rangePeriod(today(), today()), new Date()),
        key,
        part,
        { page: 1, pageSize: 500 },
        new Date(),
      )
    ).items.map((i) => i.code);

  it('counts dossiers paid online among received dossiers with fees, and the procedures integrated and with transactions', async () => {
    const before = await figures(soTuPhapId, 'raw');
    expect(before['payment.dossiersPaidOnline']!.available).toBe(true);

    // A: filed online, paid online, received → in both. B: counter, paid at the counter → denominator.
    // C: paid online but not received yet → neither. D: online payment cancelled, received → denominator.
    const a = await onlineDossier();
    await decide((await start(a.code)).transactionId, 'pay');
    await step(tiepnhan, a.code, a.version, 'accept');
    const b = await fileDossier(tiepnhan, procedure, { channel: 'counter', applicant, competentUnitId: soTuPhapId });
    expect(
      (
        await tiepnhan.request({
          method: 'POST',
          url: `/api/dossiers/${b.code}/payments/counter`,
          payload: { amountVnd: 8000, receiptNumber: 'BL-Q-0100' },
        })
      ).statusCode,
    ).toBe(201);
    const c = await onlineDossier();
    await decide((await start(c.code)).transactionId, 'pay');
    const d = await onlineDossier();
    await decide((await start(d.code)).transactionId, 'cancel');
    await step(tiepnhan, d.code, d.version, 'accept');

    const after = await figures(soTuPhapId, 'raw');
    const paid = (f: typeof after) => f['payment.dossiersPaidOnline']!;
    expect(paid(after).n - paid(before).n).toBe(1);
    expect(paid(after).d - paid(before).d).toBe(3);
    expect(await figures(soTuPhapId, 'rollup')).toEqual(after);

    const numerator = await codes(soTuPhapId, 'payment.dossiersPaidOnline', 'numerator');
    const denominator = await codes(soTuPhapId, 'payment.dossiersPaidOnline', 'denominator');
    expect(numerator).toContain(a.code);
    expect(denominator).toEqual(expect.arrayContaining([a.code, b.code, d.code]));
    expect([...numerator, ...denominator]).not.toContain(c.code);
    expect(numerator).not.toContain(d.code);
    expect(numerator.length).toBe(paid(after).n);

    // 2.000635 charges 8.000 ₫ and its online channel is integrated; it had a transaction today.
    expect(await codes(soTuPhapId, 'payment.proceduresIntegrated', 'numerator')).toContain('2.000635');
    expect(await codes(soTuPhapId, 'payment.proceduresWithTransactions', 'numerator')).toContain('2.000635');
    expect(after['payment.proceduresWithTransactions']!.n).toBeGreaterThan(0);
  });

  it('leaves out of the integrated count procedures without fees, and counts those with fees not integrated', async () => {
    const root = (await t.app.inject({ url: '/api/units' })).json().units[0].id as string;
    const denominator = await codes(root, 'payment.proceduresIntegrated', 'denominator');
    const numerator = await codes(root, 'payment.proceduresIntegrated', 'numerator');
    expect(denominator).not.toContain('1.001193'); // khai sinh: free
    expect(denominator).toContain('2.000815'); // chứng thực bản sao: 2.000 ₫, counter only
    expect(numerator).not.toContain('2.000815');
    expect(numerator).toContain('1.001612');
  });
});
