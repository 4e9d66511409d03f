/**
 * The catalog administrators' form editor: a draft per procedure version (checked on every save),
 * published as the version's next form version with the version's publication decision; the
 * form versions of a version; and the forms of the catalog as a JSON bundle (export, and import
 * as drafts — publishing stays a deliberate act with the decision).
 */
import { desc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { activeProceduresWithVersion, procedureSummary } from '../catalog/procedures.query.js';
import { getProcedureVersion } from '../catalog/procedures.service.js';
import { todayInVietnam } from '../org/units.service.js';
import { definitionProblems } from './definition.rules.js';
import type { EformDefinition } from './eform.types.js';
import { publishForm } from './eforms.service.js';
import { eformDefinitionDrafts, eformDefinitions } from './eforms.tables.js';
import { schemaProblems } from './server-validator.js';

/** A definition as the API shows it (JSON): the response schemas keep it open. */
const asJson = (d: EformDefinition) => d as unknown as Record<string, unknown>;

/** The definition's problems, or the definition typed when it has none (422 EFORM_DEFINITION_INVALID). */
export function checkedDefinition(input: unknown): EformDefinition {
  const problems = definitionProblems(input, schemaProblems);
  if (problems.length > 0) throw new AppError('EFORM_DEFINITION_INVALID', { problems });
  return input as EformDefinition;
}

/** The version, refused when it is no longer in force (its forms are history). */
async function openVersion(db: Queryable, versionId: string) {
  const version = await getProcedureVersion(db, versionId);
  if (version.effectiveTo !== null && version.effectiveTo <= todayInVietnam())
    throw new AppError('EFORM_VERSION_ENDED', { versionId, effectiveTo: version.effectiveTo });
  return version;
}

/** The version's form versions, newest first, and its draft (null when none). */
export async function formsOfVersion(db: Queryable, versionId: string) {
  const version = await getProcedureVersion(db, versionId);
  const published = await db
    .select({
      formVersion: eformDefinitions.formVersion,
      createdAt: eformDefinitions.createdAt,
      definition: eformDefinitions.definition,
    })
    .from(eformDefinitions)
    .where(eq(eformDefinitions.procedureVersionId, versionId))
    .orderBy(desc(eformDefinitions.formVersion));
  const [draft] = await db
    .select({ definition: eformDefinitionDrafts.definition, updatedAt: eformDefinitionDrafts.updatedAt })
    .from(eformDefinitionDrafts)
    .where(eq(eformDefinitionDrafts.procedureVersionId, versionId));
  return {
    procedureVersionId: version.id,
    procedureId: version.procedureId,
    decision: { id: version.decisionId, number: version.decisionNumber },
    draft: draft ? { ...draft, definition: asJson(draft.definition) } : null,
    published: published.map((p) => ({ ...p, definition: asJson(p.definition) })),
  };
}

/** Saves (replaces) the version's draft after checking the definition. */
export async function saveDefinitionDraft(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  versionId: string,
  input: unknown,
  now: Date,
) {
  const version = await openVersion(tx, versionId);
  const definition = checkedDefinition(input);
  const values = { definition, updatedAt: now, updatedBy: ctx.actor.userId };
  await tx
    .insert(eformDefinitionDrafts)
    .values({ procedureVersionId: versionId, procedureId: version.procedureId, ...values })
    .onConflictDoUpdate({ target: eformDefinitionDrafts.procedureVersionId, set: values });
  await recordChange(tx, ctx, {
    action: 'eform.definition.draft',
    targetType: 'procedure',
    targetId: version.procedureId,
    after: { form: definition.key, procedureVersionId: versionId },
    event: { procedureId: version.procedureId, procedureVersionId: versionId, form: definition.key },
  });
  return { definition: asJson(definition), key: definition.key, updatedAt: now };
}

/**
 * Publishes the version's draft as its next form version, under the version's publication
 * decision (the form is part of what the decision published); new dossiers of the version use it.
 */
export async function publishDefinitionDraft(tx: Tx, ctx: RequestContext, versionId: string) {
  const version = await openVersion(tx, versionId);
  const [draft] = await tx
    .delete(eformDefinitionDrafts)
    .where(eq(eformDefinitionDrafts.procedureVersionId, versionId))
    .returning({ definition: eformDefinitionDrafts.definition });
  if (!draft) throw new AppError('EFORM_DRAFT_MISSING', { versionId });
  // Checked again: the rules may have tightened since the draft was saved.
  const definition = checkedDefinition(draft.definition);
  const form = await publishForm(tx, ctx, {
    procedureId: version.procedureId,
    procedureVersionId: versionId,
    definition,
  });
  return {
    formVersion: form.formVersion,
    procedureVersionId: versionId,
    decision: { id: version.decisionId, number: version.decisionNumber },
  };
}

export const BUNDLE_FORMAT = 'motcua-eforms/1' as const;

/** The forms governing the catalog's active procedures today, by national code (the export bundle). */
export async function exportForms(db: Queryable) {
  const forms = [];
  for (const p of await activeProceduresWithVersion(db)) {
    const [row] = await db
      .select({ formVersion: eformDefinitions.formVersion, definition: eformDefinitions.definition })
      .from(eformDefinitions)
      .where(eq(eformDefinitions.procedureVersionId, p.versionId))
      .orderBy(desc(eformDefinitions.formVersion))
      .limit(1);
    const summary = await procedureSummary(db, p.procedureId);
    if (row && summary)
      forms.push({
        nationalCode: summary.nationalCode,
        formVersion: row.formVersion,
        definition: asJson(row.definition),
      });
  }
  forms.sort((a, b) => a.nationalCode.localeCompare(b.nationalCode));
  return { format: BUNDLE_FORMAT, forms };
}

/**
 * Imports a bundle: each form becomes the draft of its procedure's current version (by national
 * code); an unknown code or an invalid definition is reported with its reasons, the rest are drafted.
 */
export async function importForms(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  forms: readonly { nationalCode: string; definition: unknown }[],
  now: Date,
) {
  const byCode = new Map<string, string>();
  for (const p of await activeProceduresWithVersion(tx)) {
    const summary = await procedureSummary(tx, p.procedureId);
    if (summary) byCode.set(summary.nationalCode, p.versionId);
  }
  const drafted: { nationalCode: string; procedureVersionId: string; key: string }[] = [];
  const rejected: {
    index: number;
    nationalCode: string;
    reasons: { code: string; path: string; message: string }[];
  }[] = [];
  for (const [index, f] of forms.entries()) {
    const versionId = byCode.get(f.nationalCode);
    if (!versionId) {
      rejected.push({
        index,
        nationalCode: f.nationalCode,
        reasons: [
          { code: 'PROCEDURE_NOT_FOUND', path: 'nationalCode', message: 'Không có thủ tục đang áp dụng với mã này.' },
        ],
      });
      continue;
    }
    const problems = definitionProblems(f.definition, schemaProblems);
    if (problems.length > 0) {
      rejected.push({ index, nationalCode: f.nationalCode, reasons: problems });
      continue;
    }
    const saved = await saveDefinitionDraft(tx, ctx, versionId, f.definition, now);
    drafted.push({ nationalCode: f.nationalCode, procedureVersionId: versionId, key: saved.key });
  }
  return { drafted, rejected };
}
