import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../server/db/client.js';
import type { RequestContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordChange } from '../audit/record-change.js';
import { getUnit } from '../org/units.service.js';
import {
  type DecisionChangeKind,
  procedureCompetentUnits,
  procedureFields,
  procedures,
  procedureVersions,
  publicationDecisionItems,
  publicationDecisions,
} from './catalog.tables.js';
import { checkDecisionItems } from './catalog.rules.js';
import type { ProcedureContent } from './procedure.content.js';
import { acronym, searchKey } from './search.rules.js';

export interface DecisionItemInput {
  changeKind: DecisionChangeKind;
  nationalCode: string;
  replacesNationalCode?: string | null | undefined;
  content?: ProcedureContent | undefined;
}

export interface IssueDecisionInput {
  number: string;
  signedDate: string;
  signer: string;
  issuingUnitId: string;
  effectiveDate: string;
  legalBasisEffectiveDate?: string | null | undefined;
  nationalPublishedDate?: string | null | undefined;
  items: DecisionItemInput[];
}

export type DecisionHeader = Omit<IssueDecisionInput, 'items'>;

/**
 * Records a publication decision and applies it: new procedures, new versions of amended ones,
 * replacements and abolitions, all effective from the decision's effective date. All or nothing:
 * any item that does not fit the catalog refuses the whole decision with every problem listed.
 */
export async function issueDecision(tx: Tx, ctx: RequestContext, input: IssueDecisionInput) {
  const existing = await existingProcedures(
    tx,
    input.items.flatMap((i) => [i.nationalCode, i.replacesNationalCode ?? []].flat()),
  );
  const problems = checkDecisionItems(
    input.items.map((i) => ({ ...i, hasContent: i.content !== undefined })),
    existing,
  );
  if (problems.length > 0) throw new AppError('DECISION_ITEMS_INVALID', { problems });
  await assertUnitsExist(tx, input.items);
  const decision = await createDecision(tx, ctx, input);
  await applyDecisionItems(tx, decision.id, input.effectiveDate, input.items, existing);
  await recordChange(tx, ctx, {
    action: 'catalog.decision_issue',
    targetType: 'publication_decision',
    targetId: decision.id,
    unitId: input.issuingUnitId,
    after: {
      number: input.number,
      signedDate: input.signedDate,
      effectiveDate: input.effectiveDate,
      items: input.items.map((i) => ({ changeKind: i.changeKind, nationalCode: i.nationalCode })),
    },
    event: { decisionId: decision.id, items: input.items.map((i) => ({ changeKind: i.changeKind, nationalCode: i.nationalCode })) },
  });
  return decision;
}

/** The decision record alone (its items are applied separately, e.g. in import batches). */
export async function createDecision(tx: Tx, ctx: RequestContext, header: DecisionHeader) {
  await getUnit(tx, header.issuingUnitId);
  const [clash] = await tx
    .select({ id: publicationDecisions.id })
    .from(publicationDecisions)
    .where(and(eq(publicationDecisions.issuingUnitId, header.issuingUnitId), eq(publicationDecisions.number, header.number)));
  if (clash) throw new AppError('DECISION_NUMBER_TAKEN', { number: header.number });
  const [decision] = await tx
    .insert(publicationDecisions)
    .values({
      number: header.number,
      signedDate: header.signedDate,
      signer: header.signer,
      issuingUnitId: header.issuingUnitId,
      effectiveDate: header.effectiveDate,
      legalBasisEffectiveDate: header.legalBasisEffectiveDate ?? null,
      nationalPublishedDate: header.nationalPublishedDate ?? null,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning();
  return decision!;
}

/** The procedures with these national codes, by code. */
export async function existingProcedures(tx: Tx, codes: string[]): Promise<ExistingMap> {
  if (codes.length === 0) return new Map();
  const rows = await tx.select().from(procedures).where(inArray(procedures.nationalCode, codes));
  return new Map(rows.map((p) => [p.nationalCode, p]));
}

/** Applies already-checked items of a decision. */
export async function applyDecisionItems(
  tx: Tx,
  decisionId: string,
  effectiveDate: string,
  items: readonly DecisionItemInput[],
  existing: ExistingMap,
) {
  for (const item of items) await applyItem(tx, decisionId, effectiveDate, item, existing);
}

export type ExistingMap = Map<string, typeof procedures.$inferSelect>;

async function applyItem(tx: Tx, decisionId: string, effectiveDate: string, item: DecisionItemInput, existing: ExistingMap) {
  if (item.changeKind === 'abolished') {
    const procedure = existing.get(item.nationalCode)!;
    await closeCurrentVersion(tx, procedure.id, effectiveDate);
    await tx.update(procedures).set({ status: 'abolished', updatedAt: new Date() }).where(eq(procedures.id, procedure.id));
    await tx.insert(publicationDecisionItems).values({ decisionId, procedureId: procedure.id, changeKind: 'abolished' });
    return;
  }
  const content = item.content!;
  await ensureField(tx, content.fieldCode);
  let procedureId: string;
  let versionNo = 1;
  let replacesProcedureId: string | null = null;
  if (item.changeKind === 'amended') {
    const procedure = existing.get(item.nationalCode)!;
    procedureId = procedure.id;
    versionNo = (await closeCurrentVersion(tx, procedure.id, effectiveDate)) + 1;
  } else {
    const [created] = await tx
      .insert(procedures)
      .values({ nationalCode: item.nationalCode, ...mirror(item.nationalCode, content) })
      .returning({ id: procedures.id });
    procedureId = created!.id;
    if (item.changeKind === 'replaced') {
      const replaced = existing.get(item.replacesNationalCode!)!;
      replacesProcedureId = replaced.id;
      await closeCurrentVersion(tx, replaced.id, effectiveDate);
      await tx.update(procedures).set({ status: 'abolished', updatedAt: new Date() }).where(eq(procedures.id, replaced.id));
    }
  }
  const [version] = await tx
    .insert(procedureVersions)
    .values({ procedureId, versionNo, decisionId, effectiveFrom: effectiveDate, content })
    .returning({ id: procedureVersions.id });
  await tx
    .insert(procedureCompetentUnits)
    .values([...new Set(content.competentUnitIds)].map((unitId) => ({ versionId: version!.id, unitId })));
  await tx
    .update(procedures)
    .set({ ...mirror(item.nationalCode, content), currentVersionId: version!.id, updatedAt: new Date() })
    .where(eq(procedures.id, procedureId));
  await tx
    .insert(publicationDecisionItems)
    .values({ decisionId, procedureId, changeKind: item.changeKind, versionId: version!.id, replacesProcedureId });
}

/** The searchable columns on `procedures`, copied from the latest version. */
function mirror(nationalCode: string, content: ProcedureContent) {
  return {
    name: content.name,
    fieldCode: content.fieldCode,
    levels: content.levels,
    onlineLevel: content.onlineLevel,
    searchText: searchKey(`${content.name} ${nationalCode}`),
    acronym: acronym(content.name),
  };
}

/** Ends the version in force; returns its number. */
async function closeCurrentVersion(tx: Tx, procedureId: string, effectiveDate: string): Promise<number> {
  const [closed] = await tx
    .update(procedureVersions)
    .set({ effectiveTo: effectiveDate })
    .where(and(eq(procedureVersions.procedureId, procedureId), isNull(procedureVersions.effectiveTo)))
    .returning({ versionNo: procedureVersions.versionNo });
  return closed?.versionNo ?? 0;
}

async function ensureField(tx: Tx, code: string) {
  const [field] = await tx.select().from(procedureFields).where(eq(procedureFields.code, code));
  if (!field) throw new AppError('FIELD_NOT_FOUND', { fieldCode: code });
}

async function assertUnitsExist(tx: Tx, items: DecisionItemInput[]) {
  const ids = [...new Set(items.flatMap((i) => i.content?.competentUnitIds ?? []))];
  for (const id of ids) await getUnit(tx, id);
}
