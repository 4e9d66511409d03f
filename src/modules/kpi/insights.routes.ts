/**
 * Plan targets and rankings. Reading needs `kpi.read` on the unit (or the ranked units' parent).
 * Setting a unit's targets needs `kpi.configure` on that unit: the procedure control officers,
 * who run the index and follow the plan — the province's for every unit, a department's for its
 * own subtree (targets are per unit by design, unlike the index weights, which must be one for
 * every unit so rankings compare like with like).
 */
import { requireActor } from '../../kernel/http.js';
import { errorResponses } from '../../kernel/schemas.js';
import type { App, Deps } from '../../kernel/http.js';
import { authorize } from '../access/policy.js';
import { getUnit, unitPath } from '../org/units.service.js';
import {
  ChannelDrilldownQuery,
  ChannelDrilldownReply,
  ChannelsReply,
  ProductivityReply,
  PutTargetsBody,
  RankingsQuery,
  RankingsReply,
  TargetDrilldownQuery,
  TargetDrilldownReply,
  TargetsQuery,
  TargetsReply,
  TargetTableQuery,
  TargetTableReply,
} from './insights.schema.js';
import { channelDossiers, channelMix } from './channels.query.js';
import { periodOf } from './kpi-period.js';
import { scopeOf } from './kpi.service.js';
import { PeriodQuery } from './kpi.schema.js';
import { rankings } from './rankings.service.js';
import { targetProcedures } from './target-actuals.query.js';
import { effectiveTargets, productivityTable, putTargets, targetTable } from './targets.service.js';

const tags = ['Chỉ số 766 (kpi)'];

export function kpiInsightRoutes(app: App, { db, env, clock }: Deps): void {
  const may = async (
    request: Parameters<typeof requireActor>[0],
    action: 'kpi.read' | 'kpi.configure',
    unitId: string,
  ) => authorize(requireActor(request), action, { unitPath: await unitPath(db, unitId) });

  app.get(
    '/api/kpi/targets',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Plan targets (DOMAIN §10) of a unit for a period: target, actual, gap and trend against the previous period',
        querystring: TargetTableQuery,
        response: { 200: TargetTableReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit } = request.query;
      const period = periodOf(request.query);
      await may(request, 'kpi.read', unit);
      const table = await targetTable(db, env, unit, period, request.query.period, clock.now());
      return { unit, unitName: (await getUnit(db, unit)).name, from: period.from, to: period.to, ...table };
    },
  );

  app.get(
    '/api/kpi/productivity',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Productivity per one-stop officer of a unit (its sub-units included): dossiers received, annualised, target and gap',
        querystring: TargetTableQuery,
        response: { 200: ProductivityReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit } = request.query;
      const period = periodOf(request.query);
      await may(request, 'kpi.read', unit);
      return { unit, from: period.from, to: period.to, officers: await productivityTable(db, unit, period) };
    },
  );

  app.get(
    '/api/kpi/targets/drilldown',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'The procedures behind a target counted over procedures (fully-online services: eligible ones, or those offered fully online)',
        querystring: TargetDrilldownQuery,
        response: { 200: TargetDrilldownReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit, target, part, page, pageSize } = request.query;
      const period = periodOf(request.query);
      await may(request, 'kpi.read', unit);
      const found = await targetProcedures(db, unit, period, part, { page, pageSize }, clock.now());
      return {
        target,
        part,
        page,
        pageSize,
        total: found.total,
        items: found.items.map((i) => ({ kind: 'procedure' as const, code: i.code, name: i.name })),
      };
    },
  );

  app.get(
    '/api/kpi/targets/values',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary: "A year's effective target values of a unit (its own, inherited from an ancestor, or the default)",
        querystring: TargetsQuery,
        response: { 200: TargetsReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit, year } = request.query;
      await may(request, 'kpi.read', unit);
      return { year, unit, targets: await effectiveTargets(db, year, unit) };
    },
  );

  app.put(
    '/api/kpi/targets/values',
    {
      config: { access: { action: 'kpi.configure', scope: 'unit' } },
      schema: {
        tags,
        summary:
          "Set or clear (null) a unit's own target values for a year (procedure control officer over the unit; audited)",
        querystring: TargetsQuery,
        body: PutTargetsBody,
        response: { 200: TargetsReply, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { unit, year } = request.query;
      await may(request, 'kpi.configure', unit);
      const targets = await db.transaction((tx) => putTargets(tx, request.ctx, year, unit, request.body.targets));
      return { year, unit, targets };
    },
  );

  app.get(
    '/api/kpi/rankings',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Units ranked by their index for a period, with week-on-week and month-on-month change (totals and places)',
        querystring: RankingsQuery,
        response: { 200: RankingsReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { parent, kind } = request.query;
      const period = periodOf(request.query);
      await may(request, 'kpi.read', parent);
      return rankings(db, env, parent, period, { kind }, clock.now());
    },
  );

  app.get(
    '/api/kpi/channels',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary:
          'Channel mix: dossiers received in the period by counter, online and postal (the online-dossiers denominator, split)',
        querystring: PeriodQuery,
        response: { 200: ChannelsReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit } = request.query;
      const period = periodOf(request.query);
      await may(request, 'kpi.read', unit);
      return {
        unit,
        from: period.from,
        to: period.to,
        channels: await channelMix(db, scopeOf(unit, period, clock.now())),
      };
    },
  );

  app.get(
    '/api/kpi/channels/drilldown',
    {
      config: { access: { action: 'kpi.read', scope: 'unit' } },
      schema: {
        tags,
        summary: 'The dossiers received in the period through one channel',
        querystring: ChannelDrilldownQuery,
        response: { 200: ChannelDrilldownReply, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { unit, channel, page, pageSize } = request.query;
      const period = periodOf(request.query);
      await may(request, 'kpi.read', unit);
      return {
        channel,
        page,
        pageSize,
        ...(await channelDossiers(db, scopeOf(unit, period, clock.now()), channel, { page, pageSize })),
      };
    },
  );
}
