/** HTTP schemas of feedback (phản ánh, kiến nghị). */
import { z } from 'zod';
import { Paging, Version } from '../../kernel/schemas.js';
import { FEEDBACK_ACTIONS, FEEDBACK_CATEGORIES, FEEDBACK_CHANNELS, FEEDBACK_STATUSES } from './feedback.rules.js';

export const RefParams = z.object({
  id: z.string().trim().min(6).max(60).describe('Id or code (PAKN-000123) of the item'),
});
export const PublicCodeParams = z.object({ code: z.string().trim().min(6).max(30).describe('PAKN-000123') });
const ContactToken = z
  .string()
  .min(20)
  .max(200)
  .optional()
  .describe('From a confirmed contact verification (anonymous callers)');

export const VerificationStart = z
  .object({ phone: z.string().trim().min(9).max(20).optional(), email: z.email().max(200).optional() })
  .strict();
export const VerificationConfirm = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/),
  })
  .strict();

export const SubmitterInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    phone: z.string().trim().max(20).optional(),
    email: z.email().max(200).optional(),
    address: z.string().trim().max(500).optional(),
    personalId: z.string().trim().max(20).optional(),
  })
  .strict();

export const FeedbackSubmit = z
  .object({
    channel: z.enum(FEEDBACK_CHANNELS),
    title: z.string().trim().min(5).max(300),
    content: z.string().trim().min(10).max(10_000),
    submitter: SubmitterInput,
    anonymous: z.boolean().default(false).describe('Do not show the submitter’s name on the portal'),
    procedureId: z.uuid().optional(),
    dossierCode: z.string().trim().min(10).max(60).optional(),
    fileIds: z.array(z.uuid()).max(20).optional().describe('Uploads from POST /api/files (signed-in callers)'),
    contactToken: ContactToken,
  })
  .strict()
  .meta({ id: 'FeedbackSubmit' });

export const FeedbackActionBody = z
  .object({
    action: z.enum(FEEDBACK_ACTIONS),
    version: Version,
    note: z
      .string()
      .trim()
      .min(1)
      .max(10_000)
      .optional()
      .describe('Reason, supplement request, supplied content or the answer'),
    category: z
      .enum(FEEDBACK_CATEGORIES)
      .optional()
      .describe('classify: regulation (quy định, chính sách, thủ tục) or conduct (hành vi cán bộ)'),
    unitId: z.uuid().optional().describe('classify / transfer: the competent unit'),
  })
  .strict();

const TimeState = z.enum(['withinTime', 'dueSoon', 'overdue']).nullable();
const Outcome = z.enum(['early', 'onTime', 'late']).nullable();

export const FeedbackDetail = z
  .object({
    id: z.uuid(),
    code: z.string(),
    channel: z.enum(FEEDBACK_CHANNELS),
    status: z.enum(FEEDBACK_STATUSES),
    category: z.enum(FEEDBACK_CATEGORIES).nullable(),
    title: z.string(),
    content: z.string(),
    submitter: SubmitterInput.partial().extend({ name: z.string() }),
    anonymous: z.boolean(),
    procedureId: z.uuid().nullable(),
    dossierId: z.uuid().nullable(),
    fileIds: z.array(z.uuid()),
    parentId: z.uuid().nullable(),
    unitId: z.uuid().nullable(),
    receivedAt: z.date(),
    refuseDueAt: z.date(),
    supplementDueAt: z.date(),
    answerDueAt: z.date(),
    publishDueAt: z.date().nullable(),
    timeState: TimeState,
    answer: z.string().nullable(),
    answeredAt: z.date().nullable(),
    completedAt: z.date().nullable(),
    outcome: Outcome,
    publishedAt: z.date().nullable(),
    publishOutcome: Outcome,
    likes: z.number().int(),
    dislikes: z.number().int(),
    complaints: z.number().int(),
    unsatisfied: z.boolean().describe('DOMAIN.md §9: dislikes > likes, overdue, or complained again'),
    version: z.number().int(),
    allowedActions: z.array(z.enum(FEEDBACK_ACTIONS)),
    history: z.array(
      z.object({
        action: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        unitId: z.uuid().nullable(),
        note: z.string().nullable(),
        dueAt: z.date().nullable(),
        outcome: Outcome,
        occurredAt: z.date(),
      }),
    ),
  })
  .meta({ id: 'FeedbackDetail' });

export const FeedbackListItem = FeedbackDetail.pick({
  id: true,
  code: true,
  channel: true,
  status: true,
  category: true,
  title: true,
  unitId: true,
  receivedAt: true,
  answerDueAt: true,
  timeState: true,
  outcome: true,
  version: true,
});
export const FeedbackListQuery = Paging.extend({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  unit: z.uuid().optional(),
});

export const SimilarItem = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  sameProcedure: z.boolean(),
  score: z.number(),
});
export const DueItem = FeedbackListItem.extend({ dueAt: z.date(), state: z.enum(['dueSoon', 'overdue']) });

export const PublicFeedback = z
  .object({
    code: z.string(),
    title: z.string(),
    content: z.string(),
    category: z.enum(FEEDBACK_CATEGORIES).nullable(),
    submitterName: z.string().describe('Masked (N*** V** A) or the anonymity notice'),
    procedure: z.object({ name: z.string(), nationalCode: z.string() }).nullable(),
    unitName: z.string().nullable(),
    receivedAt: z.date(),
    answer: z.string().nullable(),
    answeredAt: z.date().nullable(),
    publishedAt: z.date().nullable(),
    likes: z.number().int(),
    dislikes: z.number().int(),
    complaints: z.number().int(),
  })
  .meta({ id: 'PublicFeedback' });
export const PublicListQuery = Paging.extend({ q: z.string().trim().max(200).optional() });
export const VoteBody = z.object({ useful: z.boolean(), contactToken: ContactToken }).strict();
export const ComplaintBody = z
  .object({
    content: z.string().trim().min(10).max(10_000),
    name: z.string().trim().min(1).max(200).optional(),
    anonymous: z.boolean().default(false),
    contactToken: ContactToken,
  })
  .strict();
