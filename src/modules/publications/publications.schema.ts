import { z } from 'zod';
import { IsoDate, Version } from '../../kernel/schemas.js';
import { PublicIndex, PublicRankings } from '../kpi/kpi-public.schema.js';
import { DIRECTORY_ROLES } from './publications.rules.js';

export const PublicationSummary = z
  .object({
    id: z.uuid(),
    kind: z.enum(['late-list', 'index-week', 'index-month']),
    period: z.string().describe('2026-11 (reporting month) or 2026-W48 (ISO week)'),
    from: IsoDate,
    to: IsoDate,
    publishedAt: z.date().describe('When the snapshot was taken and published'),
    contentSha256: z.string().describe('SHA-256 of the canonical JSON of the content'),
  })
  .meta({ id: 'PublicationSummary' });

export const PublicationList = z.object({ items: z.array(PublicationSummary) });

export const PublicationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(60),
});

export const IndexPublicationQuery = PublicationListQuery.extend({
  kind: z.enum(['week', 'month']).optional().describe('Only weekly or only monthly publications'),
});

export const PeriodParams = z.object({
  period: z
    .string()
    .regex(/^\d{4}-(W\d{2}|\d{2})$/, 'Kỳ có dạng 2026-11 hoặc 2026-W48')
    .describe('2026-11 (reporting month) or 2026-W48 (ISO week)'),
});

export const LateListContent = z
  .object({
    month: z.string(),
    from: IsoDate,
    to: IsoDate,
    asOf: z.string().describe('Lateness judged at this instant (the end of the reporting month)'),
    legalBasis: z.array(z.string()),
    total: z.number().int(),
    withApology: z.number().int().describe('Late dossiers whose applicant received an apology letter (mẫu 04)'),
    units: z.array(z.object({ unitName: z.string(), late: z.number().int() })),
    officials: z.array(
      z.object({
        fullName: z.string().nullable().describe('null: the step belonged to a role at the unit, nobody named'),
        unitNames: z.array(z.string()),
        late: z.number().int(),
      }),
    ),
    dossiers: z
      .array(
        z.object({
          code: z.string(),
          procedureCode: z.string(),
          procedureName: z.string(),
          unitName: z.string(),
          officialName: z.string().nullable(),
          status: z.string(),
          receivedAt: z.string().nullable(),
          legalDueAt: z.string().nullable(),
          completedAt: z.string().nullable(),
          apologySent: z.boolean(),
        }),
      )
      .describe('Every late dossier: no applicant data'),
  })
  .meta({ id: 'PublishedLateListContent' });

export const LateListPublication = PublicationSummary.extend({ content: LateListContent }).meta({
  id: 'PublishedLateList',
});

export const IndexPublication = PublicationSummary.extend({
  content: z.object({
    index: PublicIndex.extend({ asOf: z.string() }),
    departments: PublicRankings,
    communes: PublicRankings,
  }),
}).meta({ id: 'PublishedKpiIndex' });

export const DirectoryPerson = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    role: z.enum(DIRECTORY_ROLES).describe('head: Trưởng bộ phận; deputy: Phó; staff: công chức'),
    fullName: z.string(),
    title: z.string(),
    phone: z.string(),
    sortOrder: z.number().int(),
    version: Version,
  })
  .meta({ id: 'DirectoryPerson' });

export const DirectoryReply = z.object({
  units: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      kind: z.string(),
      people: z.array(DirectoryPerson),
    }),
  ),
});

export const DirectoryQuery = z.object({ unit: z.uuid().optional().describe('Only this unit') });

const text = (max: number) => z.string().trim().min(1).max(max);
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 .()-]{5,19}$/, 'Số điện thoại công vụ gồm chữ số, dấu cách, dấu chấm hoặc gạch nối');

export const CreateDirectoryEntryBody = z.object({
  unitId: z.uuid(),
  role: z.enum(DIRECTORY_ROLES),
  fullName: text(200),
  title: text(200),
  phone: Phone,
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});

export const UpdateDirectoryEntryBody = CreateDirectoryEntryBody.omit({ unitId: true })
  .partial()
  .extend({ version: Version });

export const DeleteDirectoryEntryQuery = z.object({ version: z.coerce.number().int().positive() });
