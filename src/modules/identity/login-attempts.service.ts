/**
 * Pruning the sign-in attempts (login_attempts): every sign-in adds a row and the throttle reads
 * only the recent ones (throttle.rules.ts attemptsReadSince), so older rows are deleted — in
 * batches of short statements, each its own transaction, so no run holds row locks or a long
 * transaction on the table that every sign-in writes to.
 */
import { inArray, lt } from 'drizzle-orm';
import type { Database } from '../../kernel/db.js';
import { loginAttempts } from './identity.tables.js';
import { attemptsReadSince, type ThrottleConfig } from './throttle.rules.js';

const BATCH_SIZE = 5_000;
/** A run stops after this many batches; the next run goes on (a backlog after an upgrade). */
const MAX_BATCHES = 100;

/** Deletes the attempts no throttle reads any more as of `now`; returns how many. */
export async function pruneLoginAttempts(
  db: Database,
  throttle: Pick<ThrottleConfig, 'windowMs'>,
  now: Date,
  batchSize = BATCH_SIZE,
): Promise<number> {
  const before = attemptsReadSince(now, throttle);
  let deleted = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const oldest = db
      .select({ id: loginAttempts.id })
      .from(loginAttempts)
      .where(lt(loginAttempts.attemptedAt, before))
      .limit(batchSize);
    const gone = await db
      .delete(loginAttempts)
      .where(inArray(loginAttempts.id, oldest))
      .returning({ id: loginAttempts.id });
    deleted += gone.length;
    if (gone.length < batchSize) break;
  }
  return deleted;
}
