/**
 * The steps document of an internal workflow (quy trình nội bộ): what a workflow definition
 * stores in `workflow_definitions.steps`. Checked by these schemas for shape on the way in (400
 * VALIDATION_FAILED), then by workflow.rules.ts for meaning (problems with paths and codes), so
 * a draft may be saved while still wrong but only a valid one can be approved.
 */
import { z } from 'zod';
import { ROLES } from '../../kernel/context.js';

/** Hành động cho phép tại một bước. */
export const STEP_ACTIONS = [
  'forward', // chuyển bước tiếp theo
  'return', // trả lại bước trước (returnTo)
  'consult', // xin ý kiến đơn vị khác (ad hoc, beside the planned consultations)
  'transfer', // chuyển cơ quan có thẩm quyền khác
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** Allotments are in working time only: internal steps are worked in office hours. */
export const ALLOTMENT_UNITS = ['workingDays', 'workingHours'] as const;

export const StepKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Mã bước gồm chữ thường không dấu, số, "-" hoặc "_" (tối đa 40 ký tự)');

/** Thời gian thực hiện của bước. Working days in steps of 0.5 (the calendar's unit, see rules). */
export const Allotment = z
  .object({
    value: z.number().positive().max(1000),
    unit: z.enum(ALLOTMENT_UNITS),
  })
  .meta({ id: 'WorkflowAllotment' });

/**
 * Who works the step: a role within the responsible unit, or a named official (cán bộ được
 * phân công đích danh). Exactly one of the two.
 */
export const Assignee = z
  .union([z.object({ role: z.enum(ROLES) }).strict(), z.object({ userId: z.uuid() }).strict()])
  .meta({ id: 'WorkflowAssignee' });

/**
 * Bước xin ý kiến song song: runs beside its main step, starting and (at the latest) ending with
 * it. The main step forwards only when every consultation has answered.
 */
export const ConsultationStep = z
  .object({
    key: StepKey,
    name: z.string().trim().min(1).max(300),
    /** The consulted unit (another department, a commune, a division). */
    unitId: z.uuid(),
    role: z.enum(ROLES).nullable().optional(),
    allotment: Allotment,
  })
  .meta({ id: 'WorkflowConsultationStep' });

export const WorkflowStep = z
  .object({
    key: StepKey,
    name: z.string().trim().min(1).max(300),
    /** Đơn vị chịu trách nhiệm: null = the competent unit itself; else a unit id (a division below it, another unit). */
    unitId: z.uuid().nullable(),
    assignee: Assignee,
    allotment: Allotment,
    actions: z.array(z.enum(STEP_ACTIONS)).max(STEP_ACTIONS.length),
    /** Keys of the steps this one forwards to; empty = an end step (kết thúc). */
    next: z.array(StepKey).max(20),
    /** Earlier steps this one may return the dossier to (requires the `return` action). */
    returnTo: z.array(StepKey).max(20).default([]),
    consultations: z.array(ConsultationStep).max(20).default([]),
  })
  .meta({ id: 'WorkflowStep' });

export const WorkflowSteps = z.array(WorkflowStep).max(100);

export type WorkflowStep = z.infer<typeof WorkflowStep>;
export type WorkflowStepInput = z.input<typeof WorkflowStep>;
export type ConsultationStep = z.infer<typeof ConsultationStep>;
export type Allotment = z.infer<typeof Allotment>;
