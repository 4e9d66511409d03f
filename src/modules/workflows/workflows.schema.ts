import { z } from 'zod';
import { IsoDate, Paging } from '../../kernel/schemas.js';
import { CHANNELS, TIME_UNITS } from '../catalog/procedure.content.js';
import { PROBLEM_CODES } from './workflow.rules.js';
import { WorkflowSteps } from './workflow.steps.js';
import { WORKFLOW_STATUSES } from './workflows.tables.js';

export const WorkflowStatusSchema = z.enum(WORKFLOW_STATUSES).meta({ id: 'WorkflowStatus' });

export const WorkflowProblem = z
  .object({
    code: z.enum(PROBLEM_CODES),
    path: z.array(z.union([z.string(), z.number()])).describe('Where in the request, e.g. ["steps", 2, "next", 0]'),
    message: z.string(),
    severity: z.enum(['error', 'warning']).describe('Errors block approval; warnings inform'),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'WorkflowProblem' });

export const WorkflowValidation = z
  .object({
    valid: z.boolean(),
    problems: z.array(WorkflowProblem),
    pathMinutes: z
      .number()
      .nullable()
      .describe('Longest start→end path in working minutes (parallel consultations by their longest branch)'),
    longestPath: z.array(z.string()).describe('Step keys of the longest path'),
    channels: z.array(
      z.object({
        channel: z.enum(CHANNELS),
        value: z.number(),
        unit: z.enum(TIME_UNITS),
        limitMinutes: z.number().describe('Legal limit in working minutes (calendar days: upper bound N working days)'),
        withinLimit: z.boolean().nullable(),
      }),
    ),
    minutesPerWorkingDay: z.number().int(),
  })
  .meta({ id: 'WorkflowValidation' });

export const WorkflowCompliance = z
  .object({
    dayKind: z.enum(['calendar', 'working']),
    approvalDays: z.number().int(),
    activationDays: z.number().int(),
    decisionSignedDate: IsoDate.nullable(),
    approvalDeadline: IsoDate.nullable(),
    approvedWithinLimit: z
      .boolean()
      .nullable()
      .describe('Approved ≤ N days after the publication decision (seed 002); null = not yet due or no decision'),
    activationDeadline: IsoDate.nullable(),
    activatedWithinLimit: z
      .boolean()
      .nullable()
      .describe('Active ≤ N days after approval (seed 002); null = not yet due'),
  })
  .meta({ id: 'WorkflowCompliance' });

export const WorkflowSummary = z
  .object({
    id: z.uuid(),
    procedureId: z.uuid(),
    nationalCode: z.string(),
    procedureName: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    versionNo: z.number().int(),
    status: WorkflowStatusSchema,
    procedureVersionId: z.uuid(),
    decisionId: z.uuid().nullable(),
    name: z.string(),
    createdAt: z.date(),
    createdBy: z.uuid().nullable(),
    updatedAt: z.date().describe('Send back unchanged when editing (optimistic lock)'),
    approvedAt: z.date().nullable(),
    approvedBy: z.uuid().nullable(),
    activatedAt: z.date().nullable(),
    activatedBy: z.uuid().nullable(),
    retiredAt: z.date().nullable(),
  })
  .meta({ id: 'WorkflowSummary' });

export const WorkflowDetail = WorkflowSummary.extend({
  steps: WorkflowSteps,
  validation: WorkflowValidation,
  compliance: WorkflowCompliance,
}).meta({ id: 'WorkflowDetail' });

export const WorkflowListQuery = Paging.extend({
  procedureId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  status: WorkflowStatusSchema.optional(),
});

const Name = z.string().trim().min(1).max(500);

export const CreateWorkflowBody = z.object({
  procedureId: z.uuid(),
  unitId: z.uuid().describe('The competent unit whose workflow this is'),
  name: Name,
  steps: WorkflowSteps,
  decisionId: z
    .uuid()
    .nullable()
    .optional()
    .describe('Publication decision implemented (default: the one behind the current procedure version)'),
});

export const UpdateWorkflowBody = z.object({
  name: Name.optional(),
  steps: WorkflowSteps.optional(),
  updatedAt: z.iso.datetime({ offset: true }).describe('The updatedAt read with the draft (optimistic lock)'),
});

export const ValidateWorkflowBody = z.object({
  procedureId: z.uuid(),
  unitId: z.uuid(),
  steps: WorkflowSteps,
});

export const ApproveWorkflowBody = z
  .object({
    updatedAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('The updatedAt of the draft the leader reviewed: approving fails with 409 if it was edited since'),
  })
  // No body at all arrives as null.
  .nullish();
