import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import type { ValidationReport } from '../signing/verify.js';
import type { AllowedMediaType } from './file-type.rules.js';

/**
 * Tệp đã tải lên: one row per upload. The bytes live in the file storage under `storage_key`
 * (the content's SHA-256), so two uploads of the same content are two rows over one object.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the content, lower-case hex. */
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Sniffed from the content (application/pdf, image/jpeg, image/png), never the client's word. */
    mediaType: text('media_type').$type<AllowedMediaType>().notNull(),
    /** The client's file name, cleaned; a label only. */
    originalName: text('original_name'),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /** For a PDF: what the signature validation found when it entered (signing/verify.ts); null otherwise. */
    signatureReport: jsonb('signature_report').$type<ValidationReport>(),
  },
  (t) => [
    index('stored_files_sha256_idx').on(t.sha256),
    index('stored_files_uploaded_by_idx').on(t.uploadedBy),
    check('stored_files_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('stored_files_size_check', sql`${t.size} >= 0`),
  ],
);

export type StoredFileRow = typeof storedFiles.$inferSelect;
