/** HTTP schemas of dossiers: validated requests and the OpenAPI document come from these. */
import { z } from 'zod';
import { EformValues } from '../eforms/eforms.schema.js';
import { ROLES } from '../../kernel/context.js';
import { BoolQuery, Paging } from '../../kernel/schemas.js';
import { CHANNELS } from '../catalog/procedure.content.js';
import { Applicant } from './applicant.schema.js';
import { DOSSIER_STATUS_NAMES } from './status.rules.js';
import { DOSSIER_ACTIONS } from './actions.rules.js';
import { DOSSIER_FORMS } from './dossier-forms.js';

const FiledComponent = z.union([
  z.object({ componentId: z.uuid(), fileIds: z.array(z.uuid()).min(1).max(50) }).strict(),
  z
    .object({ componentId: z.uuid(), storeItemId: z.uuid().describe('Reuse an item of the applicant’s data store') })
    .strict(),
]);

/** At intake a component may also come from the national data store (DuocLayTuKhoDMQG). */
const IntakeComponent = z.union([
  ...FiledComponent.options,
  z
    .object({
      componentId: z.uuid(),
      originalChecked: z
        .literal(true)
        .describe('Counter/postal: shown and checked against the original (đã đối chiếu bản chính), no file'),
    })
    .strict(),
  z
    .object({
      componentId: z.uuid(),
      nationalDocumentId: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .describe('Mã giấy tờ in the national data store (GET /api/store/national)'),
    })
    .strict(),
]);

export const IntakeBody = z
  .object({
    procedureId: z.uuid(),
    channel: z.enum(CHANNELS),
    applicant: Applicant,
    components: z.array(IntakeComponent).max(100).default([]),
    receivingUnitId: z.uuid().optional(),
    competentUnitId: z.uuid().optional(),
    eform: z
      .object({ values: EformValues })
      .optional()
      .describe(
        'The filled tờ khai điện tử (required online when the procedure has one): stands for its tờ khai component',
      ),
  })
  .meta({ id: 'DossierIntake' });

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('A retried request with the same key returns the same dossier'),
});

export const CodeParams = z.object({
  code: z.string().trim().min(10).max(60).describe('Mã hồ sơ, e.g. 000.00.02.H91-261123-0001'),
});
export const FormParams = CodeParams.extend({
  form: z
    .enum(DOSSIER_FORMS)
    .describe(
      'Mẫu số: 01 tiếp nhận và hẹn trả, 02 yêu cầu bổ sung, 03 từ chối, 04 xin lỗi và hẹn lại, 05 dừng giải quyết, 06 kiểm soát quá trình',
    ),
});

const UnitRef = z.object({ id: z.uuid(), name: z.string(), officialCode: z.string() });

export const DossierSummary = z
  .object({
    id: z.uuid(),
    code: z.string(),
    status: z.enum(DOSSIER_STATUS_NAMES),
    nationalStatusCode: z.number().int().describe('TrangThaiHoSo on the national portal (1–10)'),
    channel: z.enum(CHANNELS),
    submittedAt: z.date(),
    receivedAt: z.date().nullable(),
    appointmentAt: z.date().nullable(),
    currentStepKey: z.string().nullable(),
    completedAt: z.date().nullable(),
    outcome: z.enum(['early', 'onTime', 'late']).nullable().describe('Against the appointment, once processing ended'),
    returnedAt: z.date().nullable(),
    supplementCount: z.number().int(),
    legalDueAt: z
      .date()
      .nullable()
      .describe('Hạn giải quyết theo quy định (moved only by the applicant’s pauses); outcome is measured against it'),
    timeState: z
      .enum(['withinTime', 'dueSoon', 'overdue'])
      .nullable()
      .describe('Unfinished: against the appointment; null once finished'),
    apologyDue: z.boolean().describe('An apology and new appointment (mẫu 04) is needed now'),
    currentStep: z
      .object({
        key: z.string(),
        name: z.string(),
        unitId: z.uuid().nullable(),
        dueAt: z.date().nullable(),
        assigneeUserId: z.uuid().nullable(),
      })
      .nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'DossierSummary' });

const Timeliness = z.enum(['early', 'onTime', 'late']);
const IsoDate = z.iso.date();

export const DossierDetail = DossierSummary.extend({
  procedure: z.object({ id: z.uuid(), nationalCode: z.string(), name: z.string(), versionId: z.uuid() }),
  receivingUnit: UnitRef,
  competentUnit: UnitRef,
  applicant: z.unknown().describe('Applicant as filed'),
  fees: z.array(z.object({ name: z.string(), amountVnd: z.number().int() })),
  components: z.array(
    z.object({
      componentId: z.uuid(),
      name: z.string(),
      fileIds: z.array(z.uuid()),
      nationalDocumentId: z.string().nullable().describe('Taken from the national data store (mã giấy tờ there)'),
      originalCheck: z
        .object({ byName: z.string().nullable(), at: z.date() })
        .nullable()
        .describe('Checked against the original at the counter instead of a file (đã đối chiếu bản chính)'),
    }),
  ),
  populationCheck: z
    .enum(['verified', 'notFound', 'unavailable'])
    .nullable()
    .describe(
      'Population-data check at intake (CSDLQG về dân cư): verified; notFound (no such identifier); unavailable (not answered: unverified). null: procedure not connected, or an organisation',
    ),
  populationCheckedAt: z.date().nullable().describe('When the population database answered'),
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      stepKey: z.string().nullable(),
      toStepKey: z.string().nullable(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
      stepDueAt: z.date().nullable(),
      stepOutcome: Timeliness.nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
      occurredAt: z.date(),
    }),
  ),
  consultations: z.array(
    z.object({
      id: z.uuid(),
      stepKey: z.string(),
      unitId: z.uuid(),
      unitName: z.string(),
      question: z.string(),
      requestedAt: z.date(),
      requestedByName: z.string().nullable().describe('null: planned by the workflow'),
      dueAt: z.date(),
      answer: z.string().nullable(),
      answeredAt: z.date().nullable(),
      answeredByName: z.string().nullable(),
      outcome: Timeliness.nullable(),
    }),
  ),
  results: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      fileId: z.uuid(),
      number: z.string(),
      issuedOn: z.string(),
      issuer: z.string(),
      validUntil: z.string().nullable(),
      signer: z.string(),
      signedAt: z.date(),
      certificateSerial: z.string(),
      verification: z.enum(['valid', 'invalid', 'unsigned', 'unverifiable']),
      verificationDetail: z.string().nullable(),
      paperCopy: z.boolean(),
    }),
  ),
  extensions: z.array(
    z.object({
      reason: z.string(),
      previousAppointmentAt: z.date(),
      newAppointmentAt: z.date(),
      approvedByName: z.string(),
      createdAt: z.date(),
    }),
  ),
  obligations: z.array(
    z.object({
      id: z.uuid(),
      description: z.string(),
      amountVnd: z.number().int(),
      requestedAt: z.date(),
      paidAt: z.date().nullable(),
      receiptNumber: z.string().nullable(),
    }),
  ),
  allowedActions: z.array(z.enum(DOSSIER_ACTIONS)).describe('What the caller may do now'),
}).meta({ id: 'DossierDetail' });

export const ActionBody = z
  .object({
    action: z.enum(DOSSIER_ACTIONS),
    version: z.number().int().positive().describe('The version read with the dossier (stale → 409)'),
    toStep: z.string().trim().max(40).optional().describe('forward, signResult, return: the step to go to'),
    note: z
      .string()
      .trim()
      .min(1)
      .max(4000)
      .optional()
      .describe(
        'Request, reason or answer (required by requestSupplement, refuse, stop, transfer, apologize and the consultations); forward and signResult: the comment to the next handler, shown in the timeline',
      ),
    resultChannel: z.enum(CHANNELS).optional(),
    assigneeUserId: z
      .uuid()
      .optional()
      .describe(
        'forward, signResult: the official who takes the next step (người xử lý tiếp theo); default the least loaded eligible one (GET /api/dossiers/{code}/next-handlers)',
      ),
    components: z.array(FiledComponent).min(1).max(100).optional().describe('supply: the new files or stored items'),
    consultations: z
      .array(z.object({ unitId: z.uuid(), workingDays: z.number().positive().max(100).multipleOf(0.5) }).strict())
      .min(1)
      .max(20)
      .optional()
      .describe('requestConsultation: the units asked, each with its own time'),
    consultationId: z.uuid().optional().describe('answerConsultation'),
    toUnitId: z.uuid().optional().describe('transfer: the other competent unit'),
    obligation: z
      .object({ description: z.string().trim().min(1).max(1000), amountVnd: z.number().int().positive().max(1e12) })
      .strict()
      .optional()
      .describe('requestPayment: what to pay, in VND'),
    receiptNumber: z.string().trim().min(1).max(100).optional().describe('confirmPayment'),
    obligationId: z
      .uuid()
      .optional()
      .describe('confirmPayment: the obligation paid (needed when more than one awaits payment)'),
    newAppointmentDate: IsoDate.optional().describe('apologize: the new appointment date (a working day)'),
    result: z
      .object({
        name: z.string().trim().min(1).max(1000).optional(),
        fileId: z.uuid(),
        number: z.string().trim().min(1).max(100).describe('Số, ký hiệu'),
        issuedOn: IsoDate,
        issuer: z.string().trim().min(1).max(500),
        validUntil: IsoDate.optional(),
        signer: z.string().trim().min(1).max(300),
        certificateSerial: z.string().trim().min(1).max(200),
        paperCopy: z.boolean().optional(),
      })
      .strict()
      .optional()
      .describe('signResult: the electronic result and its signature'),
  })
  .strict()
  .meta({ id: 'DossierAction' });

export const WorklistQuery = Paging.extend({
  unit: z
    .uuid()
    .optional()
    .describe(
      'Dossiers received or handled by this unit and its sub-units (default: every unit where you may read dossiers)',
    ),
  status: z.enum(DOSSIER_STATUS_NAMES).optional(),
  overdue: BoolQuery.optional().describe('true: unfinished and past the appointment; false: the others'),
  timeState: z.enum(['withinTime', 'dueSoon', 'overdue']).optional().describe('Unfinished dossiers in this time state'),
  mine: BoolQuery.optional().describe('true: dossiers whose current step (or an open consultation) is yours to work'),
});

export const WorklistItem = DossierSummary.extend({
  procedureName: z.string(),
  overdue: z.boolean(),
  applicantName: z.string(),
}).meta({ id: 'WorklistItem' });

export const NextHandlers = z
  .object({
    steps: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        role: z.enum(ROLES).nullable().describe('The role that works the step (null: the workflow names one official)'),
        defaultUserId: z
          .uuid()
          .nullable()
          .describe('Who takes it when the forward names nobody: the least loaded (null: nobody holds the role)'),
        handlers: z
          .array(
            z.object({
              userId: z.uuid(),
              fullName: z.string(),
              openDossiers: z.number().int().describe('Open dossiers at a step assigned to them now'),
            }),
          )
          .describe('Least loaded first'),
      }),
    ),
  })
  .meta({ id: 'DossierNextHandlers' });
