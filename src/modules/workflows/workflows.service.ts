/**
 * Internal workflows (quy trình nội bộ): drafts, approval, activation, versions. A version is
 * editable only while it is a draft; once approved it never changes, so a dossier started under
 * a version can always read exactly the steps it follows.
 */
import { referenceMemo } from '../../kernel/request-memo.js';
import { and, count, desc, eq, max, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db.js';
import type { RequestContext } from '../../kernel/context.js';
import type { Env } from '../../kernel/env.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import {
  currentVersionOf,
  decisionPublishes,
  decisionSignedDate,
  procedureNames,
} from '../catalog/procedures.query.js';
import { procedureVersionContent } from '../catalog/procedures.service.js';
import { activeStaffIds } from '../identity/users.query.js';
import { todayInVietnam } from '../org/units.service.js';
import { existingUnitIds, unitNames } from '../org/units.query.js';
import { type Compliance, WORKFLOW_DEADLINES, workflowCompliance } from './compliance.rules.js';
import { dayCounter, minutesPerWorkingDay } from './workflow-calendar.js';
import { type ChannelTimeLimit, type ValidationResult, validateWorkflow } from './workflow.rules.js';
import { WorkflowSteps, type WorkflowStep } from './workflow.steps.js';
import { type WorkflowStatus, workflowDefinitions } from './workflows.tables.js';

const unit = unitNames();

const summaryColumns = {
  id: workflowDefinitions.id,
  procedureId: workflowDefinitions.procedureId,
  nationalCode: procedureNames.nationalCode,
  procedureName: procedureNames.name,
  unitId: workflowDefinitions.unitId,
  unitName: unit.name,
  versionNo: workflowDefinitions.versionNo,
  status: workflowDefinitions.status,
  procedureVersionId: workflowDefinitions.procedureVersionId,
  decisionId: workflowDefinitions.decisionId,
  name: workflowDefinitions.name,
  createdAt: workflowDefinitions.createdAt,
  createdBy: workflowDefinitions.createdBy,
  updatedAt: workflowDefinitions.updatedAt,
  approvedAt: workflowDefinitions.approvedAt,
  approvedBy: workflowDefinitions.approvedBy,
  activatedAt: workflowDefinitions.activatedAt,
  activatedBy: workflowDefinitions.activatedBy,
  retiredAt: workflowDefinitions.retiredAt,
};

export type WorkflowSummary = Awaited<ReturnType<typeof listWorkflows>>['items'][number];
export type WorkflowRecord = WorkflowSummary & { steps: WorkflowStep[] };

export interface WorkflowFilter {
  procedureId?: string | undefined;
  unitId?: string | undefined;
  status?: WorkflowStatus | undefined;
  page: number;
  pageSize: number;
}

export async function listWorkflows(db: Queryable, filter: WorkflowFilter) {
  const where = and(
    filter.procedureId ? eq(workflowDefinitions.procedureId, filter.procedureId) : undefined,
    filter.unitId ? eq(workflowDefinitions.unitId, filter.unitId) : undefined,
    filter.status ? eq(workflowDefinitions.status, filter.status) : undefined,
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(workflowDefinitions).where(where);
  const items = await db
    .select(summaryColumns)
    .from(workflowDefinitions)
    .innerJoin(procedureNames, eq(procedureNames.id, workflowDefinitions.procedureId))
    .innerJoin(unit, eq(unit.id, workflowDefinitions.unitId))
    .where(where)
    .orderBy(procedureNames.nationalCode, unit.name, desc(workflowDefinitions.versionNo))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { items, total };
}

/** Stored steps are written only through the schema; parsing again fills defaults of older documents. */
const parseSteps = (steps: unknown): WorkflowStep[] => WorkflowSteps.parse(steps);

export async function getWorkflow(db: Queryable, id: string): Promise<WorkflowRecord> {
  const [row] = await db
    .select({ ...summaryColumns, steps: workflowDefinitions.steps })
    .from(workflowDefinitions)
    .innerJoin(procedureNames, eq(procedureNames.id, workflowDefinitions.procedureId))
    .innerJoin(unit, eq(unit.id, workflowDefinitions.unitId))
    .where(eq(workflowDefinitions.id, id));
  if (!row) throw new AppError('WORKFLOW_NOT_FOUND', { id });
  return { ...row, steps: parseSteps(row.steps) };
}

/**
 * The steps a dossier follows (issue 17: read on every action). A workflow's steps are frozen once
 * it leaves draft (only a draft is edited, updateWorkflow), and a dossier only ever follows an
 * active or retired one, so those are kept in the process for its life with no invalidation; a
 * draft's are read each time. Bounded: the least recently read are dropped first.
 */
export async function workflowSteps(db: Queryable, id: string): Promise<WorkflowStep[]> {
  const known = frozenSteps.get(id);
  if (known) {
    frozenSteps.delete(id);
    frozenSteps.set(id, known);
    return known;
  }
  const [row] = await db
    .select({ status: workflowDefinitions.status, steps: workflowDefinitions.steps })
    .from(workflowDefinitions)
    .where(eq(workflowDefinitions.id, id));
  if (!row) throw new AppError('WORKFLOW_NOT_FOUND', { id });
  const steps = parseSteps(row.steps);
  if (row.status === 'active' || row.status === 'retired') {
    frozenSteps.set(id, steps);
    if (frozenSteps.size > FROZEN_STEPS_KEPT) frozenSteps.delete(frozenSteps.keys().next().value!);
  }
  return steps;
}

const FROZEN_STEPS_KEPT = 10_000;
const frozenSteps = new Map<string, WorkflowStep[]>();

/** The unit a workflow belongs to (for authorization before loading the rest). */
export async function workflowUnitId(db: Queryable, id: string): Promise<string> {
  const [row] = await db
    .select({ unitId: workflowDefinitions.unitId })
    .from(workflowDefinitions)
    .where(eq(workflowDefinitions.id, id));
  if (!row) throw new AppError('WORKFLOW_NOT_FOUND', { id });
  return row.unitId;
}

/**
 * The active workflow of a procedure at a unit, for dossier intake: the dossier stores its id
 * and keeps following that version even after a newer one is activated.
 */
export function activeWorkflowFor(db: Queryable, procedureId: string, unitId: string): Promise<WorkflowRecord | null> {
  return referenceMemo(db, `workflows.active:${procedureId}:${unitId}`, () =>
    readActiveWorkflow(db, procedureId, unitId),
  );
}

async function readActiveWorkflow(db: Queryable, procedureId: string, unitId: string): Promise<WorkflowRecord | null> {
  const [row] = await db
    .select({ id: workflowDefinitions.id })
    .from(workflowDefinitions)
    .where(
      and(
        eq(workflowDefinitions.procedureId, procedureId),
        eq(workflowDefinitions.unitId, unitId),
        eq(workflowDefinitions.status, 'active'),
      ),
    );
  return row ? getWorkflow(db, row.id) : null;
}

// ---------------------------------------------------------------------------------------------
// Validation and compliance

/** The legal time limits of a procedure version's channels. */
export async function timeLimitsOf(db: Queryable, procedureVersionId: string): Promise<ChannelTimeLimit[]> {
  const content = await procedureVersionContent(db, procedureVersionId);
  if (!content) throw new AppError('PROCEDURE_NOT_FOUND', { procedureVersionId });
  return content.channels.map((c) => ({
    channel: c.channel,
    value: c.timeLimit.value,
    unit: c.timeLimit.unit,
  }));
}

/** Validates steps against a procedure version: limits, and units/officials that exist and are open/active. */
export async function validateSteps(
  db: Queryable,
  env: Env,
  procedureVersionId: string,
  steps: readonly WorkflowStep[],
  now: Date,
) {
  const unitIds = [...new Set(steps.flatMap((s) => [s.unitId ?? [], ...s.consultations.map((c) => c.unitId)].flat()))];
  const userIds = [...new Set(steps.flatMap((s) => ('userId' in s.assignee ? [s.assignee.userId] : [])))];
  const openUnitIds = await existingUnitIds(db, unitIds, todayInVietnam(now));
  const activeUsers = await activeStaffIds(db, userIds);
  const mpd = minutesPerWorkingDay(env);
  const result = validateWorkflow(steps, {
    timeLimits: await timeLimitsOf(db, procedureVersionId),
    minutesPerWorkingDay: mpd,
    knownUnitIds: openUnitIds,
    knownUserIds: activeUsers,
  });
  return { ...result, minutesPerWorkingDay: mpd };
}

export type StepsValidation = ValidationResult & { minutesPerWorkingDay: number };

/** Compliance with seed 002 (see compliance.rules.ts), dates taken in Vietnam time. */
export async function complianceOf(
  db: Queryable,
  env: Env,
  w: Pick<WorkflowSummary, 'decisionId' | 'approvedAt' | 'activatedAt'>,
  now: Date,
): Promise<Compliance & { decisionSignedDate: string | null }> {
  const signed = w.decisionId ? await decisionSignedDate(db, w.decisionId) : null;
  const dates = {
    decisionSignedDate: signed,
    approvedDate: w.approvedAt ? todayInVietnam(w.approvedAt) : null,
    activatedDate: w.activatedAt ? todayInVietnam(w.activatedAt) : null,
    today: todayInVietnam(now),
  };
  const present = [dates.decisionSignedDate, dates.approvedDate, dates.activatedDate, dates.today].filter(
    (d): d is string => d !== null,
  );
  const between = await dayCounter(db, env, WORKFLOW_DEADLINES.dayKind, present);
  return { ...workflowCompliance(dates, WORKFLOW_DEADLINES, between), decisionSignedDate: signed };
}

// ---------------------------------------------------------------------------------------------
// Changes

interface ProcedureTarget {
  procedureVersionId: string;
  decisionId: string;
}

/** The procedure's current version, checking the unit is one of its competent units. */
async function currentVersionFor(db: Queryable, procedureId: string, unitId: string): Promise<ProcedureTarget> {
  const row = await currentVersionOf(db, procedureId);
  if (!row) throw new AppError('PROCEDURE_NOT_FOUND', { procedureId });
  if (row.status !== 'active' || !row.versionId || !row.content || !row.decisionId) {
    throw new AppError('WORKFLOW_PROCEDURE_ABOLISHED', { procedureId });
  }
  if (!row.content.competentUnitIds.includes(unitId))
    throw new AppError('WORKFLOW_UNIT_NOT_COMPETENT', { procedureId, unitId });
  return { procedureVersionId: row.versionId, decisionId: row.decisionId };
}

const WORKFLOW_LOCK_CLASS = 7301;

async function nextVersionNo(tx: Tx, procedureId: string, unitId: string): Promise<number> {
  // Serialise version numbering per procedure+unit (two drafts created at once). The two-key form
  // lives in a key space apart from the audit chain's single-key lock.
  await tx.execute(sql`select pg_advisory_xact_lock(${WORKFLOW_LOCK_CLASS}, hashtext(${`${procedureId}:${unitId}`}))`);
  const [row] = await tx
    .select({ last: max(workflowDefinitions.versionNo) })
    .from(workflowDefinitions)
    .where(and(eq(workflowDefinitions.procedureId, procedureId), eq(workflowDefinitions.unitId, unitId)));
  return (row?.last ?? 0) + 1;
}

export interface CreateWorkflowInput {
  procedureId: string;
  unitId: string;
  name: string;
  steps: WorkflowStep[];
  /** The publication decision this version implements; default: the one behind the procedure's current version. */
  decisionId?: string | null | undefined;
}

/** Creates a draft (version = last + 1) against the procedure's current version. Drafts may be invalid. */
export async function createWorkflow(
  tx: Tx,
  ctx: RequestContext,
  input: CreateWorkflowInput,
  now: Date,
): Promise<WorkflowRecord> {
  const target = await currentVersionFor(tx, input.procedureId, input.unitId);
  let decisionId = input.decisionId === undefined ? target.decisionId : input.decisionId;
  if (decisionId && decisionId !== target.decisionId) await assertDecisionPublishes(tx, decisionId, input.procedureId);
  decisionId ??= null;
  return insertDraft(tx, ctx, { ...input, ...target, decisionId }, 'workflow.create', now);
}

async function assertDecisionPublishes(db: Queryable, decisionId: string, procedureId: string) {
  if (!(await decisionPublishes(db, decisionId, procedureId)))
    throw new AppError('WORKFLOW_DECISION_MISMATCH', { decisionId, procedureId });
}

async function insertDraft(
  tx: Tx,
  ctx: RequestContext,
  input: Omit<CreateWorkflowInput, 'decisionId'> & {
    procedureVersionId: string;
    decisionId: string | null;
    copiedFrom?: string;
  },
  action: string,
  now: Date,
): Promise<WorkflowRecord> {
  const versionNo = await nextVersionNo(tx, input.procedureId, input.unitId);
  // Timestamps from the application (millisecond precision) so updatedAt round-trips exactly as the lock token.
  const [row] = await tx
    .insert(workflowDefinitions)
    .values({
      procedureId: input.procedureId,
      unitId: input.unitId,
      versionNo,
      status: 'draft',
      procedureVersionId: input.procedureVersionId,
      decisionId: input.decisionId,
      name: input.name,
      steps: input.steps,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning({ id: workflowDefinitions.id });
  await recordChange(tx, ctx, {
    action,
    targetType: 'workflow_definition',
    targetId: row!.id,
    unitId: input.unitId,
    after: {
      procedureId: input.procedureId,
      versionNo,
      name: input.name,
      stepKeys: input.steps.map((s) => s.key),
      ...(input.copiedFrom ? { copiedFrom: input.copiedFrom } : {}),
    },
    event: { workflowId: row!.id, procedureId: input.procedureId, unitId: input.unitId, versionNo, status: 'draft' },
  });
  return getWorkflow(tx, row!.id);
}

export interface UpdateWorkflowInput {
  name?: string | undefined;
  steps?: WorkflowStep[] | undefined;
  /** The updatedAt read with the record (optimistic lock). */
  updatedAt: string;
}

export async function updateWorkflow(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  input: UpdateWorkflowInput,
  now: Date,
): Promise<WorkflowRecord> {
  const current = await getWorkflow(tx, id);
  assertDraft(current);
  const fields = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.steps !== undefined ? { steps: input.steps } : {}),
  };
  const [row] = await tx
    .update(workflowDefinitions)
    .set({ ...fields, updatedAt: now })
    .where(
      and(
        eq(workflowDefinitions.id, id),
        eq(workflowDefinitions.status, 'draft'),
        sameInstant(workflowDefinitions.updatedAt, input.updatedAt),
      ),
    )
    .returning({ id: workflowDefinitions.id });
  if (!row) throw new AppError('VERSION_CONFLICT', { currentUpdatedAt: current.updatedAt.toISOString() });
  await recordChange(tx, ctx, {
    action: 'workflow.update',
    targetType: 'workflow_definition',
    targetId: id,
    unitId: current.unitId,
    before: { name: current.name, stepKeys: current.steps.map((s) => s.key) },
    after: { name: input.name ?? current.name, stepKeys: (input.steps ?? current.steps).map((s) => s.key) },
    event: { workflowId: id, status: 'draft' },
  });
  return getWorkflow(tx, id);
}

/** Compares a timestamp column with a client-sent ISO instant at the millisecond the client saw. */
function sameInstant(column: typeof workflowDefinitions.updatedAt, iso: string): SQL {
  return sql`date_trunc('milliseconds', ${column}) = ${new Date(iso).toISOString()}::timestamptz`;
}

function assertDraft(w: Pick<WorkflowSummary, 'id' | 'status'>) {
  if (w.status !== 'draft') throw new AppError('WORKFLOW_NOT_DRAFT', { id: w.id, status: w.status });
}

/**
 * Lãnh đạo phê duyệt: draft → approved, only when the definition has no errors. `seenUpdatedAt`
 * (optional) is the updatedAt of the draft the leader reviewed: an edit since then is a 409, so
 * a leader never approves steps they have not seen.
 */
export async function approveWorkflow(
  tx: Tx,
  ctx: RequestContext,
  env: Env,
  id: string,
  now: Date,
  seenUpdatedAt?: string,
): Promise<WorkflowRecord> {
  const current = await getWorkflow(tx, id);
  assertDraft(current);
  if (seenUpdatedAt !== undefined && new Date(seenUpdatedAt).getTime() !== current.updatedAt.getTime()) {
    throw new AppError('VERSION_CONFLICT', { currentUpdatedAt: current.updatedAt.toISOString() });
  }
  const validation = await validateSteps(tx, env, current.procedureVersionId, current.steps, now);
  if (!validation.valid) throw new AppError('WORKFLOW_INVALID', { problems: validation.problems });
  const [row] = await tx
    .update(workflowDefinitions)
    .set({ status: 'approved', approvedAt: now, approvedBy: ctx.actor?.userId ?? null, updatedAt: now })
    // Exactly the steps validated above: an edit committed meanwhile makes this a conflict.
    .where(
      and(
        eq(workflowDefinitions.id, id),
        eq(workflowDefinitions.status, 'draft'),
        sameInstant(workflowDefinitions.updatedAt, current.updatedAt.toISOString()),
      ),
    )
    .returning({ id: workflowDefinitions.id });
  if (!row) throw new AppError('VERSION_CONFLICT', { id });
  await recordChange(tx, ctx, {
    action: 'workflow.approve',
    targetType: 'workflow_definition',
    targetId: id,
    unitId: current.unitId,
    before: { status: 'draft' },
    after: { status: 'approved', approvedAt: now.toISOString() },
    event: {
      workflowId: id,
      procedureId: current.procedureId,
      unitId: current.unitId,
      versionNo: current.versionNo,
      status: 'approved',
    },
  });
  return getWorkflow(tx, id);
}

/**
 * Cấu hình vào hệ thống: approved → active. The version active until now for the same procedure
 * and unit is retired in the same transaction (the partial unique index allows one active).
 */
export async function activateWorkflow(tx: Tx, ctx: RequestContext, id: string, now: Date): Promise<WorkflowRecord> {
  const current = await getWorkflow(tx, id);
  if (current.status !== 'approved') throw new AppError('WORKFLOW_NOT_APPROVED', { id, status: current.status });
  const retired = await tx
    .update(workflowDefinitions)
    .set({ status: 'retired', retiredAt: now, updatedAt: now })
    .where(
      and(
        eq(workflowDefinitions.procedureId, current.procedureId),
        eq(workflowDefinitions.unitId, current.unitId),
        eq(workflowDefinitions.status, 'active'),
      ),
    )
    .returning({ id: workflowDefinitions.id, versionNo: workflowDefinitions.versionNo });
  for (const old of retired) {
    await recordChange(tx, ctx, {
      action: 'workflow.retire',
      targetType: 'workflow_definition',
      targetId: old.id,
      unitId: current.unitId,
      before: { status: 'active' },
      after: { status: 'retired', replacedBy: id },
      event: {
        workflowId: old.id,
        procedureId: current.procedureId,
        unitId: current.unitId,
        versionNo: old.versionNo,
        status: 'retired',
      },
    });
  }
  const [row] = await tx
    .update(workflowDefinitions)
    .set({ status: 'active', activatedAt: now, activatedBy: ctx.actor?.userId ?? null, updatedAt: now })
    .where(and(eq(workflowDefinitions.id, id), eq(workflowDefinitions.status, 'approved')))
    .returning({ id: workflowDefinitions.id });
  if (!row) throw new AppError('VERSION_CONFLICT', { id });
  await recordChange(tx, ctx, {
    action: 'workflow.activate',
    targetType: 'workflow_definition',
    targetId: id,
    unitId: current.unitId,
    before: { status: 'approved' },
    after: { status: 'active', activatedAt: now.toISOString(), retired: retired.map((r) => r.id) },
    event: {
      workflowId: id,
      procedureId: current.procedureId,
      unitId: current.unitId,
      versionNo: current.versionNo,
      status: 'active',
    },
  });
  return getWorkflow(tx, id);
}

/**
 * Copies any version into a new draft, against the procedure's current version. The copy
 * implements the current version's decision when the procedure changed since the source;
 * otherwise it is a revision without a decision (no 10-day approval deadline).
 */
export async function copyWorkflow(tx: Tx, ctx: RequestContext, id: string, now: Date): Promise<WorkflowRecord> {
  const source = await getWorkflow(tx, id);
  const target = await currentVersionFor(tx, source.procedureId, source.unitId);
  const decisionId = target.procedureVersionId === source.procedureVersionId ? null : target.decisionId;
  return insertDraft(
    tx,
    ctx,
    {
      procedureId: source.procedureId,
      unitId: source.unitId,
      name: source.name,
      steps: source.steps,
      procedureVersionId: target.procedureVersionId,
      decisionId,
      copiedFrom: id,
    },
    'workflow.copy',
    now,
  );
}

// ---------------------------------------------------------------------------------------------
// Views

/** A version with its validation against its procedure version and its compliance (GET detail and every change). */
export async function describeWorkflow(db: Queryable, env: Env, w: WorkflowRecord, now: Date) {
  const validation = await validateSteps(db, env, w.procedureVersionId, w.steps, now);
  const compliance = await complianceOf(db, env, w, now);
  return { ...w, validation, compliance };
}

/** Dry run: the problems a steps document would have for a procedure at a unit. */
export async function dryRunValidation(
  db: Queryable,
  env: Env,
  input: { procedureId: string; unitId: string; steps: WorkflowStep[] },
  now: Date,
) {
  const target = await currentVersionFor(db, input.procedureId, input.unitId);
  return validateSteps(db, env, target.procedureVersionId, input.steps, now);
}
