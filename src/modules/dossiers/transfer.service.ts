/**
 * Moving work between units: a transfer (liên thông) hands the dossier to another competent unit,
 * which takes it from its own active workflow's first step (handing a step to one official:
 * next-handlers.service.ts).
 */
import type { Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { procedureVersionContent } from '../catalog/procedures.service.js';
import { activeWorkflowFor } from '../workflows/workflows.service.js';
import type { dossiers } from './dossiers.tables.js';

type DossierRow = typeof dossiers.$inferSelect;

export async function transferTarget(tx: Tx, dossier: DossierRow, toUnitId: string) {
  if (toUnitId === dossier.competentUnitId) throw new AppError('TRANSFER_SAME_UNIT', { unitId: toUnitId });
  const content = await procedureVersionContent(tx, dossier.procedureVersionId);
  if (!content!.competentUnitIds.includes(toUnitId)) throw new AppError('UNIT_NOT_COMPETENT', { unitId: toUnitId });
  const workflow = await activeWorkflowFor(tx, dossier.procedureId, toUnitId);
  if (!workflow) throw new AppError('WORKFLOW_NOT_ACTIVE', { procedureId: dossier.procedureId, unitId: toUnitId });
  return { unitId: toUnitId, workflowId: workflow.id, steps: workflow.steps };
}
