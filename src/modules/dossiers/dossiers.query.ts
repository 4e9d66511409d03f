/** Reading a dossier: the record, its procedure and units by name, its components and history. */
import { alias } from 'drizzle-orm/pg-core';
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../server/db/client.js';
import { AppError } from '../../server/errors.js';
import { procedures, procedureVersions } from '../catalog/catalog.tables.js';
import { users } from '../identity/identity.tables.js';
import { units } from '../org/units.table.js';
import { dossierComponents, dossierEvents, dossiers } from './dossiers.tables.js';

const receiving = alias(units, 'receiving_unit');
const competent = alias(units, 'competent_unit');

export async function getDossierByCode(db: Queryable, code: string) {
  const [row] = await db
    .select({
      dossier: dossiers,
      procedureCode: procedures.nationalCode,
      procedureName: procedures.name,
      versionContent: procedureVersions.content,
      receivingUnit: { id: receiving.id, name: receiving.name, officialCode: receiving.officialCode, parentId: receiving.parentId },
      competentUnit: { id: competent.id, name: competent.name, officialCode: competent.officialCode },
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
    .innerJoin(receiving, eq(receiving.id, dossiers.receivingUnitId))
    .innerJoin(competent, eq(competent.id, dossiers.competentUnitId))
    .where(eq(dossiers.code, code.trim().toUpperCase()));
  if (!row) throw new AppError('DOSSIER_NOT_FOUND', { code });
  const [components, events] = await Promise.all([
    db.select().from(dossierComponents).where(eq(dossierComponents.dossierId, row.dossier.id)),
    db
      .select({
        action: dossierEvents.action,
        fromStatus: dossierEvents.fromStatus,
        toStatus: dossierEvents.toStatus,
        stepKey: dossierEvents.stepKey,
        toStepKey: dossierEvents.toStepKey,
        stepDueAt: dossierEvents.stepDueAt,
        stepOutcome: dossierEvents.stepOutcome,
        unitId: dossierEvents.unitId,
        actorName: users.fullName,
        note: dossierEvents.note,
        occurredAt: dossierEvents.occurredAt,
      })
      .from(dossierEvents)
      .leftJoin(users, eq(users.id, dossierEvents.actorUserId))
      .where(eq(dossierEvents.dossierId, row.dossier.id))
      .orderBy(asc(dossierEvents.occurredAt)),
  ]);
  return { ...row, components, events };
}

export type DossierView = Awaited<ReturnType<typeof getDossierByCode>>;
