import { and, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { procedureSummary } from '../catalog/procedures.query.js';
import { unitSubtree } from '../org/unit-subtree.sql.js';
import { dossierEforms } from './eforms.tables.js';
import { fieldCut, type FieldCutRow, totalCut } from './field-cut.rules.js';

/** Vietnam dates (both included) → [start, end) instants. */
const instants = (from: string, to: string) => {
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000);
  return { start, end };
};

/**
 * Online dossiers filed with an e-form in the period whose competent or receiving unit is in the
 * unit's subtree (the KPI module's rule of belonging), summed per procedure.
 */
export async function fieldCutOf(db: Queryable, unitId: string, from: string, to: string) {
  const { start, end } = instants(from, to);
  const subtree = unitSubtree(unitId);
  const rows = await db
    .select({
      procedureId: dossierEforms.procedureId,
      dossiers: sql<number>`count(*)::int`,
      fieldsTotal: sql<number>`sum(${dossierEforms.fieldsTotal})::int`,
      fieldsPrefilled: sql<number>`sum(${dossierEforms.fieldsPrefilled})::int`,
      fieldsTyped: sql<number>`sum(${dossierEforms.fieldsTyped})::int`,
    })
    .from(dossierEforms)
    .where(
      and(
        eq(dossierEforms.channel, 'online'),
        gte(dossierEforms.filedAt, start),
        lt(dossierEforms.filedAt, end),
        or(sql`${dossierEforms.competentUnitId} in ${subtree}`, sql`${dossierEforms.receivingUnitId} in ${subtree}`),
      ),
    )
    .groupBy(dossierEforms.procedureId);
  const procedures = await Promise.all(
    rows.map(async (r: FieldCutRow & { procedureId: string }) => {
      const p = await procedureSummary(db, r.procedureId);
      return { procedureId: r.procedureId, nationalCode: p?.nationalCode ?? '', name: p?.name ?? '', ...fieldCut(r) };
    }),
  );
  procedures.sort((a, b) => a.nationalCode.localeCompare(b.nationalCode));
  return { total: totalCut(rows), procedures };
}
