/**
 * Officials' reminders about the steps they hold, and the morning messages:
 * - "due soon" when at most STEP_DUE_SOON_WORKING_MINUTES of working time are left on the current
 *   step, "overdue" once its due time passed — to the assignee, else the step unit's officials;
 *   each once per dossier, step and due time (a moved due time is a new reminder);
 * - at NOTIFY_DIGEST_TIME on working days (calendar module), each official's worklist digest and,
 *   to each unit's leaders, the list of its late dossiers (past the legal due time, unfinished) —
 *   the province's monthly late list (docs/domain/DOMAIN.md §4) starts from these.
 * Idempotent through the notifications module's (event, recipient, channel) key.
 */
import { and, asc, gt, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { isWorkingDay, workingTimeBetween } from '../calendar/calendar.rules.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { vietnamClockText, vietnamDateOf } from '../calendar/dates.js';
import { staffToNotify } from '../identity/staff-contacts.query.js';
import { digestDue } from '../notifications/delivery.rules.js';
import { notify } from '../notifications/notify.service.js';
import { unitsByIds } from '../org/units.query.js';
import { stepNameIn } from '../workflows/workflows.query.js';
import { dossiers } from './dossiers.tables.js';

/**
 * Half a working day before a step's due time: steps are allotted in working hours or days
 * (internal workflows, seed 002), and half a day leaves the official time to act that day.
 */
export const STEP_DUE_SOON_WORKING_MINUTES = 240;
/** Overdue reminders look back this far (a task stopped longer than that does not flood anyone). */
const OVERDUE_LOOKBACK_MS = 7 * 24 * 3_600_000;
/** The digest goes out within this long after its time (a process down all morning skips the day). */
const DIGEST_WINDOW_MS = 2 * 3_600_000;
const LIST_MAX = 15;

const yearsOf = (now: Date) => ({ from: now.getUTCFullYear(), to: now.getUTCFullYear() + 1 });

/** Due-soon and overdue reminders of the current steps at `now`; returns how many messages were queued. */
export async function sendStepDeadlineReminders(tx: Tx, env: Env, now: Date) {
  const calendar = await loadWorkingCalendar(tx, env, yearsOf(now));
  const horizon = new Date(now.getTime() + 7 * 24 * 3_600_000);
  const rows = await tx
    .select({
      id: dossiers.id,
      code: dossiers.code,
      stepKey: dossiers.currentStepKey,
      stepName: stepNameIn(dossiers.workflowId, dossiers.currentStepKey),
      dueAt: dossiers.currentStepDueAt,
      unitId: dossiers.currentStepUnitId,
      assigneeId: dossiers.currentAssigneeId,
    })
    .from(dossiers)
    .where(
      and(
        isNull(dossiers.completedAt),
        isNull(dossiers.pausedSince),
        isNotNull(dossiers.currentStepDueAt),
        gt(dossiers.currentStepDueAt, new Date(now.getTime() - OVERDUE_LOOKBACK_MS)),
        lte(dossiers.currentStepDueAt, horizon),
      ),
    );
  const counts = { dueSoon: 0, overdue: 0 };
  for (const d of rows) {
    const dueAt = d.dueAt!;
    const overdue = dueAt.getTime() <= now.getTime();
    if (!overdue && workingTimeBetween(calendar, now, dueAt).minutes > STEP_DUE_SOON_WORKING_MINUTES) continue;
    const recipients = d.assigneeId
      ? [{ userId: d.assigneeId }]
      : d.unitId
        ? (await staffToNotify(tx, 'dossier.process', d.unitId)).map((s) => ({ userId: s.userId }))
        : [];
    const kind = overdue ? 'step.overdue' : 'step.dueSoon';
    const queued = await notify(
      tx,
      {
        eventKey: `${kind}:${d.id}:${d.stepKey}:${dueAt.toISOString()}`,
        kind,
        recipients,
        data: { code: d.code, procedure: '', status: '', step: d.stepName ?? '', due: vietnamClockText(dueAt) },
        link: '/staff/dossiers',
      },
      now,
    );
    if (queued > 0) counts[overdue ? 'overdue' : 'dueSoon'] += 1;
  }
  return counts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const line = (code: string, dueAt: Date | null) => `- ${code}${dueAt ? ` (hạn ${vietnamClockText(dueAt)})` : ''}`;

/** The officials' digests and the leaders' late lists, once per working day after NOTIFY_DIGEST_TIME. */
export async function sendMorningMessages(tx: Tx, env: Env, now: Date) {
  const calendar = await loadWorkingCalendar(tx, env, yearsOf(now));
  const day = vietnamDateOf(now);
  const [h, m] = env.NOTIFY_DIGEST_TIME.split(':').map(Number) as [number, number];
  const digestAt = Date.parse(`${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+07:00`);
  if (
    !digestDue(now, env.NOTIFY_DIGEST_TIME, isWorkingDay(calendar, day)) ||
    now.getTime() > digestAt + DIGEST_WINDOW_MS
  ) {
    return { digests: 0, lateLists: 0 };
  }
  const dayText = day.split('-').reverse().join('/');
  const open = await tx
    .select({
      code: dossiers.code,
      assigneeId: dossiers.currentAssigneeId,
      unitId: dossiers.competentUnitId,
      stepDueAt: dossiers.currentStepDueAt,
      dueSoonFrom: dossiers.dueSoonFrom,
      legalDueAt: dossiers.legalDueAt,
    })
    .from(dossiers)
    .where(and(isNull(dossiers.completedAt), isNotNull(dossiers.receivedAt)))
    .orderBy(asc(sql`coalesce(${dossiers.currentStepDueAt}, ${dossiers.legalDueAt})`));

  let digests = 0;
  const byAssignee = groupBy(
    open.filter((d) => d.assigneeId),
    (d) => d.assigneeId!,
  );
  for (const [userId, held] of byAssignee) {
    const overdue = held.filter((d) => d.stepDueAt && d.stepDueAt.getTime() <= now.getTime()).length;
    const dueSoon = held.filter((d) => d.dueSoonFrom && d.dueSoonFrom.getTime() <= now.getTime()).length;
    digests += await notify(
      tx,
      {
        eventKey: `digest:${day}`,
        kind: 'worklist.digest',
        recipients: [{ userId }],
        data: {
          day: dayText,
          total: held.length,
          dueSoon,
          overdue,
          list: held
            .slice(0, LIST_MAX)
            .map((d) => line(d.code, d.stepDueAt))
            .join('\n'),
        },
        link: '/staff/dossiers',
      },
      now,
    );
  }

  let lateLists = 0;
  const late = open.filter((d) => d.legalDueAt && d.legalDueAt.getTime() < now.getTime());
  const byUnit = groupBy(late, (d) => d.unitId);
  const names = new Map((await unitsByIds(tx, [...byUnit.keys()])).map((u) => [u.id, u.name]));
  for (const [unitId, list] of byUnit) {
    const leaders = await staffToNotify(tx, 'dossier.approve', unitId);
    lateLists += await notify(
      tx,
      {
        eventKey: `late:${unitId}:${day}`,
        kind: 'unit.lateList',
        recipients: leaders.map((l) => ({ userId: l.userId })),
        data: {
          day: dayText,
          unit: names.get(unitId) ?? '',
          count: list.length,
          list: list
            .slice(0, LIST_MAX)
            .map((d) => line(d.code, d.legalDueAt))
            .join('\n'),
        },
        link: '/staff/dossiers',
      },
      now,
    );
  }
  return { digests, lateLists };
}
