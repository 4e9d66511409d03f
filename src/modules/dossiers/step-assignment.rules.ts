/**
 * Who works the current step and by when, as stored on the dossier row so worklists ("my tasks",
 * "due soon") are plain indexed queries instead of reading every workflow document.
 */
import { addWorkingTime, type WorkingCalendar } from '../calendar/calendar.rules.js';
import type { Role } from '../../kernel/context.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';

export interface StepAssignment {
  currentStepKey: string | null;
  currentStepStartedAt: Date | null;
  currentStepDueAt: Date | null;
  currentStepUnitId: string | null;
  currentStepRole: Role | null;
  currentAssigneeId: string | null;
}

export const NO_STEP: StepAssignment = {
  currentStepKey: null,
  currentStepStartedAt: null,
  currentStepDueAt: null,
  currentStepUnitId: null,
  currentStepRole: null,
  currentAssigneeId: null,
};

/** The role that works a step (null: the workflow names one official). */
export const stepRole = (step: WorkflowStep): Role | null => ('role' in step.assignee ? step.assignee.role : null);

/**
 * Entering `step` at `now`: due after its allotment in working time; worked at its unit (the
 * competent unit when it names none) by its role, or by the named official — the workflow's, or
 * the one the previous step handed it to.
 */
export function enterStep(
  calendar: WorkingCalendar,
  step: WorkflowStep,
  competentUnitId: string,
  now: Date,
  handedTo?: string,
): StepAssignment {
  const named = 'userId' in step.assignee ? step.assignee.userId : (handedTo ?? null);
  return {
    currentStepKey: step.key,
    currentStepStartedAt: now,
    currentStepDueAt: addWorkingTime(calendar, now, step.allotment.value, step.allotment.unit),
    currentStepUnitId: step.unitId ?? competentUnitId,
    currentStepRole: stepRole(step),
    currentAssigneeId: named,
  };
}

/** An official who may take a step, with how many dossiers are open at a step in their name. */
export interface HandlerLoad {
  userId: string;
  fullName: string;
  openDossiers: number;
}

const byName = new Intl.Collator('vi', { sensitivity: 'base' });

/**
 * Eligible officials, the one a forward hands to by default first: the least loaded (fewest open
 * dossiers assigned to them at a step), ties by name in Vietnamese order, then by id, so two
 * servers asked the same question give the same answer. The head of the unit assigns who handles a
 * dossier (Nghị định 61/2018/NĐ-CP, Điều 19.1: phân công cán bộ, công chức xử lý hồ sơ); spreading
 * the work evenly is the default a forward proposes, the official forwarding may name another.
 */
export function rankHandlers<T extends HandlerLoad>(candidates: readonly T[]): T[] {
  return [...candidates].sort(
    (a, b) =>
      a.openDossiers - b.openDossiers ||
      byName.compare(a.fullName, b.fullName) ||
      (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
}

/** The official a forward hands the next step to when the caller names none (null: none eligible). */
export function defaultHandler<T extends HandlerLoad>(candidates: readonly T[]): T | null {
  return rankHandlers(candidates)[0] ?? null;
}
