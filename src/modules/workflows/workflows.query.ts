/**
 * What other modules read of workflows inside their own statements: a workflow's steps document
 * to join, the name of a step, the steps of a set of workflows chosen by a subquery.
 */
import { type AnyColumn, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../kernel/db.js';
import { workflowDefinitions } from './workflows.tables.js';

/** Workflows by id with their steps (as stored), to join: `innerJoin(w, eq(w.id, …))`. */
export const workflowStepDocuments = new QueryBuilder()
  .select({ id: workflowDefinitions.id, steps: workflowDefinitions.steps })
  .from(workflowDefinitions)
  .as('workflow_steps');

/** The name of the step `stepKey` of workflow `workflowId`, computed in the reader's statement (null if none). */
export function stepNameIn(workflowId: AnyColumn, stepKey: AnyColumn): SQL<string | null> {
  return sql<string | null>`(select s->>'name' from ${workflowDefinitions} w, jsonb_array_elements(w.steps) s
    where w.id = ${workflowId} and s->>'key' = ${stepKey})`;
}

/** The steps (as stored) of the workflows whose ids a list or a subquery gives. */
export function stepDocumentsOf(db: Queryable, ids: string[] | SQLWrapper) {
  return db
    .select({ id: workflowDefinitions.id, steps: workflowDefinitions.steps })
    .from(workflowDefinitions)
    .where(inArray(workflowDefinitions.id, ids));
}
