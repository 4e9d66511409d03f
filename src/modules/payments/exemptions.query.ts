/** The exemptions (miễn nộp) recorded on a dossier, oldest first. */
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { paymentExemptions } from './payments.tables.js';

export type ExemptionRow = typeof paymentExemptions.$inferSelect;

export async function exemptionsOf(db: Queryable, dossierId: string): Promise<ExemptionRow[]> {
  return db
    .select()
    .from(paymentExemptions)
    .where(eq(paymentExemptions.dossierId, dossierId))
    .orderBy(asc(paymentExemptions.exemptedAt));
}
