/** The sync rows of a unit's dossiers, for the staff console (failed and pending first). */
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { reportedProcedures as procedures } from '../catalog/catalog.reporting.js';
import { reportedDossiers as dossiers } from '../dossiers/dossiers.reporting.js';
import { unitSubtree } from '../org/unit-subtree.sql.js';
import { nationalDossierSyncs, type SyncStatus } from './national-portal.tables.js';

export async function listSyncs(
  db: Queryable,
  input: { unitId: string; status?: SyncStatus | undefined; code?: string; page: number; pageSize: number },
) {
  const s = nationalDossierSyncs;
  const where: SQL | undefined = and(
    sql`(${dossiers.competentUnitId} in ${unitSubtree(input.unitId)} or ${dossiers.receivingUnitId} in ${unitSubtree(input.unitId)})`,
    input.status ? eq(s.status, input.status) : undefined,
    input.code ? eq(dossiers.code, input.code) : undefined,
  );
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(s)
    .innerJoin(dossiers, eq(dossiers.id, s.dossierId))
    .where(where);
  const items = await db
    .select({
      dossierCode: dossiers.code,
      procedureCode: procedures.nationalCode,
      receivedAt: dossiers.receivedAt,
      status: s.status,
      attempts: s.attempts,
      nextAttemptAt: s.nextAttemptAt,
      firstSyncedAt: s.firstSyncedAt,
      lastSyncedAt: s.lastSyncedAt,
      receivedSyncedAt: s.receivedSyncedAt,
      lastErrorCode: s.lastErrorCode,
      lastErrorMessage: s.lastErrorMessage,
    })
    .from(s)
    .innerJoin(dossiers, eq(dossiers.id, s.dossierId))
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(where)
    .orderBy(
      sql`case ${s.status} when 'failed' then 0 when 'pending' then 1 else 2 end`,
      desc(s.attempts),
      asc(dossiers.code),
    )
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  return { total, items };
}

/** The dossier a retry names: its id and the two units that answer for it (undefined when there is none). */
export async function syncTargetByCode(db: Queryable, code: string) {
  const [dossier] = await db
    .select({ id: dossiers.id, competent: dossiers.competentUnitId, receiving: dossiers.receivingUnitId })
    .from(dossiers)
    .where(eq(dossiers.code, code));
  return dossier;
}
