import { z } from 'zod';
import { BoolQuery, IsoDate, Version } from '../../kernel/schemas.js';
import { ADMIN_UNIT_CODE_PATTERN, OFFICIAL_CODE_PATTERN } from './units.rules.js';
import { UNIT_KINDS } from './units.table.js';

export const UnitKindSchema = z.enum(UNIT_KINDS).meta({ id: 'UnitKind' });
const OfficialCode = z
  .string()
  .trim()
  .regex(OFFICIAL_CODE_PATTERN, 'Mã định danh phải có dạng 000.00.00.H00 (QCVN 102:2016)');
const AdminUnitCode = z.string().trim().regex(ADMIN_UNIT_CODE_PATTERN, 'Mã đơn vị hành chính gồm 2 hoặc 5 chữ số');

export const Unit = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: UnitKindSchema,
    officialCode: z.string(),
    adminUnitCode: z.string().nullable(),
    address: z.string().nullable(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    successorId: z.uuid().nullable(),
    sortOrder: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Unit' });

type UnitNodeT = z.infer<typeof Unit> & { children: UnitNodeT[] };
export const UnitNode: z.ZodType<UnitNodeT> = Unit.extend({
  get children() {
    return z.array(UnitNode);
  },
}).meta({ id: 'UnitNode' });

export const UnitDetail = Unit.extend({
  path: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('Ancestors, root first'),
}).meta({ id: 'UnitDetail' });

export const UnitTreeQuery = z.object({
  includeClosed: BoolQuery.default(false),
  at: IsoDate.optional().describe('Units operating on this date (default today, Vietnam time)'),
});

export const CreateUnitBody = z.object({
  parentId: z.uuid().nullable(),
  name: z.string().trim().min(1).max(300),
  shortName: z.string().trim().max(100).nullable().optional(),
  kind: UnitKindSchema,
  officialCode: OfficialCode,
  adminUnitCode: AdminUnitCode.nullable().optional(),
  address: z.string().trim().max(500).nullable().optional(),
  validFrom: IsoDate.optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

export const UpdateUnitBody = CreateUnitBody.omit({ validFrom: true }).partial().extend({ version: Version });

export const CloseUnitBody = z.object({
  version: Version,
  validTo: IsoDate.describe('First day the unit no longer operates'),
  successorId: z.uuid().nullable().optional(),
});
