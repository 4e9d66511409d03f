import { z } from 'zod';
import { IsoDate } from '../../kernel/schemas.js';

export const PeriodId = z
  .string()
  .max(10)
  .describe('Kỳ báo cáo: 2026-Q1 … 2026-Q4 (quý), 2026-H1 (6 tháng đầu năm), 2026-Y (năm)');

export const UnitYearQuery = z.object({
  unitId: z.uuid(),
  year: z.coerce.number().int().min(2020).max(2099).optional(),
});

export const PrepareBody = z.object({ unitId: z.uuid(), periodId: PeriodId });

const Counts = z.object({
  carriedOver: z.number().int(),
  newOnline: z.number().int(),
  newDirect: z.number().int(),
  early: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  withinTime: z.number().int(),
  overdue: z.number().int(),
  withdrawn: z.number().int(),
  sentBack: z.number().int(),
});

const Status = z.enum(['draft', 'submitted', 'delivered']);

export const ReportSummary = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    periodId: z.string(),
    periodLabel: z.string(),
    form: z.string(),
    from: IsoDate,
    to: IsoDate,
    status: Status,
    deliveryStatus: z.enum(['pending', 'failed', 'delivered']).nullable(),
    preparerName: z.string(),
    preparedAt: z.string(),
    signerName: z.string().nullable(),
    signedAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    receipt: z.string().nullable().describe('Số tiếp nhận của Hệ thống thông tin báo cáo'),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'StatutoryReportSummary' });

export const Report = ReportSummary.extend({
  unitName: z.string(),
  unitCode: z.string(),
  asOf: z.string(),
  rows: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), counts: Counts })),
  totals: Counts,
  submissionLog: z.array(
    z.object({
      attempt: z.number().int(),
      at: z.string(),
      outcome: z.enum(['delivered', 'failed']),
      httpStatus: z.number().int().nullable(),
      receipt: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
}).meta({ id: 'StatutoryReport' });

export const ReportList = z.object({ items: z.array(ReportSummary) }).meta({ id: 'StatutoryReportList' });

export const PeriodList = z
  .object({
    periods: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['quarter', 'half', 'year']),
        label: z.string(),
        from: IsoDate,
        to: IsoDate,
        submitBy: IsoDate.describe('Hạn gửi Hệ thống thông tin báo cáo Chính phủ'),
        unitsSubmitBy: IsoDate.describe('Hạn các đơn vị gửi Văn phòng UBND tỉnh'),
        closed: z.boolean().describe('Đã qua ngày chốt số liệu: có thể lập báo cáo'),
        report: z.object({ id: z.uuid(), status: Status }).nullable(),
      }),
    ),
  })
  .meta({ id: 'StatutoryReportPeriods' });

export const FileQuery = z.object({ format: z.enum(['pdf', 'xlsx']).default('pdf') });
