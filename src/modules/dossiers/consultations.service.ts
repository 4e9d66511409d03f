/**
 * Xin ý kiến: a step asks other units (another department, a commune) in parallel, each with its
 * own allotment. Planned consultations (the workflow's) open when their step starts; ad-hoc ones
 * are asked by whoever works a step that allows `consult`. The step cannot move on while any is
 * unanswered; each answer is classified early / on time / late against its own due time.
 */
import { and, asc, eq, isNull, type SQLWrapper } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { Actor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { jsonRows, orNull } from '../../kernel/json-rows.js';
import { addWorkingTime, type WorkingCalendar } from '../calendar/calendar.rules.js';
import { userNames } from '../identity/users.query.js';
import { getUnit, todayInVietnam, unitPath } from '../org/units.service.js';
import { isValidOn } from '../org/units.rules.js';
import { unitNames } from '../org/units.query.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import { mayAnswer } from './authority.js';
import { dueOutcome } from './deadline.rules.js';
import { dossierConsultations } from './processing.tables.js';

export interface ConsultationRequest {
  unitId: string;
  /** Thời hạn trả lời, in working days (halves allowed). */
  workingDays: number;
}

/** The workflow's planned consultations of a step that starts now. */
export async function openPlannedConsultations(
  tx: Tx,
  calendar: WorkingCalendar,
  dossierId: string,
  step: WorkflowStep,
  now: Date,
) {
  if (step.consultations.length === 0) return;
  await tx.insert(dossierConsultations).values(
    step.consultations.map((c) => ({
      dossierId,
      stepKey: step.key,
      plannedKey: c.key,
      unitId: c.unitId,
      role: c.role ?? null,
      question: c.name,
      requestedAt: now,
      dueAt: addWorkingTime(calendar, now, c.allotment.value, c.allotment.unit),
    })),
  );
}

/** Ad-hoc consultations asked at the current step; one per unit, never the dossier's own step unit. */
export async function requestConsultations(
  tx: Tx,
  calendar: WorkingCalendar,
  target: { dossierId: string; stepKey: string; stepUnitId: string | null },
  requests: readonly ConsultationRequest[],
  question: string,
  actorId: string,
  now: Date,
) {
  const unitIds = requests.map((r) => r.unitId);
  if (new Set(unitIds).size !== unitIds.length) throw new AppError('CONSULTATION_UNIT_REPEATED', { unitIds });
  if (target.stepUnitId && unitIds.includes(target.stepUnitId))
    throw new AppError('CONSULTATION_OWN_UNIT', { unitId: target.stepUnitId });
  const today = todayInVietnam(now);
  for (const id of unitIds) {
    if (!isValidOn(await getUnit(tx, id), today)) throw new AppError('UNIT_CLOSED', { id });
  }
  const rows = await tx
    .insert(dossierConsultations)
    .values(
      requests.map((r) => ({
        dossierId: target.dossierId,
        stepKey: target.stepKey,
        unitId: r.unitId,
        question,
        requestedBy: actorId,
        requestedAt: now,
        dueAt: addWorkingTime(calendar, now, r.workingDays, 'workingDays'),
      })),
    )
    .returning({ id: dossierConsultations.id, unitId: dossierConsultations.unitId, dueAt: dossierConsultations.dueAt });
  return rows;
}

/** Records the answer of a consultation the actor's unit was asked. */
export async function answerConsultation(
  tx: Tx,
  actor: Actor,
  dossierId: string,
  consultationId: string,
  answer: string,
  now: Date,
) {
  const [row] = await tx
    .select()
    .from(dossierConsultations)
    .where(and(eq(dossierConsultations.id, consultationId), eq(dossierConsultations.dossierId, dossierId)))
    .for('update');
  if (!row) throw new AppError('CONSULTATION_NOT_FOUND', { consultationId });
  if (row.answeredAt) throw new AppError('CONSULTATION_ANSWERED', { consultationId });
  if (!mayAnswer(actor, { unitPath: await unitPath(tx, row.unitId), role: row.role }))
    throw new AppError('FORBIDDEN', { consultationId });
  const outcome = dueOutcome(now, row.dueAt);
  await tx
    .update(dossierConsultations)
    .set({ answer, answeredBy: actor.userId, answeredAt: now, outcome })
    .where(eq(dossierConsultations.id, consultationId));
  return { consultationId, unitId: row.unitId, outcome };
}

const OPEN_CONSULTATION_FIELDS = {
  id: dossierConsultations.id,
  unitId: dossierConsultations.unitId,
  role: dossierConsultations.role,
  stepKey: dossierConsultations.stepKey,
};

/** An unanswered consultation: who is asked (unit, role) and by which step. */
export type OpenConsultation = SelectResultFields<typeof OPEN_CONSULTATION_FIELDS>;

const isOpen = (dossierId: string | SQLWrapper) =>
  and(eq(dossierConsultations.dossierId, dossierId), isNull(dossierConsultations.answeredAt));

/** Unanswered consultations of a dossier. */
export function openConsultations(db: Queryable, dossierId: string): Promise<OpenConsultation[]> {
  return db.select(OPEN_CONSULTATION_FIELDS).from(dossierConsultations).where(isOpen(dossierId));
}

/**
 * The same, as one JSON column of the statement that locks the dossier (`dossierId` its id
 * column): an action reads them with the row it changes, consistent because answering one also
 * locks that row first.
 */
export function openConsultationsJson(db: Queryable, dossierId: SQLWrapper) {
  return jsonRows(OPEN_CONSULTATION_FIELDS, (row) =>
    db.select({ row }).from(dossierConsultations).where(isOpen(dossierId)),
  );
}

/** The step may not move on while a consultation it asked is unanswered. */
export function assertConsultationsAnswered(open: readonly OpenConsultation[], stepKey: string | null): void {
  const asked = open.filter((c) => c.stepKey === stepKey);
  if (asked.length > 0) throw new AppError('CONSULTATIONS_OPEN', { unitIds: asked.map((c) => c.unitId) });
}

const consulted = unitNames('consulted_unit');
const answerer = userNames('answerer');
const requester = userNames('requester');

const CONSULTATION_FIELDS = {
  ...OPEN_CONSULTATION_FIELDS,
  unitName: consulted.name,
  question: dossierConsultations.question,
  requestedAt: dossierConsultations.requestedAt,
  requestedByName: orNull(requester.fullName),
  dueAt: dossierConsultations.dueAt,
  answer: dossierConsultations.answer,
  answeredAt: dossierConsultations.answeredAt,
  answeredByName: orNull(answerer.fullName),
  outcome: dossierConsultations.outcome,
};

type Consultation = SelectResultFields<typeof CONSULTATION_FIELDS>;

function consultationRows(db: Queryable, fields: SelectedFields, dossierId: string | SQLWrapper) {
  return db
    .select(fields)
    .from(dossierConsultations)
    .innerJoin(consulted, eq(consulted.id, dossierConsultations.unitId))
    .leftJoin(answerer, eq(answerer.id, dossierConsultations.answeredBy))
    .leftJoin(requester, eq(requester.id, dossierConsultations.requestedBy))
    .where(eq(dossierConsultations.dossierId, dossierId))
    .orderBy(asc(dossierConsultations.requestedAt), asc(consulted.name));
}

/** Every consultation of a dossier, for its detail. */
export function consultationsOf(db: Queryable, dossierId: string): Promise<Consultation[]> {
  return consultationRows(db, CONSULTATION_FIELDS, dossierId) as unknown as Promise<Consultation[]>;
}

/** The same, as one JSON column of a statement that reads the dossier (`dossierId` its id column). */
export function consultationsJson(db: Queryable, dossierId: SQLWrapper) {
  return jsonRows(CONSULTATION_FIELDS, (row) => consultationRows(db, { row }, dossierId));
}
