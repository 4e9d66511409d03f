import { count, desc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { unitNames } from '../org/units.query.js';
import { procedures, publicationDecisionItems, publicationDecisions } from './catalog.tables.js';
import { decisionCompliance } from './catalog.rules.js';

export type WorkingDaysBetween = (from: string, to: string) => number;
/** Builds a working-day counter covering the given dates (the calendar module supplies it). */
export type WorkingDayCounter = (dates: string[]) => Promise<WorkingDaysBetween>;

type DecisionRow = { signedDate: string; legalBasisEffectiveDate: string | null; nationalPublishedDate: string | null };

async function withCompliance<T extends DecisionRow>(rows: T[], counterFor: WorkingDayCounter) {
  const dates = rows.flatMap((r) =>
    [r.signedDate, r.legalBasisEffectiveDate ?? [], r.nationalPublishedDate ?? []].flat(),
  );
  const between = await counterFor(dates);
  return rows.map((r) => ({ ...r, compliance: decisionCompliance(r, between) }));
}

const issuingUnit = unitNames('issuing_unit');

const decisionColumns = {
  id: publicationDecisions.id,
  number: publicationDecisions.number,
  signedDate: publicationDecisions.signedDate,
  signer: publicationDecisions.signer,
  issuingUnitId: publicationDecisions.issuingUnitId,
  issuingUnitName: issuingUnit.name,
  effectiveDate: publicationDecisions.effectiveDate,
  legalBasisEffectiveDate: publicationDecisions.legalBasisEffectiveDate,
  nationalPublishedDate: publicationDecisions.nationalPublishedDate,
  createdAt: publicationDecisions.createdAt,
};

export async function listDecisions(db: Queryable, page: number, pageSize: number, counterFor: WorkingDayCounter) {
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(publicationDecisions);
  const rows = await db
    .select(decisionColumns)
    .from(publicationDecisions)
    .innerJoin(issuingUnit, eq(issuingUnit.id, publicationDecisions.issuingUnitId))
    .orderBy(desc(publicationDecisions.signedDate), desc(publicationDecisions.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: await withCompliance(rows, counterFor), total };
}

export async function getDecision(db: Queryable, id: string, counterFor: WorkingDayCounter) {
  const [decision] = await db
    .select(decisionColumns)
    .from(publicationDecisions)
    .innerJoin(issuingUnit, eq(issuingUnit.id, publicationDecisions.issuingUnitId))
    .where(eq(publicationDecisions.id, id));
  if (!decision) throw new AppError('DECISION_NOT_FOUND', { id });
  const items = await db
    .select({
      procedureId: publicationDecisionItems.procedureId,
      nationalCode: procedures.nationalCode,
      name: procedures.name,
      changeKind: publicationDecisionItems.changeKind,
      versionId: publicationDecisionItems.versionId,
      replacesProcedureId: publicationDecisionItems.replacesProcedureId,
    })
    .from(publicationDecisionItems)
    .innerJoin(procedures, eq(procedures.id, publicationDecisionItems.procedureId))
    .where(eq(publicationDecisionItems.decisionId, id));
  const [withDates] = await withCompliance([decision], counterFor);
  return { ...withDates!, items };
}

/** Records the day the decision's procedures appeared on the national database (KPI 1.2). */
export async function recordNationalPublication(tx: Tx, ctx: RequestContext, id: string, date: string) {
  const [before] = await tx.select().from(publicationDecisions).where(eq(publicationDecisions.id, id));
  if (!before) throw new AppError('DECISION_NOT_FOUND', { id });
  if (date < before.signedDate) {
    throw new AppError(
      'VALIDATION_FAILED',
      { nationalPublishedDate: date },
      'Ngày công khai không thể trước ngày ký quyết định.',
    );
  }
  await tx.update(publicationDecisions).set({ nationalPublishedDate: date }).where(eq(publicationDecisions.id, id));
  await recordChange(tx, ctx, {
    action: 'catalog.decision_published',
    targetType: 'publication_decision',
    targetId: id,
    unitId: before.issuingUnitId,
    before: { nationalPublishedDate: before.nationalPublishedDate },
    after: { nationalPublishedDate: date },
    event: { decisionId: id, nationalPublishedDate: date },
  });
}
