/**
 * Reading a dossier as the sync sends it: its current rows (never an event's copy), so every
 * push is the idempotent upsert of the dossier as it stands, whatever changes came in between.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { reportedProcedures as procedures } from '../catalog/catalog.reporting.js';
import {
  reportedReuses as storeItemReuses,
  reportedStoreItems as storeItems,
} from '../datastore/datastore.reporting.js';
import { applicantName } from '../dossiers/applicant.schema.js';
import {
  reportedComponents as dossierComponents,
  reportedDossiers as dossiers,
  reportedEvents as dossierEvents,
  reportedResults as dossierResults,
} from '../dossiers/dossiers.reporting.js';
import { reportedUsers as users } from '../identity/identity.reporting.js';
import { reportedUnitsAs, reportedUnits as units } from '../org/org.reporting.js';
import { reportedPayments as payments } from '../payments/payments.reporting.js';
import type { DossierSnapshot, ProgressStep } from './national-portal.rules.js';

export interface SnapshotRow {
  snapshot: DossierSnapshot;
  /** Mã định danh of the receiving unit: the sender (madonvi). */
  unitCode: string;
  version: number;
}

const receiving = reportedUnitsAs('receiving');

export async function dossierSnapshot(db: Queryable, dossierId: string): Promise<SnapshotRow | null> {
  const [row] = await db
    .select({
      d: {
        id: dossiers.id,
        code: dossiers.code,
        version: dossiers.version,
        channel: dossiers.channel,
        applicant: dossiers.applicant,
        status: dossiers.status,
        fees: dossiers.fees,
        submittedAt: dossiers.submittedAt,
        receivedAt: dossiers.receivedAt,
        appointmentAt: dossiers.appointmentAt,
        completedAt: dossiers.completedAt,
        returnedAt: dossiers.returnedAt,
      },
      procedureCode: procedures.nationalCode,
      procedureName: procedures.name,
      fieldCode: procedures.fieldCode,
      competentName: units.name,
      unitCode: receiving.officialCode,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(units, eq(units.id, dossiers.competentUnitId))
    .innerJoin(receiving, eq(receiving.id, dossiers.receivingUnitId))
    .where(eq(dossiers.id, dossierId));
  if (!row) return null;
  const d = row.d;
  const [components, digitized, reused, results, supplements, paid] = await Promise.all([
    db
      .select()
      .from(dossierComponents)
      .where(eq(dossierComponents.dossierId, d.id))
      .orderBy(asc(dossierComponents.name)),
    db.select({ id: storeItems.sourceComponentId }).from(storeItems).where(eq(storeItems.sourceDossierId, d.id)),
    db.select({ id: storeItemReuses.componentId }).from(storeItemReuses).where(eq(storeItemReuses.dossierId, d.id)),
    db.select().from(dossierResults).where(eq(dossierResults.dossierId, d.id)).orderBy(asc(dossierResults.createdAt)),
    db
      .select({ action: dossierEvents.action, at: dossierEvents.occurredAt, note: dossierEvents.note })
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierId, d.id), inArray(dossierEvents.action, ['requestSupplement', 'supply'])))
      .orderBy(asc(dossierEvents.occurredAt)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(payments)
      .where(and(eq(payments.dossierId, d.id), eq(payments.channel, 'online'), eq(payments.status, 'paid'))),
  ]);
  const has = (list: { id: string | null }[], id: string) => list.some((x) => x.id === id);
  return {
    unitCode: row.unitCode,
    version: d.version,
    snapshot: {
      code: d.code,
      procedureCode: row.procedureCode,
      procedureName: row.procedureName,
      fieldCode: row.fieldCode,
      channel: d.channel,
      applicantKind: d.applicant.kind,
      applicantName: applicantName(d.applicant),
      competentUnitName: row.competentName,
      status: d.status,
      submittedAt: d.submittedAt,
      receivedAt: d.receivedAt,
      appointmentAt: d.appointmentAt,
      completedAt: d.completedAt,
      returnedAt: d.returnedAt,
      components: components.map((c) => ({
        componentId: c.componentId,
        name: c.name,
        fileIds: c.fileIds,
        digitized: has(digitized, c.componentId),
        reused: has(reused, c.componentId),
        fromNationalStore: c.nationalDocumentId !== null,
      })),
      fees: d.fees,
      paidOnline: paid[0]!.n > 0,
      supplements: pairSupplements(supplements),
      results: results.map((r) => ({ id: r.id, name: r.name, number: r.number, fileId: r.fileId })),
    },
  };
}

/** Each supplement request with the supply that answered it (the next one), if any. */
function pairSupplements(events: { action: string; at: Date; note: string | null }[]): DossierSnapshot['supplements'] {
  const out: DossierSnapshot['supplements'] = [];
  for (const e of events) {
    if (e.action === 'requestSupplement') out.push({ requestedAt: e.at, note: e.note, suppliedAt: null });
    else if (out.length > 0 && out.at(-1)!.suppliedAt === null) out.at(-1)!.suppliedAt = e.at;
  }
  return out;
}

/** The dossier's history after the first `skip` steps, in order (what the portal has not been sent). */
export async function progressSteps(db: Queryable, dossierId: string, skip: number): Promise<ProgressStep[]> {
  return db
    .select({
      action: dossierEvents.action,
      toStatus: dossierEvents.toStatus,
      occurredAt: dossierEvents.occurredAt,
      actorName: users.fullName,
      unitName: units.name,
      note: dossierEvents.note,
      stepDueAt: dossierEvents.stepDueAt,
    })
    .from(dossierEvents)
    .leftJoin(users, eq(users.id, dossierEvents.actorUserId))
    .leftJoin(units, eq(units.id, dossierEvents.unitId))
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.occurredAt), asc(dossierEvents.id))
    .offset(skip);
}
