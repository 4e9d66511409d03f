/** HTTP schemas of dossiers: validated requests and the OpenAPI document come from these. */
import { z } from 'zod';
import { BoolQuery, Paging } from '../../server/http/schemas.js';
import { CHANNELS } from '../catalog/procedure.content.js';
import { Applicant } from './applicant.schema.js';
import { DOSSIER_STATUS_NAMES } from './status.rules.js';
import { DOSSIER_ACTIONS } from './actions.rules.js';
import { DOSSIER_FORMS } from './dossier-forms.js';

export const IntakeBody = z
  .object({
    procedureId: z.uuid(),
    channel: z.enum(CHANNELS),
    applicant: Applicant,
    components: z
      .array(
        z.union([
          z.object({ componentId: z.uuid(), fileIds: z.array(z.uuid()).min(1).max(50) }).strict(),
          z.object({ componentId: z.uuid(), storeItemId: z.uuid().describe('Reuse an item of the applicant’s data store') }).strict(),
        ]),
      )
      .max(100)
      .default([]),
    receivingUnitId: z.uuid().optional(),
    competentUnitId: z.uuid().optional(),
  })
  .meta({ id: 'DossierIntake' });

export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().trim().min(1).max(200).optional().describe('A retried request with the same key returns the same dossier'),
});

export const CodeParams = z.object({ code: z.string().trim().min(10).max(60).describe('Mã hồ sơ, e.g. 000.00.02.H91-261123-0001') });
export const FormParams = CodeParams.extend({
  form: z.enum(DOSSIER_FORMS).describe('Mẫu số: 01 tiếp nhận và hẹn trả, 02 yêu cầu bổ sung, 03 từ chối, 06 kiểm soát quá trình'),
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
    version: z.number().int(),
  })
  .meta({ id: 'DossierSummary' });

export const DossierDetail = DossierSummary.extend({
  procedure: z.object({ id: z.uuid(), nationalCode: z.string(), name: z.string(), versionId: z.uuid() }),
  receivingUnit: UnitRef,
  competentUnit: UnitRef,
  applicant: z.unknown().describe('Applicant as filed'),
  fees: z.array(z.object({ name: z.string(), amountVnd: z.number().int() })),
  components: z.array(z.object({ componentId: z.uuid(), name: z.string(), fileIds: z.array(z.uuid()) })),
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
      stepOutcome: z.enum(['early', 'onTime', 'late']).nullable(),
      occurredAt: z.date(),
    }),
  ),
  allowedActions: z.array(z.enum(DOSSIER_ACTIONS)).describe('What the caller may do now'),
}).meta({ id: 'DossierDetail' });

export const ActionBody = z
  .object({
    action: z.enum(DOSSIER_ACTIONS),
    version: z.number().int().positive().describe('The version read with the dossier (stale → 409)'),
    toStep: z.string().trim().max(40).optional(),
    note: z.string().trim().min(1).max(4000).optional(),
    resultChannel: z.enum(CHANNELS).optional(),
  })
  .meta({ id: 'DossierAction' });

export const WorklistQuery = Paging.extend({
  unit: z.uuid().optional().describe('Dossiers received or handled by this unit and its sub-units (default: every unit where you may read dossiers)'),
  status: z.enum(DOSSIER_STATUS_NAMES).optional(),
  overdue: BoolQuery.optional().describe('true: unfinished and past the appointment; false: the others'),
});

export const WorklistItem = DossierSummary.extend({
  procedureName: z.string(),
  overdue: z.boolean(),
}).meta({ id: 'WorklistItem' });
