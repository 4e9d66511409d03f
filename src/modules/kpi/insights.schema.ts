/** Request and response schemas of the plan targets, rankings and reports (OpenAPI comes from them). */
import { z } from 'zod';
import { IsoDate, Paging } from '../../kernel/schemas.js';
import { INDICATOR_KEYS } from './kpi.config.js';
import { PeriodQuery } from './kpi.schema.js';
import { UNIT_KINDS } from '../org/units.query.js';
import { TARGET_KEYS, TargetValue } from './targets.config.js';

const Target = z.object({
  key: z.enum(TARGET_KEYS),
  name: z.string(),
  unit: z
    .enum(['ratio', 'minutes', 'dossiersPerOfficerYear'])
    .describe('ratio: 0–1 (shown as %); minutes; dossiers per one-stop officer per year'),
  direction: z.enum(['atLeast', 'atMost']),
  value: z.number(),
  source: z
    .enum(['unit', 'inherited', 'default'])
    .describe('unit: set for this unit; inherited: set for an ancestor; default: DOMAIN §10'),
  fromUnitId: z.uuid().nullable(),
  defaultSource: z.string(),
});

export const TargetsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100), unit: z.uuid() });
export const TargetsReply = z
  .object({ year: z.number().int(), unit: z.uuid(), targets: z.array(Target) })
  .meta({ id: 'KpiTargets' });
export const PutTargetsBody = z.object({ targets: z.array(TargetValue).min(1).max(TARGET_KEYS.length) });

const Actual = z.object({
  value: z.number().nullable().describe('null: no data (denominator 0) or not available'),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  available: z.boolean(),
  indicator: z.enum(INDICATOR_KEYS).optional().describe('The index indicator whose drill-down lists the dossiers'),
  drilldown: z
    .literal('procedures')
    .optional()
    .describe('Counted over procedures: GET /api/kpi/targets/drilldown lists them'),
  note: z.string().optional(),
});

export const TargetTableQuery = PeriodQuery;

export const ProductivityReply = z
  .object({
    unit: z.uuid(),
    from: IsoDate,
    to: IsoDate,
    officers: z.array(
      z.object({
        userId: z.uuid(),
        fullName: z.string(),
        unitId: z.uuid(),
        unitName: z.string(),
        handled: z.number().int().describe('Dossiers the officer received at the unit in the period'),
        annualised: z.number().int().describe('handled scaled to a year (365 days)'),
        target: z.number().describe("The productivity target of the officer's unit (dossiers per year)"),
        gap: z.number().describe('annualised − target'),
      }),
    ),
  })
  .meta({ id: 'KpiProductivity' });
export const TargetTableReply = z
  .object({
    unit: z.uuid(),
    unitName: z.string(),
    from: IsoDate,
    to: IsoDate,
    year: z.number().int(),
    previous: z.object({ from: IsoDate, to: IsoDate }).describe('The period the trend compares with'),
    targets: z.array(
      Target.extend({
        target: z.number(),
        actual: Actual,
        previousActual: z.number().nullable(),
        gap: z.number().nullable().describe('actual − target'),
        met: z.boolean().nullable(),
        change: z.number().nullable().describe('actual − previous actual'),
        trend: z.enum(['better', 'worse', 'same', 'unknown']),
      }),
    ),
  })
  .meta({ id: 'KpiTargetTable' });

const Change = z.object({
  from: IsoDate,
  to: IsoDate,
  total: z.number().nullable().describe('null: no dossier in that period (not ranked)'),
  previousTotal: z.number().nullable(),
  change: z.number().nullable(),
  rank: z.number().int().nullable(),
  previousRank: z.number().int().nullable(),
  rankChange: z
    .number()
    .int()
    .nullable()
    .describe('Places gained (positive) or lost; null if either period is unranked'),
});

export const RankingsQuery = PeriodQuery.omit({ unit: true }).extend({
  parent: z.uuid().describe('The unit whose direct sub-units are ranked (e.g. the province)'),
  kind: z
    .enum(UNIT_KINDS)
    .optional()
    .describe('Only sub-units of this kind (e.g. commune: communes are ranked weekly)'),
});

export const RankingItem = z.object({
  unitId: z.uuid(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  rank: z.number().int(),
  total: z.number(),
  grade: z.string(),
  gradeName: z.string(),
  applicable: z.number().int().describe('Indicators that applied (had a denominator); the total is over their maximum'),
  indicatorCount: z.number().int(),
  groups: z.array(z.object({ key: z.string(), name: z.string(), points: z.number(), max: z.number() })),
  weekOnWeek: Change,
  monthOnMonth: Change,
});

export const RankingsReply = z
  .object({
    parent: z.uuid(),
    from: IsoDate,
    to: IsoDate,
    items: z.array(RankingItem),
    unranked: z
      .array(z.object({ unitId: z.uuid(), name: z.string(), kind: z.enum(UNIT_KINDS), reason: z.enum(['noDossiers']) }))
      .describe('Units with no dossier received or handled in the period: no total, listed apart'),
  })
  .meta({ id: 'KpiRankings' });

export const ChannelsReply = z.object({
  unit: z.uuid(),
  from: IsoDate,
  to: IsoDate,
  channels: z.array(z.object({ channel: z.enum(['counter', 'online', 'postal']), received: z.number().int() })),
});

export const ChannelDrilldownQuery = PeriodQuery.extend({ channel: z.enum(['counter', 'online', 'postal']) }).extend(
  Paging.shape,
);
export const ChannelDrilldownReply = z.object({
  channel: z.enum(['counter', 'online', 'postal']),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(z.object({ kind: z.literal('dossier'), code: z.string(), name: z.null() })),
});

export const TargetDrilldownQuery = PeriodQuery.extend({
  target: z.literal('fullyOnlineServices').describe('A target counted over procedures'),
  part: z.enum(['numerator', 'denominator']),
}).extend(Paging.shape);
export const TargetDrilldownReply = z.object({
  target: z.literal('fullyOnlineServices'),
  part: z.enum(['numerator', 'denominator']),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(z.object({ kind: z.literal('procedure'), code: z.string(), name: z.string().nullable() })),
});
