/**
 * Processing a dossier: one action at a time, each checked against the state machine
 * (actions.rules.ts), the caller's authority (authority.ts) and the version the caller read
 * (optimistic lock: a stale version is 409, so of two officials acting on the same step exactly
 * one succeeds). The action's effects (action-effects.ts), the step history, the audit record and
 * the outbox event are written in the same transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { Actor, RequestContext } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import type { DossierActionGuard } from '../../kernel/module.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { addWorkingTime, type WorkingCalendar } from '../calendar/calendar.rules.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { toVietnamLocalMs } from '../calendar/dates.js';
import type { Channel } from '../catalog/procedure.content.js';
import type { FileStorage } from '../files/storage.js';
import { unitPaths } from '../org/units.service.js';
import { workflowSteps } from '../workflows/workflows.service.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import { applyEffect } from './action-effects.js';
import {
  type ActionParams,
  currentStep,
  type DossierAction,
  missingField,
  possibleActions,
  transition,
} from './actions.rules.js';
import { type DossierPlaces, mayPerform } from './authority.js';
import {
  type ConsultationRequest,
  type OpenConsultation,
  openConsultations,
  openConsultationsJson,
  openPlannedConsultations,
} from './consultations.service.js';
import { assertMayRead, consultationUnitIdsColumn } from './dossier-access.js';
import { dossierIdRef } from './dossiers.query.js';
import { dueOutcome } from './deadline.rules.js';
import { dossierEvents, dossiers } from './dossiers.tables.js';
import type { SuppliedComponent } from './intake.service.js';
import { hasResultColumn, type ResultInput } from './results.service.js';
import { enterStep, NO_STEP, type StepAssignment, stepRole } from './step-assignment.rules.js';
import { chooseHandler } from './next-handlers.service.js';
import { transferTarget } from './transfer.service.js';

export interface ActionInput extends Omit<ActionParams, 'targetSteps'> {
  action: DossierAction;
  version: number;
  note?: string | undefined;
  resultChannel?: Channel | undefined;
  /**
   * forward, signResult (and any action entering a step): hand the next step to this official
   * (giao đích danh); forward and signResult default to the least loaded eligible one.
   */
  assigneeUserId?: string | undefined;
  /** supply: the new files (or stored items) for the components asked. */
  components?: SuppliedComponent[] | undefined;
  consultations?: ConsultationRequest[] | undefined;
  consultationId?: string | undefined;
  toUnitId?: string | undefined;
  obligation?: { description: string; amountVnd: number } | undefined;
  receiptNumber?: string | undefined;
  /** confirmPayment: the obligation paid; only it is marked paid (optional when one alone awaits payment). */
  obligationId?: string | undefined;
  newAppointmentDate?: string | undefined;
  result?: ResultInput | undefined;
}

type DossierRow = typeof dossiers.$inferSelect;

/**
 * Where the dossier's authority lies, for the policy. `open`: the unanswered consultations when
 * the caller has them already (read with the locked row, or in the detail); else read here.
 */
export async function placesOf(
  db: Queryable,
  dossier: DossierRow,
  step: WorkflowStep | null,
  open?: readonly OpenConsultation[],
): Promise<DossierPlaces> {
  const stepUnitId = step ? (step.unitId ?? dossier.competentUnitId) : null;
  const consultations = open ?? (await openConsultations(db, dossier.id));
  const paths = await unitPaths(db, [
    dossier.receivingUnitId,
    dossier.competentUnitId,
    ...(stepUnitId ? [stepUnitId] : []),
    ...consultations.map((c) => c.unitId),
  ]);
  return {
    receivingPath: paths.get(dossier.receivingUnitId)!,
    stepPath: stepUnitId ? paths.get(stepUnitId)! : null,
    ownerUserId: dossier.ownerUserId,
    competentPath: paths.get(dossier.competentUnitId)!,
    openConsultations: consultations.map((c) => ({ unitPath: paths.get(c.unitId)!, role: c.role })),
  };
}

/** The actions this caller may take now (shown as allowedActions); `open` as for placesOf. */
export async function allowedActions(
  db: Queryable,
  actor: Actor,
  dossier: DossierRow,
  open?: readonly OpenConsultation[],
): Promise<DossierAction[]> {
  const steps = await workflowSteps(db, dossier.workflowId);
  const state = { status: dossier.status, currentStepKey: dossier.currentStepKey, steps };
  const places = await placesOf(db, dossier, currentStep(state), open);
  return possibleActions(state).filter((action) => mayPerform(actor, action, currentStep(state), places));
}

/**
 * `files` (the shared file storage) is needed by signResult only, which reads the signed file.
 * `guards` are the other modules' checks of an action (deps.extensions.dossierActionGuards: payments
 * refuses returnResult while a fee is due), run after the caller's authority is checked.
 */
export function performAction(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  env: Env,
  code: string,
  input: ActionInput,
  now: Date,
  files?: FileStorage,
  guards: readonly DossierActionGuard[] = [],
): Promise<DossierRow> {
  return perform(tx, ctx, env, code, input, now, files, guards);
}

/**
 * Actions the system takes with no user, on a national platform's verified word: the payment
 * platform's signed result confirms the obligation it paid (payments module). The context is a
 * systemContext; the event and audit record name no actor.
 */
const SYSTEM_ACTIONS: readonly DossierAction[] = ['confirmPayment'];

export function performSystemAction(
  tx: Tx,
  ctx: RequestContext & { actor: null },
  env: Env,
  code: string,
  input: ActionInput,
  now: Date,
): Promise<DossierRow> {
  if (!SYSTEM_ACTIONS.includes(input.action)) throw new AppError('FORBIDDEN', { action: input.action });
  return perform(tx, ctx, env, code, input, now);
}

async function perform(
  tx: Tx,
  ctx: RequestContext,
  env: Env,
  code: string,
  input: ActionInput,
  now: Date,
  files?: FileStorage,
  guards: readonly DossierActionGuard[] = [],
): Promise<DossierRow> {
  const [locked] = await tx
    .select({
      dossier: dossiers,
      open: openConsultationsJson(tx, dossierIdRef),
      consultationUnitIds: consultationUnitIdsColumn,
      hasResult: hasResultColumn(dossierIdRef),
    })
    .from(dossiers)
    .where(eq(dossiers.code, code.trim().toUpperCase()))
    .for('update');
  if (!locked) throw new AppError('DOSSIER_NOT_FOUND', { code });
  const { dossier, open } = locked;
  // Who may not read the dossier learns nothing of it, not even its version.
  if (ctx.actor) await assertMayRead(tx, ctx.actor, { ...dossier, consultationUnitIds: locked.consultationUnitIds });
  if (dossier.version !== input.version)
    throw new AppError('VERSION_CONFLICT', { current: dossier.version, given: input.version });
  const steps = await workflowSteps(tx, dossier.workflowId);
  const state = { status: dossier.status, currentStepKey: dossier.currentStepKey, steps };
  const step = currentStep(state);
  const target =
    input.action === 'transfer' && input.toUnitId ? await transferTarget(tx, dossier, input.toUnitId) : undefined;
  const result = transition(input.action, state, { toStep: input.toStep, targetSteps: target?.steps });
  if (!result.ok)
    throw new AppError(
      result.code,
      { action: input.action, status: dossier.status, step: dossier.currentStepKey },
      result.message,
    );
  // An answer is authorized against the one consultation it answers (consultations.service.ts).
  const authorized =
    !ctx.actor ||
    input.action === 'answerConsultation' ||
    mayPerform(ctx.actor, input.action, step, await placesOf(tx, dossier, step, open));
  if (!authorized) throw new AppError('FORBIDDEN', { action: input.action });
  const missing = missingField(input.action, input);
  if (missing === 'note') throw new AppError('ACTION_NOTE_REQUIRED', { action: input.action });
  if (missing) throw new AppError('ACTION_INPUT_REQUIRED', { action: input.action, field: missing });
  for (const guard of guards) if (guard.actions.includes(input.action)) await guard.check(tx, dossier);

  const calendar = await loadWorkingCalendar(tx, env, yearsAround(dossier, now));
  const stepEnd = result.endsStep && step ? stepOutcome(calendar, step, dossier, now) : null;
  const effect = await applyEffect({
    tx,
    env,
    calendar,
    dossier,
    input,
    actor: ctx.actor,
    now,
    target,
    files,
    toStatus: result.toStatus,
    openConsultations: open,
    hasResult: locked.hasResult,
  });
  const competentUnitId = effect.changes.competentUnitId ?? dossier.competentUnitId;
  const nextStep = (target?.steps ?? steps).find((s) => s.key === result.toStepKey) ?? null;
  const entering = nextStep && (result.endsStep || input.action === 'accept');
  const handedTo =
    entering && (input.assigneeUserId || HANDING_ACTIONS.includes(input.action))
      ? await chooseHandler(tx, nextStep, competentUnitId, input.assigneeUserId)
      : null;
  const assignment: Partial<StepAssignment> = entering
    ? enterStep(calendar, nextStep, competentUnitId, now, handedTo?.userId)
    : result.toStepKey === null
      ? NO_STEP
      : {};
  // The timeline says who the step went to, as named then (the comment is the event's note).
  const details = handedTo
    ? {
        ...effect.details,
        handedTo: { userId: handedTo.userId, fullName: handedTo.fullName, role: stepRole(nextStep!) },
      }
    : effect.details;
  const [updated] = await tx
    .update(dossiers)
    .set({ ...effect.changes, ...assignment, status: result.toStatus, version: dossier.version + 1, updatedAt: now })
    .where(and(eq(dossiers.id, dossier.id), eq(dossiers.version, input.version)))
    .returning();
  if (!updated) throw new AppError('VERSION_CONFLICT', { given: input.version });
  if (entering) await openPlannedConsultations(tx, calendar, dossier.id, nextStep, now);
  const event = tx.insert(dossierEvents).values({
    dossierId: dossier.id,
    action: input.action,
    fromStatus: dossier.status,
    toStatus: result.toStatus,
    stepKey: dossier.currentStepKey,
    toStepKey: result.toStepKey,
    unitId: dossier.currentStepUnitId ?? dossier.competentUnitId,
    actorUserId: ctx.actor?.userId ?? null,
    note: input.note ?? null,
    details: details ?? null,
    stepDueAt: stepEnd?.dueAt ?? null,
    stepOutcome: stepEnd?.outcome ?? null,
    occurredAt: now,
  });
  await recordChange(
    tx,
    ctx,
    {
      action: `dossier.${input.action}`,
      targetType: 'dossier',
      targetId: dossier.id,
      unitId: competentUnitId,
      before: { status: dossier.status, step: dossier.currentStepKey },
      after: { status: result.toStatus, step: result.toStepKey, ...(stepEnd ? { stepOutcome: stepEnd.outcome } : {}) },
      event: {
        code: dossier.code,
        action: input.action,
        status: result.toStatus,
        step: result.toStepKey,
        at: now.toISOString(),
        ...(details ?? {}),
      },
    },
    [event],
  );
  return updated;
}

/** The actions that hand the next step to one official: the named one, else the least loaded. */
const HANDING_ACTIONS: readonly DossierAction[] = ['forward', 'signResult'];

/** How the current step ended: against its stored due time (pauses added back), else its allotment. */
function stepOutcome(calendar: WorkingCalendar, step: WorkflowStep, dossier: DossierRow, now: Date) {
  const startedAt = dossier.currentStepStartedAt ?? now;
  const dueAt =
    dossier.currentStepDueAt ?? addWorkingTime(calendar, startedAt, step.allotment.value, step.allotment.unit);
  return { dueAt, outcome: dueOutcome(now, dueAt) };
}

function yearsAround(dossier: DossierRow, now: Date) {
  const from = new Date(toVietnamLocalMs(dossier.receivedAt ?? dossier.submittedAt)).getUTCFullYear();
  return { from: Math.min(from, now.getUTCFullYear()), to: now.getUTCFullYear() + 1 };
}
