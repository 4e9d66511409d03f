import { z } from 'zod';
import { IsoDate } from '../../kernel/schemas.js';
import { PREFILL_SOURCES, WIDGETS } from './eform.types.js';

export const EformValues = z
  .record(z.string().max(100), z.unknown())
  .describe('The form’s values by field key (dates dd/mm/yyyy; addresses {provinceCode, communeCode, detail})');

export const SourcedValues = z
  .record(z.string(), z.object({ value: z.unknown(), source: z.enum([...PREFILL_SOURCES, 'typed', 'computed']) }))
  .describe('Each value with where it came from');

export const EformField = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(WIDGETS),
  required: z.boolean(),
  section: z.string(),
});

export const Eform = z
  .object({
    version: z.number().int().describe('Form version within the procedure version'),
    procedureVersionId: z.uuid(),
    key: z.string(),
    title: z.string(),
    legalSource: z.string(),
    schema: z.record(z.string(), z.unknown()).describe('JSON Schema (draft 2020-12) of the values'),
    ui: z.record(z.string(), z.unknown()).describe('Sections, widgets and help text (vi/en)'),
    commitment: z.string(),
    signer: z.string(),
    fields: z.array(EformField),
  })
  .meta({ id: 'Eform' });

export const Prefill = z
  .object({ values: SourcedValues, prefilledShare: z.number().describe('Share of the form’s fields prefilled, 0–1') })
  .meta({ id: 'EformPrefill' });

export const PrefillQuery = z.object({
  applicant: z
    .string()
    .regex(/^\d{12}$/, 'Số định danh cá nhân gồm 12 chữ số')
    .optional()
    .describe('Staff: the applicant’s personal identifier (e.g. read from the chip card’s QR)'),
});

export const Draft = z.object({ values: EformValues, updatedAt: z.date().nullable() }).meta({ id: 'EformDraft' });

export const DraftBody = z.object({ values: EformValues });

export const FiledEform = z
  .object({
    key: z.string(),
    title: z.string(),
    version: z.number().int(),
    values: SourcedValues,
    fieldsTotal: z.number().int(),
    fieldsPrefilled: z.number().int(),
    fieldsTyped: z.number().int(),
    filedAt: z.date(),
  })
  .meta({ id: 'DossierEform' });

export const AddressUnit = z.object({ code: z.string(), name: z.string() });

export const FieldCutQuery = z.object({
  unit: z.uuid().describe('The unit (its sub-units included): competent or receiving unit of the dossiers'),
  from: IsoDate,
  to: IsoDate,
});

const Cut = z.object({
  dossiers: z.number().int(),
  fieldsTotal: z.number().int().describe('Fields of the legal forms filed (per dossier, summed)'),
  fieldsPrefilled: z.number().int(),
  fieldsTyped: z.number().int(),
  share: z.number().nullable().describe('Prefilled ÷ fields of the legal form'),
  meetsTarget: z.boolean().nullable().describe('Share ≥ 20 % (Plan 004)'),
});

export const FieldCutReply = z
  .object({
    total: Cut,
    procedures: z.array(Cut.extend({ procedureId: z.uuid(), nationalCode: z.string(), name: z.string() })),
  })
  .meta({ id: 'EformFieldCut' });

/** A form definition as an administrator writes it: checked by definition.rules.ts, not by this schema. */
const DefinitionInput = z
  .record(z.string(), z.unknown())
  .describe(
    'EformDefinition: key, procedureCodes, title, legalSource (the legal text cited), addressee, schema (JSON Schema 2020-12), ui {sections, fields}, commitment, signer',
  );

export const DefinitionBody = z.object({ definition: DefinitionInput });

export const DefinitionProblemSchema = z.object({ code: z.string(), path: z.string(), message: z.string() });

export const DefinitionCheck = z
  .object({ problems: z.array(DefinitionProblemSchema), fields: z.array(EformField) })
  .meta({ id: 'EformDefinitionCheck' });

export const VersionForms = z
  .object({
    procedureVersionId: z.uuid(),
    procedureId: z.uuid(),
    decision: z.object({ id: z.uuid(), number: z.string() }).describe('The publication decision of the version'),
    draft: z.object({ definition: DefinitionInput, updatedAt: z.date() }).nullable(),
    published: z.array(z.object({ formVersion: z.number().int(), createdAt: z.date(), definition: DefinitionInput })),
  })
  .meta({ id: 'EformVersionForms' });

export const DraftSaved = z.object({ definition: DefinitionInput, updatedAt: z.date() });

export const Published = z
  .object({
    formVersion: z.number().int(),
    procedureVersionId: z.uuid(),
    decision: z.object({ id: z.uuid(), number: z.string() }),
  })
  .meta({ id: 'EformPublished' });

const BundleForm = z.object({ nationalCode: z.string().min(1).max(30), definition: DefinitionInput });

export const FormsBundle = z
  .object({
    format: z.literal('motcua-eforms/1'),
    forms: z.array(BundleForm.extend({ formVersion: z.number().int() })),
  })
  .meta({ id: 'EformsBundle' });

export const FormsImportBody = z.object({
  format: z.literal('motcua-eforms/1'),
  forms: z.array(BundleForm.extend({ formVersion: z.number().int().optional() })).max(500),
});

export const FormsImportReply = z
  .object({
    drafted: z.array(z.object({ nationalCode: z.string(), procedureVersionId: z.uuid(), key: z.string() })),
    rejected: z.array(
      z.object({ index: z.number().int(), nationalCode: z.string(), reasons: z.array(DefinitionProblemSchema) }),
    ),
  })
  .meta({ id: 'EformsImport' });
