/**
 * E-forms of procedures: which form governs a procedure today (the latest of its version in
 * force), what the system already knows of an applicant (prefill with provenance), drafts, and —
 * at intake, inside the dossier's transaction — the check and recording of the filled form.
 */
import { referenceMemo } from '../../kernel/request-memo.js';
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { activeProceduresWithVersion, procedureSummary } from '../catalog/procedures.query.js';
import { versionInForce } from '../catalog/procedures.service.js';
import { listStore } from '../datastore/datastore.service.js';
import { renderDeclaration } from '../documents/forms.js';
import { ownAccount } from '../identity/users.service.js';
import { type NationalDataClient, NationalDataError } from '../national-data/national-data-client.js';
import { identityPrefillOf } from '../oidc/profile.query.js';
import { todayInVietnam } from '../org/units.service.js';
import { withComputed } from './computed.rules.js';
import type { EformDefinition, SourcedValue } from './eform.types.js';
import { dossierEforms, eformDefinitions, eformDrafts } from './eforms.tables.js';
import { fieldCounts, prefilledShare, shownValues } from './fields.rules.js';
import { builtInFormFor } from './library/index.js';
import { printedSections } from './print.rules.js';
import {
  type Facts,
  identityFacts,
  populationFacts,
  prefillValues,
  sourcesOf,
  tamperedFields,
} from './prefill.rules.js';
import { validateValues } from './server-validator.js';
import type { FieldError } from './validation.rules.js';

export interface GoverningForm {
  id: string;
  formVersion: number;
  procedureVersionId: string;
  definition: EformDefinition;
}

/** The form governing a procedure's dossiers today: the latest of the version in force; null if none. */
export function governingForm(db: Queryable, procedureId: string): Promise<GoverningForm | null> {
  const today = todayInVietnam();
  return referenceMemo(db, `eforms.governing:${procedureId}:${today}`, () => readGoverningForm(db, procedureId, today));
}

async function readGoverningForm(db: Queryable, procedureId: string, today: string): Promise<GoverningForm | null> {
  const version = await versionInForce(db, procedureId, today);
  const [row] = await db
    .select({
      id: eformDefinitions.id,
      formVersion: eformDefinitions.formVersion,
      procedureVersionId: eformDefinitions.procedureVersionId,
      definition: eformDefinitions.definition,
    })
    .from(eformDefinitions)
    .where(eq(eformDefinitions.procedureVersionId, version.id))
    .orderBy(desc(eformDefinitions.formVersion))
    .limit(1);
  return row ?? null;
}

export async function requireForm(db: Queryable, procedureId: string): Promise<GoverningForm> {
  if (!(await procedureSummary(db, procedureId))) throw new AppError('PROCEDURE_NOT_FOUND', { id: procedureId });
  const form = await governingForm(db, procedureId);
  if (!form) throw new AppError('EFORM_NOT_DEFINED', { procedureId });
  return form;
}

/**
 * Publishes a form for a procedure version (a new form version within it). The library's forms
 * are published this way for the demo catalog, with the catalog's decision.
 */
export async function publishForm(
  tx: Tx,
  ctx: RequestContext,
  input: { procedureId: string; procedureVersionId: string; definition: EformDefinition },
): Promise<GoverningForm> {
  const [last] = await tx
    .select({ formVersion: eformDefinitions.formVersion })
    .from(eformDefinitions)
    .where(eq(eformDefinitions.procedureVersionId, input.procedureVersionId))
    .orderBy(desc(eformDefinitions.formVersion))
    .limit(1);
  const [row] = await tx
    .insert(eformDefinitions)
    .values({
      procedureId: input.procedureId,
      procedureVersionId: input.procedureVersionId,
      formVersion: (last?.formVersion ?? 0) + 1,
      formKey: input.definition.key,
      definition: input.definition,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning();
  await recordChange(tx, ctx, {
    action: 'eform.publish',
    targetType: 'procedure',
    targetId: input.procedureId,
    after: { form: input.definition.key, formVersion: row!.formVersion, procedureVersionId: input.procedureVersionId },
    event: { procedureId: input.procedureId, form: input.definition.key, formVersion: row!.formVersion },
  });
  return row!;
}

/** The demo catalog: every current procedure version whose procedure has a form in the library gets it. */
export async function publishLibraryForms(tx: Tx, ctx: RequestContext): Promise<number> {
  let published = 0;
  for (const p of await activeProceduresWithVersion(tx)) {
    const summary = await procedureSummary(tx, p.procedureId);
    const definition = summary && builtInFormFor(summary.nationalCode);
    if (!definition) continue;
    await publishForm(tx, ctx, { procedureId: p.procedureId, procedureVersionId: p.versionId, definition });
    published++;
  }
  return published;
}

export interface ApplicantRef {
  /** Personal identifier (số định danh cá nhân) of the person the form is about. */
  personalId: string | null;
  /** The signed-in citizen's account, for profile facts. */
  userId: string | null;
  fullName?: string | null;
}

/**
 * What the system knows of an applicant, each fact with its source: the profile first, then the
 * identity provider's claims of the citizen's last sign-in (only when they are about this
 * applicant), then the population database (authoritative, overrides), then the data store's
 * results. The platform not answering leaves the population facts out (the identity provider's
 * stay, else the person types them).
 */
export async function applicantFacts(db: Queryable, national: NationalDataClient, who: ApplicantRef): Promise<Facts> {
  const facts: Facts = {};
  if (who.userId) {
    const account = await ownAccount(db, who.userId);
    if (who.fullName) facts['applicant.fullName'] = { value: who.fullName, source: 'profile' };
    if (account?.personalId) facts['applicant.personalId'] = { value: account.personalId, source: 'profile' };
    if (account?.phone) facts['applicant.phone'] = { value: account.phone, source: 'profile' };
    if (account?.email) facts['applicant.email'] = { value: account.email, source: 'profile' };
    const identity = await identityPrefillOf(db, who.userId);
    if (identity && (!who.personalId || identity.fields.personalId === who.personalId)) {
      Object.assign(facts, identityFacts(identity.fields));
    }
  }
  if (!who.personalId) return facts;
  try {
    const record = await national.findCitizen(who.personalId);
    if (record) Object.assign(facts, populationFacts(record));
  } catch (error) {
    if (!(error instanceof NationalDataError)) throw error;
  }
  for (const item of await listStore(db, who.personalId, undefined, todayInVietnam())) {
    if (item.kind !== 'result') continue;
    const text = `${item.name} (hồ sơ ${item.sourceDossierCode})`;
    const name = item.name.toLocaleLowerCase('vi');
    if (name.includes('kết hôn')) facts['store.marriageCertificate'] ??= { value: text, source: 'datastore' };
    if (name.includes('khai sinh')) facts['store.birthCertificate'] ??= { value: text, source: 'datastore' };
  }
  return facts;
}

/** The values of the applicant's latest filed dossier with this form (for `remember` fields). */
async function previousValues(db: Queryable, applicantKey: string, formKey: string) {
  const [row] = await db
    .select({ values: dossierEforms.values })
    .from(dossierEforms)
    .where(and(eq(dossierEforms.applicantKey, applicantKey), eq(dossierEforms.formKey, formKey)))
    .orderBy(desc(dossierEforms.filedAt))
    .limit(1);
  return row ? Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, v.value])) : null;
}

/** Every value the system can fill in for this applicant, with its source, and the share of fields it fills. */
export async function prefillFor(db: Queryable, national: NationalDataClient, form: GoverningForm, who: ApplicantRef) {
  const facts = await applicantFacts(db, national, who);
  const previous = who.personalId ? await previousValues(db, who.personalId, form.definition.key) : null;
  const values = prefillValues(form.definition, facts, previous);
  const counts = fieldCounts(form.definition, values);
  return { values, prefilledShare: prefilledShare(counts) };
}

/** The signed-in person's identifier: a citizen's from the account; staff name the applicant. */
export async function prefillSubject(
  db: Queryable,
  actor: Actor,
  applicant: string | undefined,
): Promise<ApplicantRef> {
  if (actor.kind === 'citizen') {
    const account = await ownAccount(db, actor.userId);
    return { personalId: account?.personalId ?? null, userId: actor.userId, fullName: actor.fullName };
  }
  if (!applicant) throw new AppError('EFORM_APPLICANT_REQUIRED', {});
  return { personalId: applicant, userId: null };
}

const refused = (errors: FieldError[]) =>
  new AppError(
    'VALIDATION_FAILED',
    errors.map((e) => ({ in: 'eform', path: e.path, message: e.message })),
    `Tờ khai chưa hợp lệ: ${errors.map((e) => e.path).join(', ')}.`,
    422,
  );

export interface CheckedForm {
  form: GoverningForm;
  values: Record<string, SourcedValue>;
  counts: ReturnType<typeof fieldCounts>;
}

/**
 * At intake: the filed values against the governing form's schema (hidden sections dropped,
 * computed fields recomputed), and the locked population values against the database, recomputed
 * here. Refused → 422 VALIDATION_FAILED naming each field path. Returns the values with sources.
 */
export async function checkFiledForm(
  db: Queryable,
  national: NationalDataClient,
  form: GoverningForm,
  submitted: Record<string, unknown>,
  who: ApplicantRef,
): Promise<CheckedForm> {
  const values = withComputed(form.definition, shownValues(form.definition, submitted));
  const errors = validateValues(form.definition, values);
  const prefill = await prefillFor(db, national, form, who);
  const tampered = tamperedFields(form.definition, values, prefill.values).filter(
    (t) => !errors.some((e) => e.path === t.path),
  );
  if (errors.length + tampered.length > 0) throw refused([...errors, ...tampered]);
  const sourced = sourcesOf(form.definition, values, prefill.values);
  return { form, values: sourced, counts: fieldCounts(form.definition, sourced) };
}

/** Records the filled form with its dossier (same transaction as the dossier row). */
export async function recordFiledForm(
  tx: Tx,
  dossier: { id: string; procedureId: string; channel: string; competentUnitId: string; receivingUnitId: string },
  applicantKey: string,
  checked: CheckedForm,
  filedAt: Date,
): Promise<void> {
  await tx.insert(dossierEforms).values({
    dossierId: dossier.id,
    procedureId: dossier.procedureId,
    channel: dossier.channel,
    competentUnitId: dossier.competentUnitId,
    receivingUnitId: dossier.receivingUnitId,
    definitionId: checked.form.id,
    formKey: checked.form.definition.key,
    applicantKey,
    values: checked.values,
    fieldsTotal: checked.counts.total,
    fieldsPrefilled: checked.counts.prefilled,
    fieldsTyped: checked.counts.typed,
    filedAt,
  });
}

/** A dossier's filled form with its definition, or null when it was filed without one. */
export async function filedFormOf(db: Queryable, dossierId: string) {
  const [row] = await db
    .select({
      values: dossierEforms.values,
      fieldsTotal: dossierEforms.fieldsTotal,
      fieldsPrefilled: dossierEforms.fieldsPrefilled,
      fieldsTyped: dossierEforms.fieldsTyped,
      filedAt: dossierEforms.filedAt,
      formVersion: eformDefinitions.formVersion,
      definition: eformDefinitions.definition,
    })
    .from(dossierEforms)
    .innerJoin(eformDefinitions, eq(eformDefinitions.id, dossierEforms.definitionId))
    .where(eq(dossierEforms.dossierId, dossierId));
  return row ?? null;
}

/** The caller's draft of a procedure's form (null when none). */
export async function draftOf(db: Queryable, userId: string, procedureId: string) {
  const [row] = await db
    .select({ values: eformDrafts.values, updatedAt: eformDrafts.updatedAt })
    .from(eformDrafts)
    .where(and(eq(eformDrafts.userId, userId), eq(eformDrafts.procedureId, procedureId)));
  return row ?? null;
}

/** Saves (replaces) the caller's draft; values are not validated (a draft is unfinished by nature). */
export async function saveDraft(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  procedureId: string,
  values: Record<string, unknown>,
  now: Date,
) {
  await requireForm(tx, procedureId);
  const [row] = await tx
    .insert(eformDrafts)
    .values({ userId: ctx.actor.userId, procedureId, values, updatedAt: now })
    .onConflictDoUpdate({ target: [eformDrafts.userId, eformDrafts.procedureId], set: { values, updatedAt: now } })
    .returning({ values: eformDrafts.values, updatedAt: eformDrafts.updatedAt });
  // The values are personal data: the audit keeps only which form and how many fields.
  await recordChange(tx, ctx, {
    action: 'eform.draft.save',
    targetType: 'procedure',
    targetId: procedureId,
    after: { fields: Object.keys(values).length },
    event: { procedureId, userId: ctx.actor.userId },
  });
  return row!;
}

/** Drops the filer's draft once the dossier is filed. */
export async function dropDraft(tx: Tx, userId: string, procedureId: string): Promise<void> {
  await tx.delete(eformDrafts).where(and(eq(eformDrafts.userId, userId), eq(eformDrafts.procedureId, procedureId)));
}

/** Every procedure version's newest form (what the catalog can offer as a blank tờ khai). */
export async function publishedForms(db: Queryable): Promise<GoverningForm[]> {
  return db
    .selectDistinctOn([eformDefinitions.procedureVersionId], {
      id: eformDefinitions.id,
      formVersion: eformDefinitions.formVersion,
      procedureVersionId: eformDefinitions.procedureVersionId,
      definition: eformDefinitions.definition,
    })
    .from(eformDefinitions)
    .orderBy(eformDefinitions.procedureVersionId, desc(eformDefinitions.formVersion));
}

/** The blank paper tờ khai of a form (same layout as the filled one), for those who file on paper. */
export function blankFormPdf(definition: EformDefinition): Promise<Buffer> {
  return renderDeclaration({
    title: definition.title,
    legalSource: definition.legalSource,
    ...(definition.addressee ? { addressee: '' } : {}),
    sections: printedSections(definition, {}, true),
    commitment: definition.commitment,
    signer: definition.signer,
  });
}
