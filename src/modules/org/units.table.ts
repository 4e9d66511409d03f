import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Kinds of unit. Data of any depth: the tree does not assume provinces, districts or communes. */
export const UNIT_KINDS = [
  'province', // UBND tỉnh
  'provincial_office', // Văn phòng UBND tỉnh
  'service_centre', // Trung tâm Phục vụ hành chính công
  'department', // Sở, ban, ngành
  'division', // Phòng, chi cục trực thuộc
  'commune', // UBND xã, phường, đặc khu
  'commune_centre', // Bộ phận Một cửa / Trung tâm PVHCC cấp xã
  'district', // UBND huyện (abolished 1 Jul 2025; kept for old records)
  'vertical_agency', // Cơ quan ngành dọc (công an, thuế, bảo hiểm xã hội)
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Đơn vị: an organisation unit, valid over [validFrom, validTo). Closed units stay for old records. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').$type<UnitKind>().notNull(),
    /** Mã định danh (QCVN 102:2016), e.g. 000.00.53.H48. */
    officialCode: text('official_code').notNull(),
    /** Mã đơn vị hành chính: 2-digit province or 5-digit commune code, where the unit is one. */
    adminUnitCode: text('admin_unit_code'),
    address: text('address'),
    /** Ngày bắt đầu / kết thúc hiệu lực (units merge and close; validTo is exclusive). */
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    /** The unit that took over when this one merged or closed. */
    successorId: uuid('successor_id').references((): AnyPgColumn => units.id),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_parent_idx').on(t.parentId),
    index('units_official_code_idx').on(t.officialCode),
    // An identifier code belongs to one operating unit at a time; closed units may share it.
    uniqueIndex('units_official_code_open_uq').on(t.officialCode).where(sql`${t.validTo} is null`),
    check('units_kind_check', sql.raw(`kind in (${UNIT_KINDS.map((k) => `'${k}'`).join(', ')})`)),
    check('units_validity_check', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

export type UnitRow = typeof units.$inferSelect;
