/**
 * The leader's remote signing of a result (result-signing.service.ts): ask → confirm on the phone
 * → poll until signed (official's signature + the competent unit's seal), then record it with the
 * signResult action and the returned file.
 */
import { z } from 'zod';
import type { App, Deps } from '../../kernel/http.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import { AppError } from '../../kernel/errors.js';
import { ValidationReportSchema } from '../signing/signing.schema.js';
import { allowedActions } from './actions.service.js';
import { readableDossier } from './dossier-access.js';
import { CodeParams } from './dossiers.schema.js';
import { stillOpen } from './dossiers.query.js';
import { resultSigning } from './result-signing.service.js';

const tags = ['Hồ sơ (dossiers)'];

const ResultSigning = z
  .object({
    transactionId: z.string(),
    status: z
      .enum(['pending', 'signed', 'refused', 'expired'])
      .describe('pending: waiting for the confirmation on the phone; signed: the file carries both signatures'),
    expiresAt: z.string(),
    confirmationUrl: z.string().nullable().describe("The simulator's phone page (outside production)"),
    fileId: z.string().nullable().describe('The signed and sealed result, to record with signResult'),
    signatureReport: ValidationReportSchema.nullable(),
    signer: z.string().nullable(),
    certificateSerial: z.string().nullable(),
  })
  .meta({ id: 'ResultSigning' });

export function resultSigningRoutes(app: App, { db, services, clock }: Deps): void {
  const flow = resultSigning({
    db,
    files: services.files,
    trust: services.trust,
    remote: services.remoteSigning,
    now: () => clock.now(),
  });

  /** The dossier, when the actor may sign its result now (signResult among their actions). */
  async function signable(actor: ReturnType<typeof requireActor>, code: string) {
    const view = await readableDossier(db, actor, code);
    if (!(await allowedActions(db, actor, view.dossier, stillOpen(view))).includes('signResult'))
      throw new AppError('FORBIDDEN', { action: 'signResult' });
    return view;
  }

  app.post(
    '/api/dossiers/:code/result-signing',
    {
      config: { access: { action: 'dossier.read', scope: 'record' } },
      schema: {
        tags,
        summary:
          'Phê duyệt, ký kết quả: ask the remote-signing service to sign the result file for the leader (confirmed on the phone)',
        params: CodeParams,
        body: z.object({ fileId: z.uuid().describe('The result PDF to sign (uploaded by the leader)') }),
        response: { 201: ResultSigning, ...errorResponses(400, 401, 403, 404, 422, 503) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const view = await signable(actor, request.params.code);
      const unit = view.competentUnit;
      const answer = await flow.request(
        { ...request.ctx, actor },
        view.dossier,
        { code: unit.officialCode ?? unit.id, name: unit.name },
        request.body.fileId,
      );
      return reply.status(201).send(answer);
    },
  );

  app.get(
    '/api/dossiers/:code/result-signing/:transactionId',
    {
      config: { access: { action: 'dossier.read', scope: 'record' } },
      schema: {
        tags,
        summary: 'The remote signature’s state; once confirmed, the result is signed, sealed, validated and stored',
        params: CodeParams.extend({ transactionId: z.string().min(1).max(100) }),
        response: { 200: ResultSigning, ...errorResponses(400, 401, 403, 404, 422, 503) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const view = await readableDossier(db, actor, request.params.code);
      return flow.poll({ ...request.ctx, actor }, view.dossier, request.params.transactionId);
    },
  );
}
