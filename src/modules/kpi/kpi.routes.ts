/**
 * The Decision-766 index, its drill-down, late lists, processing times and the yearly
 * configuration. Reading needs `kpi.read` on the unit's path (a leader of the unit or above, the
 * procedure control officers); replacing a year's configuration needs `kpi.configure` at the
 * province (the provincial office's procedure control officers: they run the index for the
 * province, and the weights must be one for every unit so rankings compare like with like).
 */
import { z } from 'zod';
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import { provinceRootIds, unitPath } from '../org/units.service.js';
import { drilldown } from './index.query.js';
import { getKpiConfig, putKpiConfig } from './kpi-config.service.js';
import {
  ConfigQuery,
  ConfigReply,
  DrilldownQuery,
  DrilldownReply,
  IndexQuery,
  IndexReply,
  LateQuery,
  LateReply,
  PeriodQuery,
  ProcessingTimesReply,
  PutConfigBody,
} from './kpi.schema.js';
import { computeIndex, processingTimes, scopeOf } from './kpi.service.js';
import { lateList } from './late.query.js';
import { periodOf } from './kpi-period.js';
import { reportingMonth } from './periods.rules.js';

const tags = ['Chỉ số 766 (kpi)'];

export function kpiRoutes(app: App, { db, env, clock }: Deps): void {
  const mayRead = async (request: Parameters<typeof requireActor>[0], unitId: string) =>
    authorize(requireActor(request), 'kpi.read', { unitPath: await unitPath(db, unitId) });

  app.get(
    '/api/kpi/766',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Bộ chỉ số 766 of a unit (its sub-units included) for a period: groups, indicators with numerator/denominator, total and grade',
        querystring: IndexQuery,
        response: { 200: IndexReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit, configVersion, source } = request.query;
      const period = periodOf(request.query);
      await mayRead(request, unit);
      return computeIndex(db, env, { unitId: unit, period, configVersion, source }, clock.now());
    },
  );

  app.get(
    '/api/kpi/766/drilldown',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary: 'The dossiers, procedures or decision items behind one figure of the index (the same rows it counts)',
        querystring: DrilldownQuery,
        response: { 200: DrilldownReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit, indicator, part, page, pageSize } = request.query;
      const period = periodOf(request.query);
      await mayRead(request, unit);
      const now = clock.now();
      const found = await drilldown(db, env, scopeOf(unit, period, now), indicator, part, { page, pageSize }, now);
      return { indicator, part, from: period.from, to: period.to, page, pageSize, ...found };
    },
  );

  app.get(
    '/api/kpi/late',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Late dossiers of a reporting month by unit and by official (optionally only those without an apology letter)',
        querystring: LateQuery,
        response: { 200: LateReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit, month, withoutApology, page, pageSize } = request.query;
      await mayRead(request, unit);
      const scope = scopeOf(unit, reportingMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))), clock.now());
      const list = await lateList(db, scope, { withoutApology, page, pageSize });
      return { unit, month, from: scope.from, to: scope.to, asOf: scope.asOf, withoutApology, page, pageSize, ...list };
    },
  );

  app.get(
    '/api/kpi/processing-times',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Average processing time per procedure (working days, pauses excluded) of dossiers processed in the period',
        querystring: PeriodQuery,
        response: { 200: ProcessingTimesReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit } = request.query;
      const period = periodOf(request.query);
      await mayRead(request, unit);
      return {
        unit,
        from: period.from,
        to: period.to,
        procedures: await processingTimes(db, env, unit, period, clock.now()),
      };
    },
  );

  app.get(
    '/api/kpi/config',
    {
      config: { access: { action: 'kpi.read', scope: 'anywhere' } },
      schema: {
        tags,
        summary:
          "A year's index configuration: groups, weights, full-marks thresholds, grade bands (latest version, or the one named)",
        querystring: ConfigQuery,
        response: { 200: ConfigReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'kpi.read');
      return getKpiConfig(db, request.query.year, request.query.version);
    },
  );

  app.put(
    '/api/kpi/config',
    {
      config: { access: { action: 'kpi.configure', scope: 'province' } },
      schema: {
        tags,
        summary:
          "Replace a year's index configuration with a new version (procedure control officer at the province; audited)",
        querystring: z.object({ year: ConfigQuery.shape.year }),
        body: PutConfigBody,
        response: { 200: ConfigReply, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => {
      // The province's root unit (vertical agencies are roots of their own and do not qualify).
      authorize(requireActor(request), 'kpi.configure', { unitPath: await provinceRootIds(db) });
      const { version, config } = request.body;
      return db.transaction((tx) => putKpiConfig(tx, request.ctx, request.query.year, config, version));
    },
  );
}
