/**
 * Mẫu số 07, sổ theo dõi hồ sơ of a unit for a period: GET /api/dossiers/tracking-book as XLSX or
 * PDF (format), and GET …/rows as JSON for the staff page's table.
 */
import { z } from 'zod';
import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses, IsoDate } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db.js';
import { authorize } from '../access/policy.js';
import { auditStaffRead } from '../audit/audit.service.js';
import { getUnit, subtreeIds, unitPath } from '../org/units.service.js';
import { trackingBookSources } from './tracking-book.query.js';
import { MAX_PERIOD_DAYS, periodProblem, trackingBookRow } from './tracking-book.rules.js';
import { renderTrackingBookPdf } from './tracking-book.pdf.js';
import { renderTrackingBook, type TrackingBookHeader } from './tracking-book.xlsx.js';

const tags = ['Hồ sơ (dossiers)'];
const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' };

export const TrackingBookQuery = z.object({
  unit: z.uuid().describe('The unit whose book it is (its sub-units included)'),
  from: IsoDate.describe('First day of the period (YYYY-MM-DD, Vietnam date, included)'),
  to: IsoDate.describe(
    `Last day of the period (YYYY-MM-DD, included; at most ${MAX_PERIOD_DAYS} days after from, counting both)`,
  ),
});

const TrackingBookFileQuery = TrackingBookQuery.extend({
  format: z.enum(['xlsx', 'pdf']).default('xlsx').describe('XLSX (default) or PDF in the Decree 30 layout'),
});

const TrackingBookRowSchema = z
  .object({
    code: z.string(),
    procedureName: z.string(),
    count: z.literal(1),
    applicantName: z.string(),
    contact: z.string(),
    competentUnitName: z.string(),
    receivedAt: z.string().describe('dd/MM/yyyy HH:mm, Vietnam time'),
    appointmentAt: z.string(),
    forwardedAt: z.string(),
    resultReceivedAt: z.string(),
    returnedAt: z.string(),
    signature: z.literal(''),
    note: z.string(),
  })
  .meta({ id: 'TrackingBookRow' });

/** Checks the period and the caller's hold on the unit, then gathers the book's header and rows. */
async function loadBook(db: Database, ctx: RequestContext, actor: Actor, query: z.infer<typeof TrackingBookQuery>) {
  const { unit: unitId, from, to } = query;
  const problem = periodProblem(from, to);
  if (problem) throw new AppError(problem, { from, to });
  // Staff of the unit (or above it) only: a citizen holds dossier.read on their own dossiers,
  // never on a unit, so the policy refuses them here.
  authorize(actor, 'dossier.read', { unitPath: await unitPath(db, unitId) });
  const unit = await getUnit(db, unitId);
  const parent = unit.parentId ? await getUnit(db, unit.parentId) : null;
  const sources = await trackingBookSources(db, { unitIds: await subtreeIds(db, [unitId]), from, to });
  // The book names applicants and their contacts: every staff read of it is audited.
  await auditStaffRead(db, ctx, {
    action: 'dossier.tracking_book_read',
    targetType: 'unit',
    targetId: unitId,
    unitId,
    summary: { from, to, dossiers: sources.length },
  });
  const header: TrackingBookHeader = { parentName: parent?.name, unitName: unit.name, from, to };
  return { unit, header, rows: sources.map(trackingBookRow) };
}

export function trackingBookRoutes(app: App, { db, clock }: Deps): void {
  app.get(
    '/api/dossiers/tracking-book',
    {
      config: { access: { action: 'dossier.read', scope: 'unit', personalData: true } },
      schema: {
        tags,
        summary:
          'Sổ theo dõi hồ sơ (Mẫu số 07) as XLSX or PDF: dossiers received in the period by the unit or competent there (staff)',
        querystring: TrackingBookFileQuery,
        // Bytes, not JSON: the schema lists only the error shapes.
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const { unit, header, rows } = await loadBook(db, request.ctx, requireActor(request), query);
      const file =
        format === 'pdf'
          ? await renderTrackingBookPdf(header, rows, clock.now())
          : await renderTrackingBook(header, rows);
      return reply
        .header('content-type', TYPES[format])
        .header(
          'content-disposition',
          `attachment; filename="so-theo-doi-${unit.officialCode}-${query.from}-${query.to}.${format}"`,
        )
        .send(file as never);
    },
  );

  app.get(
    '/api/dossiers/tracking-book/rows',
    {
      config: { access: { action: 'dossier.read', scope: 'unit', personalData: true } },
      schema: {
        tags,
        summary: 'Sổ theo dõi hồ sơ (Mẫu số 07) as rows, for the staff page (staff)',
        querystring: TrackingBookQuery,
        response: {
          200: z.object({ unitName: z.string(), rows: z.array(TrackingBookRowSchema) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { header, rows } = await loadBook(db, request.ctx, requireActor(request), request.query);
      return { unitName: header.unitName, rows };
    },
  );
}
