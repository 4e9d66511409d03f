import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../calendar/calendar.rules.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import { missingField } from './actions.rules.js';
import { defaultHandler, enterStep, rankHandlers } from './step-assignment.rules.js';

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

describe('defaultHandler and rankHandlers', () => {
  const h = (userId: string, fullName: string, openDossiers: number) => ({ userId, fullName, openDossiers });
  it.each([
    ['nobody eligible', [], null],
    ['the only one', [h('u1', 'Lê Văn Cường', 9)], 'u1'],
    ['the least loaded', [h('u1', 'An', 3), h('u2', 'Bình', 1), h('u3', 'Chi', 2)], 'u2'],
    [
      'a tie goes by name in Vietnamese order (Đ after D)',
      [h('u1', 'Đào Văn Hải', 1), h('u2', 'Dương Thị Lan', 1)],
      'u2',
    ],
    ['accents and case do not split a name from its letter', [h('u1', 'Ánh', 0), h('u2', 'bảo', 0)], 'u1'],
    ['the same name goes by id', [h('u9', 'Trần Thị B', 0), h('u3', 'Trần Thị B', 0)], 'u3'],
    ['no load beats any name', [h('u1', 'An', 1), h('u2', 'Yến', 0)], 'u2'],
  ] as const)('%s', (_what, candidates, expected) => {
    expect(defaultHandler(candidates)?.userId ?? null).toBe(expected);
  });
  it('ranks the whole list least loaded first without changing the input', () => {
    const input = [h('u1', 'Chi', 2), h('u2', 'An', 0), h('u3', 'Bình', 0)];
    expect(rankHandlers(input).map((x) => x.userId)).toEqual(['u2', 'u3', 'u1']);
    expect(input.map((x) => x.userId)).toEqual(['u1', 'u2', 'u3']);
  });
});
