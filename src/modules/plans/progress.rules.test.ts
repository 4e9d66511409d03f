import { describe, expect, it } from 'vitest';
import { type CompletionTask, checkReport, completion, deadlineState, type TaskStatus } from './progress.rules.js';

describe('checkReport', () => {
  it.each<[string, TaskStatus, number, string | null]>([
    ['task', 'done', 100, null],
    ['task', 'done', 90, 'PLAN_TASK_PROGRESS_INCONSISTENT'],
    ['task', 'not_started', 0, null],
    ['task', 'not_started', 10, 'PLAN_TASK_PROGRESS_INCONSISTENT'],
    ['task', 'in_progress', 50, null],
    ['task', 'in_progress', 0, 'PLAN_TASK_PROGRESS_INCONSISTENT'],
    ['task', 'in_progress', 100, 'PLAN_TASK_PROGRESS_INCONSISTENT'],
    ['target', 'cancelled', 30, null],
    ['group', 'done', 100, 'PLAN_TASK_IS_GROUP'],
  ])('%s %s %i%% → %s', (kind, status, progress, expected) => {
    expect(checkReport({ kind }, { status, progress })).toBe(expected);
  });
});

describe('deadlineState (today 2025-01-25)', () => {
  it.each<[TaskStatus, string | null, string]>([
    ['in_progress', '2025-01-31', 'due_soon'],
    ['in_progress', '2025-01-25', 'due_soon'],
    ['not_started', '2025-01-24', 'overdue'],
    ['not_started', '2025-02-28', 'on_track'],
    ['not_started', '2025-02-01', 'due_soon'],
    ['not_started', '2025-02-02', 'on_track'],
    ['not_started', null, 'no_due_date'],
    ['done', '2025-01-01', 'done'],
    ['cancelled', '2025-01-01', 'done'],
  ])('%s due %s → %s', (status, dueOn, expected) => {
    expect(deadlineState({ status, dueOn, completedOn: null }, '2025-01-25')).toBe(expected);
  });
});

describe('completion', () => {
  const t = (over: Partial<CompletionTask>): CompletionTask => ({
    kind: 'task',
    status: 'not_started',
    progress: 0,
    dueOn: null,
    completedOn: null,
    ...over,
  });
  it('counts tasks and targets, not groups or cancelled tasks; rounds down', () => {
    const c = completion(
      [
        t({ kind: 'group', status: 'done', progress: 100 }),
        t({ status: 'done', progress: 100, dueOn: '2025-01-31', completedOn: '2025-01-20' }),
        t({ status: 'done', progress: 100, dueOn: '2025-01-31', completedOn: '2025-02-03' }),
        t({ kind: 'target', status: 'in_progress', progress: 50, dueOn: '2025-01-31' }),
        t({ status: 'cancelled', progress: 10 }),
        t({}),
        t({ status: 'in_progress', progress: 33 }),
      ],
      '2025-02-10',
    );
    expect(c).toEqual({
      total: 5,
      done: 2,
      doneOnTime: 1,
      overdue: 1,
      completionPercent: 40,
      averageProgress: 56, // (100 + 100 + 50 + 0 + 33) / 5 = 56.6
    });
  });
  it('an empty plan is 0 %', () => {
    expect(completion([], '2025-01-01').completionPercent).toBe(0);
  });
});
