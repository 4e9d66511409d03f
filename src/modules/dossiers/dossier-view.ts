/**
 * How a dossier is shown: the summary every list and detail shares (status with its national
 * code, dates, and where its deadline stands now) and the full detail.
 */
import type { Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { addWorkingTime } from '../calendar/calendar.rules.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { toVietnamLocalMs } from '../calendar/dates.js';
import { apologyDue, dossierTimeState } from './deadline.rules.js';
import type { dossiers } from './dossiers.tables.js';
import type { DossierView } from './dossiers.query.js';
import { nationalStatusCode } from './status.rules.js';

type DossierRow = typeof dossiers.$inferSelect;

/**
 * Now, and the instant up to which a deadline counts as "due soon" under a fixed window of
 * DUE_SOON_WORKING_DAYS (feedback deadlines; a dossier carries its own instant, dueSoonFrom).
 */
export interface DeadlineClock {
  now: Date;
  dueSoonBy: Date;
}

export async function deadlineClock(db: Queryable, env: Env, now: Date): Promise<DeadlineClock> {
  const year = new Date(toVietnamLocalMs(now)).getUTCFullYear();
  const calendar = await loadWorkingCalendar(db, env, { from: year, to: year + 1 });
  return { now, dueSoonBy: addWorkingTime(calendar, now, env.DUE_SOON_WORKING_DAYS, 'workingDays') };
}

export interface SummaryExtras {
  stepName: string | null;
  lastExtendedTo: Date | null;
}

/** `now`: the instant deadlines are judged at (each dossier carries its own "due soon" instant). */
export function dossierSummary(dossier: DossierRow, extras: SummaryExtras, now: Date) {
  const finished = dossier.completedAt !== null;
  return {
    id: dossier.id,
    code: dossier.code,
    status: dossier.status,
    nationalStatusCode: nationalStatusCode(dossier.status),
    channel: dossier.channel,
    submittedAt: dossier.submittedAt,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    currentStepKey: dossier.currentStepKey,
    completedAt: dossier.completedAt,
    outcome: dossier.outcome,
    returnedAt: dossier.returnedAt,
    supplementCount: dossier.supplementCount,
    legalDueAt: dossier.legalDueAt,
    timeState:
      finished || !dossier.appointmentAt
        ? null
        : dossierTimeState({ ...dossier, appointmentAt: dossier.appointmentAt }, now),
    apologyDue: apologyDue({ ...dossier, finished, lastExtendedTo: extras.lastExtendedTo }, now),
    currentStep: dossier.currentStepKey
      ? {
          key: dossier.currentStepKey,
          name: extras.stepName ?? dossier.currentStepKey,
          unitId: dossier.currentStepUnitId,
          dueAt: dossier.currentStepDueAt,
          assigneeUserId: dossier.currentAssigneeId,
        }
      : null,
    version: dossier.version,
  };
}

export function dossierDetail(view: DossierView, now: Date) {
  const { dossier } = view;
  return {
    ...dossierSummary(dossier, view, now),
    procedure: {
      id: dossier.procedureId,
      nationalCode: view.procedureCode,
      name: view.procedureName,
      versionId: dossier.procedureVersionId,
    },
    receivingUnit: {
      id: view.receivingUnit.id,
      name: view.receivingUnit.name,
      officialCode: view.receivingUnit.officialCode,
    },
    competentUnit: view.competentUnit,
    applicant: dossier.applicant,
    fees: dossier.fees,
    components: view.components.map((c) => ({
      componentId: c.componentId,
      name: c.name,
      fileIds: c.fileIds,
      nationalDocumentId: c.nationalDocumentId,
      originalCheck: c.originalCheckedAt ? { byName: c.originalCheckedByName, at: c.originalCheckedAt } : null,
    })),
    populationCheck: dossier.populationCheck,
    populationCheckedAt: dossier.populationCheckedAt,
    events: view.events.map(({ unitId: _u, ...e }) => e),
    consultations: view.consultations,
    results: view.results,
    extensions: view.extensions,
    obligations: view.obligations,
  };
}
