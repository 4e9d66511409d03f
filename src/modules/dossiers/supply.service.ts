import type { Tx } from '../../kernel/db.js';
import type { Actor } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { procedureVersionContent } from '../catalog/procedures.service.js';
import { recordReuses, reusableFiles, storeReceivedComponents } from '../datastore/datastore.service.js';
import { filesForUse } from '../files/files.service.js';
import { todayInVietnam } from '../org/units.service.js';
import { dossierComponents, type dossiers } from './dossiers.tables.js';
import type { SuppliedComponent } from './intake.service.js';

type DossierRow = typeof dossiers.$inferSelect;

export async function supplyComponents(
  tx: Tx,
  actor: Actor,
  dossier: DossierRow,
  supplied: readonly SuppliedComponent[],
  now: Date,
) {
  if (supplied.length === 0) return { componentIds: [] };
  const content = await procedureVersionContent(tx, dossier.procedureVersionId);
  const names = new Map(content!.components.flatMap((c) => (c.id ? [[c.id, c.name] as const] : [])));
  const ids = supplied.map((c) => c.componentId);
  const unknown = ids.filter((id) => !names.has(id));
  if (unknown.length > 0 || new Set(ids).size !== ids.length)
    throw new AppError('DOSSIER_INCOMPLETE', {
      problems: unknown.map((componentId) => ({ componentId, problem: 'unknown' })),
    });

  const reuses = supplied.flatMap((c) =>
    'storeItemId' in c ? [{ storeItemId: c.storeItemId, componentId: c.componentId }] : [],
  );
  const reused = await reusableFiles(
    tx,
    dossier.applicantKey,
    reuses.map((r) => r.storeItemId),
    todayInVietnam(now),
  );
  await filesForUse(
    tx,
    actor,
    supplied.flatMap((c) => ('fileIds' in c ? c.fileIds : [])),
  );
  const filed = supplied.map((c) => ({
    componentId: c.componentId,
    name: names.get(c.componentId)!,
    fileIds: 'storeItemId' in c ? reused.get(c.storeItemId)! : [...c.fileIds],
  }));
  for (const c of filed) {
    await tx
      .insert(dossierComponents)
      .values({ dossierId: dossier.id, ...c })
      .onConflictDoUpdate({
        target: [dossierComponents.dossierId, dossierComponents.componentId],
        set: { fileIds: c.fileIds },
      });
  }
  await recordReuses(tx, dossier.id, reuses);
  const fresh = filed.filter((c) => !reuses.some((r) => r.componentId === c.componentId));
  // Staff who take the supplement at the counter digitize it; an online supplement is the citizen's own copy.
  if (dossier.receivedAt)
    await storeReceivedComponents(
      tx,
      dossier,
      dossier.applicantKey,
      fresh,
      actor.kind === 'citizen' ? null : actor.userId,
    );
  return { componentIds: ids };
}
