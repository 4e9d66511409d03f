/**
 * The certification register (sổ chứng thực bản sao từ bản chính) of each unit and year, and the
 * certified electronic copies entered in it. Numbers run from 1 in each unit's year (Thông tư
 * 01/2020/TT-BTP *(verify)*); the sequence row is incremented in the transaction that enters the
 * copy, so a rolled-back certification leaves no gap and no number is given twice.
 */
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { dossiers } from '../dossiers/dossiers.tables.js';
import { storedFiles } from '../files/files.table.js';
import { users } from '../identity/identity.tables.js';
import { units } from '../org/units.table.js';

export const certificationRegisterSequences = pgTable(
  'certification_register_sequences',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/** One entry of the register: a copy compared with its original and certified; its PDF is the result to sign. */
export const certifiedCopies = pgTable(
  'certified_copies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** The certifying unit (the dossier's competent unit), whose register numbers it. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** The scan of the original that was compared. */
    scanFileId: uuid('scan_file_id')
      .notNull()
      .references(() => storedFiles.id),
    /** The rendered copy with the statement, unsigned: what "Phê duyệt, ký kết quả" signs. */
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    pages: integer('pages').notNull(),
    certifiedBy: uuid('certified_by')
      .notNull()
      .references(() => users.id),
    certifierTitle: text('certifier_title'),
    certifiedAt: timestamp('certified_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('certified_copies_register_uq').on(t.unitId, t.year, t.number),
    index('certified_copies_dossier_idx').on(t.dossierId),
  ],
);
