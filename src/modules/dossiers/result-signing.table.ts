import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { storedFiles } from '../files/files.table.js';
import { dossiers } from './dossiers.tables.js';
import type { ResultSigningStatus } from './result-signing.rules.js';

/**
 * A leader's remote signature of a result, from the request to the signed file
 * (result-signing.service.ts). In the database, not in a process, so that any API process may
 * answer the poll and a restart loses nothing. Holds no secret: the prepared PDF (the result with
 * the empty signature field) is a stored file, the certificate chain is public; the official's key
 * stays at the provider.
 */
export const resultSigningRequests = pgTable(
  'result_signing_requests',
  {
    /** The provider's transaction id. */
    transactionId: text('transaction_id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** Only they may poll it. */
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    /** Their account at the provider. */
    providerUserId: text('provider_user_id').notNull(),
    /** The provider's expiry of the confirmation. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    preparedFileId: uuid('prepared_file_id')
      .notNull()
      .references(() => storedFiles.id),
    /** The official's certificate chain as the provider gave it, PEM, signer first. */
    certificateChain: text('certificate_chain').notNull(),
    /** The competent unit whose seal follows the official's signature. */
    unitCode: text('unit_code').notNull(),
    unitName: text('unit_name').notNull(),
    /** The uploaded result's name, for the signed file's. */
    originalName: text('original_name'),
    status: text('status').$type<ResultSigningStatus>().notNull().default('pending'),
    /** While a process embeds the signature (result-signing.rules.ts COMPLETION_LEASE_MS); null otherwise. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    signedFileId: uuid('signed_file_id').references(() => storedFiles.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('result_signing_requests_expires_at_idx').on(t.expiresAt),
    check(
      'result_signing_requests_status_check',
      sql`${t.status} in ('pending', 'signed', 'refused', 'expired', 'failed')`,
    ),
    check('result_signing_requests_signed_check', sql`(${t.status} = 'signed') = (${t.signedFileId} is not null)`),
  ],
);

export type ResultSigningRequestRow = typeof resultSigningRequests.$inferSelect;
