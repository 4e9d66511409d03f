/**
 * The seam for due-soon and overdue notifications: once per task and kind, an open task whose
 * due date is within DUE_SOON_DAYS (or has passed) is marked announced and an outbox event
 * `plan.task.due_soon` / `plan.task.overdue` is written in the same transaction, naming the plan,
 * the task and its lead units. Whoever tells people (the notifications module) subscribes to these
 * topics; this module never sends a message itself. The mark is claimed with a conditional update,
 * so a second run or another process announces nothing twice.
 */
import { and, eq, inArray, isNotNull, isNull, lt, lte, notInArray } from 'drizzle-orm';
import { systemContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db.js';
import { recordChange } from '../audit/record-change.js';
import { todayInVietnam } from '../org/units.service.js';
import { planTasks, planTaskUnits, plans } from './plans.tables.js';
import { addDays, DUE_SOON_DAYS } from './progress.rules.js';

const OPEN = notInArray(planTasks.status, ['done', 'cancelled']);

export async function announceDeadlines(db: Database, now: Date): Promise<{ dueSoon: number; overdue: number }> {
  const today = todayInVietnam(now);
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
