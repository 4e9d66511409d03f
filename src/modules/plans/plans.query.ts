/** Reads of plans: the list with completion, a plan's tree with per-unit completion, a task's history. */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { userNames } from '../identity/users.query.js';
import { unitsByIds } from '../org/units.query.js';
import { planTasks, planTaskUnits, planTaskUpdates, plans } from './plans.tables.js';
import { completion, deadlineState } from './progress.rules.js';

type TaskRow = typeof planTasks.$inferSelect;
type PlanRow = typeof plans.$inferSelect;

export async function planRow(db: Queryable, id: string): Promise<PlanRow> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, id));
  if (!plan) throw new AppError('PLAN_NOT_FOUND', { id });
  return plan;
}

function taskView(
  t: TaskRow,
  assignments: readonly (typeof planTaskUnits.$inferSelect)[],
  names: Map<string, string>,
  today: string,
) {
  const mine = assignments.filter((a) => a.taskId === t.id);
  const view = (role: 'lead' | 'coordinating') =>
    mine
      .filter((a) => a.role === role)
      .sort((a, b) => a.position - b.position)
      .map((a) => ({
        label: a.label,
        unitId: a.unitId,
        unitName: a.unitId ? (names.get(a.unitId) ?? null) : null,
        collective: a.collective,
      }));
  return {
    id: t.id,
    parentId: t.parentId,
    number: t.number,
    kind: t.kind,
    title: t.title,
    lead: view('lead'),
    coordinating: view('coordinating'),
    timeframeText: t.timeframeText,
    schedule: { kind: t.scheduleKind, dueOn: t.dueOn, reporting: t.reporting },
    expectedOutput: t.expectedOutput,
    notes: t.notes,
    status: t.status,
    progress: t.progress,
    completedOn: t.completedOn,
    deadline: deadlineState(t, today),
    version: t.version,
  };
}
export type TaskView = ReturnType<typeof taskView>;

const summary = (p: PlanRow, tasks: readonly TaskRow[], today: string) => ({
  ...p,
  createdAt: p.createdAt.toISOString(),
  completion: completion(tasks, today),
});

/** Plans issued by these units (null: every plan), newest first, with their completion. */
export async function listPlans(db: Queryable, issuerUnitIds: readonly string[] | null, today: string) {
  const where: SQL | undefined = issuerUnitIds ? inArray(plans.issuerUnitId, [...issuerUnitIds]) : undefined;
  if (issuerUnitIds?.length === 0) return [];
  const rows = await db.select().from(plans).where(where).orderBy(desc(plans.createdAt));
  if (rows.length === 0) return [];
  const tasks = await db
    .select()
    .from(planTasks)
    .where(
      inArray(
        planTasks.planId,
        rows.map((p) => p.id),
      ),
    );
  return rows.map((p) =>
    summary(
      p,
      tasks.filter((t) => t.planId === p.id),
      today,
    ),
  );
}

/** A plan with its task tree (in table order), and completion per lead unit. */
export async function planDetail(db: Queryable, id: string, today: string) {
  const plan = await planRow(db, id);
  const tasks = await db.select().from(planTasks).where(eq(planTasks.planId, id)).orderBy(asc(planTasks.position));
  const assignments = tasks.length
    ? await db
        .select()
        .from(planTaskUnits)
        .where(
          inArray(
            planTaskUnits.taskId,
            tasks.map((t) => t.id),
          ),
        )
    : [];
  const unitIds = [...new Set(assignments.flatMap((a) => (a.unitId ? [a.unitId] : [])))];
  const names = new Map((await unitsByIds(db, unitIds)).map((u) => [u.id, u.name]));
  // Per lead unit: a matched unit by its id, a collective or unmatched name by its label.
  const byUnit = new Map<string, { label: string; unitId: string | null; tasks: TaskRow[] }>();
  for (const a of assignments.filter((x) => x.role === 'lead')) {
    const key = a.unitId ?? `label:${a.label}`;
    const entry = byUnit.get(key) ?? {
      label: a.unitId ? (names.get(a.unitId) ?? a.label) : a.label,
      unitId: a.unitId,
      tasks: [],
    };
    entry.tasks.push(tasks.find((t) => t.id === a.taskId)!);
    byUnit.set(key, entry);
  }
  return {
    ...summary(plan, tasks, today),
    tasks: tasks.map((t) => taskView(t, assignments, names, today)),
    byUnit: [...byUnit.values()].map((u) => ({
      label: u.label,
      unitId: u.unitId,
      completion: completion(u.tasks, today),
    })),
  };
}

/** A task's reports, oldest first, with their authors' names. */
export async function taskHistory(db: Queryable, taskId: string) {
  const authors = userNames('authors');
  const rows = await db
    .select({ update: planTaskUpdates, authorName: authors.fullName })
    .from(planTaskUpdates)
    .innerJoin(authors, eq(authors.id, planTaskUpdates.authorId))
    .where(eq(planTaskUpdates.taskId, taskId))
    .orderBy(asc(planTaskUpdates.id));
  return rows.map(({ update, authorName }) => ({
    id: update.id,
    unitId: update.unitId,
    authorName,
    status: update.status,
    progress: update.progress,
    comment: update.comment,
    fileIds: update.fileIds,
    createdAt: update.createdAt.toISOString(),
  }));
}

/** The units a task names as lead (matched ones) and whether it names a collective. */
export async function taskLeads(db: Queryable, planId: string, taskId: string) {
  const [task] = await db
    .select({ id: planTasks.id })
    .from(planTasks)
    .where(and(eq(planTasks.id, taskId), eq(planTasks.planId, planId)));
  if (!task) throw new AppError('PLAN_TASK_NOT_FOUND', { taskId });
  const rows = await db
    .select({ unitId: planTaskUnits.unitId, collective: planTaskUnits.collective, role: planTaskUnits.role })
    .from(planTaskUnits)
    .where(eq(planTaskUnits.taskId, taskId));
  return rows;
}

/** The units a plan's tasks name (matched ones). */
export async function assignedUnitIds(db: Queryable, planId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ unitId: planTaskUnits.unitId })
    .from(planTaskUnits)
    .innerJoin(planTasks, eq(planTasks.id, planTaskUnits.taskId))
    .where(eq(planTasks.planId, planId));
  return rows.flatMap((r) => (r.unitId ? [r.unitId] : []));
}
