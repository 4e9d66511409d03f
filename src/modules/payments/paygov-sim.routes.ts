/**
 * The simulated payment platform's HTTP side, only when PAYMENT_PROVIDER=simulator: the merchant
 * API (create a transaction, query one, refund one, the daily statement) and the payer's page (choose a bank, pay or
 * cancel). On the payer's decision it calls our IPN endpoint server to server with the signed
 * result — through the router, as the platform's HTTPS call would arrive — then sends the browser
 * back to the portal with the same signed result in the query string.
 */
import type { FastifyInstance } from 'fastify';
import type { App, Deps } from '../../kernel/http.js';
import { SIM_BANKS } from './paygov-protocol.js';
import { lapsed, SIM_BASE, simulatedPlatform } from './paygov-simulator.js';
import type { SignedFields } from './payments.rules.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const vnd = (amount: number) => `${amount.toLocaleString('vi-VN')} ₫`;

function payPage(
  t: { transactionId: string; merchantCode: string; orderInfo: string; amountVnd: number },
  open: boolean,
): string {
  const banks = SIM_BANKS.map(
    ([code, name], i) =>
      `<label class="bank"><input type="radio" name="bank" value="${code}"${i === 0 ? ' checked' : ''} data-testid="sim-bank-${code}"> ${escapeHtml(name)}</label>`,
  ).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nền tảng thanh toán (mô phỏng)</title>
<style>body{font-family:system-ui,sans-serif;margin:0;background:#f0f4f8;color:#1f2937}main{max-width:480px;margin:24px auto;background:#fff;padding:24px;border-radius:8px}
h1{font-size:1.25rem;color:#b91c1c}dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px}dt{color:#6b7280}.bank{display:block;padding:8px;border:1px solid #d1d5db;border-radius:6px;margin:6px 0}
.amount{font-size:1.5rem;font-weight:700}button{font-size:1rem;padding:10px 18px;border-radius:6px;border:0;margin-right:8px;cursor:pointer}.pay{background:#b91c1c;color:#fff}.cancel{background:#e5e7eb}
button:focus,input:focus{outline:3px solid #2563eb}.note{font-size:.85rem;color:#6b7280}</style></head>
<body><main><h1>Nền tảng thanh toán trên Cổng Dịch vụ công quốc gia</h1><p class="note">Môi trường mô phỏng — không có giao dịch tiền thật.</p>
<dl><dt>Đơn vị thụ hưởng</dt><dd>${escapeHtml(t.merchantCode)}</dd><dt>Mã giao dịch</dt><dd data-testid="sim-transaction">${escapeHtml(t.transactionId)}</dd>
<dt>Nội dung</dt><dd>${escapeHtml(t.orderInfo)}</dd><dt>Số tiền</dt><dd class="amount" data-testid="sim-amount">${vnd(t.amountVnd)}</dd></dl>
${
  open
    ? `<form method="post" action="${SIM_BASE}/pay/${encodeURIComponent(t.transactionId)}"><fieldset><legend>Chọn ngân hàng, ví điện tử</legend>${banks}</fieldset>
<p><button class="pay" name="decision" value="pay" data-testid="sim-pay">Xác nhận thanh toán</button><button class="cancel" name="decision" value="cancel" data-testid="sim-cancel">Hủy giao dịch</button></p></form>`
    : `<p data-testid="sim-closed">Giao dịch đã được xử lý hoặc đã hết thời hạn thanh toán.</p>`
}</main></body></html>`;
}

export function paygovSimRoutes(app: App, deps: Deps): void {
  if (deps.env.PAYMENT_PROVIDER !== 'simulator') return;
  const platform = simulatedPlatform(deps.env);
  const { db } = deps;
  /** The merchant's URL is not this process's own (PUBLIC_URL): another MotCua uses this simulator. */
  const own = deps.env.PUBLIC_URL ? new URL(deps.env.PUBLIC_URL).origin : null;
  const merchantElsewhere = (url: string) => own !== null && new URL(url).origin !== own;

  app.register(async (sim: FastifyInstance) => {
    sim.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    sim.post(`${SIM_BASE}/api/transactions`, { schema: { hide: true } }, async (request) =>
      db.transaction((tx) => platform.create(tx, request.body as SignedFields)),
    );

    sim.post(`${SIM_BASE}/api/transactions/query`, { schema: { hide: true } }, async (request) =>
      db.transaction((tx) => platform.query(tx, request.body as SignedFields)),
    );

    sim.post(`${SIM_BASE}/api/refunds`, { schema: { hide: true } }, async (request) =>
      db.transaction((tx) => platform.refund(tx, request.body as SignedFields)),
    );

    sim.get<{ Params: { day: string } }>(
      `${SIM_BASE}/api/statements/:day`,
      { schema: { hide: true } },
      async (request) => db.transaction((tx) => platform.statement(tx, request.params.day)),
    );

    sim.get<{ Params: { id: string } }>(`${SIM_BASE}/pay/:id`, { schema: { hide: true } }, async (request, reply) => {
      const t = await db.transaction((tx) => platform.transaction(tx, request.params.id));
      return reply.type('text/html; charset=utf-8').send(payPage(t, t.status === 'pending' && !lapsed(t, new Date())));
    });

    sim.post<{ Params: { id: string }; Body: { decision?: string; bank?: string } }>(
      `${SIM_BASE}/pay/:id`,
      { schema: { hide: true } },
      async (request, reply) => {
        const decision = request.body?.decision === 'pay' ? 'pay' : 'cancel';
        const bank = SIM_BANKS.find(([code]) => code === request.body?.bank)?.[0] ?? SIM_BANKS[0][0];
        const { result, returnUrl, ipnUrl } = await db.transaction((tx) =>
          platform.complete(tx, request.params.id, decision, bank),
        );
        // Server to server: the platform posts the result to the merchant's IPN URL — through this
        // process's router when the merchant is this process, else over HTTP (a merchant served
        // elsewhere: PAYMENT_PLATFORM_URL there). A lost IPN is learned later by a status query.
        const remote = merchantElsewhere(ipnUrl);
        const status = remote
          ? await fetch(ipnUrl, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(result),
              signal: AbortSignal.timeout(10_000),
            }).then(
              (r) => r.status,
              () => 0,
            )
          : (await app.inject({ method: 'POST', url: new URL(ipnUrl).pathname, payload: result })).statusCode;
        if (status !== 200) request.log.warn({ status }, 'paygov simulator: IPN not acknowledged');
        const back = new URL(returnUrl);
        for (const [key, value] of Object.entries(result)) back.searchParams.set(key, String(value));
        return reply.redirect(remote ? back.toString() : `${back.pathname}${back.search}`, 303);
      },
    );
  });
}
