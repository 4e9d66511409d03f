import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from '../org/units.table.js';
import type { DirectoryRole, PublicationKind } from './publications.rules.js';

/**
 * Publications on the portal (công khai): the monthly list of late agencies and officials, the
 * Decision-766 index of a week or a reporting month. Each is a snapshot taken once, at the
 * publication, and never changed: a trigger (custom migration) refuses UPDATE and DELETE, so what a
 * visitor read on the 5th is what the page shows a year later. `content_sha256` is the hash of the
 * canonical JSON of `content`, for anyone who kept a copy.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<PublicationKind>().notNull(),
    /** `2026-11` (reporting month) or `2026-W48` (ISO week). */
    period: text('period').notNull(),
    /** Vietnam dates, both included. */
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** The province whose figures these are. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    contentSha256: text('content_sha256').notNull(),
  },
  (t) => [
    uniqueIndex('publications_kind_period_unit_key').on(t.kind, t.period, t.unitId),
    index('publications_published_idx').on(t.kind, t.publishedAt),
    check('publications_kind_check', sql`${t.kind} in ('late-list', 'index-week', 'index-month')`),
  ],
);

/**
 * The one-stop department's directory (danh bạ Bộ phận Một cửa) of a unit: its head, deputies and
 * staff with their work phone, public by design (seed 002: "công khai số điện thoại, danh sách
 * người đứng đầu Bộ phận Một cửa"). Entered by the unit's administrator; not tied to an account,
 * since the directory names people who may have none.
 */
export const directoryEntries = pgTable(
  'directory_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role').$type<DirectoryRole>().notNull(),
    fullName: text('full_name').notNull(),
    /** Chức vụ, e.g. "Trưởng Bộ phận Một cửa", "Công chức tiếp nhận". */
    title: text('title').notNull(),
    /** A work phone (the desk's line or a work mobile). */
    phone: text('phone').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('directory_entries_unit_idx').on(t.unitId, t.sortOrder),
    check('directory_entries_role_check', sql`${t.role} in ('head', 'deputy', 'staff')`),
  ],
);
