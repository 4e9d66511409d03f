/** HTTP schemas of the public lookup (tra cứu hồ sơ): the allow-list of what the public sees. */
import { z } from 'zod';
import { CHANNELS } from '../catalog/procedure.content.js';
import { DOSSIER_STATUS_NAMES } from './status.rules.js';

export const PublicCodeParams = z.object({
  // Any text up to a sane length: its shape is checked by parseDossierCode (400 DOSSIER_CODE_INVALID).
  code: z.string().max(100).describe('Mã hồ sơ, e.g. 000.00.02.H91-261123-0001'),
});

export const PublicDossier = z
  .object({
    code: z.string(),
    status: z.object({
      name: z.enum(DOSSIER_STATUS_NAMES),
      nationalCode: z.number().int().min(1).max(10).describe('TrangThaiHoSo on the national portal (1–10)'),
      label: z.string().describe('Vietnamese label'),
    }),
    channel: z.enum(CHANNELS),
    procedure: z.object({ nationalCode: z.string(), name: z.string() }),
    receivingUnit: z.object({ name: z.string() }),
    competentUnit: z.object({ name: z.string() }),
    submittedAt: z.date(),
    receivedAt: z.date().nullable(),
    appointmentAt: z.date().nullable().describe('Ngày hẹn trả kết quả'),
    applicant: z.object({ maskedName: z.string().describe('e.g. N*** V** A: each word keeps its first letter') }),
    totalFeeVnd: z.number().int().describe('Phí, lệ phí (total, VND)'),
    steps: z.array(
      z.object({
        action: z.string(),
        label: z.string(),
        stepKey: z.string().nullable(),
        stepName: z.string().nullable().describe('From the dossier’s workflow version'),
        at: z.date(),
        outcome: z
          .object({ dueAt: z.date().nullable(), result: z.enum(['early', 'onTime', 'late']), onTime: z.boolean() })
          .nullable()
          .describe('For a step that has ended: against its allotment; null while the step runs'),
      }),
    ),
    result: z.object({
      available: z.boolean().describe('A result has been issued (false until results are recorded)'),
    }),
  })
  .meta({ id: 'PublicDossier' });
