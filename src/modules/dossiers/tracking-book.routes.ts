/** GET /api/dossiers/tracking-book: Mẫu số 07, sổ theo dõi hồ sơ of a unit for a period, as XLSX. */
import { z } from 'zod';
import { AppError } from '../../kernel/errors.js';
import { requireActor } from '../../kernel/http.js';
import { errorResponses, IsoDate } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import { auditStaffRead } from '../audit/audit.service.js';
import { getUnit, subtreeIds, unitPath } from '../org/units.service.js';
import { trackingBookSources } from './tracking-book.query.js';
import { MAX_PERIOD_DAYS, periodProblem, trackingBookRow } from './tracking-book.rules.js';
import { renderTrackingBook } from './tracking-book.xlsx.js';

const tags = ['Hồ sơ (dossiers)'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const TrackingBookQuery = z.object({
  unit: z.uuid().describe('The unit whose book it is (its sub-units included)'),
  from: IsoDate.describe('First day of the period (YYYY-MM-DD, Vietnam date, included)'),
  to: IsoDate.describe(
    `Last day of the period (YYYY-MM-DD, included; at most ${MAX_PERIOD_DAYS} days after from, counting both)`,
  ),
});

export function trackingBookRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/dossiers/tracking-book',
    {
      config: { access: { action: 'dossier.read', scope: 'unit', personalData: true } },
      schema: {
        tags,
        summary:
          'Sổ theo dõi hồ sơ (Mẫu số 07) as XLSX: dossiers received in the period by the unit or competent there (staff)',
        querystring: TrackingBookQuery,
        // Bytes, not JSON: the schema lists only the error shapes.
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { unit: unitId, from, to } = request.query;
      const problem = periodProblem(from, to);
      if (problem) throw new AppError(problem, { from, to });
      // Staff of the unit (or above it) only: a citizen holds dossier.read on their own dossiers,
      // never on a unit, so the policy refuses them here.
      authorize(actor, 'dossier.read', { unitPath: await unitPath(db, unitId) });
      const unit = await getUnit(db, unitId);
      const parent = unit.parentId ? await getUnit(db, unit.parentId) : null;
      const sources = await trackingBookSources(db, { unitIds: await subtreeIds(db, [unitId]), from, to });
      await auditStaffRead(db, request.ctx, {
        action: 'dossier.tracking_book_read',
        targetType: 'unit',
        targetId: unitId,
        unitId,
        summary: { from, to, dossiers: sources.length },
      });
      const xlsx = await renderTrackingBook(
        { parentName: parent?.name, unitName: unit.name, from, to },
        sources.map(trackingBookRow),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="so-theo-doi-${unit.officialCode}-${from}-${to}.xlsx"`)
        .send(xlsx as never);
    },
  );
}
