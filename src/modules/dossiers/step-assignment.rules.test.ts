import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../calendar/calendar.rules.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import { missingField } from './actions.rules.js';
import { enterStep } from './step-assignment.rules.js';

const step = (assignee: WorkflowStep['assignee'], unitId: string | null = null): WorkflowStep => ({
  key: 'thu-ly',
  name: 'Thụ lý',
  unitId,
  assignee,
  allotment: { value: 2, unit: 'workingDays' },
  actions: ['forward'],
  next: [],
  returnTo: [],
  consultations: [],
});

describe('enterStep', () => {
  const calendar = buildWorkingCalendar(
    [
      { start: 450, end: 690 },
      { start: 810, end: 1020 },
    ],
    [],
    { from: 2026, to: 2026 },
  );
  // Monday 2026-11-23 08:00 Vietnam time.
  const now = new Date('2026-11-23T01:00:00Z');
  it('is worked by the role at the competent unit when the step names no unit, due after its allotment', () => {
    const entered = enterStep(calendar, step({ role: 'processing_official' }), 'unit-competent', now);
    expect(entered).toMatchObject({
      currentStepKey: 'thu-ly',
      currentStepUnitId: 'unit-competent',
      currentStepRole: 'processing_official',
      currentAssigneeId: null,
    });
    expect(entered.currentStepDueAt!.toISOString()).toBe('2026-11-25T01:00:00.000Z');
  });
  it('goes to the official it was handed to, or the one the workflow names', () => {
    expect(enterStep(calendar, step({ role: 'processing_official' }, 'division'), 'c', now, 'user-1')).toMatchObject({
      currentStepUnitId: 'division',
      currentAssigneeId: 'user-1',
    });
    expect(enterStep(calendar, step({ userId: 'user-2' }), 'c', now, 'user-1')).toMatchObject({
      currentStepRole: null,
      currentAssigneeId: 'user-2',
    });
  });
});

describe('missingField', () => {
  it.each([
    ['requestSupplement', {}, 'note'],
    ['refuse', { note: 'x' }, null],
    ['requestConsultation', { note: 'x', consultations: [] }, 'consultations'],
    ['answerConsultation', { note: 'x' }, 'consultationId'],
    ['transfer', { note: 'x' }, 'toUnitId'],
    ['apologize', { note: 'x' }, 'newAppointmentDate'],
    ['requestPayment', {}, 'obligation'],
    ['signResult', {}, 'result'],
    ['forward', {}, null],
  ] as const)('%s %o → %s', (action, fields, expected) => {
    expect(missingField(action, fields)).toBe(expected);
  });
});
