/**
 * Issue 15, payments: a result is not returned while a fee is due (unless the unit's leader
 * exempts it, with a reason); a fee paid through the obligation that asks for it is no longer
 * due; and refunds — full or partial, through the simulated platform, idempotent, audited,
 * reconciled, shown on the dossier's payment panel. The clock is pinned (Date only).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../src/kernel/db.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { act, fileDossier, read, resultOf, step } from '../fixtures/dossiers.js';
import { decide, startPayment } from '../fixtures/payments.js';
import { procedureByCode } from '../fixtures/procedures.js';

/** Tue 10/3/2026 09:00 in Vietnam: a working morning; the reconciled day is that Vietnam day. */
const TUESDAY_MORNING = new Date('2026-03-10T02:00:00Z');
const DAY = '2026-03-10';

let t: TestApp;
let congdan: Session;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let procedure: { id: string; components: { id: string; name: string; mandatory: boolean }[] };
let soTuPhapId: string;

const applicant = { kind: 'citizen', fullName: 'Trần Thị Mai', idNumber: '089196000555', phone: '0987000111' };

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: TUESDAY_MORNING, shouldAdvanceTime: true });
  t = await createTestApp();
  const sessions = await Promise.all(['congdan', 'tiepnhan', 'chuyenvien', 'lanhdao'].map((u) => t.login(u)));
  [congdan, tiepnhan, chuyenvien, lanhdao] = sessions as [Session, Session, Session, Session];
  procedure = await procedureByCode(t, '2.000635'); // 8.000 ₫ on every channel
  const tree = (await t.app.inject({ url: '/api/units' })).json().units[0].children as { id: string; name: string }[];
  soTuPhapId = tree.find((u) => u.name === 'Sở Tư pháp')!.id;
});
afterAll(async () => {
  await t?.close();
  vi.useRealTimers();
});

const counterDossier = () =>
  fileDossier(tiepnhan, procedure, { channel: 'counter', applicant, competentUnitId: soTuPhapId });
const onlineDossier = () =>
  fileDossier(congdan, procedure, { channel: 'online', applicant, competentUnitId: soTuPhapId });
const panel = async (s: Session, code: string) => {
  const res = await s.request({ url: `/api/dossiers/${code}/payments` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const payAtCounter = (code: string, amountVnd: number, receiptNumber: string, obligationId?: string) =>
  tiepnhan.request({
    method: 'POST',
    url: `/api/dossiers/${code}/payments/counter`,
    payload: { amountVnd, receiptNumber, ...(obligationId ? { obligationId } : {}) },
  });

/** Received at the counter → thụ lý → phê duyệt (signed) → trả kết quả → processed. */
async function processed(d: { code: string; version: number }) {
  let x = await step(tiepnhan, d.code, d.version, 'forward');
  x = await step(chuyenvien, x.code, x.version, 'forward');
  x = await step(lanhdao, x.code, x.version, 'signResult', { result: await resultOf(lanhdao) });
  x = await step(tiepnhan, x.code, x.version, 'finish');
  expect(x.status).toBe('processed');
  return x;
}

describe('issue 15.3: no result while a fee is due', () => {
  it('refuses to return the result while the fee is unpaid (409, stable code); paying lets it through', async () => {
    const d = await processed(await counterDossier());
    const refused = await act(tiepnhan, d.code, {
      action: 'returnResult',
      version: d.version,
      resultChannel: 'counter',
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('PAYMENT_DUE_AT_RETURN');
    expect(refused.json().error.message).toMatch(/chưa nộp/);
    expect((await read(tiepnhan, d.code)).status).toBe('processed');

    expect((await payAtCounter(d.code, 8000, 'BL-R-0001')).statusCode).toBe(201);
    const returned = await step(tiepnhan, d.code, d.version, 'returnResult', { resultChannel: 'counter' });
    expect(returned.status).toBe('returned');
  });

  it('lets the result go once the unit’s leader records an exemption with its reason; no one else may', async () => {
    const d = await processed(await counterDossier());
    const body = { reason: 'Người có công với cách mạng: miễn lệ phí (Luật Phí và lệ phí 2015, điều 10)' };
    for (const s of [tiepnhan, chuyenvien, congdan]) {
      const res = await s.request({
        method: 'POST',
        url: `/api/dossiers/${d.code}/payments/exemptions`,
        payload: body,
      });
      expect(res.statusCode, res.body).toBe(403);
    }
    const noReason = await lanhdao.request({
      method: 'POST',
      url: `/api/dossiers/${d.code}/payments/exemptions`,
      payload: { reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    const res = await lanhdao.request({
      method: 'POST',
      url: `/api/dossiers/${d.code}/payments/exemptions`,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ obligationId: null, amountVnd: 8000, reason: body.reason });
    const after = await panel(tiepnhan, d.code);
    expect(after.due).toEqual([]);
    expect(after.exemptions).toEqual([expect.objectContaining({ amountVnd: 8000, reason: body.reason })]);
    const again = await lanhdao.request({
      method: 'POST',
      url: `/api/dossiers/${d.code}/payments/exemptions`,
      payload: body,
    });
    expect(again.json().error.code).toBe('PAYMENT_NOTHING_DUE');

    const returned = await step(tiepnhan, d.code, d.version, 'returnResult', { resultChannel: 'counter' });
    expect(returned.status).toBe('returned');
    const [audit] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from outbox_events where topic = 'payment.exempt'`,
    );
    expect(audit!.n).toBe(1);
  });

  it('a fee paid through the obligation requested for it is no longer due', async () => {
    let d = await counterDossier();
    d = await step(tiepnhan, d.code, d.version, 'forward');
    d = await step(chuyenvien, d.code, d.version, 'requestPayment', {
      obligation: { description: 'Lệ phí chứng thực', amountVnd: 8000 },
    });
    const before = await panel(tiepnhan, d.code);
    expect(before.due).toEqual([
      { obligationId: d.obligations[0].id, description: 'Lệ phí chứng thực', amountVnd: 8000 },
    ]);
    expect((await payAtCounter(d.code, 8000, 'BL-R-0002', d.obligations[0].id)).statusCode).toBe(201);
    expect((await panel(tiepnhan, d.code)).due).toEqual([]);
    expect((await read(tiepnhan, d.code)).status).toBe('processing');
  });

  it('an obligation of another amount stays a second debt', async () => {
    let d = await counterDossier();
    d = await step(tiepnhan, d.code, d.version, 'forward');
    d = await step(chuyenvien, d.code, d.version, 'requestPayment', {
      obligation: { description: 'Nghĩa vụ tài chính', amountVnd: 30_000 },
    });
    expect((await payAtCounter(d.code, 30_000, 'BL-R-0003', d.obligations[0].id)).statusCode).toBe(201);
    expect((await panel(tiepnhan, d.code)).due).toEqual([
      expect.objectContaining({ obligationId: null, amountVnd: 8000 }),
    ]);
  });
});

describe('issue 15.4: refunds', () => {
  const refund = (s: Session, code: string, paymentId: string, body: Record<string, unknown>) =>
    s.request({ method: 'POST', url: `/api/dossiers/${code}/payments/${paymentId}/refunds`, payload: body });
  const simRefunds = async (transactionId: string) =>
    queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from paygov_sim_refunds where transaction_id = ${transactionId}`,
    );

  async function paidOnline() {
    const d = await onlineDossier();
    const { transactionId, payment } = await startPayment(t, congdan, d.code);
    await decide(t, transactionId, 'pay');
    return { code: d.code as string, paymentId: payment.id as string, transactionId };
  }

  it('refunds in part then the rest through the platform, never more than paid less refunded; a retry never refunds twice', async () => {
    const { code, paymentId, transactionId } = await paidOnline();
    const first = {
      amountVnd: 3000,
      ground: 'overpaid',
      reason: 'Thu thừa so với biểu phí',
      idempotencyKey: 'hoan-0001-a',
    };
    for (const s of [tiepnhan, chuyenvien, congdan])
      expect((await refund(s, code, paymentId, first)).statusCode).toBe(403);

    const res = await refund(lanhdao, code, paymentId, first);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      amountVnd: 3000,
      status: 'succeeded',
      providerRefundId: expect.stringMatching(/^RF/),
    });
    const retried = await refund(lanhdao, code, paymentId, first);
    expect(retried.statusCode).toBe(200);
    expect(retried.json().id).toBe(res.json().id);
    expect(await simRefunds(transactionId)).toEqual([{ n: 1 }]);
    const reused = await refund(lanhdao, code, paymentId, { ...first, amountVnd: 1000 });
    expect(reused.json().error.code).toBe('PAYMENT_REFUND_KEY_REUSED');

    const tooMuch = await refund(lanhdao, code, paymentId, {
      ...first,
      amountVnd: 5001,
      idempotencyKey: 'hoan-0001-b',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error.code).toBe('PAYMENT_REFUND_AMOUNT_EXCEEDS');
    const rest = await refund(lanhdao, code, paymentId, { ...first, amountVnd: 5000, idempotencyKey: 'hoan-0001-c' });
    expect(rest.json()).toMatchObject({ status: 'succeeded', amountVnd: 5000 });

    // The payer's page shows both refunds and nothing left to refund.
    const seen = await panel(congdan, code);
    expect(seen.payments[0]).toMatchObject({ status: 'paid', refundableVnd: 0 });
    expect(seen.refunds.map((r: { amountVnd: number; status: string }) => [r.amountVnd, r.status])).toEqual([
      [3000, 'succeeded'],
      [5000, 'succeeded'],
    ]);
    const [events] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from outbox_events where topic = 'payment.refund.succeeded' and payload->>'code' = ${code}`,
    );
    expect(events!.n).toBe(2);
  });

  it('a refusal by the platform leaves the payment as it was, with the platform’s reason shown', async () => {
    const { code, paymentId, transactionId } = await paidOnline();
    // The platform holds the transaction as failed (e.g. reversed by the bank): it refuses to refund.
    await t.handle.db.execute(
      sql`update paygov_sim_transactions set status = 'failed' where transaction_id = ${transactionId}`,
    );
    const res = await refund(lanhdao, code, paymentId, {
      amountVnd: 8000,
      ground: 'refused',
      reason: 'Hồ sơ bị từ chối tiếp nhận',
      idempotencyKey: 'hoan-0002-a',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'failed', failureReason: expect.stringMatching(/thành công.*mã 93/) });
    const seen = await panel(congdan, code);
    expect(seen.payments[0]).toMatchObject({ status: 'paid', refundableVnd: 8000 });
    expect(seen.refunds[0]).toMatchObject({ status: 'failed', failureReason: expect.any(String) });
  });

  it('refunds a counter payment in cash at the counter, with no platform call', async () => {
    const d = await counterDossier();
    const paid = await payAtCounter(d.code, 8000, 'BL-R-0004');
    const res = await refund(lanhdao, d.code, paid.json().id, {
      amountVnd: 8000,
      ground: 'withdrawn',
      reason: 'Công dân rút hồ sơ trước khi giải quyết',
      idempotencyKey: 'hoan-0003-a',
    });
    expect(res.json()).toMatchObject({ status: 'succeeded', providerRefundId: null });
  });

  it('the day’s reconciliation compares our refunds with the platform’s', async () => {
    const { code, paymentId } = await paidOnline();
    const done = await refund(lanhdao, code, paymentId, {
      amountVnd: 2000,
      ground: 'overpaid',
      reason: 'Thu thừa so với biểu phí',
      idempotencyKey: 'hoan-0004-a',
    });
    expect(done.json().status).toBe('succeeded');
    const res = await lanhdao.request({ method: 'POST', url: '/api/payments/reconciliations', payload: { day: DAY } });
    expect(res.statusCode, res.body).toBe(201);
    const [ours] = await queryRows<{ total: number }>(
      t.handle.db,
      sql`select coalesce(sum(r.amount_vnd), 0)::int as total from payment_refunds r join payments p on p.id = r.payment_id
          where p.provider = 'paygov' and r.status = 'succeeded'`,
    );
    const run = await queryRows<{ ours: number; theirs: number }>(
      t.handle.db,
      sql`select ours_refunded_vnd::int as ours, statement_refunded_vnd::int as theirs from payment_reconciliations where id = ${res.json().id}`,
    );
    expect(run).toEqual([{ ours: ours!.total, theirs: ours!.total }]);
    expect(res.json().mismatches).toEqual([
      // The refusal of the test above: the platform failed it and so did we: matched. Its
      // tampered transaction is the one payment mismatch.
      expect.objectContaining({ kind: 'status', theirs: 'failed' }),
    ]);
    expect((await panel(congdan, code)).refunds[0].reconciliation).toBe('matched');
  });
});
