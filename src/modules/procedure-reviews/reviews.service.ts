/**
 * Procedure reviews (rà soát, đánh giá TTHC; Decree 63/2010/NĐ-CP ch. VI, Circular 02/2017/TT-VPCP
 * Art. 27): prefilled from the catalog's current version, costed before and after the proposed
 * simplification, approved, and summed province-wide for the review reports.
 */
import { desc, eq } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../kernel/context.js';
import type { Queryable, Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { currentVersionOf, procedureNames, procedureSummary } from '../catalog/procedures.query.js';
import { type CostInput, complianceCost, savings } from './compliance-cost.rules.js';
import { procedureReviews, type ReviewedFacts, type Simplification } from './reviews.tables.js';

/** The catalog's facts of the procedure's current version, and the cost inputs they give (its fees). */
export async function prefillReview(db: Queryable, procedureId: string) {
  const summary = await procedureSummary(db, procedureId);
  const current = await currentVersionOf(db, procedureId);
  if (!summary || !current?.versionId || !current.content)
    throw new AppError('REVIEW_PROCEDURE_NOT_FOUND', { procedureId });
  const c = current.content;
  // The fees of the counter channel (the reference channel), else of the first offered.
  const reference = c.channels.find((ch) => ch.channel === 'counter') ?? c.channels[0]!;
  const facts: ReviewedFacts = {
    parts: c.components.length,
    mandatoryParts: c.components.filter((p) => p.mandatory).length,
    forms: c.components.filter((p) => p.formTemplate).length,
    channels: c.channels.map((ch) => ch.channel),
    timeLimits: c.channels.map((ch) => ({ channel: ch.channel, value: ch.timeLimit.value, unit: ch.timeLimit.unit })),
    feesVnd: reference.fees.reduce((sum, f) => sum + f.amountVnd, 0),
    onlineLevel: c.onlineLevel,
  };
  const before: CostInput = {
    annualIncomePerCapitaVnd: 0,
    activities: [],
    feesVnd: facts.feesVnd,
    chargesVnd: 0,
    serviceCostsVnd: 0,
    otherCostsVnd: 0,
    subjectsPerYear: 0,
    timesPerYear: 1,
  };
  return {
    procedureId,
    versionId: current.versionId,
    code: summary.nationalCode ?? '',
    name: summary.name,
    facts,
    before,
  };
}

export interface CreateReviewInput {
  procedureId: string;
  year: number;
  before: CostInput;
  after: CostInput;
  proposal: Simplification;
}

export async function createReview(tx: Tx, ctx: RequestContext & { actor: Actor }, input: CreateReviewInput) {
  const prefill = await prefillReview(tx, input.procedureId);
  const before = complianceCost(input.before);
  const after = complianceCost(input.after);
  const { savingsPercent } = savings(before.costPerYearVnd, after.costPerYearVnd);
  const [row] = await tx
    .insert(procedureReviews)
    .values({
      procedureId: input.procedureId,
      versionId: prefill.versionId,
      year: input.year,
      facts: prefill.facts,
      before: input.before,
      after: input.after,
      proposal: input.proposal,
      beforeCostPerYearVnd: before.costPerYearVnd,
      afterCostPerYearVnd: after.costPerYearVnd,
      savingsPercent,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordChange(tx, ctx, {
    action: 'procedure_review.create',
    targetType: 'procedure_review',
    targetId: row!.id,
    after: { procedureId: input.procedureId, year: input.year, savingsPercent },
    event: { reviewId: row!.id, procedureId: input.procedureId, year: input.year },
  });
  return row!;
}

export async function approveReview(tx: Tx, ctx: RequestContext & { actor: Actor }, id: string, now: Date) {
  const [review] = await tx.select().from(procedureReviews).where(eq(procedureReviews.id, id)).for('update');
  if (!review) throw new AppError('REVIEW_NOT_FOUND', { id });
  if (review.status === 'approved') throw new AppError('REVIEW_ALREADY_APPROVED', { id });
  // Separation of duties: whoever prepared the review cannot approve it (four eyes on the
  // simplification plan the province sends up, Decree 63/2010/NĐ-CP art. 28).
  if (review.createdBy === ctx.actor.userId) throw new AppError('REVIEW_SELF_APPROVAL', { id });
  await tx
    .update(procedureReviews)
    .set({ status: 'approved', approvedBy: ctx.actor.userId, approvedAt: now })
    .where(eq(procedureReviews.id, id));
  await recordChange(tx, ctx, {
    action: 'procedure_review.approve',
    targetType: 'procedure_review',
    targetId: id,
    before: { status: 'draft' },
    after: { status: 'approved' },
    event: { reviewId: id, procedureId: review.procedureId, savingsPercent: review.savingsPercent },
  });
}

/** The reviews (of a year, or all) with their costs, and the province-wide totals of the review report. */
export async function reviewSummary(db: Queryable, year?: number) {
  const rows = await db
    .select({ review: procedureReviews, name: procedureNames.name, code: procedureNames.nationalCode })
    .from(procedureReviews)
    .innerJoin(procedureNames, eq(procedureNames.id, procedureReviews.procedureId))
    .where(year === undefined ? undefined : eq(procedureReviews.year, year))
    .orderBy(desc(procedureReviews.createdAt));
  const reviews = rows.map(({ review, name, code }) => {
    const before = complianceCost(review.before);
    const after = complianceCost(review.after);
    return {
      id: review.id,
      procedureId: review.procedureId,
      procedureName: name,
      procedureCode: code,
      year: review.year,
      facts: review.facts,
      proposal: review.proposal,
      before,
      after,
      ...savings(before.costPerYearVnd, after.costPerYearVnd),
      status: review.status,
      approvedAt: review.approvedAt?.toISOString() ?? null,
    };
  });
  const beforeTotal = reviews.reduce((s, r) => s + r.before.costPerYearVnd, 0);
  const afterTotal = reviews.reduce((s, r) => s + r.after.costPerYearVnd, 0);
  return {
    reviews,
    totals: {
      procedures: new Set(reviews.map((r) => r.procedureId)).size,
      approved: reviews.filter((r) => r.status === 'approved').length,
      beforeCostPerYearVnd: beforeTotal,
      afterCostPerYearVnd: afterTotal,
      ...savings(beforeTotal, afterTotal),
    },
  };
}
