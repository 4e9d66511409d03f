/**
 * The sync's state for the staff console: a unit's dossiers by sync status, and pushing one again
 * now. Both need `kpi.read` on the dossier's unit: the leaders and procedure control officers who
 * answer for the 766 indicator transparency.synced are the ones who chase its failures; a retry
 * only moves the next attempt forward, so it needs no stronger right.
 */
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { authorize, can } from '../access/policy.js';
import { unitPath } from '../org/units.service.js';
import { RetryParams, SyncItem, SyncListQuery, SyncListReply } from './national-portal.schema.js';
import { listSyncs, syncTargetByCode } from './sync.query.js';
import { requestSync } from './sync.service.js';

const tags = ['Đồng bộ Cổng DVCQG (national-portal)'];

export function nationalPortalRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/national-portal/syncs',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary: "A unit's dossiers and their sync to the national portal (failed first), paged",
        querystring: SyncListQuery,
        response: { 200: SyncListReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit, status, page, pageSize } = request.query;
      authorize(requireActor(request), 'kpi.read', { unitPath: await unitPath(db, unit) });
      return listSyncs(db, { unitId: unit, status, page, pageSize });
    },
  );

  app.post(
    '/api/national-portal/syncs/:dossierCode/retry',
    {
      config: { access: { action: 'kpi.read', scope: 'record' } },
      schema: {
        tags,
        summary:
          'Push a dossier to the national portal again at the next run of the sync (clears the wait of its backoff)',
        params: RetryParams,
        response: { 200: SyncItem, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const code = request.params.dossierCode;
      const dossier = await syncTargetByCode(db, code);
      if (!dossier) throw new AppError('NATIONAL_SYNC_DOSSIER_NOT_FOUND', { code });
      // The dossier's competent unit or the one-stop unit that received it: either answers for it.
      const paths = [await unitPath(db, dossier.competent), await unitPath(db, dossier.receiving)];
      if (!paths.some((p) => can(actor, 'kpi.read', { unitPath: p })))
        authorize(actor, 'kpi.read', { unitPath: paths[0] });
      await db.transaction(async (tx) => {
        await requestSync(tx, dossier.id, new Date());
        await recordChange(
          tx,
          { ...request.ctx, actor },
          {
            action: 'national-portal.retry',
            targetType: 'dossier',
            targetId: dossier.id,
            unitId: dossier.competent,
            after: { code },
          },
        );
      });
      const { items } = await listSyncs(db, { unitId: dossier.competent, page: 1, pageSize: 1, code });
      return items[0]!;
    },
  );
}
