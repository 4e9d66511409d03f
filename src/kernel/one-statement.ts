/**
 * Several writes that need nothing from each other sent as one statement: every one but the last
 * becomes a data-modifying CTE (`with w1 as (insert …), w2 as (insert …) insert …`). PostgreSQL
 * runs each CTE's write exactly once whether or not the statement reads it, all against the same
 * snapshot, so independent inserts (a state change's event, audit record and outbox event) commit
 * or fail together as they would one by one — in one round trip instead of three (issue 17).
 */
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

export function inOneStatement(writes: readonly SQLWrapper[]): SQL {
  if (writes.length === 0) throw new Error('inOneStatement: no write');
  // getSQL(): a query builder placed in a template is rendered as a parenthesised subquery.
  const parts = writes.map((w) => w.getSQL());
  const last = parts[parts.length - 1]!;
  if (parts.length === 1) return last;
  const ctes = parts.slice(0, -1).map((w, i) => sql`${sql.raw(`w${i + 1}`)} as (${w})`);
  return sql`with ${sql.join(ctes, sql`, `)} ${last}`;
}
