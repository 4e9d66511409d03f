import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { units } from '../org/units.table.js';
import { procedures, procedureVersions } from '../catalog/catalog.tables.js';
import { workflowDefinitions } from '../workflows/workflows.tables.js';
import type { Applicant } from './applicant.schema.js';
import type { DossierStatus } from './status.rules.js';
import type { Role } from '../../kernel/context.js';
import type { PopulationCheck } from '../national-data/population.rules.js';

/** A fee line as charged on this dossier (copied from the procedure's channel at receipt). */
export interface DossierFee {
  name: string;
  amountVnd: number;
}

/**
 * Hồ sơ: one application, from submission to the returned result. The procedure version and the
 * workflow version are fixed at receipt, so later publication decisions do not change it.
 * Times are UTC; `receivedAt` starts the legal clock (thời điểm tiếp nhận hồ sơ hợp lệ).
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Mã hồ sơ: <receiving unit code>-<yyMMdd>-<sequence>. */
    code: text('code').notNull(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => procedureVersions.id),
    workflowId: uuid('workflow_id')
      .notNull()
      .references(() => workflowDefinitions.id),
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => units.id),
    competentUnitId: uuid('competent_unit_id')
      .notNull()
      .references(() => units.id),
    channel: text('channel').$type<'counter' | 'online' | 'postal'>().notNull(),
    status: text('status').$type<DossierStatus>().notNull(),
    applicant: jsonb('applicant').$type<Applicant>().notNull(),
    /** The applicant's personal identifier or tax code: the key of their data store. */
    applicantKey: text('applicant_key').notNull(),
    /** The citizen account that filed online (owns the dossier), if any. */
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    fees: jsonb('fees').$type<DossierFee[]>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    /** Ngày hẹn trả kết quả as promised to the applicant: moved by pauses and by an extension (mẫu 04). */
    appointmentAt: timestamp('appointment_at', { withTimezone: true }),
    /**
     * Hạn giải quyết theo quy định: the legal due time, moved only by the applicant's pauses
     * (supplement, financial obligation). Early / on time / late is measured against it, so an
     * apology letter does not turn a late dossier into an on-time one.
     */
    legalDueAt: timestamp('legal_due_at', { withTimezone: true }),
    /**
     * From when the dossier is "sắp đến hạn": the last 20 % of its allotment, at most
     * DUE_SOON_WORKING_DAYS (deadline.rules.ts dueSoonFrom); moved with the appointment.
     */
    dueSoonFrom: timestamp('due_soon_from', { withTimezone: true }),
    currentStepKey: text('current_step_key'),
    currentStepStartedAt: timestamp('current_step_started_at', { withTimezone: true }),
    /** When the current step is due (its allotment from when it started, paused time added back). */
    currentStepDueAt: timestamp('current_step_due_at', { withTimezone: true }),
    /** Who works the current step: the unit, and the role there or a named official (worklists). */
    currentStepUnitId: uuid('current_step_unit_id').references(() => units.id),
    currentStepRole: text('current_step_role').$type<Role>(),
    currentAssigneeId: uuid('current_assignee_id').references(() => users.id),
    /** Chờ bổ sung since (the legal clock is paused while the applicant supplements). */
    pausedSince: timestamp('paused_since', { withTimezone: true }),
    /** Working minutes spent waiting for supplements: not held against the unit. */
    pausedMinutes: integer('paused_minutes').notNull().default(0),
    supplementCount: integer('supplement_count').notNull().default(0),
    /** When processing ended (processed, refused, withdrawn, stopped): the on-time measure. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** early | onTime | late, against the appointment, set when processing ends. */
    outcome: text('outcome').$type<'early' | 'onTime' | 'late'>(),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    resultChannel: text('result_channel').$type<'counter' | 'online' | 'postal'>(),
    /** Optimistic lock: every action names the version it read (stale → 409). */
    version: integer('version').notNull().default(1),
    receivedBy: uuid('received_by').references(() => users.id),
    /**
     * The population-data check at intake (procedures connected to CSDLQG về dân cư): verified,
     * notFound or unavailable (population.rules.ts); null when the procedure is not connected or
     * the applicant is an organisation. `populationCheckedAt`: when the database answered.
     */
    populationCheck: text('population_check').$type<PopulationCheck>(),
    populationCheckedAt: timestamp('population_checked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    index('dossiers_competent_status_idx').on(t.competentUnitId, t.status),
    index('dossiers_receiving_idx').on(t.receivingUnitId, t.receivedAt),
    index('dossiers_applicant_key_idx').on(t.applicantKey),
    index('dossiers_owner_idx').on(t.ownerUserId),
    index('dossiers_step_unit_idx').on(t.currentStepUnitId, t.currentStepRole),
    index('dossiers_assignee_idx').on(t.currentAssigneeId),
    // Dossiers finished in a range (processed in a period; a period not over reads those finished after its end).
    index('dossiers_completed_idx').on(t.completedAt),
    check('dossiers_channel_check', sql`${t.channel} in ('counter', 'online', 'postal')`),
  ],
);

/** Thành phần hồ sơ as filed: which procedure component, satisfied by which uploaded files. */
export const dossierComponents = pgTable(
  'dossier_components',
  {
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** The component's id in the procedure version's content. */
    componentId: uuid('component_id').notNull(),
    name: text('name').notNull(),
    fileIds: uuid('file_ids').array().notNull(),
    /** Mã giấy tờ in the national data store when the component was taken from it (DuocLayTuKhoDMQG). */
    nationalDocumentId: text('national_document_id'),
    /**
     * Shown at the counter and checked against the original (xuất trình, đã đối chiếu bản chính —
     * Nghị định 61/2018/NĐ-CP, Điều 19.1): who checked it and when; no file is kept then.
     */
    originalCheckedBy: uuid('original_checked_by').references(() => users.id),
    originalCheckedAt: timestamp('original_checked_at', { withTimezone: true }),
  },
  // GIN: who may download a file looks up the dossiers whose components hold it (file_ids @> [id]).
  (t) => [
    primaryKey({ columns: [t.dossierId, t.componentId] }),
    index('dossier_components_files_idx').using('gin', t.fileIds),
  ],
);

/** Everything that happened to a dossier, in order: the step history (quá trình xử lý). */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    action: text('action').notNull(),
    fromStatus: text('from_status').$type<DossierStatus>(),
    toStatus: text('to_status').$type<DossierStatus>().notNull(),
    stepKey: text('step_key'),
    unitId: uuid('unit_id').references(() => units.id),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    note: text('note'),
    /** For an event that ends a step: when that step was due, and how it ended against it. */
    stepDueAt: timestamp('step_due_at', { withTimezone: true }),
    stepOutcome: text('step_outcome').$type<'early' | 'onTime' | 'late'>(),
    /** The step the dossier moved to, if any. */
    toStepKey: text('to_step_key'),
    /** What the action named beyond its note: transfer units, consultation, obligation, result. */
    details: jsonb('details').$type<Record<string, unknown>>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_events_dossier_idx').on(t.dossierId, t.occurredAt)],
);

/** Idempotency-Key of a dossier-creating request, per caller: a retry returns the same dossier. */
export const dossierIdempotencyKeys = pgTable(
  'dossier_idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    /** SHA-256 of the request body: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
