/**
 * Worklists: dossiers of a unit (received there or competent there, sub-units included), most
 * urgent first — overdue, then by appointment — or a citizen's own dossiers.
 */
import { and, asc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../server/db/client.js';
import { procedures } from '../catalog/catalog.tables.js';
import { dossiers } from './dossiers.tables.js';
import type { DossierStatus } from './status.rules.js';

export interface WorklistFilter {
  /** Units whose dossiers to list (already expanded to their subtrees). */
  unitIds?: string[] | undefined;
  ownerUserId?: string | undefined;
  status?: DossierStatus | undefined;
  overdue?: boolean | undefined;
  page: number;
  pageSize: number;
  now: Date;
}

export async function worklist(db: Queryable, filter: WorklistFilter) {
  const overdue = and(isNull(dossiers.completedAt), lt(dossiers.appointmentAt, filter.now));
  const where = and(
    filter.unitIds ? or(inArray(dossiers.competentUnitId, filter.unitIds), inArray(dossiers.receivingUnitId, filter.unitIds)) : undefined,
    filter.ownerUserId ? eq(dossiers.ownerUserId, filter.ownerUserId) : undefined,
    filter.status ? eq(dossiers.status, filter.status) : undefined,
    filter.overdue === undefined ? undefined : filter.overdue ? overdue : sql`not coalesce(${overdue as SQL}, false)`,
  );
  const rows = await db
    .select({
      dossier: dossiers,
      procedureName: procedures.name,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(where)
    // Urgency: unfinished and overdue first, then the nearest appointment; finished last.
    .orderBy(sql`${dossiers.completedAt} is not null`, asc(sql`coalesce(${dossiers.appointmentAt}, ${dossiers.submittedAt})`), asc(dossiers.code))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { rows, total: rows[0]?.total ?? 0 };
}
