/**
 * What each action does beyond status and step: the dossier columns it changes, the records it
 * writes (consultations, obligations, letters, results, components) and the details its event
 * keeps. Runs inside performAction's transaction, on the locked dossier row.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { Actor } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { addWorkingTime, isWorkingDay, type WorkingCalendar, workingTimeBetween } from '../calendar/calendar.rules.js';
import { DAY_MS, fromVietnamLocalMs, isIsoDate, toVietnamLocalMs, vietnamDateOf } from '../calendar/dates.js';
import { procedureVersionContent } from '../catalog/procedures.service.js';
import { storeAcceptedDossier } from '../datastore/datastore.service.js';
import type { FileStorage } from '../files/storage.js';
import type { ActionInput } from './actions.service.js';
import {
  answerConsultation,
  assertConsultationsAnswered,
  type OpenConsultation,
  requestConsultations,
} from './consultations.service.js';
import { dossierOutcome, dueSoonFrom } from './deadline.rules.js';
import { dossierComponents, type dossiers } from './dossiers.tables.js';
import { appointmentOf } from './intake.service.js';
import { dossierExtensions, dossierObligations } from './processing.tables.js';
import { assertHasResult, signResult } from './results.service.js';
import { supplyComponents } from './supply.service.js';
import type { DossierStatus } from './status.rules.js';

type DossierRow = typeof dossiers.$inferSelect;

export interface EffectContext {
  tx: Tx;
  env: Env;
  calendar: WorkingCalendar;
  dossier: DossierRow;
  input: ActionInput;
  /** Null only for a system action (performSystemAction: confirmPayment on the payment platform's word). */
  actor: Actor | null;
  now: Date;
  /** transfer: the receiving unit's workflow. */
  target?: { unitId: string; workflowId: string } | undefined;
  /** signResult: where the signed file is read from (deps.services.files, passed by the route). */
  files?: FileStorage | undefined;
  /** The status the action leads to (signResult at the last step ends processing). */
  toStatus: DossierStatus;
  /** The dossier's unanswered consultations, read with the locked row. */
  openConsultations: readonly OpenConsultation[];
  /** Whether a result is recorded for it, read with the locked row. */
  hasResult: boolean;
}

export interface Effect {
  changes: Partial<DossierRow>;
  details?: Record<string, unknown>;
}

const none: Effect = { changes: {} };

type ActedContext = EffectContext & { actor: Actor };

export async function applyEffect(c: EffectContext): Promise<Effect> {
  if (c.input.action === 'confirmPayment') return confirmPayment(c);
  const actor = c.actor;
  if (!actor) throw new AppError('FORBIDDEN', { action: c.input.action });
  return applyActedEffect({ ...c, actor });
}

async function applyActedEffect(c: ActedContext): Promise<Effect> {
  const { tx, dossier, input, now, actor } = c;
  switch (input.action) {
    case 'accept':
      return accept(c);
    case 'requestSupplement':
      return { changes: { pausedSince: now, supplementCount: dossier.supplementCount + 1 } };
    case 'supply':
      return { changes: resume(c), details: await supplyComponents(tx, actor, dossier, input.components ?? [], now) };
    case 'requestPayment':
      return requestPayment(c);
    case 'confirmPayment':
      return confirmPayment(c);
    case 'forward':
      assertConsultationsAnswered(c.openConsultations, dossier.currentStepKey);
      return none;
    case 'return':
      return none;
    case 'finish':
      assertConsultationsAnswered(c.openConsultations, dossier.currentStepKey);
      assertHasResult(c.hasResult, dossier.id);
      return { changes: complete(c) };
    case 'refuse':
    case 'withdraw':
    case 'stop':
      return { changes: complete(c) };
    case 'returnResult':
      return { changes: { returnedAt: now, resultChannel: input.resultChannel ?? dossier.channel } };
    case 'requestConsultation': {
      const asked = await requestConsultations(
        tx,
        c.calendar,
        { dossierId: dossier.id, stepKey: dossier.currentStepKey!, stepUnitId: dossier.currentStepUnitId },
        input.consultations!,
        input.note!,
        actor.userId,
        now,
      );
      return { changes: {}, details: { consultations: asked } };
    }
    case 'answerConsultation':
      return {
        changes: {},
        details: await answerConsultation(tx, actor, dossier.id, input.consultationId!, input.note!, now),
      };
    case 'transfer':
      assertConsultationsAnswered(c.openConsultations, dossier.currentStepKey);
      return {
        changes: { competentUnitId: c.target!.unitId, workflowId: c.target!.workflowId },
        details: { fromUnitId: dossier.competentUnitId, toUnitId: c.target!.unitId },
      };
    case 'apologize':
      return apologize(c);
    case 'signResult': {
      // Approval ends the step as a forward (or a finish, at the last step) does.
      assertConsultationsAnswered(c.openConsultations, dossier.currentStepKey);
      const defaultName = await resultName(tx, dossier.procedureVersionId);
      if (!c.files) throw new Error('signResult reads the signed file: performAction needs the file storage');
      return {
        changes: c.toStatus === 'processed' ? complete(c) : {},
        details: await signResult(
          tx,
          c.files,
          actor,
          { id: dossier.id, code: dossier.code, applicantKey: dossier.applicantKey, defaultName },
          input.result!,
          now,
        ),
      };
    }
  }
}

async function accept({ tx, env, dossier, now, actor }: ActedContext): Promise<Effect> {
  const content = await procedureVersionContent(tx, dossier.procedureVersionId);
  const offer = content!.channels.find((ch) => ch.channel === dossier.channel)!;
  const { appointmentAt, dueSoonFrom } = await appointmentOf(tx, env, offer.timeLimit, now);
  const filed = await tx.select().from(dossierComponents).where(eq(dossierComponents.dossierId, dossier.id));
  await storeAcceptedDossier(tx, dossier, dossier.applicantKey, filed, actor.userId);
  return {
    changes: { receivedAt: now, receivedBy: actor.userId, appointmentAt, legalDueAt: appointmentAt, dueSoonFrom },
  };
}

/**
 * The applicant's wait is not the unit's: when the clock restarts, the appointment, the legal
 * due time and the current step's due time all move by the working time spent waiting.
 */
function resume({ calendar, dossier, now }: EffectContext): Partial<DossierRow> {
  const waited = dossier.pausedSince ? workingTimeBetween(calendar, dossier.pausedSince, now).minutes : 0;
  const shift = (at: Date | null) =>
    at && waited > 0 ? addWorkingTime(calendar, at, waited / 60, 'workingHours') : at;
  return {
    pausedSince: null,
    // Whole minutes (the column is an integer): a pause during office hours is rarely a round number.
    pausedMinutes: dossier.pausedMinutes + Math.round(waited),
    appointmentAt: shift(dossier.appointmentAt),
    dueSoonFrom: shift(dossier.dueSoonFrom),
    legalDueAt: shift(dossier.legalDueAt),
    currentStepDueAt: shift(dossier.currentStepDueAt),
  };
}

/** Processing ends (processed, refused, withdrawn, stopped): measured against the legal due time. */
function complete(c: EffectContext): Partial<DossierRow> {
  const resumed = c.dossier.pausedSince ? resume(c) : {};
  const legalDueAt = resumed.legalDueAt !== undefined ? resumed.legalDueAt : c.dossier.legalDueAt;
  return { ...resumed, completedAt: c.now, outcome: dossierOutcome(c.now, legalDueAt, c.dossier.supplementCount) };
}

async function requestPayment({ tx, dossier, input, now, actor }: ActedContext): Promise<Effect> {
  const { description, amountVnd } = input.obligation!;
  const [row] = await tx
    .insert(dossierObligations)
    .values({ dossierId: dossier.id, description, amountVnd, requestedBy: actor.userId, requestedAt: now })
    .returning({ id: dossierObligations.id });
  return { changes: { pausedSince: now }, details: { obligationId: row!.id, description, amountVnd } };
}

/**
 * Marks paid the obligation actually paid — the one named, or the only one awaiting payment —
 * never the others (a receipt covers what it says it covers). Refused: a named obligation that is
 * not this dossier's or is paid already; several awaiting and none named.
 */
async function confirmPayment(c: EffectContext): Promise<Effect> {
  const { tx, dossier, input, now, actor } = c;
  const awaiting = await tx
    .select({ id: dossierObligations.id, paidAt: dossierObligations.paidAt })
    .from(dossierObligations)
    .where(eq(dossierObligations.dossierId, dossier.id))
    .for('update');
  const unpaid = awaiting.filter((o) => o.paidAt === null).map((o) => o.id);
  let chosen: string[];
  if (input.obligationId) {
    const named = awaiting.find((o) => o.id === input.obligationId);
    if (!named) throw new AppError('OBLIGATION_NOT_FOUND', { code: dossier.code, obligationId: input.obligationId });
    if (named.paidAt) throw new AppError('OBLIGATION_ALREADY_PAID', { code: dossier.code, obligationId: named.id });
    chosen = [named.id];
  } else {
    if (unpaid.length > 1) throw new AppError('OBLIGATION_CHOICE_REQUIRED', { code: dossier.code, unpaid });
    chosen = unpaid;
  }
  const paid =
    chosen.length === 0
      ? []
      : await tx
          .update(dossierObligations)
          .set({ paidAt: now, receiptNumber: input.receiptNumber ?? null, confirmedBy: actor?.userId ?? null })
          .where(and(inArray(dossierObligations.id, chosen), isNull(dossierObligations.paidAt)))
          .returning({ id: dossierObligations.id, amountVnd: dossierObligations.amountVnd });
  return {
    changes: resume(c),
    details: { obligationIds: paid.map((p) => p.id), amountVnd: paid.reduce((sum, p) => sum + p.amountVnd, 0) },
  };
}

/**
 * Mẫu 04: the leader approves a new appointment, on a working day after the current one, at the
 * same time of day. The legal due time stays: the dossier is still late against it.
 */
async function apologize({ tx, env, calendar, dossier, input, now, actor }: ActedContext): Promise<Effect> {
  const date = input.newAppointmentDate!;
  const previous = dossier.appointmentAt;
  if (!previous) throw new AppError('DOSSIER_NOT_RECEIVED', { code: dossier.code });
  if (!isIsoDate(date) || !isWorkingDay(calendar, date)) throw new AppError('APPOINTMENT_NOT_WORKING_DAY', { date });
  const local = toVietnamLocalMs(previous);
  const newAppointmentAt = fromVietnamLocalMs(Date.parse(`${date}T00:00:00Z`) + (local % DAY_MS));
  if (newAppointmentAt <= previous || date <= vietnamDateOf(now))
    throw new AppError('APPOINTMENT_NOT_LATER', { date, previous: previous.toISOString() });
  await tx.insert(dossierExtensions).values({
    dossierId: dossier.id,
    reason: input.note!,
    previousAppointmentAt: previous,
    newAppointmentAt,
    approvedBy: actor.userId,
    createdAt: now,
  });
  return {
    // The new appointment is a new allotment, counted from the letter: due soon again near its end.
    changes: {
      appointmentAt: newAppointmentAt,
      dueSoonFrom: dueSoonFrom(calendar, now, newAppointmentAt, env.DUE_SOON_WORKING_DAYS),
    },
    details: { previousAppointmentAt: previous.toISOString(), newAppointmentAt: newAppointmentAt.toISOString() },
  };
}

async function resultName(tx: Tx, versionId: string): Promise<string> {
  return (await procedureVersionContent(tx, versionId))!.result.name;
}
