/**
 * Moving work between units and people: a transfer (liên thông) hands the dossier to another
 * competent unit, which takes it from its own active workflow's first step; a forward may hand
 * the next step to one named official, who must hold the step's role there.
 */
import type { Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { procedureVersionContent } from '../catalog/procedures.service.js';
import { holdsRoleOver } from '../identity/users.query.js';
import { unitPath } from '../org/units.service.js';
import { activeWorkflowFor } from '../workflows/workflows.service.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
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

export async function assertAssignable(tx: Tx, userId: string, step: WorkflowStep, competentUnitId: string) {
  if ('userId' in step.assignee) {
    if (step.assignee.userId !== userId) throw new AppError('ASSIGNEE_NOT_ELIGIBLE', { userId, step: step.key });
    return;
  }
  const path = await unitPath(tx, step.unitId ?? competentUnitId);
  if (!(await holdsRoleOver(tx, userId, step.assignee.role, path)))
    throw new AppError('ASSIGNEE_NOT_ELIGIBLE', { userId, step: step.key });
}
