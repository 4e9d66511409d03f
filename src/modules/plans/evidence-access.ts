/** A progress report's evidence files are read by whoever may read the plan (plan.read over its issuer). */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/context.js';
import type { Queryable } from '../../kernel/db.js';
import type { FileAccessResolver } from '../../kernel/module.js';
import { can } from '../access/policy.js';
import { unitPath } from '../org/units.service.js';
import { planTasks, planTaskUpdates, plans } from './plans.tables.js';

export const planEvidenceAccess: FileAccessResolver = {
  name: 'plans.evidence',
  async mayRead(db: Queryable, actor: Actor, fileId: string): Promise<boolean> {
    const rows = await db
      .selectDistinct({ issuerUnitId: plans.issuerUnitId })
      .from(planTaskUpdates)
      .innerJoin(planTasks, eq(planTasks.id, planTaskUpdates.taskId))
      .innerJoin(plans, eq(plans.id, planTasks.planId))
      .where(sql`${planTaskUpdates.fileIds} @> array[${fileId}::uuid]`);
    for (const row of rows) {
      if (can(actor, 'plan.read', { unitPath: await unitPath(db, row.issuerUnitId) })) return true;
    }
    return false;
  },
};
