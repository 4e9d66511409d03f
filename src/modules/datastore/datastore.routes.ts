import { z } from 'zod';
import type { Actor } from '../../kernel/context.js';
import type { Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { getProcedure } from '../catalog/procedures.service.js';
import { contentDisposition, downloadName } from '../files/download.rules.js';
import { getFile, readFileContent } from '../files/files.service.js';
import { ownAccount } from '../identity/users.service.js';
import { holdsAnywhere } from '../access/policy.js';
import { itemOfApplicant, listStore } from './datastore.service.js';
import { nationalStoreDocuments } from '../national-data/national-data.service.js';
import { todayInVietnam } from '../org/units.service.js';

const tags = ['Kho dữ liệu (data store)'];

const StoreQuery = z.object({
  applicantKey: z
    .string()
    .trim()
    .min(10)
    .max(20)
    .optional()
    .describe('Staff: the applicant’s personal identifier or tax code'),
  procedureId: z.uuid().optional().describe('Only items matching this procedure’s components (what intake can reuse)'),
});

const StoreItem = z
  .object({
    id: z.uuid(),
    kind: z.enum(['document', 'result']),
    name: z.string(),
    fileIds: z.array(z.uuid()),
    sourceDossierCode: z.string(),
    validUntil: z.string().nullable().describe('Hiệu lực đến (YYYY-MM-DD), for results'),
    signed: z.boolean().describe('Carries a digital signature (a signed result)'),
    createdAt: z.date(),
    reuseCount: z.number().int(),
  })
  .meta({ id: 'StoreItem' });

const NationalDocument = z
  .object({
    nationalDocumentId: z.string().describe('Mã giấy tờ: name it as a component’s nationalDocumentId at intake'),
    kind: z.string().describe('Loại giấy tờ, e.g. TRICH_LUC_KHAI_SINH'),
    name: z.string(),
    issuedOn: z.string().describe('YYYY-MM-DD'),
    issuer: z.string(),
  })
  .meta({ id: 'NationalStoreDocument' });

/**
 * Whose store the caller may see: a citizen their own (by the identifier on their account); a
 * one-stop officer anyone's, to offer reuse at intake.
 */
async function storeKeyFor(db: Queryable, actor: Actor, asked: string | undefined): Promise<string> {
  if (actor.kind === 'citizen') {
    const me = await ownAccount(db, actor.userId);
    if (!me?.personalId) throw new AppError('FORBIDDEN', { reason: 'Tài khoản chưa gắn số định danh cá nhân' });
    return me.personalId;
  }
  if (!holdsAnywhere(actor, 'dossier.receive')) throw new AppError('FORBIDDEN', { action: 'dossier.receive' });
  if (!asked)
    throw new AppError(
      'VALIDATION_FAILED',
      { applicantKey: 'required' },
      'Cần số định danh hoặc mã số thuế của người nộp.',
    );
  return asked;
}

export function datastoreRoutes(app: App, { db, services }: Deps): void {
  const storage = services.files;
  const national = services.nationalData;
  app.get(
    '/api/store',
    {
      schema: {
        tags,
        summary:
          'An applicant’s data store: your own (citizen), or an applicant’s for reuse at intake (one-stop officer)',
        querystring: StoreQuery,
        response: { 200: z.object({ items: z.array(StoreItem) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const key = await storeKeyFor(db, requireActor(request), request.query.applicantKey);
      const names = request.query.procedureId
        ? (await getProcedure(db, request.query.procedureId)).components.map((c) => c.name)
        : undefined;
      return { items: await listStore(db, key, names, todayInVietnam()) };
    },
  );

  app.get(
    '/api/store/national',
    {
      schema: {
        tags,
        summary:
          'The documents the national data store (Kho dữ liệu điện tử quốc gia) holds for an applicant: your own (citizen), or an applicant’s (one-stop officer)',
        querystring: z.object({ applicantKey: StoreQuery.shape.applicantKey }),
        response: { 200: z.object({ items: z.array(NationalDocument) }), ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const key = await storeKeyFor(db, requireActor(request), request.query.applicantKey);
      return { items: await nationalStoreDocuments(national, key) };
    },
  );

  app.get(
    '/api/store/items/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Download a file of a store item (its applicant, or a one-stop officer)',
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
        querystring: z.object({ applicantKey: StoreQuery.shape.applicantKey }),
        response: errorResponses(400, 401, 403, 404, 422),
      },
    },
    async (request, reply) => {
      const key = await storeKeyFor(db, requireActor(request), request.query.applicantKey);
      const item = await itemOfApplicant(db, key, request.params.id);
      if (!item.fileIds.includes(request.params.fileId))
        throw new AppError('STORE_ITEM_NOT_AVAILABLE', { fileId: request.params.fileId });
      const file = await getFile(db, request.params.fileId);
      const content = await readFileContent(storage, file);
      return (
        reply
          .header('content-type', file.mediaType)
          .header('content-disposition', contentDisposition(downloadName(file.originalName, file.id, file.mediaType)))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          // Bytes, not JSON: the schema lists only the error shapes.
          .send(content as never)
      );
    },
  );
}
