/**
 * The monthly late list to the heads of each unit (`unit.monthlyLateList`): when
 * late-notices.rules.ts says a reporting month is due, every unit with dossiers late in that month
 * (the same late list as the index and the published list: late.query.ts) has its list sent to
 * the leaders holding the approval role on that unit itself, each in their own language (the
 * notifications module renders per recipient). The month's row in kpi_late_list_notices is
 * claimed in the same transaction as the messages, so the month goes once, across restarts and
 * processes; the notifications' (event, recipient, channel) key would refuse a repeat anyway.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { isWorkingDay } from '../calendar/calendar.rules.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { vietnamDateOf } from '../calendar/dates.js';
import { staffToNotify } from '../identity/staff-contacts.query.js';
import { notify } from '../notifications/notify.service.js';
import { provinceRootIds } from '../org/units.service.js';
import { scopeOf } from './kpi.service.js';
import { kpiLateListNotices } from './kpi.tables.js';
import { lateList } from './late.query.js';
import { type LateLine, lateListLines, monthlyLateListDue, vietnamDayText } from './late-notices.rules.js';
import { parsePeriod } from './periods.rules.js';

const PAGE = 500;

type Item = Awaited<ReturnType<typeof lateList>>['items'][number];

/** Every late dossier of the province under `rootId` in the period, page by page. */
async function allLate(tx: Tx, scope: ReturnType<typeof scopeOf>): Promise<Item[]> {
  const items: Item[] = [];
  for (let page = 1; ; page += 1) {
    const next = await lateList(tx, scope, { withoutApology: false, page, pageSize: PAGE });
    items.push(...next.items);
    if (next.items.length < PAGE) return items;
  }
}

export type MonthlyLateListOutcome = {
  month: string | null;
  units: number;
  messages: number;
};

/** Sends the due month's late lists if not sent yet; safe to repeat at every run of the task. */
export async function sendMonthlyLateLists(tx: Tx, env: Env, now: Date): Promise<MonthlyLateListOutcome> {
  const today = vietnamDateOf(now);
  const year = Number(today.slice(0, 4));
  const calendar = await loadWorkingCalendar(tx, env, { from: year, to: year });
  const month = monthlyLateListDue(now, env.NOTIFY_DIGEST_TIME, isWorkingDay(calendar, today));
  const period = month ? parsePeriod(month) : null;
  if (!month || !period) return { month: null, units: 0, messages: 0 };
  const [sent] = await tx
    .select({ month: kpiLateListNotices.month })
    .from(kpiLateListNotices)
    .where(eq(kpiLateListNotices.month, month));
  if (sent) return { month, units: 0, messages: 0 };
  // Claim the month first: a second process blocks here until this one commits, then inserts nothing.
  const [claimed] = await tx
    .insert(kpiLateListNotices)
    .values({ month, units: 0, dossiers: 0, messages: 0, sentAt: now })
    .onConflictDoNothing()
    .returning({ month: kpiLateListNotices.month });
  if (!claimed) return { month, units: 0, messages: 0 };

  const byUnit = new Map<string, { name: string; items: Item[] }>();
  for (const rootId of await provinceRootIds(tx)) {
    for (const item of await allLate(tx, scopeOf(rootId, period, now))) {
      const unit = byUnit.get(item.competentUnitId) ?? { name: item.competentUnitName, items: [] };
      unit.items.push(item);
      byUnit.set(item.competentUnitId, unit);
    }
  }
  let messages = 0;
  let dossiers = 0;
  for (const [unitId, unit] of byUnit) {
    dossiers += unit.items.length;
    const heads = await staffToNotify(tx, 'dossier.approve', unitId);
    const lines: LateLine[] = unit.items.map((i) => ({
      code: i.code,
      legalDueAt: i.legalDueAt,
      completedAt: i.completedAt,
      officialName: i.officialName,
      hasApology: i.hasApology,
    }));
    messages += await notify(
      tx,
      {
        eventKey: `monthly-late:${unitId}:${month}`,
        kind: 'unit.monthlyLateList',
        recipients: heads.map((h) => ({ userId: h.userId })),
        data: {
          month: `${month.slice(5, 7)}/${month.slice(0, 4)}`,
          from: vietnamDayText(period.start),
          to: period.to.split('-').reverse().join('/'),
          unit: unit.name,
          count: unit.items.length,
          withApology: unit.items.filter((i) => i.hasApology).length,
          list: lateListLines(lines),
        },
        link: '/staff/kpi',
      },
      now,
    );
  }
  await tx
    .update(kpiLateListNotices)
    .set({ units: byUnit.size, dossiers, messages })
    .where(eq(kpiLateListNotices.month, month));
  return { month, units: byUnit.size, messages };
}
