/**
 * Plans and their tasks: the import preview (read the source, build the tree, match the units),
 * saving a reviewed plan, and a unit's progress report on a task. Each change is one transaction
 * with its audit record and outbox event (recordChange).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../kernel/context.js';
import type { Database, Queryable, Tx } from '../../kernel/db.js';
import { AppError } from '../../kernel/errors.js';
import { recordChange } from '../audit/record-change.js';
import { filesForUse } from '../files/files.service.js';
import { existingUnitIds, listUnits } from '../org/units.query.js';
import { subtreeIds, todayInVietnam, unitPath } from '../org/units.service.js';
import { can, unitsWhere } from '../access/policy.js';
import { readPlan } from './plan-import.js';
import { buildPlanTree, type PreviewTask } from './plan-rows.rules.js';
import type { PlanSource } from './plans.tables.js';
import { planTasks, planTaskUnits, planTaskUpdates, plans } from './plans.tables.js';
import { checkReport, type TaskStatus } from './progress.rules.js';
import { parseTimeframe } from './timeframe.rules.js';
import { type CandidateUnit, matchUnit } from './unit-match.rules.js';

export interface Assignment {
  label: string;
  unitId: string | null;
  unitName?: string | null;
  collective: boolean;
  candidates?: { id: string; name: string }[];
}

export interface PreviewInput {
  issuerUnitId: string;
  source: PlanSource;
  text?: string | undefined;
  fileBase64?: string | undefined;
}

/** The open units, those under the issuer marked (they are preferred when two names match). */
async function candidateUnits(db: Queryable, issuerUnitId: string, today: string): Promise<CandidateUnit[]> {
  const inIssuer = new Set(await subtreeIds(db, [issuerUnitId]));
  return (await listUnits(db, today)).map((u) => ({
    id: u.id,
    name: u.name,
    shortName: u.shortName,
    inIssuer: inIssuer.has(u.id),
  }));
}

function assign(label: string, units: readonly CandidateUnit[]): Assignment {
  const m = matchUnit(label, units);
  if (m.kind === 'unit') return { label, unitId: m.unitId, unitName: m.unitName, collective: false };
  if (m.kind === 'collective') return { label, unitId: null, unitName: null, collective: true };
  return { label, unitId: null, unitName: null, collective: false, candidates: m.candidates };
}

/** What the import understood, before anything is saved. */
export async function previewPlan(db: Queryable, input: PreviewInput, now: Date) {
  if ((await existingUnitIds(db, [input.issuerUnitId])).size === 0)
    throw new AppError('PLAN_UNIT_NOT_FOUND', { unitId: input.issuerUnitId });
  const read = await readPlan(input.source, {
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.fileBase64 !== undefined ? { data: Buffer.from(input.fileBase64, 'base64') } : {}),
  });
  if (read.rows.length === 0) throw new AppError('PLAN_NO_TASKS', { source: input.source });
  const { tasks, problems } = buildPlanTree(read.rows, read.heading.year);
  const units = await candidateUnits(db, input.issuerUnitId, todayInVietnam(now));
  const matched = new Map<string, Assignment>();
  const assignOnce = (label: string) => {
    if (!matched.has(label)) matched.set(label, assign(label, units));
    return matched.get(label)!;
  };
  const previewTasks = tasks.map(({ leadLabels, coordinatingLabels, ...t }: PreviewTask) => ({
    ...t,
    lead: leadLabels.map(assignOnce),
    coordinating: coordinatingLabels.map(assignOnce),
  }));
  const unmatched = [...matched.values()]
    .filter((a) => a.unitId === null && !a.collective)
    .map((a) => ({
      label: a.label,
      numbers: tasks
        .filter((t) => t.leadLabels.includes(a.label) || t.coordinatingLabels.includes(a.label))
        .map((t) => t.number),
    }));
  const year = read.heading.year;
  // What was read is a proposal for the form's fields: no longer than they take (plans.schema.ts),
  // so a heading read too long (text pasted with a web page's header) is cut, not an error.
  return {
    heading: {
      issuerName: read.heading.issuerName.slice(0, 300),
      number: read.heading.number.slice(0, 100),
      issuedOn: read.heading.issuedOn,
      title: read.heading.title.slice(0, 1000),
      legalBasis: read.heading.legalBasis.slice(0, 4000),
      periodFrom: year ? `${year}-01-01` : null,
      periodTo: year ? `${year}-12-31` : null,
    },
    tasks: previewTasks,
    problems,
    unmatched,
  };
}

export interface CreatePlanInput {
  issuerUnitId: string;
  source: PlanSource;
  issuerName: string;
  number: string;
  issuedOn: string | null;
  title: string;
  periodFrom: string;
  periodTo: string;
  legalBasis: string;
  tasks: {
    number: string;
    title: string;
    lead: Assignment[];
    coordinating: Assignment[];
    timeframeText: string;
    expectedOutput: string;
    notes: string;
  }[];
}

/** Saves a reviewed plan: its tasks in table order, parents from the numbers, schedules from the timeframes. */
export async function createPlan(tx: Tx, ctx: RequestContext & { actor: Actor }, input: CreatePlanInput) {
  const { tasks: drafts, ...heading } = input;
  if (heading.periodTo < heading.periodFrom) throw new AppError('VALIDATION_FAILED', { field: 'periodTo' });
  const unitIds = [
    input.issuerUnitId,
    ...drafts.flatMap((t) => [...t.lead, ...t.coordinating].flatMap((a) => (a.unitId ? [a.unitId] : []))),
  ];
  const known = await existingUnitIds(tx, [...new Set(unitIds)]);
  const missing = unitIds.filter((id) => !known.has(id));
  if (missing.length) throw new AppError('PLAN_UNIT_NOT_FOUND', { unitIds: [...new Set(missing)] });
  const year = Number(heading.periodTo.slice(0, 4));
  // The same tree rules as the preview: a row without its parent, or numbered twice, is refused.
  const tree = buildPlanTree(
    drafts.map((d) => ({
      number: d.number,
      title: d.title,
      lead: '',
      coordinating: '',
      timeframe: d.timeframeText,
      expectedOutput: d.expectedOutput,
      notes: d.notes,
    })),
    year,
  );
  const structural = tree.problems.filter((p) => p.problem !== 'timeframe_unparsed');
  if (structural.length) throw new AppError('VALIDATION_FAILED', { problems: structural });
  const [plan] = await tx
    .insert(plans)
    .values({ ...heading, createdBy: ctx.actor.userId })
    .returning();
  const idOf = new Map<string, string>();
  for (const [position, draft] of drafts.entries()) {
    const shape = tree.tasks[position]!;
    const schedule = parseTimeframe(draft.timeframeText, year);
    const [row] = await tx
      .insert(planTasks)
      .values({
        planId: plan!.id,
        parentId: shape.parentNumber ? idOf.get(shape.parentNumber)! : null,
        number: draft.number,
        position,
        kind: shape.kind,
        title: draft.title,
        timeframeText: draft.timeframeText,
        scheduleKind: schedule.kind,
        dueOn: schedule.dueOn,
        reporting: schedule.reporting,
        expectedOutput: draft.expectedOutput,
        notes: draft.notes,
      })
      .returning({ id: planTasks.id });
    idOf.set(draft.number, row!.id);
    const assignments = [
      ...draft.lead.map((a, i) => ({ ...a, role: 'lead' as const, position: i })),
      ...draft.coordinating.map((a, i) => ({ ...a, role: 'coordinating' as const, position: i })),
    ];
    if (assignments.length)
      await tx.insert(planTaskUnits).values(
        assignments.map((a) => ({
          taskId: row!.id,
          role: a.role,
          position: a.position,
          label: a.label,
          unitId: a.collective ? null : a.unitId,
          collective: a.collective,
        })),
      );
  }
  await recordChange(tx, ctx, {
    action: 'plan.create',
    targetType: 'plan',
    targetId: plan!.id,
    unitId: plan!.issuerUnitId,
    after: { number: plan!.number, title: plan!.title, source: plan!.source, tasks: drafts.length },
    event: { planId: plan!.id, issuerUnitId: plan!.issuerUnitId, tasks: drafts.length },
  });
  return plan!;
}

/**
 * After a plan is saved, once its transaction has committed: one import adds a table's worth of
 * tasks and unit assignments at once, which leaves the planner's statistics behind until
 * autovacuum notices — the same reason the catalog's bulk import analyzes its tables (issue 17).
 * The plan pages and the deadline run read these tables on every request.
 */
export async function refreshPlanStatistics(db: Database): Promise<void> {
  await db.execute(sql`analyze plans, plan_tasks, plan_task_units`);
}

export interface ReportInput {
  status: TaskStatus;
  progress: number;
  comment: string;
  fileIds: string[];
  version: number;
}

/** A unit's progress report on a task: the task's status and %, and a history entry with the comment and evidence. */
export async function reportProgress(
  tx: Tx,
  ctx: RequestContext & { actor: Actor },
  target: { planId: string; taskId: string; unitId: string | null; issuerUnitId: string },
  input: ReportInput,
  now: Date,
) {
  const [task] = await tx
    .select()
    .from(planTasks)
    .where(and(eq(planTasks.id, target.taskId), eq(planTasks.planId, target.planId)))
    .for('update');
  if (!task) throw new AppError('PLAN_TASK_NOT_FOUND', { taskId: target.taskId });
  if (task.version !== input.version) throw new AppError('PLAN_TASK_VERSION_CONFLICT', { version: task.version });
  const problem = checkReport(task, input);
  if (problem) throw new AppError(problem, { number: task.number });
  if (input.fileIds.length) await filesForUse(tx, ctx.actor, input.fileIds);
  const completedOn = input.status === 'done' ? (task.completedOn ?? todayInVietnam(now)) : null;
  const [updated] = await tx
    .update(planTasks)
    .set({
      status: input.status,
      progress: input.progress,
      completedOn,
      version: task.version + 1,
      updatedAt: now,
    })
    .where(eq(planTasks.id, task.id))
    .returning();
  await tx.insert(planTaskUpdates).values({
    taskId: task.id,
    unitId: target.unitId,
    authorId: ctx.actor.userId,
    status: input.status,
    progress: input.progress,
    comment: input.comment,
    fileIds: input.fileIds,
    createdAt: now,
  });
  await recordChange(tx, ctx, {
    action: 'plan.task.report',
    targetType: 'plan_task',
    targetId: task.id,
    unitId: target.unitId ?? target.issuerUnitId,
    before: { status: task.status, progress: task.progress },
    after: { status: input.status, progress: input.progress, files: input.fileIds.length },
    event: {
      planId: target.planId,
      taskId: task.id,
      number: task.number,
      status: input.status,
      progress: input.progress,
    },
  });
  return updated!;
}

/**
 * The unit a report on a task is made for, or undefined when the actor may not report on it: a
 * lead unit the actor holds plan.report over; for a collective lead ("Các Phòng, ban, đơn vị"),
 * any unit under the issuer the actor holds it over; the plan's manager (plan.manage over the
 * issuer) reports for the plan as a whole (null).
 */
export async function reportingUnitFor(
  db: Queryable,
  actor: Actor,
  issuerUnitId: string,
  leads: readonly { unitId: string | null; collective: boolean; role: string }[],
): Promise<string | null | undefined> {
  for (const lead of leads.filter((l) => l.role === 'lead')) {
    if (lead.unitId && can(actor, 'plan.report', { unitPath: await unitPath(db, lead.unitId) })) return lead.unitId;
    if (lead.collective) {
      for (const unitId of unitsWhere(actor, 'plan.report')) {
        if ((await unitPath(db, unitId)).includes(issuerUnitId)) return unitId;
      }
    }
  }
  if (can(actor, 'plan.manage', { unitPath: await unitPath(db, issuerUnitId) })) return null;
  return undefined;
}

/**
 * The issuers whose plans the actor may read: units in the subtrees where it holds plan.read
 * (their own plans) and the units above them (a plan of the office or the province names them).
 */
export async function readableIssuers(db: Queryable, actor: Actor): Promise<string[]> {
  const roots = unitsWhere(actor, 'plan.read');
  const below = await subtreeIds(db, roots);
  const above = (await Promise.all(roots.map((u) => unitPath(db, u)))).flat();
  return [...new Set([...below, ...above])];
}

/** Whether the actor may read a plan: its issuer is readable, or the plan names a unit the actor holds plan.read over. */
export async function mayReadPlan(
  db: Queryable,
  actor: Actor,
  plan: { issuerUnitId: string },
  assignedUnitIds: readonly string[],
): Promise<boolean> {
  if ((await readableIssuers(db, actor)).includes(plan.issuerUnitId)) return true;
  for (const unitId of assignedUnitIds) {
    if (can(actor, 'plan.read', { unitPath: await unitPath(db, unitId) })) return true;
  }
  return false;
}
