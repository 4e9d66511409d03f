/**
 * Processing a dossier: one action at a time, each checked against the state machine
 * (actions.rules.ts), the caller's authority (authority.ts) and the version the caller read
 * (optimistic lock: a stale version is 409, so of two officials acting on the same step exactly
 * one succeeds). The step history, the audit record and the outbox event are written in the same
 * transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../server/db/client.js';
import type { Actor, RequestContext } from '../../server/context.js';
import type { Env } from '../../server/env.js';
import { AppError } from '../../server/errors.js';
import { recordChange } from '../audit/record-change.js';
import { addWorkingTime, type WorkingCalendar, workingTimeBetween } from '../calendar/calendar.rules.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { fromVietnamLocalMs, toVietnamLocalMs, DAY_MS } from '../calendar/dates.js';
import { procedureVersions } from '../catalog/catalog.tables.js';
import { unitPath } from '../org/units.service.js';
import { getWorkflow } from '../workflows/workflows.service.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import { type ActionParams, currentStep, type DossierAction, possibleActions, timeliness, transition } from './actions.rules.js';
import { type DossierPlaces, mayPerform } from './authority.js';
import { dossierEvents, dossiers } from './dossiers.tables.js';
import { appointmentOf } from './intake.service.js';
import { storeAcceptedDossier } from '../datastore/datastore.service.js';

export interface ActionInput extends ActionParams {
  action: DossierAction;
  version: number;
  note?: string | undefined;
  resultChannel?: 'counter' | 'online' | 'postal' | undefined;
}

type DossierRow = typeof dossiers.$inferSelect;

/** Where the dossier's authority lies, for the policy. */
export async function placesOf(db: Queryable, dossier: DossierRow, step: WorkflowStep | null): Promise<DossierPlaces> {
  return {
    receivingPath: await unitPath(db, dossier.receivingUnitId),
    stepPath: step ? await unitPath(db, step.unitId ?? dossier.competentUnitId) : null,
    ownerUserId: dossier.ownerUserId,
  };
}

/** The actions this caller may take now (shown as allowedActions). */
export async function allowedActions(db: Queryable, actor: Actor, dossier: DossierRow): Promise<DossierAction[]> {
  const { steps } = await getWorkflow(db, dossier.workflowId);
  const state = { status: dossier.status, currentStepKey: dossier.currentStepKey, steps };
  const places = await placesOf(db, dossier, currentStep(state));
  return possibleActions(state).filter((action) => mayPerform(actor, action, currentStep(state), places));
}

export async function performAction(tx: Tx, ctx: RequestContext & { actor: Actor }, env: Env, code: string, input: ActionInput): Promise<DossierRow> {
  const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.code, code.trim().toUpperCase())).for('update');
  if (!dossier) throw new AppError('DOSSIER_NOT_FOUND', { code });
  if (dossier.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: dossier.version, given: input.version });
  const { steps } = await getWorkflow(tx, dossier.workflowId);
  const state = { status: dossier.status, currentStepKey: dossier.currentStepKey, steps };
  const step = currentStep(state);
  const result = transition(input.action, state, input);
  if (!result.ok) throw new AppError(result.code, { action: input.action, status: dossier.status, step: dossier.currentStepKey }, result.message);
  if (!mayPerform(ctx.actor, input.action, step, await placesOf(tx, dossier, step))) {
    throw new AppError('FORBIDDEN', { action: input.action });
  }
  if ((input.action === 'requestSupplement' || input.action === 'refuse') && !input.note) {
    throw new AppError('ACTION_NOTE_REQUIRED', { action: input.action });
  }

  const now = new Date();
  const calendar = await loadWorkingCalendar(tx, env, yearsAround(dossier, now));
  const stepEnd = result.endsStep && step && dossier.currentStepStartedAt ? stepOutcome(calendar, step, dossier.currentStepStartedAt, now) : null;
  const changes = await nextState(tx, env, calendar, dossier, input, now, ctx.actor.userId);
  const [updated] = await tx
    .update(dossiers)
    .set({
      ...changes,
      status: result.toStatus,
      currentStepKey: result.toStepKey,
      currentStepStartedAt: result.toStepKey && (result.endsStep || input.action === 'supply' || input.action === 'accept') ? now : dossier.currentStepStartedAt,
      version: dossier.version + 1,
      updatedAt: now,
    })
    .where(and(eq(dossiers.id, dossier.id), eq(dossiers.version, input.version)))
    .returning();
  if (!updated) throw new AppError('VERSION_CONFLICT', { given: input.version });
  if (input.action === 'accept') await storeAcceptedDossier(tx, dossier.id, dossier.applicantKey, ctx.actor.userId);
  await tx.insert(dossierEvents).values({
    dossierId: dossier.id,
    action: input.action,
    fromStatus: dossier.status,
    toStatus: result.toStatus,
    stepKey: dossier.currentStepKey,
    toStepKey: result.toStepKey,
    unitId: step?.unitId ?? dossier.competentUnitId,
    actorUserId: ctx.actor.userId,
    note: input.note ?? null,
    stepDueAt: stepEnd?.dueAt ?? null,
    stepOutcome: stepEnd?.outcome ?? null,
    occurredAt: now,
  });
  await recordChange(tx, ctx, {
    action: `dossier.${input.action}`,
    targetType: 'dossier',
    targetId: dossier.id,
    unitId: dossier.competentUnitId,
    before: { status: dossier.status, step: dossier.currentStepKey },
    after: { status: result.toStatus, step: result.toStepKey, ...(stepEnd ? { stepOutcome: stepEnd.outcome } : {}) },
    event: { code: dossier.code, action: input.action, status: result.toStatus, step: result.toStepKey, at: now.toISOString() },
  });
  return updated;
}

/** The columns an action changes besides status, step and version. */
async function nextState(tx: Tx, env: Env, calendar: WorkingCalendar, dossier: DossierRow, input: ActionInput, now: Date, actorId: string) {
  switch (input.action) {
    case 'accept': {
      const [version] = await tx.select({ content: procedureVersions.content }).from(procedureVersions).where(eq(procedureVersions.id, dossier.procedureVersionId));
      const offer = version!.content.channels.find((c) => c.channel === dossier.channel)!;
      return { receivedAt: now, receivedBy: actorId, appointmentAt: await appointmentOf(tx, env, offer.timeLimit, now) };
    }
    case 'requestSupplement':
      return { pausedSince: now, supplementCount: dossier.supplementCount + 1 };
    case 'supply': {
      // The wait is not the unit's: the appointment moves by the working time spent waiting.
      const waited = dossier.pausedSince ? workingTimeBetween(calendar, dossier.pausedSince, now).minutes : 0;
      const appointmentAt = dossier.appointmentAt && waited > 0 ? addWorkingTime(calendar, dossier.appointmentAt, waited / 60, 'workingHours') : dossier.appointmentAt;
      return { pausedSince: null, pausedMinutes: dossier.pausedMinutes + waited, appointmentAt };
    }
    case 'finish':
    case 'refuse':
    case 'withdraw':
      return { completedAt: now, pausedSince: null, outcome: dossier.appointmentAt ? dueOutcome(now, dossier.appointmentAt) : null };
    case 'returnResult':
      return { returnedAt: now, resultChannel: input.resultChannel ?? dossier.channel };
    case 'forward':
    case 'return':
      return {};
  }
}

function stepOutcome(calendar: WorkingCalendar, step: WorkflowStep, startedAt: Date, now: Date) {
  const dueAt = addWorkingTime(calendar, startedAt, step.allotment.value, step.allotment.unit);
  return { dueAt, outcome: dueOutcome(now, dueAt) };
}

/** Early means before the due day (Vietnam time); on time is up to the due instant. */
function dueOutcome(finishedAt: Date, dueAt: Date) {
  const local = toVietnamLocalMs(dueAt);
  return timeliness(finishedAt, dueAt, fromVietnamLocalMs(local - (local % DAY_MS)));
}

function yearsAround(dossier: DossierRow, now: Date) {
  const from = new Date(toVietnamLocalMs(dossier.receivedAt ?? dossier.submittedAt)).getUTCFullYear();
  return { from: Math.min(from, now.getUTCFullYear()), to: now.getUTCFullYear() + 1 };
}
