/** Schemas of the report routes. */
import { z } from 'zod';
import { IsoDate } from '../../kernel/schemas.js';
import { REPORT_COLUMNS, REPORT_DIMENSIONS } from './report.rules.js';

export const ReportRequestBody = z.object({
  unit: z.uuid().describe('The unit reported on (its sub-units included)'),
  period: z
    .string()
    .max(10)
    .optional()
    .describe('Monthly 2026-03, quarterly 2026-Q1, yearly 2026 (reporting periods, 21st → 20th), or a week 2026-W09'),
  from: IsoDate.optional().describe('Ad-hoc report: first day (with `to`)'),
  to: IsoDate.optional().describe('Ad-hoc report: last day (at most 366 days)'),
  groupBy: z
    .enum(REPORT_DIMENSIONS)
    .default('unit')
    .describe('One row per competent unit, procedure, field or channel'),
});

const Counts = z.object(
  Object.fromEntries(REPORT_COLUMNS.map((c) => [c, z.number().int()])) as Record<
    (typeof REPORT_COLUMNS)[number],
    z.ZodNumber
  >,
);

export const ReportJobReply = z
  .object({
    id: z.uuid(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number().describe('0–1: chunks of the unit tree counted'),
    stepsDone: z.number().int(),
    stepsTotal: z.number().int(),
    unit: z.uuid(),
    from: IsoDate,
    to: IsoDate,
    kind: z.enum(['month', 'quarter', 'year', 'week', 'adhoc']),
    groupBy: z.enum(REPORT_DIMENSIONS),
    createdAt: z.date(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
    error: z.string().nullable(),
    report: z
      .object({
        title: z.string(),
        unitName: z.string(),
        asOf: z.string(),
        rows: z.array(z.object({ key: z.string(), label: z.string(), counts: Counts })),
        totals: Counts,
      })
      .nullable()
      .describe(
        'When done: the rows and the total line (received = carriedOver + new = early + onTime + late + refused + withdrawn + stopped + withinTime + overdue)',
      ),
  })
  .meta({ id: 'KpiReportJob' });

export const ReportFileQuery = z.object({ format: z.enum(['xlsx', 'pdf']) });
