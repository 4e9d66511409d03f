/**
 * Chứng thực bản sao điện tử từ bản chính on a certification dossier: make the certified copy
 * (scan compared with the original → numbered in the register, statement rendered), list the
 * dossier's entries. Signing is "Phê duyệt, ký kết quả" (POST /api/dossiers/{code}/result-signing
 * with the copy's fileId), then signResult.
 */
import { z } from 'zod';
import type { App, Deps } from '../../kernel/http.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import { readableDossier } from '../dossiers/dossier-access.js';
import { CodeParams } from '../dossiers/dossiers.schema.js';
import { StoredFileSchema } from '../files/files.schema.js';
import { certificationStanding, certifiedCopiesOf, certifyCopy } from './certified-copy.service.js';

const tags = ['Hồ sơ (dossiers)'];

const CertifiedCopy = z
  .object({
    id: z.uuid(),
    number: z.number().int().describe('Số chứng thực in the unit’s register for the year'),
    year: z.number().int(),
    register: z.string().describe('e.g. "12 - Quyển số 01/2026-SCT/BS": the result’s number'),
    file: StoredFileSchema.describe('The copy with its statement (unsigned): what the leader signs'),
    scanFileId: z.uuid(),
    pages: z.number().int().describe('Pages of the copy, the statement’s page not counted'),
    certifierName: z.string(),
    certifierTitle: z.string().nullable(),
    certifiedAt: z.string(),
  })
  .meta({ id: 'CertifiedCopy' });

const CertifiedCopies = z
  .object({
    certification: z.boolean().describe('The procedure is in a certification field (chứng thực)'),
    mayCertify: z.boolean().describe('The caller may make a certified copy now (may sign its result)'),
    copies: z.array(CertifiedCopy),
  })
  .meta({ id: 'CertifiedCopies' });

export function certifiedCopyRoutes(app: App, { db, services, clock }: Deps): void {
  app.get(
    '/api/dossiers/:code/certified-copies',
    {
      config: { access: { action: 'dossier.read', scope: 'record' } },
      schema: {
        tags,
        summary: 'The certified electronic copies made on a dossier, and whether the caller may make one',
        params: CodeParams,
        response: { 200: CertifiedCopies, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const view = await readableDossier(db, actor, request.params.code);
      return {
        ...(await certificationStanding(db, actor, view)),
        copies: await certifiedCopiesOf(db, view.dossier.id),
      };
    },
  );

  app.post(
    '/api/dossiers/:code/certified-copies',
    {
      config: { access: { action: 'dossier.read', scope: 'record' } },
      schema: {
        tags,
        summary:
          'Chứng thực bản sao điện tử từ bản chính: the scan compared with the original becomes the certified copy (register number, statement), to sign as the result',
        params: CodeParams,
        body: z.object({
          scanFileId: z
            .uuid()
            .describe('The scan of the original: a file filed with the dossier or uploaded by the caller'),
          comparedWithOriginal: z.boolean().describe('Đã đối chiếu với bản chính: must be true'),
          certifierTitle: z.string().max(200).optional().describe('Chức danh of the certifying official'),
        }),
        response: { 201: CertifiedCopy, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const view = await readableDossier(db, actor, request.params.code);
      const copy = await certifyCopy(db, services.files, { ...request.ctx, actor }, view, request.body, clock.now());
      return reply.status(201).send(copy);
    },
  );
}
