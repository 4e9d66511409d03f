import { z } from 'zod';

const Vnd = z.number().int().min(0).max(1_000_000_000_000);

/** The request of POST /api/procedure-reviews/cost (Circular 02/2017/TT-VPCP Art. 27). */
export const CostBody = z.object({
  annualIncomePerCapitaVnd: Vnd.describe('Thu nhập bình quân đầu người/năm (đồng)'),
  activities: z
    .array(z.object({ name: z.string().trim().min(1).max(500), hours: z.number().min(0).max(10_000) }))
    .max(100)
    .describe('Các công việc phải làm và thời gian (giờ) của mỗi việc'),
  feesVnd: Vnd,
  chargesVnd: Vnd,
  serviceCostsVnd: Vnd,
  otherCostsVnd: Vnd,
  subjectsPerYear: z.number().int().min(0).max(100_000_000),
  timesPerYear: z.number().int().min(0).max(10_000),
});

export const CostReply = z
  .object({
    hourlyIncomeVnd: z.number().int(),
    costPerTimeVnd: z.number().int(),
    costPerYearVnd: z.number().int(),
  })
  .meta({ id: 'ComplianceCost' });

export const PrefillQuery = z.object({ procedureId: z.uuid() });

const Facts = z.object({
  parts: z.number().int(),
  mandatoryParts: z.number().int(),
  forms: z.number().int(),
  channels: z.array(z.string()),
  timeLimits: z.array(z.object({ channel: z.string(), value: z.number(), unit: z.string() })),
  feesVnd: z.number().int(),
  onlineLevel: z.string(),
});

export const Prefill = z
  .object({
    procedureId: z.uuid(),
    versionId: z.uuid(),
    code: z.string(),
    name: z.string(),
    facts: Facts,
    before: CostBody.describe(
      'The current cost inputs as far as the catalog knows them (fees; time and volumes to fill)',
    ),
  })
  .meta({ id: 'ReviewPrefill' });

const Proposal = z.object({
  partsRemoved: z.number().int().min(0).max(100),
  timeCutDays: z.number().min(0).max(3650),
  feesCutVnd: Vnd,
  fieldsReused: z.number().int().min(0).max(1000),
  note: z.string().max(4000).default(''),
});

export const CreateReviewBody = z.object({
  procedureId: z.uuid(),
  year: z.number().int().min(2017).max(2100),
  before: CostBody,
  after: CostBody,
  proposal: Proposal,
});

export const Review = z
  .object({
    id: z.uuid(),
    procedureId: z.uuid(),
    procedureName: z.string(),
    procedureCode: z.string().nullable(),
    year: z.number().int(),
    facts: Facts,
    proposal: Proposal,
    before: CostReply,
    after: CostReply,
    savingsVnd: z.number().int(),
    savingsPercent: z.number(),
    status: z.enum(['draft', 'approved']),
    approvedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ProcedureReview' });

export const ReviewListQuery = z.object({ year: z.coerce.number().int().min(2017).max(2100).optional() });

export const ReviewSummary = z
  .object({
    reviews: z.array(Review),
    totals: z.object({
      procedures: z.number().int(),
      approved: z.number().int(),
      beforeCostPerYearVnd: z.number().int(),
      afterCostPerYearVnd: z.number().int(),
      savingsVnd: z.number().int(),
      savingsPercent: z.number(),
    }),
  })
  .meta({ id: 'ProcedureReviewSummary' });
