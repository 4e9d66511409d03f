/**
 * Tiếp nhận hồ sơ: a dossier arrives at the counter or by post (received at once, the legal clock
 * starts) or online (registered; a one-stop officer receives it later). One transaction writes
 * the dossier, its components, its first event, the audit record and the outbox event; a retried
 * request with the same Idempotency-Key returns the dossier the first one created.
 */
import { identityLevelTooLow } from './identity-level.rules.js';
import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { vietnamDateOf } from '../calendar/dates.js';
import { procedureSummary } from '../catalog/procedures.query.js';
import { versionInForce } from '../catalog/procedures.service.js';
import type { Channel } from '../catalog/procedure.content.js';
import { filesForUse } from '../files/files.service.js';
import { formatDossierCode } from '../identifiers/dossier-code.rules.js';
import { getUnit, todayInVietnam, unitPath } from '../org/units.service.js';
import { activeWorkflowFor } from '../workflows/workflows.service.js';
import { type Applicant, applicantKey } from './applicant.schema.js';
import { receivedComponentsInsert, recordReuses, reusableFiles } from '../datastore/datastore.service.js';
import type { FileStorage } from '../files/storage.js';
import type { NationalDataClient } from '../national-data/national-data-client.js';
import { checkPopulation, takeFromNationalStore } from '../national-data/national-data.service.js';
import { nextDossierNumber } from './code-sequence.service.js';
import { dossierComponents, dossierEvents, dossierIdempotencyKeys, dossiers } from './dossiers.tables.js';
import { startStep } from './actions.rules.js';
import { consultationsOf, openPlannedConsultations } from './consultations.service.js';
import { type DossierView, getDossierByCode } from './dossiers.query.js';
import { dueSoonFrom } from './deadline.rules.js';
import { enterStep, NO_STEP } from './step-assignment.rules.js';
import {
  appointmentFor,
  calendarYearsFor,
  componentProblems,
  type ProvidedComponent,
  type TimeLimit,
} from './intake.rules.js';
import type { DossierStatus } from './status.rules.js';
import { mayReceiveFor } from '../org/receiving.rules.js';
import {
  type CheckedForm,
  checkFiledForm,
  dropDraft,
  governingForm,
  recordFiledForm,
} from '../eforms/eforms.service.js';
import { formComponentOf } from '../eforms/fields.rules.js';

export interface IntakeInput {
  procedureId: string;
  channel: Channel;
  applicant: Applicant;
  components: IntakeComponent[];
  /**
   * The one-stop unit receiving it: where the officer works (counter, postal); online, the filer
   * may name one, else the unit of the workflow's reception step (Bộ phận Một cửa) receives it,
   * or the competent unit itself when that step names none.
   */
  receivingUnitId?: string | undefined;
  /** The competent unit, when the procedure has several and the receiving unit is not one of them. */
  competentUnitId?: string | undefined;
  /** The filled tờ khai điện tử, when the procedure has one (required online). */
  eform?: { values: Record<string, unknown> } | undefined;
}

/** Uploaded files, or an item of the applicant's data store to reuse (intake and supplements). */
export type SuppliedComponent =
  | { componentId: string; fileIds: string[] }
  | { componentId: string; storeItemId: string };

/**
 * At intake also: a document of the national data store (Kho dữ liệu điện tử quốc gia), by its id
 * there; or, at the counter, a paper shown and checked against its original (no file).
 */
export type IntakeComponent =
  | SuppliedComponent
  | { componentId: string; nationalDocumentId: string }
  | { componentId: string; originalChecked: true };

export interface IdempotencyInput {
  key: string;
  body: unknown;
}

type DossierRow = typeof dossiers.$inferSelect;

/** Where intake takes documents from the national data store and keeps their copies: built once, passed by the route. */
export interface IntakeSources {
  national: NationalDataClient;
  files: FileStorage;
}

export async function receiveDossier(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  env: Env,
  sources: IntakeSources,
  input: IntakeInput,
  now: Date,
  idempotency?: IdempotencyInput,
): Promise<DossierView> {
  if (idempotency) {
    const earlier = await claimIdempotencyKey(tx, ctx.actor.userId, idempotency);
    if (earlier) return getDossierByCode(tx, earlier.code);
  }
  const { procedure, version } = await procedureInForce(tx, input.procedureId, now);
  if (identityLevelTooLow(version.content.identityLevelRequired, ctx.actor)) {
    throw new AppError('IDENTITY_LEVEL_TOO_LOW', { required: version.content.identityLevelRequired });
  }
  const offer = version.content.channels.find((c) => c.channel === input.channel);
  if (!offer) throw new AppError('CHANNEL_NOT_OFFERED', { channel: input.channel });
  const competentUnitId = await competentUnitFor(tx, input, version.content);
  const workflow = await activeWorkflowFor(tx, procedure.id, competentUnitId);
  if (!workflow) throw new AppError('WORKFLOW_NOT_ACTIVE', { procedureId: procedure.id, unitId: competentUnitId });
  const start = startStep(workflow.steps);
  const receivingUnitId = input.receivingUnitId ?? start?.unitId ?? competentUnitId;

  const key = applicantKey(input.applicant);
  const reuses = input.components.flatMap((c) =>
    'storeItemId' in c ? [{ storeItemId: c.storeItemId, componentId: c.componentId }] : [],
  );
  const uploads = input.components.flatMap((c) => ('fileIds' in c ? [c] : []));
  const fromNational = input.components.flatMap((c) => ('nationalDocumentId' in c ? [c] : []));
  const reused = await reusableFiles(
    tx,
    key,
    reuses.map((r) => r.storeItemId),
    todayInVietnam(now),
  );
  const nationalFiles =
    fromNational.length > 0
      ? await takeFromNationalStore(
          tx,
          ctx,
          sources.national,
          sources.files,
          key,
          fromNational.map((c) => c.nationalDocumentId),
          now,
        )
      : new Map<string, string>();
  const components: (ProvidedComponent & { nationalDocumentId?: string })[] = input.components.map((c) =>
    'storeItemId' in c
      ? { componentId: c.componentId, fileIds: reused.get(c.storeItemId)! }
      : 'nationalDocumentId' in c
        ? {
            componentId: c.componentId,
            fileIds: [nationalFiles.get(c.nationalDocumentId)!],
            nationalDocumentId: c.nationalDocumentId,
          }
        : 'originalChecked' in c
          ? { componentId: c.componentId, fileIds: [], originalChecked: true }
          : c,
  );
  if (input.channel === 'online' && components.some((c) => c.originalChecked))
    throw new AppError('ORIGINAL_CHECK_AT_COUNTER', {});
  // Tờ khai điện tử: checked against the form in force (and the population database) before anything is written.
  const filedForm = await checkEform(tx, ctx.actor, sources.national, procedure.id, input);
  const formComponent = filedForm ? formComponentOf(version.content.components, filedForm.form.definition) : undefined;
  // The e-form stands for its tờ khai: that component is no longer mandatory (a scan may still come).
  const problems = componentProblems(
    version.content.components.map((c) =>
      formComponent && c.id === formComponent.id ? { ...c, mandatory: false } : c,
    ),
    components,
  );
  if (problems.length > 0) throw new AppError('DOSSIER_INCOMPLETE', { problems });
  await filesForUse(
    tx,
    ctx.actor,
    uploads.flatMap((c) => c.fileIds),
  );
  // Khai thác CSDLQG về dân cư: a citizen applicant of a connected procedure is looked up.
  const population =
    version.content.populationDataConnected && input.applicant.kind === 'citizen'
      ? await checkPopulation(sources.national, input.applicant.idNumber, input.applicant, now)
      : { populationCheck: null, populationCheckedAt: null };

  const receivedNow = input.channel !== 'online';
  const status: DossierStatus = receivedNow ? 'received' : 'registered';
  const receivingUnit = await getUnit(tx, receivingUnitId);
  const calendar = receivedNow ? await loadWorkingCalendar(tx, env, calendarYearsFor(now, offer.timeLimit)) : null;
  const appointmentAt = calendar ? appointmentFor(calendar, now, offer.timeLimit) : null;
  const dueSoon =
    calendar && appointmentAt ? dueSoonFrom(calendar, now, appointmentAt, env.DUE_SOON_WORKING_DAYS) : null;
  const firstStep = calendar && start ? enterStep(calendar, start, competentUnitId, now) : NO_STEP;
  const [dossier] = await tx
    .insert(dossiers)
    .values({
      // Numbered last (below): until then the row carries a placeholder no one else sees.
      code: `pending-${randomUUID()}`,
      procedureId: procedure.id,
      procedureVersionId: version.id,
      workflowId: workflow.id,
      receivingUnitId: receivingUnit.id,
      competentUnitId,
      channel: input.channel,
      status,
      applicant: input.applicant,
      applicantKey: key,
      ownerUserId: ctx.actor.kind === 'citizen' ? ctx.actor.userId : null,
      fees: offer.fees.map((f) => ({ name: f.name, amountVnd: f.amountVnd })),
      submittedAt: now,
      receivedAt: receivedNow ? now : null,
      appointmentAt,
      legalDueAt: appointmentAt,
      dueSoonFrom: dueSoon,
      ...firstStep,
      receivedBy: receivedNow ? ctx.actor.userId : null,
      ...population,
    })
    .returning();
  if (filedForm) {
    await recordFiledForm(tx, dossier!, key, filedForm, now);
    if (ctx.actor.kind === 'citizen') await dropDraft(tx, ctx.actor.userId, procedure.id);
  }
  if (calendar && start) await openPlannedConsultations(tx, calendar, dossier!.id, start, now);
  const names = new Map(version.content.components.map((c) => [c.id, c.name]));
  const filed = components.map((c) => ({
    componentId: c.componentId,
    name: names.get(c.componentId)!,
    fileIds: [...c.fileIds],
    nationalDocumentId: c.nationalDocumentId ?? null,
    originalCheckedBy: c.originalChecked ? ctx.actor.userId : null,
    originalCheckedAt: c.originalChecked ? now : null,
  }));
  const componentRows = filed.map((c) => ({ dossierId: dossier!.id, ...c }));
  await recordReuses(tx, dossier!.id, reuses);
  // What the officer received and checked is digitized into the applicant's store; reused items
  // are there already. Online filings join it when a one-stop officer accepts them.
  // A paper only checked against its original left no file to digitize.
  const recorded = {
    action: receivedNow ? 'receive' : 'register',
    fromStatus: null,
    toStatus: status,
    stepKey: dossier!.currentStepKey,
    toStepKey: null,
    stepDueAt: null,
    stepOutcome: null,
    unitId: receivingUnit.id,
    note: null,
    details: null,
    occurredAt: now,
  } as const;
  if (idempotency) {
    await tx
      .update(dossierIdempotencyKeys)
      .set({ dossierId: dossier!.id })
      .where(and(eq(dossierIdempotencyKeys.userId, ctx.actor.userId), eq(dossierIdempotencyKeys.key, idempotency.key)));
  }
  const competentUnit = competentUnitId === receivingUnit.id ? receivingUnit : await getUnit(tx, competentUnitId);
  // A new dossier's only consultations are those its first step plans.
  const consultations =
    calendar && start && start.consultations.length > 0 ? await consultationsOf(tx, dossier!.id) : [];

  // The number is drawn as late as possible: taking it row-locks the unit's daily sequence until
  // commit, so every other intake at the unit waits only for the few statements left (issue 17).
  // Still in this transaction, so a rolled-back intake leaves no gap (numbers stay gapless).
  const code = formatDossierCode(
    receivingUnit.officialCode,
    vietnamDateOf(now),
    await nextDossierNumber(tx, receivingUnit.id, vietnamDateOf(now)),
  );
  dossier!.code = code;
  const fresh = filed.filter((c) => c.fileIds.length > 0 && !reuses.some((r) => r.componentId === c.componentId));
  const kept = receivedNow ? receivedComponentsInsert(tx, dossier!, key, fresh, ctx.actor.userId) : null;
  // The number, the papers (and their copies in the applicant's data store) and the first event go
  // with the audit record and the outbox event in one statement: the sequence row is held for that
  // statement and COMMIT only.
  const alongWith = [
    ...(kept ? [kept] : []),
    tx.update(dossiers).set({ code }).where(eq(dossiers.id, dossier!.id)),
    ...(componentRows.length > 0 ? [tx.insert(dossierComponents).values(componentRows)] : []),
    tx.insert(dossierEvents).values({
      ...recorded,
      dossierId: dossier!.id,
      actorUserId: ctx.actor.userId,
    }),
  ];
  await recordChange(
    tx,
    ctx,
    {
      action: receivedNow ? 'dossier.receive' : 'dossier.register',
      targetType: 'dossier',
      targetId: dossier!.id,
      unitId: competentUnitId,
      after: {
        code,
        channel: input.channel,
        status,
        procedure: procedure.nationalCode,
        appointmentAt: dossier!.appointmentAt,
        populationCheck: population.populationCheck,
      },
      event: {
        code,
        status,
        procedureCode: procedure.nationalCode,
        channel: input.channel,
        receivingUnitId: receivingUnit.id,
        competentUnitId,
      },
    },
    alongWith,
  );
  // The answer is built from what this transaction wrote: a read-back after commit would wait for
  // a pooled connection behind every other intake (issue 15: 200 concurrent intakes answered late).
  return {
    dossier: dossier!,
    procedureCode: procedure.nationalCode,
    procedureName: procedure.name,
    versionContent: version.content,
    stepName: workflow.steps.find((s) => s.key === dossier!.currentStepKey)?.name ?? null,
    lastExtendedTo: null,
    receivingUnit: { ...named(receivingUnit), parentId: receivingUnit.parentId },
    competentUnit: named(competentUnit),
    components: componentRows
      .sort((a, b) => (a.componentId < b.componentId ? -1 : 1))
      .map((c) => ({
        ...c,
        originalCheckedByName: c.originalCheckedBy ? ctx.actor.fullName : null,
      })),
    events: [{ ...recorded, actorName: ctx.actor.fullName }],
    consultations,
    results: [],
    extensions: [],
    obligations: [],
  };
}

/**
 * The filed e-form checked, or null when the procedure has none. Online, a procedure with a form
 * requires it (the portal files the form, not a scan of it); at the counter it is optional.
 */
async function checkEform(
  tx: Tx,
  actor: Actor,
  national: NationalDataClient,
  procedureId: string,
  input: IntakeInput,
): Promise<CheckedForm | null> {
  const form = await governingForm(tx, procedureId);
  if (!form) {
    if (input.eform) throw new AppError('EFORM_NOT_DEFINED', { procedureId });
    return null;
  }
  if (!input.eform) {
    if (input.channel !== 'online') return null;
    throw new AppError(
      'VALIDATION_FAILED',
      [{ in: 'body', path: 'eform', message: 'Thủ tục này nộp trực tuyến bằng tờ khai điện tử: chưa có tờ khai.' }],
      'Thủ tục này nộp trực tuyến bằng tờ khai điện tử: chưa có tờ khai.',
      422,
    );
  }
  const who = {
    personalId: input.applicant.kind === 'citizen' ? input.applicant.idNumber : null,
    userId: actor.kind === 'citizen' ? actor.userId : null,
    fullName: actor.kind === 'citizen' ? actor.fullName : null,
  };
  return checkFiledForm(tx, national, form, input.eform.values, who);
}

const named = ({ id, name, officialCode }: Awaited<ReturnType<typeof getUnit>>) => ({ id, name, officialCode });

/** Ngày hẹn trả for a dossier received at `receivedAt` under this time limit, and when it turns due soon. */
export async function appointmentOf(
  tx: Tx,
  env: Env,
  limit: TimeLimit,
  receivedAt: Date,
): Promise<{ appointmentAt: Date; dueSoonFrom: Date }> {
  const calendar = await loadWorkingCalendar(tx, env, calendarYearsFor(receivedAt, limit));
  const appointmentAt = appointmentFor(calendar, receivedAt, limit);
  return { appointmentAt, dueSoonFrom: dueSoonFrom(calendar, receivedAt, appointmentAt, env.DUE_SOON_WORKING_DAYS) };
}

/**
 * Takes the key for this caller, or finds the dossier an earlier request with it created. A
 * concurrent request with the same key waits on the key's row until the first commits.
 */
async function claimIdempotencyKey(
  tx: Tx,
  userId: string,
  { key, body }: IdempotencyInput,
): Promise<DossierRow | null> {
  const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const [claimed] = await tx
    .insert(dossierIdempotencyKeys)
    .values({ userId, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: dossierIdempotencyKeys.key });
  if (claimed) return null;
  const [earlier] = await tx
    .select()
    .from(dossierIdempotencyKeys)
    .where(and(eq(dossierIdempotencyKeys.userId, userId), eq(dossierIdempotencyKeys.key, key)));
  if (!earlier || earlier.requestHash !== requestHash || !earlier.dossierId) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', { key });
  }
  const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.id, earlier.dossierId));
  return dossier!;
}

/**
 * The procedure and the version in force on the day of `now` (Vietnam time): a decision already
 * published but not yet effective does not govern dossiers filed before its effective date.
 */
async function procedureInForce(tx: Tx, procedureId: string, now: Date) {
  const procedure = await procedureSummary(tx, procedureId);
  if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND', { id: procedureId });
  return { procedure, version: await versionInForce(tx, procedureId, todayInVietnam(now)) };
}

async function competentUnitFor(
  tx: Tx,
  input: IntakeInput,
  content: { competentUnitIds: string[]; locationIndependent: boolean },
) {
  const competent = content.competentUnitIds;
  const receivingId = input.receivingUnitId;
  const chosen =
    input.competentUnitId ??
    (receivingId && competent.includes(receivingId) ? receivingId : competent.length === 1 ? competent[0] : undefined);
  if (!chosen) throw new AppError('COMPETENT_UNIT_REQUIRED', { competentUnitIds: competent });
  if (!competent.includes(chosen)) throw new AppError('UNIT_NOT_COMPETENT', { unitId: chosen });
  if (!receivingId) return chosen;
  const [receiving, target] = await Promise.all([getUnit(tx, receivingId), getUnit(tx, chosen)]);
  const place = async (u: { id: string; kind: string }) => ({ id: u.id, kind: u.kind, path: await unitPath(tx, u.id) });
  if (!mayReceiveFor(await place(receiving), await place(target), content.locationIndependent)) {
    throw new AppError('NOT_RECEIVABLE_HERE', { receivingUnitId: receiving.id, competentUnitId: chosen });
  }
  return chosen;
}
