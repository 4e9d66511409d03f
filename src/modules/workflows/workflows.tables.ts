import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { units } from '../org/units.table.js';
import { procedures, procedureVersions, publicationDecisions } from '../catalog/catalog.tables.js';

export const WORKFLOW_STATUSES = ['draft', 'approved', 'active', 'retired'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/**
 * Quy trình nội bộ: one version of the internal workflow a unit follows for a procedure.
 * Steps are a JSON document validated by the workflows module; a dossier started under a
 * version keeps pointing at it, so versions are never edited once approved.
 */
export const workflowDefinitions = pgTable(
  'workflow_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    /** The competent unit whose workflow this is. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    versionNo: integer('version_no').notNull(),
    status: text('status').$type<WorkflowStatus>().notNull().default('draft'),
    /** The procedure version whose time limits the allotments were checked against. */
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => procedureVersions.id),
    /** The publication decision this workflow implements (for the 10-day approval rule). */
    decisionId: uuid('decision_id').references(() => publicationDecisions.id),
    name: text('name').notNull(),
    steps: jsonb('steps').$type<unknown[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    activatedBy: uuid('activated_by').references(() => users.id),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('workflow_definitions_version_uq').on(t.procedureId, t.unitId, t.versionNo),
    // At most one active workflow per procedure and unit: intake routes to it.
    uniqueIndex('workflow_definitions_active_uq').on(t.procedureId, t.unitId).where(sql`${t.status} = 'active'`),
    index('workflow_definitions_unit_idx').on(t.unitId),
    check('workflow_definitions_status_check', sql`${t.status} in ('draft', 'approved', 'active', 'retired')`),
  ],
);
