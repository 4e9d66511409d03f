import { z } from 'zod';
import type { Actor } from '../../kernel/context.js';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { getProcedure } from '../catalog/procedures.service.js';
import { contentDisposition, downloadName } from '../files/download.rules.js';
import { getFile, readFileContent } from '../files/files.service.js';
import { ownAccount } from '../identity/users.service.js';
import { authorize, rolesWith } from '../access/policy.js';
import { issueConsentCode, openStoreRead, useStoreRead } from './store-access.service.js';
import { itemOfApplicant, listStore } from './datastore.service.js';
import { nationalStoreDocuments } from '../national-data/national-data.service.js';
import { todayInVietnam, unitPath } from '../org/units.service.js';

const tags = ['Kho dữ liệu (data store)'];

const ReadId = z
  .uuid()
  .optional()
  .describe('Staff: the open read of the applicant’s store (POST /api/store/reads); citizens read their own');
const StoreQuery = z.object({
  readId: ReadId,
  procedureId: z.uuid().optional().describe('Only items matching this procedure’s components (what intake can reuse)'),
});

const OpenReadBody = z.object({
  applicantKey: z.string().trim().min(10).max(20).describe('The applicant’s personal identifier or tax code'),
  procedureId: z.uuid().optional().describe('The procedure being received (required without a consent code)'),
  receivingUnitId: z.uuid().optional().describe('Where the officer receives (default: their one receiving unit)'),
  consentCode: z
    .string()
    .regex(/^\d{8}$/, 'Mã đồng ý gồm 8 chữ số')
    .optional()
    .describe('Mã đồng ý the applicant gave the officer: opens the whole store'),
  purpose: z.string().trim().min(5).max(500).describe('Mục đích tra cứu, recorded with every read'),
});

const OpenRead = z
  .object({ id: z.uuid(), basis: z.enum(['counter', 'consent']), expiresAt: z.date() })
  .meta({ id: 'StoreRead' });

const ConsentCode = z
  .object({
    code: z.string().optional().describe('Shown once, when not sent'),
    expiresAt: z.date(),
    sentBy: z.enum(['sms', 'email']).nullable(),
  })
  .meta({ id: 'StoreConsentCode' });

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

/** Where the officer receives: the given unit, or their only unit with dossier.receive. */
function receivingUnitOf(actor: Actor, asked: string | undefined): string {
  if (asked) return asked;
  const roles = rolesWith('dossier.receive');
  const unitIds = [...new Set(actor.grants.filter((g) => roles.includes(g.role) && g.unitId).map((g) => g.unitId!))];
  if (unitIds.length === 0) throw new AppError('FORBIDDEN', { action: 'dossier.receive' });
  if (unitIds.length > 1) {
    throw new AppError('VALIDATION_FAILED', { receivingUnitId: 'required' }, 'Cần chọn đơn vị tiếp nhận.');
  }
  return unitIds[0]!;
}

export function datastoreRoutes(app: App, { db, services, clock }: Deps): void {
  const storage = services.files;
  const national = services.nationalData;
  const notifier = services.notifier;

  /**
   * Whose store the caller may see: a citizen their own (by the identifier on their account); an
   * officer the applicant of their open read, each read audited (store-access.rules.ts).
   */
  async function storeFor(request: FastifyRequest, readId: string | undefined, what: Record<string, unknown>) {
    const actor = requireActor(request);
    if (actor.kind === 'citizen') {
      const me = await ownAccount(db, actor.userId);
      if (!me?.personalId) throw new AppError('FORBIDDEN', { reason: 'Tài khoản chưa gắn số định danh cá nhân' });
      return { key: me.personalId };
    }
    if (!readId) throw new AppError('STORE_READ_REQUIRED');
    const read = await db.transaction((tx) => useStoreRead(tx, { ...request.ctx, actor }, readId, what, clock.now()));
    return { key: read.applicantKey };
  }

  app.post(
    '/api/store/reads',
    {
      config: { access: { action: 'dossier.receive', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Mở phiên tra cứu kho dữ liệu: an officer of a receiving unit opens a read of one applicant’s store, for an intake at the counter or with the applicant’s consent code (30 minutes, audited, limited)',
        body: OpenReadBody,
        response: { 201: OpenRead, ...errorResponses(400, 401, 403, 404, 422, 429) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const receivingUnitId = receivingUnitOf(actor, request.body.receivingUnitId);
      authorize(actor, 'dossier.receive', { unitPath: await unitPath(db, receivingUnitId) });
      const result = await db.transaction((tx) =>
        openStoreRead(tx, { ...request.ctx, actor }, { ...request.body, receivingUnitId }, notifier, clock.now()),
      );
      if (!result.ok) throw new AppError('STORE_READ_LIMIT', { retryAfterSeconds: result.retryAfterSeconds });
      const { ok: _ok, ...read } = result;
      return reply.status(201).send(read);
    },
  );

  app.post(
    '/api/store/consent-codes',
    {
      config: { access: { signedIn: 'a citizen lets an officer read their own store', only: 'citizen' } },
      schema: {
        tags,
        summary:
          'Mã đồng ý: a one-time code (10 minutes) by which you let an officer read your whole store; shown here, or sent to your phone or e-mail',
        body: z.object({
          send: z.boolean().default(false).describe('Send it by SMS (else e-mail) instead of showing it'),
        }),
        response: { 201: ConsentCode, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const me = actor.kind === 'citizen' ? await ownAccount(db, actor.userId) : null;
      if (!me?.personalId) throw new AppError('FORBIDDEN', { reason: 'Tài khoản chưa gắn số định danh cá nhân' });
      const applicant = { personalId: me.personalId, phone: me.phone, email: me.email };
      const issued = await db.transaction((tx) =>
        issueConsentCode(tx, request.ctx, applicant, request.body.send, notifier, clock.now()),
      );
      return reply.status(201).send(issued);
    },
  );

  app.get(
    '/api/store',
    {
      config: {
        // An officer only within a read they opened (store-access.rules.ts); a citizen their own store.
        access: { action: 'dossier.receive', scope: 'opened', personalData: true },
      },
      schema: {
        tags,
        summary:
          'An applicant’s data store: your own (citizen), or, in an open read, an applicant’s for reuse at intake (officer)',
        querystring: StoreQuery,
        response: { 200: z.object({ items: z.array(StoreItem) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { procedureId, readId } = request.query;
      const { key } = await storeFor(request, readId, { list: 'store', procedureId: procedureId ?? null });
      const names = procedureId ? (await getProcedure(db, procedureId)).components.map((c) => c.name) : undefined;
      return { items: await listStore(db, key, names, todayInVietnam()) };
    },
  );

  app.get(
    '/api/store/national',
    {
      config: {
        // An officer only within a read they opened (store-access.rules.ts); a citizen their own store.
        access: { action: 'dossier.receive', scope: 'opened', personalData: true },
      },
      schema: {
        tags,
        summary:
          'The documents the national data store (Kho dữ liệu điện tử quốc gia) holds for an applicant: your own (citizen), or, in an open read, an applicant’s (officer)',
        querystring: z.object({ readId: ReadId }),
        response: { 200: z.object({ items: z.array(NationalDocument) }), ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const { key } = await storeFor(request, request.query.readId, { list: 'national' });
      return { items: await nationalStoreDocuments(national, key) };
    },
  );

  app.get(
    '/api/store/items/:id/files/:fileId',
    {
      config: {
        // An officer only within a read they opened (store-access.rules.ts); a citizen their own store.
        access: { action: 'dossier.receive', scope: 'opened', personalData: true },
      },
      schema: {
        tags,
        summary: 'Download a file of a store item (its applicant, or an officer in an open read)',
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
        querystring: z.object({ readId: ReadId }),
        response: errorResponses(400, 401, 403, 404, 422),
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params;
      const { key } = await storeFor(request, request.query.readId, { storeItemId: id, fileId });
      const item = await itemOfApplicant(db, key, id);
      if (!item.fileIds.includes(fileId)) throw new AppError('STORE_ITEM_NOT_AVAILABLE', { fileId });
      const file = await getFile(db, fileId);
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
