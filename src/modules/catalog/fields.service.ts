import { asc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import { recordChange } from '../audit/record-change.js';
import { procedureFields } from './catalog.tables.js';

export function listFields(db: Queryable) {
  return db.select().from(procedureFields).orderBy(asc(procedureFields.name));
}

/** Creates or renames a field (lĩnh vực); audited only when something changed. */
export async function upsertField(tx: Tx, ctx: RequestContext, code: string, name: string) {
  const [current] = await tx.select().from(procedureFields).where(eq(procedureFields.code, code));
  if (current?.name === name) return current;
  const [field] = await tx
    .insert(procedureFields)
    .values({ code, name })
    .onConflictDoUpdate({ target: procedureFields.code, set: { name } })
    .returning();
  await recordChange(tx, ctx, {
    action: current ? 'catalog.field_update' : 'catalog.field_create',
    targetType: 'procedure_field',
    targetId: code,
    before: current ? { name: current.name } : null,
    after: { name },
  });
  return field!;
}
