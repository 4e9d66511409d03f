/** The refunds of a dossier's payments, oldest first (the payment panel of staff and the payer). */
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { paymentRefunds } from './payments.tables.js';

export type RefundRow = typeof paymentRefunds.$inferSelect;

export async function refundsOf(db: Queryable, dossierId: string): Promise<RefundRow[]> {
  return db
    .select()
    .from(paymentRefunds)
    .where(eq(paymentRefunds.dossierId, dossierId))
    .orderBy(asc(paymentRefunds.requestedAt));
}
