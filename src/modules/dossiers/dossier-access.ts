/**
 * Who may read a dossier: the rule is authority.ts mayRead, applied to the units the dossier
 * touches. Its files — what was filed for its components and the results issued — are read by
 * the same people (dossierFileAccess, asked by GET /api/files/{id}).
 */
import { eq, getTableName, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import type { Actor } from '../../kernel/context.js';
import type { FileAccessResolver } from '../../kernel/module.js';
import { authorize } from '../access/policy.js';
import { unitPaths } from '../org/units.service.js';
import { mayRead } from './authority.js';
import { type DossierView, getDossierByCode } from './dossiers.query.js';
import { dossierComponents, dossiers } from './dossiers.tables.js';
import { dossierConsultations, dossierResults } from './processing.tables.js';

/** The units a dossier touches, whose staff may read it. */
export interface DossierUnits {
  receivingUnitId: string;
  competentUnitId: string;
  currentStepUnitId: string | null;
  /** Every unit asked for an opinion on it, answered or not. */
  consultationUnitIds: readonly string[];
}

/** The paths of the units a dossier touches, the competent unit's first (the one a refusal names). */
export async function readingPaths(db: Queryable, d: DossierUnits): Promise<string[][]> {
  const others = new Set([d.receivingUnitId, ...d.consultationUnitIds]);
  if (d.currentStepUnitId) others.add(d.currentStepUnitId);
  others.delete(d.competentUnitId);
  const ids = [d.competentUnitId, ...others];
  const paths = await unitPaths(db, ids);
  return ids.map((id) => paths.get(id)!);
}

/**
 * The dossier, if the actor may read it: staff of its receiving or competent unit, of the unit
 * working its current step or asked for an opinion on it, or the citizen who filed it.
 */
export async function readableDossier(db: Queryable, actor: Actor, code: string): Promise<DossierView> {
  const view = await getDossierByCode(db, code);
  const { dossier } = view;
  await assertMayRead(db, actor, { ...dossier, consultationUnitIds: view.consultations.map((c) => c.unitId) });
  return view;
}

/**
 * Every unit asked for an opinion on the dossier, answered or not: a column to select with a
 * dossier row (qualified by hand: drizzle writes a one-table select's columns bare, and a bare
 * "id" in the subquery would be the consultation's own id).
 */
export const consultationUnitIdsColumn = sql<
  string[]
>`array(select c.unit_id::text from ${dossierConsultations} c where c.dossier_id = ${sql.identifier(getTableName(dossiers))}.id)`;

/** What the reading rule needs of a dossier row: its units, its consultations' units, its owner. */
const readingColumns = {
  receivingUnitId: dossiers.receivingUnitId,
  competentUnitId: dossiers.competentUnitId,
  currentStepUnitId: dossiers.currentStepUnitId,
  ownerUserId: dossiers.ownerUserId,
  consultationUnitIds: consultationUnitIdsColumn,
};

/**
 * The reading rule on a dossier row the caller has already read (an action checks it on the row
 * it locks, so the check costs no statement of its own: the unit paths are reference data).
 */
export async function assertMayRead(
  db: Queryable,
  actor: Actor,
  d: DossierUnits & { ownerUserId: string | null },
): Promise<void> {
  const paths = await readingPaths(db, d);
  if (!mayRead(actor, paths, d.ownerUserId)) authorize(actor, 'dossier.read', { unitPath: paths[0]! });
}

/** Dossiers linking the file: by a component (GIN on file_ids) or a result (index on file_id). */
function dossiersLinking(db: Queryable, fileId: string) {
  const byComponent = db
    .select({ id: dossierComponents.dossierId })
    .from(dossierComponents)
    .where(sql`${dossierComponents.fileIds} @> array[${fileId}::uuid]`);
  const byResult = db
    .select({ id: dossierResults.dossierId })
    .from(dossierResults)
    .where(eq(dossierResults.fileId, fileId));
  return db
    .select(readingColumns)
    .from(dossiers)
    .where(or(inArray(dossiers.id, byComponent), inArray(dossiers.id, byResult)));
}

export const dossierFileAccess: FileAccessResolver = {
  name: 'dossiers.files',
  async mayRead(db: Queryable, actor: Actor, fileId: string): Promise<boolean> {
    for (const d of await dossiersLinking(db, fileId)) {
      if (mayRead(actor, await readingPaths(db, d), d.ownerUserId)) return true;
    }
    return false;
  },
};
