import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { units } from '../org/units.table.js';
import type { TaskKind } from './plan-rows.rules.js';
import type { TaskStatus } from './progress.rules.js';
import type { Recurrence } from './recurrence.rules.js';
import type { ScheduleKind } from './timeframe.rules.js';

export type PlanSource = 'text' | 'xlsx' | 'docx';

/** Kế hoạch: a plan of a unit (issuer) for a period, with its legal basis; its tasks are plan_tasks. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => units.id),
    /** The issuer as the document writes it (UBND TỈNH BẮC KẠN - VĂN PHÒNG). */
    issuerName: text('issuer_name').notNull(),
    /** Số ký hiệu, e.g. 12/KH-VP (a draft may carry only "/KH-VP"). */
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    title: text('title').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** Căn cứ: the documents the plan implements. */
    legalBasis: text('legal_basis').notNull(),
    source: text('source').$type<PlanSource>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_issuer_idx').on(t.issuerUnitId),
    check('plans_period_check', sql`${t.periodTo} >= ${t.periodFrom}`),
  ],
);

/** Nhiệm vụ / chỉ tiêu: one numbered row of the plan's table; groups hold the rows numbered under them. */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => planTasks.id),
    /** STT as the plan numbers it (1, 1.1, 1.1.1). */
    number: text('number').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').$type<TaskKind>().notNull(),
    title: text('title').notNull(),
    timeframeText: text('timeframe_text').notNull(),
    scheduleKind: text('schedule_kind').$type<ScheduleKind>().notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    /** How often a recurring task falls due (due_on is its current occurrence); ongoing tasks report each quarter. */
    reporting: text('reporting').$type<Recurrence>(),
    expectedOutput: text('expected_output').notNull().default(''),
    notes: text('notes').notNull().default(''),
    status: text('status').$type<TaskStatus>().notNull().default('not_started'),
    progress: integer('progress').notNull().default(0),
    completedOn: date('completed_on', { mode: 'string' }),
    /** When the lead unit was told the due date is near / passed (the notification seam: once each). */
    dueSoonAnnouncedAt: timestamp('due_soon_announced_at', { withTimezone: true }),
    overdueAnnouncedAt: timestamp('overdue_announced_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_tasks_number_uq').on(t.planId, t.number),
    index('plan_tasks_parent_idx').on(t.parentId),
    index('plan_tasks_due_idx').on(t.dueOn).where(sql`${t.status} not in ('done', 'cancelled')`),
    check('plan_tasks_progress_check', sql`${t.progress} between 0 and 100`),
    check('plan_tasks_status_check', sql`${t.status} in ('not_started', 'in_progress', 'done', 'cancelled')`),
  ],
);

/** Cơ quan chủ trì / phối hợp of a task: the name as written, and the unit it was matched to. */
export const planTaskUnits = pgTable(
  'plan_task_units',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id),
    role: text('role').$type<'lead' | 'coordinating'>().notNull(),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    /** Null while unmatched (listed for review) and for a collective. */
    unitId: uuid('unit_id').references(() => units.id),
    /** "Các Phòng, ban, đơn vị …": every unit under the plan's issuer. */
    collective: boolean('collective').notNull().default(false),
  },
  (t) => [
    uniqueIndex('plan_task_units_pk').on(t.taskId, t.role, t.position),
    index('plan_task_units_unit_idx').on(t.unitId),
  ],
);

/** A progress report on a task (status, %, evidence files, comment): the task's history. */
export const planTaskUpdates = pgTable(
  'plan_task_updates',
  {
    id: serial('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id),
    /** The unit the report is made for. */
    unitId: uuid('unit_id').references(() => units.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<TaskStatus>().notNull(),
    progress: integer('progress').notNull(),
    comment: text('comment').notNull().default(''),
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_task_updates_task_idx').on(t.taskId, t.id),
    // Evidence access (evidence-access.ts) looks a file up by id.
    index('plan_task_updates_files_idx').using('gin', t.fileIds),
  ],
);
