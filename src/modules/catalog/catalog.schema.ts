/** HTTP schemas of the catalog: validated requests and the OpenAPI document come from these. */
import { z } from 'zod';
import { BoolQuery, IsoDate, Paging } from '../../kernel/schemas.js';
import { DECISION_CHANGE_KINDS } from './catalog.tables.js';
import { ChannelOffer, Component, LEVELS, ONLINE_LEVELS, ProcedureContent } from './procedure.content.js';

export const ProcedureSearchQuery = Paging.extend({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Free text: name, code or acronym ("dang ky khai sinh", "ĐKKS", "1.001193")'),
  field: z.string().trim().max(50).optional().describe('Field code (lĩnh vực)'),
  level: z.enum(LEVELS).optional(),
  unit: z.uuid().optional().describe('Competent unit (and its sub-units)'),
  online: z.enum(ONLINE_LEVELS).optional(),
  includeAbolished: BoolQuery.optional(),
});

export const ProcedureSummary = z
  .object({
    id: z.uuid(),
    nationalCode: z.string(),
    name: z.string(),
    fieldCode: z.string(),
    fieldName: z.string(),
    levels: z.array(z.string()),
    onlineLevel: z.string(),
    status: z.string(),
    score: z.number().describe('Relevance (higher first)'),
  })
  .meta({ id: 'ProcedureSummary' });

const VersionInfo = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable(),
  decisionId: z.uuid(),
  decisionNumber: z.string(),
});

export const FormFileSchema = z
  .object({
    componentId: z.uuid(),
    fileName: z.string(),
    size: z.number().int(),
    mediaType: z.string().describe('application/pdf, application/msword or the DOCX type'),
    uploadedAt: z.date(),
    url: z.string().describe('Where anyone downloads it'),
  })
  .meta({ id: 'ProcedureFormFile' });

/** A form file as the API shows it: no uploader id, and the public download address. */
export function formFileView(f: {
  versionId: string;
  componentId: string;
  fileName: string;
  size: number;
  mediaType: string;
  uploadedAt: Date;
}): z.infer<typeof FormFileSchema> {
  const { componentId, fileName, size, mediaType, uploadedAt } = f;
  const url = `/api/procedure-versions/${f.versionId}/components/${componentId}/form-file`;
  return { componentId, fileName, size, mediaType, uploadedAt, url };
}

export const ProcedureDetail = z
  .object({
    id: z.uuid(),
    nationalCode: z.string(),
    status: z.string(),
    currentVersionId: z.uuid().nullable(),
    name: z.string(),
    fieldCode: z.string(),
    fieldName: z.string(),
    levels: z.array(z.string()),
    onlineLevel: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
    currentVersion: VersionInfo.extend({ content: z.unknown().describe('ProcedureContent') }),
    components: z
      .array(Component)
      .describe('Thành phần hồ sơ of the current version; every published component has an id'),
    channels: z.array(ChannelOffer).describe('Cách thức thực hiện: time limit and fees per channel'),
    formFiles: z
      .array(FormFileSchema)
      .describe('Blank forms (mẫu đơn, tờ khai) of the current version’s components that have one uploaded'),
    fullyOnlineEligible: z
      .boolean()
      .describe(
        'Đủ điều kiện cung cấp DVC trực tuyến toàn trình (the current version says, or: offered online at all)',
      ),
    populationDataConnected: z
      .boolean()
      .describe('Kết nối CSDLQG về dân cư: intake checks a citizen applicant against the population database'),
    identityLevelRequired: z
      .union([z.literal(1), z.literal(2)])
      .describe('Mức độ định danh điện tử a citizen must have signed in with to file (1: any)'),
    competentUnits: z.array(z.object({ id: z.uuid(), name: z.string(), officialCode: z.string() })),
    versions: z.array(VersionInfo),
  })
  .meta({ id: 'ProcedureDetail' });

export const ProcedureVersionDetail = VersionInfo.extend({
  procedureId: z.uuid(),
  content: z.unknown().describe('ProcedureContent'),
}).meta({ id: 'ProcedureVersion' });

export const Field = z.object({ code: z.string(), name: z.string() }).meta({ id: 'ProcedureField' });
export const FieldParams = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9_.-]+$/),
});
export const FieldBody = z.object({ name: z.string().trim().min(1).max(300) });

const DecisionHeaderFields = {
  number: z.string().trim().min(1).max(100).describe('Số quyết định, e.g. 1234/QĐ-UBND'),
  signedDate: IsoDate,
  signer: z.string().trim().min(1).max(200),
  issuingUnitId: z.uuid(),
  effectiveDate: IsoDate,
  legalBasisEffectiveDate: IsoDate.nullable().optional(),
  nationalPublishedDate: IsoDate.nullable().optional(),
};

const DecisionItemBody = z.object({
  changeKind: z.enum(DECISION_CHANGE_KINDS),
  nationalCode: z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục phải có dạng d.dddddd'),
  replacesNationalCode: z
    .string()
    .regex(/^\d\.\d{6}$/)
    .nullable()
    .optional(),
  content: ProcedureContent.optional(),
});

export const IssueDecisionBody = z
  .object({ ...DecisionHeaderFields, items: z.array(DecisionItemBody).min(1).max(5000) })
  .refine((d) => d.effectiveDate >= d.signedDate, {
    path: ['effectiveDate'],
    message: 'Ngày có hiệu lực không thể trước ngày ký',
  })
  .meta({ id: 'IssueDecision' });

export const DecisionCompliance = z.object({
  leadWorkingDays: z.number().int().nullable(),
  decisionOnTime: z.boolean().nullable().describe('Dated ≥ 5 working days before the legal basis takes effect'),
  publicationWorkingDays: z.number().int().nullable(),
  publishedOnTime: z.boolean().nullable().describe('Published on the national database ≤ 5 working days after'),
});

export const Decision = z
  .object({
    id: z.uuid(),
    number: z.string(),
    signedDate: IsoDate,
    signer: z.string(),
    issuingUnitId: z.uuid(),
    issuingUnitName: z.string(),
    effectiveDate: IsoDate,
    legalBasisEffectiveDate: IsoDate.nullable(),
    nationalPublishedDate: IsoDate.nullable(),
    createdAt: z.date(),
    compliance: DecisionCompliance,
  })
  .meta({ id: 'PublicationDecision' });

export const DecisionDetail = Decision.extend({
  items: z.array(
    z.object({
      procedureId: z.uuid(),
      nationalCode: z.string(),
      name: z.string(),
      changeKind: z.enum(DECISION_CHANGE_KINDS),
      versionId: z.uuid().nullable(),
      replacesProcedureId: z.uuid().nullable(),
    }),
  ),
}).meta({ id: 'PublicationDecisionDetail' });

export const NationalPublicationBody = z.object({ nationalPublishedDate: IsoDate });

export const ImportQuery = z
  .object({
    ...DecisionHeaderFields,
    fileName: z.string().trim().max(300).optional(),
  })
  .refine((d) => d.effectiveDate >= d.signedDate, {
    path: ['effectiveDate'],
    message: 'Ngày có hiệu lực không thể trước ngày ký',
  });

export const ImportStatus = z
  .object({
    id: z.uuid(),
    status: z.enum(['running', 'done', 'failed']),
    format: z.string(),
    fileName: z.string().nullable(),
    decisionId: z.uuid().nullable(),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    importedRows: z.number().int(),
    rejected: z.array(
      z.object({
        row: z.number().int(),
        nationalCode: z.string().nullable(),
        problems: z.array(z.object({ field: z.string(), message: z.string() })),
      }),
    ),
    error: z.string().nullable(),
    createdAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'CatalogImport' });
