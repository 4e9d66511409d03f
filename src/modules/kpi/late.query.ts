/**
 * Late lists (seed 002: "danh sách đơn vị, cá nhân có hồ sơ trễ hạn", published by the 5th) and
 * average processing time per procedure.
 *
 * A dossier is late in a period exactly when the progress indicator counts it in its denominator
 * and not in its numerator (finished late in the period, or not finished and overdue at `asOf`),
 * so the list and the index agree. The responsible official is the actor of the latest event
 * that ended a step late (the one who let that step run over); when no step ended late (a second
 * supplement request, or a step still overdue), the current step's named assignee; else nobody
 * (the step belongs to a role at a unit, and the unit is named).
 */
import { and, asc, count, desc, eq, inArray, not, type SQL, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../kernel/db.js';
import type { WorkingCalendar } from '../calendar/calendar.rules.js';
import { workingTimeBetween } from '../calendar/calendar.rules.js';
import { reportedProcedures as procedures } from '../catalog/catalog.reporting.js';
import {
  reportedDossiers as dossiers,
  reportedEvents as dossierEvents,
  reportedExtensions as dossierExtensions,
} from '../dossiers/dossiers.reporting.js';
import { reportedUsers as users } from '../identity/identity.reporting.js';
import { reportedUnits as units } from '../org/org.reporting.js';
import { dossierInScope, handledIn, type KpiScope, onTimeOrWithin, processedIn } from './indicators.js';
import { round2 } from './kpi.rules.js';

const responsible = sql`coalesce((select ${dossierEvents.actorUserId} from ${dossierEvents}
  where ${dossierEvents.dossierId} = ${dossiers.id} and ${dossierEvents.stepOutcome} = 'late'
  order by ${dossierEvents.occurredAt} desc limit 1), ${dossiers.currentAssigneeId})`;
const hasApology = sql`exists (select 1 from ${dossierExtensions} where ${dossierExtensions.dossierId} = ${dossiers.id})`;

export function lateWhere(scope: KpiScope, withoutApology: boolean): SQL {
  return and(
    dossierInScope(scope),
    handledIn(scope),
    not(sql`coalesce(${onTimeOrWithin(scope)}, false)`),
    withoutApology ? not(hasApology) : undefined,
  )!;
}

export async function lateList(
  db: Queryable,
  scope: KpiScope,
  opts: { withoutApology: boolean; page: number; pageSize: number },
) {
  const where = lateWhere(scope, opts.withoutApology);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(dossiers).where(where);
  const byUnit = await db
    .select({ unitId: dossiers.competentUnitId, unitName: units.name, late: count() })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.competentUnitId))
    .where(where)
    .groupBy(dossiers.competentUnitId, units.name)
    .orderBy(desc(count()), asc(units.name));
  const officials = await queryRows<{ officialId: string | null; late: number }>(
    db,
    sql`select official_id as "officialId", count(*)::int as late from (select ${responsible} as official_id from ${dossiers} where ${where}) x group by official_id`,
  );
  const items = await db
    .select({
      code: dossiers.code,
      status: dossiers.status,
      procedureCode: procedures.nationalCode,
      procedureName: procedures.name,
      competentUnitId: dossiers.competentUnitId,
      competentUnitName: units.name,
      receivedAt: dossiers.receivedAt,
      legalDueAt: dossiers.legalDueAt,
      appointmentAt: dossiers.appointmentAt,
      completedAt: dossiers.completedAt,
      supplementCount: dossiers.supplementCount,
      officialId: sql<string | null>`${responsible}`,
      hasApology: sql<boolean>`${hasApology}`,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(units, eq(units.id, dossiers.competentUnitId))
    .where(where)
    .orderBy(asc(units.name), asc(dossiers.code))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const ids = [
    ...new Set(
      [...officials.map((o) => o.officialId), ...items.map((i) => i.officialId)].filter(
        (id): id is string => id !== null,
      ),
    ),
  ];
  const names = new Map(
    ids.length
      ? (await db.select({ id: users.id, fullName: users.fullName }).from(users).where(inArray(users.id, ids))).map(
          (u) => [u.id, u.fullName],
        )
      : [],
  );
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    total,
    byUnit,
    byOfficial: officials
      .map((o) => ({ userId: o.officialId, fullName: nameOf(o.officialId), late: Number(o.late) }))
      .sort((a, b) => b.late - a.late || (a.fullName ?? '').localeCompare(b.fullName ?? '', 'vi')),
    items: items.map((i) => ({ ...i, officialName: nameOf(i.officialId) })),
  };
}

/** The facts of one processed dossier that its processing time is made of. */
export interface ProcessedFacts {
  procedureId: string;
  nationalCode: string;
  name: string;
  receivedAt: Date;
  completedAt: Date;
  pausedMinutes: number;
}

/** Dossiers processed in the period (the e-result indicator's denominator), by procedure. */
export async function processedDossiers(db: Queryable, scope: KpiScope): Promise<ProcessedFacts[]> {
  const rows = await db
    .select({
      procedureId: dossiers.procedureId,
      nationalCode: procedures.nationalCode,
      name: procedures.name,
      receivedAt: dossiers.receivedAt,
      completedAt: dossiers.completedAt,
      pausedMinutes: dossiers.pausedMinutes,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(and(dossierInScope(scope), processedIn(scope)));
  return rows.filter((r): r is ProcessedFacts => r.receivedAt !== null && r.completedAt !== null);
}

/**
 * Average processing time per procedure in working days: from receipt to the end of processing,
 * less the applicant's waits (paused minutes), counted with the working calendar.
 */
export function averageProcessingTimes(calendar: WorkingCalendar, facts: readonly ProcessedFacts[]) {
  const byProcedure = new Map<string, { nationalCode: string; name: string; dossiers: number; workingDays: number }>();
  for (const f of facts) {
    const minutes = Math.max(0, workingTimeBetween(calendar, f.receivedAt, f.completedAt).minutes - f.pausedMinutes);
    const entry = byProcedure.get(f.procedureId) ?? {
      nationalCode: f.nationalCode,
      name: f.name,
      dossiers: 0,
      workingDays: 0,
    };
    entry.dossiers += 1;
    entry.workingDays += minutes / calendar.minutesPerDay;
    byProcedure.set(f.procedureId, entry);
  }
  return [...byProcedure.entries()]
    .map(([procedureId, e]) => ({
      procedureId,
      nationalCode: e.nationalCode,
      name: e.name,
      dossiers: e.dossiers,
      averageWorkingDays: round2(e.workingDays / e.dossiers),
    }))
    .sort((a, b) => a.nationalCode.localeCompare(b.nationalCode));
}
