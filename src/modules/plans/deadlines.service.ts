/**
 * The seam for due-soon and overdue notifications: once per task and kind, an open task whose
 * due date is within DUE_SOON_DAYS (or has passed) is marked announced and an outbox event
 * `plan.task.due_soon` / `plan.task.overdue` is written in the same transaction, naming the plan,
 * the task and its lead units. Whoever tells people (the notifications module) subscribes to these
 * topics; this module never sends a message itself. The mark is claimed with a conditional update,
 * so a second run or another process announces nothing twice.
 *
 * A recurring task (recurrence.rules.ts) is announced for each occurrence: once the current one has
 * passed and is settled — reported on within its period, or announced overdue — its due date moves
 * to the current occurrence and its marks are cleared, within the plan's period (after the plan's
 * end the last occurrence stays).
 */
import { and, eq, inArray, isNotNull, isNull, lt, lte, notInArray } from 'drizzle-orm';
import { systemContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db.js';
import { recordChange } from '../audit/record-change.js';
import { todayInVietnam } from '../org/units.service.js';
import { planTasks, planTaskUnits, planTaskUpdates, plans } from './plans.tables.js';
import { addDays, DUE_SOON_DAYS } from './progress.rules.js';
import { dueOnOrAfter, shiftDue } from './recurrence.rules.js';

const OPEN = notInArray(planTasks.status, ['done', 'cancelled']);

export async function announceDeadlines(db: Database, now: Date): Promise<{ dueSoon: number; overdue: number }> {
  const today = todayInVietnam(now);
  await moveRecurringOn(db, today);
  const counts = { dueSoon: 0, overdue: 0 };
  for (const kind of ['due_soon', 'overdue'] as const) {
    const mark = kind === 'due_soon' ? planTasks.dueSoonAnnouncedAt : planTasks.overdueAnnouncedAt;
    const dueWhere =
      kind === 'due_soon' ? lte(planTasks.dueOn, addDays(today, DUE_SOON_DAYS)) : lt(planTasks.dueOn, today);
    await db.transaction(async (tx) => {
      const claimed = await tx
        .update(planTasks)
        .set(kind === 'due_soon' ? { dueSoonAnnouncedAt: now } : { overdueAnnouncedAt: now })
        .where(and(OPEN, isNotNull(planTasks.dueOn), dueWhere, isNull(mark)))
        .returning();
      if (claimed.length === 0) return;
      const leads = await tx
        .select({ taskId: planTaskUnits.taskId, unitId: planTaskUnits.unitId, label: planTaskUnits.label })
        .from(planTaskUnits)
        .where(
          and(
            inArray(
              planTaskUnits.taskId,
              claimed.map((t) => t.id),
            ),
            eq(planTaskUnits.role, 'lead'),
          ),
        );
      const issuers = new Map(
        (
          await tx
            .select({ id: plans.id, issuerUnitId: plans.issuerUnitId })
            .from(plans)
            .where(inArray(plans.id, [...new Set(claimed.map((t) => t.planId))]))
        ).map((p) => [p.id, p.issuerUnitId]),
      );
      for (const task of claimed) {
        const mine = leads.filter((l) => l.taskId === task.id);
        await recordChange(tx, systemContext(), {
          action: `plan.task.${kind}`,
          targetType: 'plan_task',
          targetId: task.id,
          unitId: issuers.get(task.planId) ?? null,
          event: {
            planId: task.planId,
            taskId: task.id,
            number: task.number,
            title: task.title,
            dueOn: task.dueOn,
            issuerUnitId: issuers.get(task.planId) ?? null,
            leadUnitIds: mine.flatMap((l) => (l.unitId ? [l.unitId] : [])),
            leadLabels: mine.map((l) => l.label),
          },
        });
      }
      counts[kind === 'due_soon' ? 'dueSoon' : 'overdue'] = claimed.length;
    });
  }
  return counts;
}

/** Moves the settled past occurrences of open recurring tasks on to the current one (see the header). */
async function moveRecurringOn(db: Database, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const passed = await tx
      .select({ task: planTasks, periodTo: plans.periodTo, issuerUnitId: plans.issuerUnitId })
      .from(planTasks)
      .innerJoin(plans, eq(plans.id, planTasks.planId))
      .where(
        and(OPEN, eq(planTasks.scheduleKind, 'recurring'), isNotNull(planTasks.reporting), lt(planTasks.dueOn, today)),
      )
      .for('update', { of: planTasks });
    for (const { task, periodTo, issuerUnitId } of passed) {
      const recurrence = task.reporting!;
      const dueOn = task.dueOn!;
      const next = dueOnOrAfter(recurrence, dueOn, today);
      if (next > periodTo) continue;
      // Reported on within the occurrence's period: after the occurrence before it, by its due date (Vietnam days).
      const reports = await tx
        .select({ createdAt: planTaskUpdates.createdAt })
        .from(planTaskUpdates)
        .where(eq(planTaskUpdates.taskId, task.id));
      const since = shiftDue(recurrence, dueOn, -1);
      const reported = reports.some((r) => {
        const day = todayInVietnam(r.createdAt);
        return day > since && day <= dueOn;
      });
      if (!reported && !task.overdueAnnouncedAt) continue;
      const [moved] = await tx
        .update(planTasks)
        .set({ dueOn: next, dueSoonAnnouncedAt: null, overdueAnnouncedAt: null })
        .where(and(eq(planTasks.id, task.id), eq(planTasks.dueOn, dueOn)))
        .returning({ id: planTasks.id });
      if (!moved) continue;
      await recordChange(tx, systemContext(), {
        action: 'plan.task.next_occurrence',
        targetType: 'plan_task',
        targetId: task.id,
        unitId: issuerUnitId,
        before: { dueOn },
        after: { dueOn: next },
        event: {
          planId: task.planId,
          taskId: task.id,
          number: task.number,
          previousDueOn: dueOn,
          dueOn: next,
          reported,
        },
      });
    }
  });
}
