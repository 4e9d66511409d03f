/**
 * Bulk loading as PostgreSQL's manual advises ("Populating a Database"): set aside the indexes,
 * the keys, the foreign keys and the triggers of the tables being filled, load, then restore
 * them — each index (primary and unique keys included) is then built by one sort and each
 * foreign key checked by one set-wise query, instead of a random index insertion and a lookup per
 * row (at 10 M dossiers the row-by-row path is bound by random I/O), and no per-row trigger fires
 * (the kpi rollup's queue: the caller rebuilds the rollup). The restore re-checks everything
 * that was set aside: a duplicate key or a dangling reference fails the whole load.
 *
 * Runs inside the caller's transaction: DDL is transactional in PostgreSQL, so a failed load
 * leaves the schema exactly as it was, and no other session ever sees the tables without their
 * constraints (they stay locked until commit — never do this on a live database).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../kernel/db.js';

interface SetAside {
  /** DDL that drops the structures, in an order PostgreSQL accepts (foreign keys first). */
  drop: string[];
  /** DDL that restores them (triggers, keys and indexes, then the foreign keys that need them). */
  restore: string[];
}

async function secondaryStructures(tx: Queryable, tables: readonly string[]): Promise<SetAside> {
  const regclasses = sql.join(
    tables.map((t) => sql`to_regclass(${t})`),
    sql`, `,
  );
  // Foreign keys from the loaded tables, and into them from any table (they depend on the keys).
  const foreignKeys = await queryRows<{ tbl: string; name: string; def: string }>(
    tx,
    sql`select conrelid::regclass::text as tbl, quote_ident(conname) as name, pg_get_constraintdef(oid) as def
        from pg_constraint where contype = 'f' and (conrelid in (${regclasses}) or confrelid in (${regclasses}))`,
  );
  const keys = await queryRows<{ tbl: string; name: string; def: string }>(
    tx,
    sql`select conrelid::regclass::text as tbl, quote_ident(conname) as name, pg_get_constraintdef(oid) as def
        from pg_constraint where contype in ('p', 'u') and conrelid in (${regclasses})`,
  );
  const indexes = await queryRows<{ name: string; def: string }>(
    tx,
    sql`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
        from pg_index i where i.indrelid in (${regclasses})
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u'))`,
  );
  const alter = (c: { tbl: string; name: string }) => `alter table ${c.tbl} drop constraint ${c.name}`;
  const add = (c: { tbl: string; name: string; def: string }) =>
    `alter table ${c.tbl} add constraint ${c.name} ${c.def}`;
  return {
    drop: [
      ...tables.map((t) => `alter table ${t} disable trigger user`),
      ...foreignKeys.map(alter),
      ...keys.map(alter),
      ...indexes.map((i) => `drop index ${i.name}`),
    ],
    restore: [
      ...tables.map((t) => `alter table ${t} enable trigger user`),
      ...keys.map(add),
      ...indexes.map((i) => i.def),
      ...foreignKeys.map(add),
    ],
  };
}

/**
 * Runs `load` with the indexes, keys, foreign keys and triggers of `tables` set aside, then
 * restores them. Returns `load`'s result and the restore time.
 */
export async function bulkLoad<T>(
  tx: Queryable,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<{ result: T; restoreSeconds: number }> {
  const structures = await secondaryStructures(tx, tables);
  for (const statement of structures.drop) await tx.execute(sql.raw(statement));
  const result = await load();
  const started = performance.now();
  // Sorting a province's index in memory rather than in temporary files (the default is 64 MB).
  await tx.execute(sql`select set_config('maintenance_work_mem', '512MB', true)`);
  for (const statement of structures.restore) await tx.execute(sql.raw(statement));
  return { result, restoreSeconds: (performance.now() - started) / 1000 };
}
