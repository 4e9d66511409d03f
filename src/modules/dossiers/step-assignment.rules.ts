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
    currentStepRole: 'role' in step.assignee ? step.assignee.role : null,
    currentAssigneeId: named,
  };
}
