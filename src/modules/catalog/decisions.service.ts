import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { getUnit } from '../org/units.service.js';
import { existingUnitIds } from '../org/units.query.js';
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
import { forgetCatalogVocabulary } from './search-vocabulary.js';

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
export async function issueDecision(tx: Tx, ctx: RequestContext, input: IssueDecisionInput, now: Date) {
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
  await applyDecisionItems(tx, decision.id, input.effectiveDate, input.items, existing, now);
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
    event: {
      decisionId: decision.id,
      items: input.items.map((i) => ({ changeKind: i.changeKind, nationalCode: i.nationalCode })),
    },
  });
  return decision;
}

/** The decision record alone (its items are applied separately, e.g. in import batches). */
export async function createDecision(tx: Tx, ctx: RequestContext, header: DecisionHeader) {
  await getUnit(tx, header.issuingUnitId);
  const [clash] = await tx
    .select({ id: publicationDecisions.id })
    .from(publicationDecisions)
    .where(
      and(eq(publicationDecisions.issuingUnitId, header.issuingUnitId), eq(publicationDecisions.number, header.number)),
    );
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

/**
 * Applies already-checked items of a decision. Versions are written in bulk (a few statements
 * for the whole list, whatever its length), so a 2,000-row import batch costs as much as one
 * procedure does: one insert for the new procedures, one for the versions, chunked inserts for
 * the competent units, one update for the mirrored columns.
 */
export async function applyDecisionItems(
  tx: Tx,
  decisionId: string,
  effectiveDate: string,
  items: readonly DecisionItemInput[],
  existing: ExistingMap,
  now: Date,
) {
  const abolish = async (procedureId: string) => {
    await closeCurrentVersions(tx, [procedureId], effectiveDate);
    await tx.update(procedures).set({ status: 'abolished', updatedAt: now }).where(eq(procedures.id, procedureId));
  };
  const versioned: Versioned[] = [];
  for (const item of items) {
    if (item.changeKind === 'abolished') {
      const procedure = existing.get(item.nationalCode)!;
      await abolish(procedure.id);
      await tx
        .insert(publicationDecisionItems)
        .values({ decisionId, procedureId: procedure.id, changeKind: 'abolished' });
    } else {
      const replaces = item.changeKind === 'replaced' ? existing.get(item.replacesNationalCode!)! : null;
      if (replaces) await abolish(replaces.id);
      versioned.push({ item, content: withComponentIds(item.content!), replacesProcedureId: replaces?.id ?? null });
    }
  }
  if (versioned.length > 0) await writeVersions(tx, decisionId, effectiveDate, versioned, existing);
  forgetCatalogVocabulary();
}

export type ExistingMap = Map<string, typeof procedures.$inferSelect>;

/** Every component of a published version gets an id, so a dossier can say which one a file satisfies. */
function withComponentIds(content: ProcedureContent): ProcedureContent {
  return { ...content, components: content.components.map((c) => ({ ...c, id: c.id ?? randomUUID() })) };
}

interface Versioned {
  item: DecisionItemInput;
  content: ProcedureContent;
  replacesProcedureId: string | null;
}

/** Rows per insert for competent units: well under PostgreSQL's 65,535 bound parameters. */
const UNIT_ROWS_PER_INSERT = 10_000;

async function writeVersions(
  tx: Tx,
  decisionId: string,
  effectiveDate: string,
  list: Versioned[],
  existing: ExistingMap,
) {
  await ensureFields(
    tx,
    list.map((v) => v.content.fieldCode),
  );
  const fresh = list.filter((v) => v.item.changeKind !== 'amended');
  const created = fresh.length
    ? await tx
        .insert(procedures)
        .values(fresh.map((v) => ({ nationalCode: v.item.nationalCode, ...mirror(v.item.nationalCode, v.content) })))
        .returning({ id: procedures.id, nationalCode: procedures.nationalCode })
    : [];
  const idByCode = new Map([...created.map((c) => [c.nationalCode, c.id] as const)]);
  for (const v of list)
    if (v.item.changeKind === 'amended') idByCode.set(v.item.nationalCode, existing.get(v.item.nationalCode)!.id);
  const lastVersion = await closeCurrentVersions(
    tx,
    list.filter((v) => v.item.changeKind === 'amended').map((v) => idByCode.get(v.item.nationalCode)!),
    effectiveDate,
  );
  const versions = await tx
    .insert(procedureVersions)
    .values(
      list.map((v) => {
        const procedureId = idByCode.get(v.item.nationalCode)!;
        return {
          procedureId,
          versionNo: (lastVersion.get(procedureId) ?? 0) + 1,
          decisionId,
          effectiveFrom: effectiveDate,
          content: v.content,
        };
      }),
    )
    .returning({ id: procedureVersions.id, procedureId: procedureVersions.procedureId });
  const versionOf = new Map(versions.map((v) => [v.procedureId, v.id]));
  const unitRows = list.flatMap((v) => {
    const versionId = versionOf.get(idByCode.get(v.item.nationalCode)!)!;
    return [...new Set(v.content.competentUnitIds)].map((unitId) => ({ versionId, unitId }));
  });
  for (let i = 0; i < unitRows.length; i += UNIT_ROWS_PER_INSERT) {
    await tx.insert(procedureCompetentUnits).values(unitRows.slice(i, i + UNIT_ROWS_PER_INSERT));
  }
  await updateMirrors(
    tx,
    list.map((v) => {
      const id = idByCode.get(v.item.nationalCode)!;
      return { id, versionId: versionOf.get(id)!, ...mirror(v.item.nationalCode, v.content) };
    }),
  );
  await tx.insert(publicationDecisionItems).values(
    list.map((v) => {
      const procedureId = idByCode.get(v.item.nationalCode)!;
      return {
        decisionId,
        procedureId,
        changeKind: v.item.changeKind,
        versionId: versionOf.get(procedureId)!,
        replacesProcedureId: v.replacesProcedureId,
      };
    }),
  );
}

/** The mirrored search columns and the current version of many procedures in one statement. */
async function updateMirrors(tx: Tx, rows: (ReturnType<typeof mirror> & { id: string; versionId: string })[]) {
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}::uuid, ${r.versionId}::uuid, ${r.name}, ${r.fieldCode}, ${r.levels.join(',')}, ${r.onlineLevel}, ${r.searchText}, ${r.acronym})`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    update procedures p set
      current_version_id = v.version_id, name = v.name, field_code = v.field_code,
      levels = string_to_array(v.levels, ','), online_level = v.online_level,
      search_text = v.search_text, acronym = v.acronym, updated_at = now()
    from (values ${values}) as v(id, version_id, name, field_code, levels, online_level, search_text, acronym)
    where p.id = v.id`);
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

/** Ends the versions in force of these procedures; returns each one's last version number. */
async function closeCurrentVersions(
  tx: Tx,
  procedureIds: string[],
  effectiveDate: string,
): Promise<Map<string, number>> {
  if (procedureIds.length === 0) return new Map();
  const closed = await tx
    .update(procedureVersions)
    .set({ effectiveTo: effectiveDate })
    .where(and(inArray(procedureVersions.procedureId, procedureIds), isNull(procedureVersions.effectiveTo)))
    .returning({ procedureId: procedureVersions.procedureId, versionNo: procedureVersions.versionNo });
  return new Map(closed.map((c) => [c.procedureId, c.versionNo]));
}

async function ensureFields(tx: Tx, codes: string[]) {
  const wanted = [...new Set(codes)];
  const found = await tx
    .select({ code: procedureFields.code })
    .from(procedureFields)
    .where(inArray(procedureFields.code, wanted));
  const missing = wanted.filter((c) => !found.some((f) => f.code === c));
  if (missing.length > 0) throw new AppError('FIELD_NOT_FOUND', { fieldCodes: missing });
}

/** One query for all competent units of the decision, naming every unknown one. */
async function assertUnitsExist(tx: Tx, items: DecisionItemInput[]) {
  const ids = [...new Set(items.flatMap((i) => i.content?.competentUnitIds ?? []))];
  if (ids.length === 0) return;
  const found = await existingUnitIds(tx, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new AppError('UNIT_NOT_FOUND', { ids: missing });
}
