import { z } from 'zod';
import { IsoDate, Version } from '../../kernel/schemas.js';
import { TASK_STATUSES } from './progress.rules.js';
import { RECURRENCES } from './recurrence.rules.js';

export const PlanSourceSchema = z.enum(['text', 'xlsx', 'docx']);
const TaskKindSchema = z.enum(['group', 'task', 'target']);
const ScheduleKindSchema = z.enum([
  'due',
  'recurring',
  'ongoing',
  'event',
  'per_instruction',
  'unspecified',
  'unparsed',
]);
export const TaskStatusSchema = z.enum(TASK_STATUSES);

export const PreviewBody = z
  .object({
    issuerUnitId: z.uuid().describe('The unit whose plan it is: units are matched in its subtree first'),
    source: PlanSourceSchema,
    text: z.string().max(500_000).optional().describe('source text: the plan pasted from its PDF'),
    fileBase64: z.string().max(8_000_000).optional().describe('source xlsx or docx: the file, base64'),
  })
  .refine((b) => (b.source === 'text' ? b.text !== undefined : b.fileBase64 !== undefined), {
    message: 'Cần văn bản (text) hoặc tệp (fileBase64) tương ứng với nguồn.',
  });

const Schedule = z.object({
  kind: ScheduleKindSchema,
  dueOn: IsoDate.nullable(),
  reporting: z
    .enum(RECURRENCES)
    .nullable()
    .describe('recurring: how often it falls due (dueOn is the current occurrence); ongoing: how often it reports'),
});

export const UnitAssignment = z.object({
  label: z.string().min(1).max(300),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable().optional(),
  collective: z.boolean(),
  /** Preview only: other units the name could mean. */
  candidates: z.array(z.object({ id: z.uuid(), name: z.string() })).optional(),
});

const TaskDraftFields = {
  number: z.string().regex(/^\d+(\.\d+)*$/),
  title: z.string().min(1).max(2000),
  lead: z.array(UnitAssignment).max(20),
  coordinating: z.array(UnitAssignment).max(50),
  timeframeText: z.string().max(500),
  expectedOutput: z.string().max(2000),
  notes: z.string().max(2000),
};

export const PreviewTask = z.object({
  ...TaskDraftFields,
  parentNumber: z.string().nullable(),
  depth: z.number().int(),
  kind: TaskKindSchema,
  schedule: Schedule,
});

export const PlanHeading = z.object({
  issuerName: z.string().max(300),
  number: z.string().max(100),
  issuedOn: IsoDate.nullable(),
  title: z.string().max(1000),
  legalBasis: z.string().max(4000),
  periodFrom: IsoDate.nullable(),
  periodTo: IsoDate.nullable(),
});

export const Preview = z
  .object({
    heading: PlanHeading,
    tasks: z.array(PreviewTask),
    problems: z.array(z.object({ number: z.string(), problem: z.string() })),
    unmatched: z
      .array(z.object({ label: z.string(), numbers: z.array(z.string()) }))
      .describe('Unit names not matched to the org tree, with the tasks that name them: to review'),
  })
  .meta({ id: 'PlanImportPreview' });

export const CreatePlanBody = z.object({
  issuerUnitId: z.uuid(),
  source: PlanSourceSchema,
  issuerName: z.string().min(1).max(300),
  number: z.string().max(100),
  issuedOn: IsoDate.nullable(),
  title: z.string().min(1).max(1000),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  legalBasis: z.string().max(4000),
  tasks: z.array(z.object(TaskDraftFields)).min(1).max(2000),
});

const Completion = z.object({
  total: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
  overdue: z.number().int(),
  completionPercent: z.number().int(),
  averageProgress: z.number().int(),
});

export const PlanSummary = z
  .object({
    id: z.uuid(),
    issuerUnitId: z.uuid(),
    issuerName: z.string(),
    number: z.string(),
    issuedOn: IsoDate.nullable(),
    title: z.string(),
    periodFrom: IsoDate,
    periodTo: IsoDate,
    legalBasis: z.string(),
    source: PlanSourceSchema,
    createdAt: z.iso.datetime(),
    completion: Completion,
  })
  .meta({ id: 'PlanSummary' });

export const PlanTask = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    number: z.string(),
    kind: TaskKindSchema,
    title: z.string(),
    lead: z.array(UnitAssignment),
    coordinating: z.array(UnitAssignment),
    timeframeText: z.string(),
    schedule: Schedule,
    expectedOutput: z.string(),
    notes: z.string(),
    status: TaskStatusSchema,
    progress: z.number().int(),
    completedOn: IsoDate.nullable(),
    deadline: z.enum(['done', 'overdue', 'due_soon', 'on_track', 'no_due_date']),
    version: z.number().int(),
  })
  .meta({ id: 'PlanTask' });

export const PlanDetail = PlanSummary.extend({
  tasks: z.array(PlanTask),
  byUnit: z.array(z.object({ label: z.string(), unitId: z.uuid().nullable(), completion: Completion })),
}).meta({ id: 'PlanDetail' });

export const PlanList = z.object({ plans: z.array(PlanSummary) });

export const TaskParams = z.object({ id: z.uuid(), taskId: z.uuid() });

export const TaskUpdateBody = z.object({
  status: TaskStatusSchema,
  progress: z.number().int().min(0).max(100),
  comment: z.string().max(4000).default(''),
  fileIds: z.array(z.uuid()).max(20).default([]),
  version: Version,
});

export const TaskUpdate = z.object({
  id: z.number().int(),
  unitId: z.uuid().nullable(),
  authorName: z.string(),
  status: TaskStatusSchema,
  progress: z.number().int(),
  comment: z.string(),
  fileIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
});

export const TaskDetail = z
  .object({ task: PlanTask, history: z.array(TaskUpdate), mayReport: z.boolean() })
  .meta({ id: 'PlanTaskDetail' });

export const ReportQuery = z.object({
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
  asOf: IsoDate.optional().describe('The day the report is drawn up to (default today, Vietnam)'),
});
