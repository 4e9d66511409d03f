/**
 * Progress of a plan's tasks: what a unit's report may say, when a task is due soon or overdue,
 * and the plan's completion ("Mức độ thực hiện kế hoạch (nhiệm vụ, nội dung)", task 1.1.2 of
 * seed 003: the share of the plan's tasks carried out), per lead unit and for the whole plan.
 */

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A task is announced as due soon this many days before its due date (the notification seam). */
export const DUE_SOON_DAYS = 7;

export type ReportProblem = 'PLAN_TASK_PROGRESS_INCONSISTENT' | 'PLAN_TASK_IS_GROUP';

/**
 * A report's status and % must agree: done is 100 %, not started is 0 %, in progress is between.
 * A group's progress is its tasks'; it is not reported on.
 */
export function checkReport(
  task: { kind: string },
  report: { status: TaskStatus; progress: number },
): ReportProblem | null {
  if (task.kind === 'group') return 'PLAN_TASK_IS_GROUP';
  const { status, progress } = report;
  if (status === 'done' && progress !== 100) return 'PLAN_TASK_PROGRESS_INCONSISTENT';
  if (status === 'not_started' && progress !== 0) return 'PLAN_TASK_PROGRESS_INCONSISTENT';
  if (status === 'in_progress' && (progress <= 0 || progress >= 100)) return 'PLAN_TASK_PROGRESS_INCONSISTENT';
  return null;
}

export type DeadlineState = 'done' | 'overdue' | 'due_soon' | 'on_track' | 'no_due_date';

/** Where an open task stands against its due date on `today` (YYYY-MM-DD, Vietnam). */
export function deadlineState(
  task: { status: TaskStatus; dueOn: string | null; completedOn: string | null },
  today: string,
): DeadlineState {
  if (task.status === 'done' || task.status === 'cancelled') return 'done';
  if (!task.dueOn) return 'no_due_date';
  if (today > task.dueOn) return 'overdue';
  return today >= addDays(task.dueOn, -DUE_SOON_DAYS) ? 'due_soon' : 'on_track';
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface CompletionTask {
  kind: string;
  status: TaskStatus;
  progress: number;
  dueOn: string | null;
  completedOn: string | null;
}

export interface Completion {
  /** Tasks and targets counted (groups and cancelled tasks are not). */
  total: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  /** done / total, whole percent rounded down (a plan is not 100 % done until every task is). */
  completionPercent: number;
  /** Mean of the reported %, rounded down. */
  averageProgress: number;
}

export function completion(tasks: readonly CompletionTask[], today: string): Completion {
  const counted = tasks.filter((t) => t.kind !== 'group' && t.status !== 'cancelled');
  const done = counted.filter((t) => t.status === 'done');
  const onTime = done.filter((t) => !t.dueOn || (t.completedOn !== null && t.completedOn <= t.dueOn));
  const overdue = counted.filter((t) => deadlineState(t, today) === 'overdue');
  const total = counted.length;
  return {
    total,
    done: done.length,
    doneOnTime: onTime.length,
    overdue: overdue.length,
    completionPercent: total === 0 ? 0 : Math.floor((done.length * 100) / total),
    averageProgress: total === 0 ? 0 : Math.floor(counted.reduce((s, t) => s + t.progress, 0) / total),
  };
}
