/** Request and response schemas of the kpi routes (OpenAPI is generated from them). */
import { z } from 'zod';
import { IsoDate, Paging } from '../../kernel/schemas.js';
import { INDICATOR_KEYS, KpiConfig } from './kpi.config.js';

export const PeriodQuery = z.object({
  unit: z.uuid().describe('The unit; its figure covers its sub-units'),
  from: IsoDate.optional().describe('First day (YYYY-MM-DD, Vietnam date, included); with `to`'),
  to: IsoDate.optional().describe('Last day (included); at most 366 days after `from`'),
  period: z
    .string()
    .max(10)
    .optional()
    .describe(
      'Instead of from/to: ISO week 2026-W09, reporting month 2026-03 (21 Feb → 20 Mar), reporting quarter 2026-Q1, reporting year 2026',
    ),
});

export const IndexQuery = PeriodQuery.extend({
  configVersion: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe("Recompute with this version of the year's configuration (default: the latest)"),
  source: z
    .enum(['rollup', 'raw'])
    .default('rollup')
    .describe(
      'rollup: the dossier counters kept by day and unit (fast; equal to raw by test); raw: recompute from the dossier rows',
    ),
});

const Indicator = z.object({
  key: z.enum(INDICATOR_KEYS),
  name: z.string(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  ratio: z
    .number()
    .nullable()
    .describe('numerator ÷ denominator; null when the denominator is 0 (does not apply) or the data is unavailable'),
  points: z.number().nullable().describe('null: nothing was due, the indicator does not apply'),
  applies: z.boolean(),
  max: z.number(),
  fullAt: z.number().describe('The ratio that earns full points'),
  available: z.boolean().describe('false: MotCua does not hold the data yet; 0 points, never invented'),
  note: z.string().optional(),
});

export const IndexReply = z
  .object({
    unit: z.uuid(),
    unitName: z.string(),
    from: IsoDate,
    to: IsoDate,
    asOf: z.date().describe('When "still within time" was judged: the end of the period, or now if sooner'),
    config: z.object({ year: z.number().int(), version: z.number().int().describe('0 = the default of DOMAIN.md §9') }),
    total: z
      .number()
      .nullable()
      .describe('Points over the maximum of the indicators that apply, on 100; null when noData'),
    grade: z.string().nullable(),
    gradeName: z.string().nullable(),
    applicable: z.number().int().describe('Indicators that apply (a denominator, or unavailable data: 0 points)'),
    indicatorCount: z.number().int(),
    noData: z.boolean().describe('No dossier received or handled in the period: no total, not ranked'),
    groups: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        points: z.number(),
        max: z.number(),
        applicableMax: z.number(),
        indicators: z.array(Indicator),
      }),
    ),
    tracked: z
      .array(
        Indicator.pick({
          key: true,
          name: true,
          numerator: true,
          denominator: true,
          ratio: true,
          available: true,
          note: true,
        }),
      )
      .describe('Plan indicators computed beside the groups without points (e.g. online.prefilledForms, seed 003)'),
  })
  .meta({ id: 'Kpi766Index' });

export const DrilldownQuery = PeriodQuery.extend({
  indicator: z.enum(INDICATOR_KEYS),
  part: z.enum(['numerator', 'denominator']),
}).extend(Paging.shape);

export const DrilldownReply = z.object({
  indicator: z.enum(INDICATOR_KEYS),
  part: z.enum(['numerator', 'denominator']),
  from: IsoDate,
  to: IsoDate,
  available: z.boolean(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      kind: z.enum(['dossier', 'procedure', 'decisionItem', 'feedback']),
      code: z.string(),
      name: z.string().nullable(),
    }),
  ),
});

export const ConfigQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  version: z.coerce.number().int().min(0).optional(),
});

export const ConfigReply = z
  .object({
    year: z.number().int(),
    version: z.number().int(),
    source: z.enum(['default', 'saved']),
    createdAt: z.date().nullable(),
    config: KpiConfig,
  })
  .meta({ id: 'KpiYearConfig' });

export const PutConfigBody = z.object({
  version: z
    .number()
    .int()
    .min(0)
    .describe('The version read (0 = the default): a replacement made meanwhile is a 409'),
  config: KpiConfig,
});

export const LateQuery = z
  .object({
    unit: z.uuid(),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng có dạng YYYY-MM')
      .describe('Reporting month YYYY-MM (21st of the month before → 20th)'),
    withoutApology: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe('true: only late dossiers with no apology letter (mẫu 04)'),
  })
  .extend(Paging.shape);

export const LateReply = z.object({
  unit: z.uuid(),
  month: z.string(),
  from: IsoDate,
  to: IsoDate,
  asOf: z.date(),
  withoutApology: z.boolean(),
  total: z.number().int(),
  byUnit: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), late: z.number().int() })),
  byOfficial: z.array(
    z.object({
      userId: z.uuid().nullable().describe('null: no named official (a role at a unit)'),
      fullName: z.string().nullable(),
      late: z.number().int(),
    }),
  ),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      status: z.string(),
      procedureCode: z.string(),
      procedureName: z.string(),
      competentUnitId: z.uuid(),
      competentUnitName: z.string(),
      receivedAt: z.date().nullable(),
      legalDueAt: z.date().nullable(),
      appointmentAt: z.date().nullable(),
      completedAt: z.date().nullable(),
      supplementCount: z.number().int(),
      officialId: z.uuid().nullable(),
      officialName: z.string().nullable(),
      hasApology: z.boolean(),
    }),
  ),
});

export const ProcessingTimesReply = z.object({
  unit: z.uuid(),
  from: IsoDate,
  to: IsoDate,
  procedures: z.array(
    z.object({
      procedureId: z.uuid(),
      nationalCode: z.string(),
      name: z.string(),
      dossiers: z.number().int(),
      averageWorkingDays: z.number(),
    }),
  ),
});
