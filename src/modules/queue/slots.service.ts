/**
 * The weekly template of a unit and the slots it yields. Slots are generated ahead for a date
 * range (idempotent: a slot that exists keeps its bookings), on working days of the calendar
 * module only, inside WORKING_PERIODS (templateProblems checks that).
 */
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import type { WorkingPeriod } from '../../kernel/working-periods.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { isWorkingDay } from '../calendar/calendar.rules.js';
import { getCalendarYear, loadWorkingCalendar } from '../calendar/calendar.service.js';
import { addDays, dayIndex, yearOf } from '../calendar/dates.js';
import { fieldCodes, fieldsByCode, procedureSummary } from '../catalog/procedures.query.js';
import { unitNames } from '../org/units.query.js';
import { planSlots, type SkippedDay, skippedDays, type TemplateEntry, templateProblems } from './queue.rules.js';
import { queueSlots, queueTemplates } from './queue.tables.js';

const unit = unitNames();

export const MAX_GENERATE_DAYS = 92;

export async function getTemplate(db: Queryable, unitId: string): Promise<TemplateEntry[]> {
  const [row] = await db
    .select({ entries: queueTemplates.entries })
    .from(queueTemplates)
    .where(eq(queueTemplates.unitId, unitId));
  return row?.entries ?? [];
}

export async function saveTemplate(
  tx: Tx,
  ctx: RequestContext,
  workingPeriods: readonly WorkingPeriod[],
  unitId: string,
  entries: TemplateEntry[],
  now: Date,
): Promise<TemplateEntry[]> {
  const fields = await fieldCodes(tx);
  const problems = templateProblems(entries, workingPeriods, fields);
  if (problems.length > 0) throw new AppError('QUEUE_TEMPLATE_INVALID', { problems });
  const before = await getTemplate(tx, unitId);
  await tx
    .insert(queueTemplates)
    .values({ unitId, entries, updatedBy: ctx.actor?.userId ?? null })
    .onConflictDoUpdate({
      target: queueTemplates.unitId,
      set: { entries, updatedAt: now, updatedBy: ctx.actor?.userId ?? null },
    });
  await recordChange(tx, ctx, {
    action: 'queue.template',
    targetType: 'unit',
    targetId: unitId,
    unitId,
    before: { entries: before },
    after: { entries },
  });
  return entries;
}

/** Creates the template's slots on the working days of [from, to]; how many were new, and the days the calendar closes. */
export async function generateSlots(
  tx: Tx,
  ctx: RequestContext,
  env: Env,
  unitId: string,
  range: { from: string; to: string },
): Promise<{ created: number; days: number; skipped: SkippedDay[] }> {
  const span = dayIndex(range.to) - dayIndex(range.from);
  if (!(span >= 0 && span < MAX_GENERATE_DAYS)) throw new AppError('QUEUE_RANGE_INVALID', range);
  const entries = await getTemplate(tx, unitId);
  if (entries.length === 0) throw new AppError('QUEUE_TEMPLATE_MISSING', { unitId });
  const cal = await loadWorkingCalendar(tx, env, { from: yearOf(range.from), to: yearOf(range.to) });
  const days = Array.from({ length: span + 1 }, (_, i) => addDays(range.from, i)).map((date) => ({
    date,
    working: isWorkingDay(cal, date),
  }));
  const planned = planSlots(entries, days);
  const inserted =
    planned.length === 0
      ? []
      : await tx
          .insert(queueSlots)
          .values(planned.map((s) => ({ ...s, unitId })))
          .onConflictDoNothing()
          .returning({ id: queueSlots.id });
  const workingDays = days.filter((d) => d.working).length;
  await recordChange(tx, ctx, {
    action: 'queue.slots',
    targetType: 'unit',
    targetId: unitId,
    unitId,
    after: { ...range, created: inserted.length, workingDays },
  });
  const holidays = [];
  for (const year of new Set([yearOf(range.from), yearOf(range.to)]))
    holidays.push(...(await getCalendarYear(tx, year)).days);
  return { created: inserted.length, days: workingDays, skipped: skippedDays(days, holidays) };
}

/**
 * Units that run a queue (a template with at least one entry), for kiosks and displays to choose
 * from: a unit whose template was emptied serves no field, so a kiosk must not offer it.
 */
export function queueUnits(db: Queryable) {
  return db
    .select({ unitId: unit.id, unitName: unit.name })
    .from(queueTemplates)
    .innerJoin(unit, eq(unit.id, queueTemplates.unitId))
    .where(sql`jsonb_array_length(${queueTemplates.entries}) > 0`)
    .orderBy(asc(unit.name));
}

/** The fields a unit serves at its counters: those of its template. */
export async function servedFields(db: Queryable, unitId: string): Promise<{ code: string; name: string }[]> {
  const codes = [...new Set((await getTemplate(db, unitId)).map((e) => e.fieldCode))];
  if (codes.length === 0) return [];
  return fieldsByCode(db, codes);
}

/** Bookable slots of a procedure's field (every unit that offers them), from now to `to`. */
export async function availableSlots(
  db: Queryable,
  input: { procedureId: string; unitId?: string | undefined; from: Date; to: Date },
) {
  const procedure = await procedureSummary(db, input.procedureId);
  if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND', { id: input.procedureId });
  const rows = await db
    .select({
      id: queueSlots.id,
      unitId: queueSlots.unitId,
      unitName: unit.name,
      fieldCode: queueSlots.fieldCode,
      startsAt: queueSlots.startsAt,
      endsAt: queueSlots.endsAt,
      capacity: queueSlots.capacity,
      remaining: sql<number>`${queueSlots.capacity} - ${queueSlots.booked}`.mapWith(Number),
    })
    .from(queueSlots)
    .innerJoin(unit, eq(unit.id, queueSlots.unitId))
    .where(
      and(
        eq(queueSlots.fieldCode, procedure.fieldCode),
        gt(queueSlots.startsAt, input.from),
        lt(queueSlots.startsAt, input.to),
        sql`${queueSlots.booked} < ${queueSlots.capacity}`,
        input.unitId ? eq(queueSlots.unitId, input.unitId) : undefined,
      ),
    )
    .orderBy(asc(queueSlots.startsAt), asc(unit.name))
    .limit(500);
  return rows;
}
