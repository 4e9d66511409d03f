import { z } from 'zod';
import { requireActor } from '../../kernel/http.js';
import { errorResponses, IdParams } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { AppError } from '../../kernel/errors.js';
import { readableDossier } from '../dossiers/dossier-access.js';
import { authorize, can } from '../access/policy.js';
import type { Actor } from '../../kernel/context.js';
import { unitPath } from '../org/units.service.js';
import { procedureVersionContent } from '../catalog/procedures.service.js';
import { paymentGatewayFromEnv } from './gateway.js';
import { recordExemption } from './exemptions.service.js';
import { dueTargets } from './payments.rules.js';
import { refundsOf } from './refunds.query.js';
import { refundable } from './refunds.rules.js';
import { requestRefund } from './refunds.service.js';
import {
  CodeParams,
  CounterBody,
  DossierPayments,
  Exemption,
  ExemptionBody,
  IpnBody,
  IpnReply,
  Payment,
  PaymentParams,
  Reconciliation,
  ReconciliationDetail,
  ReconciliationRun,
  ReconciliationsQuery,
  ReconcileBody,
  Refund,
  RefundBody,
  StartBody,
  StartReply,
} from './payments.schema.js';
import {
  applyPlatformResult,
  dossierByCode,
  type DossierRow,
  reconcileDay,
  recordCounterPayment,
  settleOpenAttempts,
  startOnlinePayment,
  totalsOf,
} from './payments.service.js';
import { listReconciliations, reconciliationById } from './reconciliations.query.js';

const tags = ['Thanh toán (payments)'];

/** The portal page the platform sends the payer back to (MyDossierPage shows the result). */
export const portalReturnPath = (code: string, paymentId: string) =>
  `/ho-so-cua-toi/${encodeURIComponent(code)}?thanh-toan=${paymentId}`;

export function paymentRoutes(app: App, { db, env }: Deps): void {
  const gateway = paymentGatewayFromEnv(env);

  app.get(
    '/api/dossiers/:code/payments',
    {
      config: { access: { action: 'dossier.read', scope: 'record' } },
      schema: {
        tags,
        summary: 'What the dossier still owes and its payments',
        params: CodeParams,
        response: { 200: DossierPayments, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { dossier } = await readableDossier(db, requireActor(request), request.params.code);
      const totals = await totalsOf(db, dossier);
      const refunds = await refundsOf(db, dossier.id);
      const content = await procedureVersionContent(db, dossier.procedureVersionId);
      const offer = content?.channels.find((c) => c.channel === dossier.channel);
      const describe = (obligationId: string | null) =>
        obligationId ? (totals.obligations.find((o) => o.id === obligationId)?.description ?? '') : 'Phí, lệ phí';
      return {
        code: dossier.code,
        feesVnd: dossier.fees.reduce((sum, f) => sum + f.amountVnd, 0),
        due: dueTargets(totals).map(({ target, amountVnd }) => {
          const obligationId = target.kind === 'obligation' ? target.obligationId : null;
          return { obligationId, description: describe(obligationId), amountVnd };
        }),
        onlinePayment: offer?.onlinePayment ?? false,
        payments: totals.payments.map((p) => ({
          ...p,
          refundableVnd: refundable(
            p,
            refunds.filter((r) => r.paymentId === p.id),
          ),
        })),
        refunds,
        exemptions: totals.exemptions,
      };
    },
  );

  app.post(
    '/api/dossiers/:code/payments',
    {
      config: { access: { action: 'dossier.read', scope: 'owner' } },
      schema: {
        tags,
        summary:
          'The applicant starts an online payment of the fees (or of an obligation): returns the payment platform URL',
        params: CodeParams,
        body: StartBody,
        response: { 201: StartReply, ...errorResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const dossier = await dossierByCode(db, request.params.code);
      authorize(actor, 'dossier.read', { ownerUserId: dossier.ownerUserId });
      const publicUrl = env.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
      await settleOpenAttempts(db, env, gateway, dossier.id, request.ctx.requestId);
      const started = await db.transaction((tx) =>
        startOnlinePayment(tx, { ...request.ctx, actor }, gateway, dossier, request.body.obligationId ?? null, {
          publicUrl,
          expiryMinutes: env.PAYMENT_EXPIRY_MINUTES,
          returnPath: (id) => portalReturnPath(dossier.code, id),
        }),
      );
      return reply.code(201).send({ payment: started.payment, redirectUrl: started.paymentUrl });
    },
  );

  app.post(
    '/api/dossiers/:code/payments/counter',
    {
      config: { access: { action: 'dossier.receive', scope: 'record' } },
      schema: {
        tags,
        summary: 'A one-stop officer records a payment taken at the counter, with its receipt number',
        params: CodeParams,
        body: CounterBody,
        response: { 201: Payment, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const dossier = await dossierByCode(db, request.params.code);
      authorize(actor, 'dossier.receive', { unitPath: await unitPath(db, dossier.receivingUnitId) });
      const payment = await db.transaction((tx) =>
        recordCounterPayment(tx, { ...request.ctx, actor }, env, dossier, {
          ...request.body,
          obligationId: request.body.obligationId ?? null,
        }),
      );
      return reply.code(201).send(payment);
    },
  );

  /** Miễn nộp and hoàn trả are the leader's of the unit that decides the dossier or of the one that took it. */
  async function authorizeOnDossier(actor: Actor, action: 'payment.exempt' | 'payment.refund', dossier: DossierRow) {
    const paths = await Promise.all([unitPath(db, dossier.competentUnitId), unitPath(db, dossier.receivingUnitId)]);
    if (!paths.some((path) => can(actor, action, { unitPath: path }))) authorize(actor, action, { unitPath: paths[0] });
  }

  app.post(
    '/api/dossiers/:code/payments/exemptions',
    {
      config: { access: { action: 'payment.exempt', scope: 'record' } },
      schema: {
        tags,
        summary:
          'The unit’s leader exempts what is still due on the fee lines (or an obligation), with the legal ground (miễn nộp)',
        params: CodeParams,
        body: ExemptionBody,
        response: { 201: Exemption, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const dossier = await dossierByCode(db, request.params.code);
      await authorizeOnDossier(actor, 'payment.exempt', dossier);
      const exemption = await db.transaction((tx) =>
        recordExemption(tx, { ...request.ctx, actor }, dossier, {
          obligationId: request.body.obligationId ?? null,
          reason: request.body.reason,
        }),
      );
      return reply.code(201).send(exemption);
    },
  );

  app.post(
    '/api/dossiers/:code/payments/:paymentId/refunds',
    {
      config: { access: { action: 'payment.refund', scope: 'record' } },
      schema: {
        tags,
        summary:
          'The unit’s leader refunds (part of) a paid payment, through the payment platform for an online one; a retry with the same idempotency key answers 200 with the first refund',
        params: PaymentParams,
        body: RefundBody,
        response: { 200: Refund, 201: Refund, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const dossier = await dossierByCode(db, request.params.code);
      await authorizeOnDossier(actor, 'payment.refund', dossier);
      const { refund, replayed } = await db.transaction((tx) =>
        requestRefund(tx, { ...request.ctx, actor }, gateway, dossier, {
          paymentId: request.params.paymentId,
          ...request.body,
        }),
      );
      return reply.code(replayed ? 200 : 201).send(refund);
    },
  );

  app.post(
    '/api/payments/ipn/:provider',
    {
      config: { access: { public: 'the payment platform’s notification, checked by its signature' } },
      schema: {
        tags,
        summary:
          'The payment platform reports a result (IPN, server to server, signed with the shared secret); repeating it changes nothing',
        params: z.object({ provider: z.string() }),
        body: IpnBody,
        response: { 200: IpnReply, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request) => {
      if (request.params.provider !== gateway.provider)
        throw new AppError('PAYMENT_NOT_FOUND', { provider: request.params.provider });
      const payment = await db.transaction((tx) => applyPlatformResult(tx, env, gateway, request.body, request.id));
      return { resultCode: '00', message: `Đã ghi nhận: ${payment.status}` };
    },
  );

  app.post(
    '/api/payments/reconciliations',
    {
      config: { access: { action: 'payment.reconcile', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'Reconcile (đối soát) a day’s platform statement with our payments',
        body: ReconcileBody,
        response: { 201: Reconciliation, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'payment.reconcile');
      const run = await db.transaction((tx) => reconcileDay(tx, { ...request.ctx, actor }, gateway, request.body.day));
      return reply
        .code(201)
        .send({ ...run, runBy: { id: actor.userId, fullName: actor.fullName }, mismatches: run.mismatches });
    },
  );

  app.get(
    '/api/payments/reconciliations',
    {
      config: { access: { action: 'payment.reconcile', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'Past reconciliation runs, newest statement day first, optionally of a range of days',
        querystring: ReconciliationsQuery,
        response: {
          200: z.object({ items: z.array(ReconciliationRun), total: z.number().int() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'payment.reconcile');
      return listReconciliations(db, request.query);
    },
  );

  app.get(
    '/api/payments/reconciliations/:id',
    {
      config: { access: { action: 'payment.reconcile', scope: 'anywhere' } },
      schema: {
        tags,
        summary: 'One reconciliation run with its discrepancies',
        params: IdParams,
        response: { 200: ReconciliationDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'payment.reconcile');
      return reconciliationById(db, request.params.id);
    },
  );
}
