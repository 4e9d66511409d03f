/**
 * Remote-signing requests are working state, not records: the audit log keeps who asked and what
 * was signed, the dossier's result keeps the signed file. So a request is deleted
 * REQUEST_RETENTION_DAYS after its expiry, whatever it ended as (a pending one that long after
 * its expiry was abandoned). The prepared PDF stays a stored file (the files module deletes none).
 */
import { lt } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import { pruneCutoff } from './result-signing.rules.js';
import { resultSigningRequests } from './result-signing.table.js';

export async function pruneSigningRequests(db: Queryable, now: Date): Promise<number> {
  const pruned = await db
    .delete(resultSigningRequests)
    .where(lt(resultSigningRequests.expiresAt, pruneCutoff(now)))
    .returning({ transactionId: resultSigningRequests.transactionId });
  return pruned.length;
}
