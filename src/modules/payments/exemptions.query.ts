/** The exemptions (miễn nộp) recorded on a dossier, oldest first. */
import { asc, eq, getTableColumns } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { jsonRows } from '../../kernel/json-rows.js';
import { paymentExemptions } from './payments.tables.js';

export type ExemptionRow = typeof paymentExemptions.$inferSelect;

/** A dossier's exemptions, oldest first, as one JSON column of a larger statement (payments' totals). */
export function exemptionsJson(db: Queryable, dossierId: string) {
  return jsonRows(getTableColumns(paymentExemptions), (row) =>
    db
      .select({ row })
      .from(paymentExemptions)
      .where(eq(paymentExemptions.dossierId, dossierId))
      .orderBy(asc(paymentExemptions.exemptedAt)),
  );
}
