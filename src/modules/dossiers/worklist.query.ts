/**
 * Worklists: dossiers of a unit (received there, competent there, worked or consulted there; sub-
 * units included), an official's own tasks, or a citizen's own dossiers — most urgent first.
 */
import { and, asc, eq, exists, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import type { Role } from '../../kernel/context.js';
import { procedureNames } from '../catalog/procedures.query.js';
import type { TimeState } from './deadline.rules.js';
import { dossiers } from './dossiers.tables.js';
import { dossierConsultations } from './processing.tables.js';
import { dossierExtras } from './dossiers.query.js';
import type { DossierStatus } from './status.rules.js';

/** A role the official holds over these units (already expanded to their subtrees). */
export interface RoleReach {
  role: Role;
  unitIds: string[];
}

export interface WorklistFilter {
  unitIds?: string[] | undefined;
  ownerUserId?: string | undefined;
  /** My tasks: steps named to me, steps of my roles at my units, consultations my units were asked. */
  mine?: { userId: string; reach: RoleReach[] } | undefined;
  status?: DossierStatus | undefined;
  overdue?: boolean | undefined;
  timeState?: TimeState | undefined;
  page: number;
  pageSize: number;
  now: Date;
}

const openConsultationAt = (condition: SQL) =>
  exists(
    sql`(select 1 from ${dossierConsultations} where ${dossierConsultations.dossierId} = ${dossiers.id} and ${dossierConsultations.answeredAt} is null and ${condition})`,
  );

function unitCondition(unitIds: string[]) {
  return or(
    inArray(dossiers.competentUnitId, unitIds),
    inArray(dossiers.receivingUnitId, unitIds),
    inArray(dossiers.currentStepUnitId, unitIds),
    openConsultationAt(inArray(dossierConsultations.unitId, unitIds)),
  );
}

function mineCondition({ userId, reach }: NonNullable<WorklistFilter['mine']>) {
  const byRole = reach.map((r) =>
    and(eq(dossiers.currentStepRole, r.role), inArray(dossiers.currentStepUnitId, r.unitIds)),
  );
  const consulted = reach.map((r) =>
    and(
      sql`coalesce(${dossierConsultations.role}, 'processing_official') = ${r.role}`,
      inArray(dossierConsultations.unitId, r.unitIds),
    ),
  );
  return or(
    eq(dossiers.currentAssigneeId, userId),
    reach.length ? and(isNull(dossiers.currentAssigneeId), or(...byRole)) : undefined,
    reach.length ? openConsultationAt(or(...consulted)!) : undefined,
  );
}

/** deadline.rules.ts dossierTimeState, as a condition: due soon from its own instant, never while paused. */
function timeStateCondition(state: TimeState, now: Date) {
  const running = and(isNull(dossiers.completedAt), isNotNull(dossiers.appointmentAt));
  if (state === 'overdue') return and(running, lt(dossiers.appointmentAt, now));
  const dueSoon = and(isNull(dossiers.pausedSince), lte(dossiers.dueSoonFrom, now));
  const notOverdue = and(running, gte(dossiers.appointmentAt, now));
  if (state === 'dueSoon') return and(notOverdue, dueSoon);
  return and(notOverdue, sql`not coalesce(${dueSoon as SQL}, false)`);
}

export async function worklist(db: Queryable, filter: WorklistFilter) {
  const overdue = and(isNull(dossiers.completedAt), lt(dossiers.appointmentAt, filter.now));
  const where = and(
    filter.unitIds ? unitCondition(filter.unitIds) : undefined,
    filter.ownerUserId ? eq(dossiers.ownerUserId, filter.ownerUserId) : undefined,
    filter.mine ? mineCondition(filter.mine) : undefined,
    filter.status ? eq(dossiers.status, filter.status) : undefined,
    filter.overdue === undefined ? undefined : filter.overdue ? overdue : sql`not coalesce(${overdue as SQL}, false)`,
    filter.timeState ? timeStateCondition(filter.timeState, filter.now) : undefined,
  );
  const rows = await db
    .select({
      dossier: dossiers,
      procedureName: procedureNames.name,
      ...dossierExtras,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(dossiers)
    .innerJoin(procedureNames, eq(procedureNames.id, dossiers.procedureId))
    .where(where)
    // Urgency: unfinished first, the nearest appointment (overdue ones are the nearest) first.
    .orderBy(
      sql`${dossiers.completedAt} is not null`,
      asc(sql`coalesce(${dossiers.appointmentAt}, ${dossiers.submittedAt})`),
      asc(dossiers.code),
    )
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { rows, total: rows[0]?.total ?? 0 };
}
