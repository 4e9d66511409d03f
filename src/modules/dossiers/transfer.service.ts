/**
 * Moving work between units and people: a transfer (liên thông) hands the dossier to another
 * competent unit, which takes it from its own active workflow's first step; a forward may hand
 * the next step to one named official, who must hold the step's role there.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { procedureVersions } from '../catalog/catalog.tables.js';
import { userRoles, users } from '../identity/identity.tables.js';
import { unitPath } from '../org/units.service.js';
import { activeWorkflowFor } from '../workflows/workflows.service.js';
import type { WorkflowStep } from '../workflows/workflow.steps.js';
import type { dossiers } from './dossiers.tables.js';

type DossierRow = typeof dossiers.$inferSelect;

export async function transferTarget(tx: Tx, dossier: DossierRow, toUnitId: string) {
  if (toUnitId === dossier.competentUnitId) throw new AppError('TRANSFER_SAME_UNIT', { unitId: toUnitId });
  const [version] = await tx
    .select({ content: procedureVersions.content })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, dossier.procedureVersionId));
  if (!version!.content.competentUnitIds.includes(toUnitId))
    throw new AppError('UNIT_NOT_COMPETENT', { unitId: toUnitId });
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
  const [grant] = await tx
    .select({ id: userRoles.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.userId, userId),
        eq(userRoles.role, step.assignee.role),
        inArray(userRoles.unitId, path),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!grant) throw new AppError('ASSIGNEE_NOT_ELIGIBLE', { userId, step: step.key });
}
