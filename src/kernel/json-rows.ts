/**
 * Child rows as one JSON column of the parent's statement: `jsonRows(fields, (row) => query)`
 * renders `(select coalesce(json_agg(q.row), '[]') from (<query selecting row>) q)`, where `row`
 * is `json_build_object` over the fields, and decodes each value with the field's own driver
 * decoder (a timestamp column gives a Date back, as a plain select would). A read of a parent
 * with N kinds of children is then one round trip instead of N + 1 — the dossier detail after
 * every action is the reason (issue 17).
 *
 * json_agg keeps the ordered subquery's order: PostgreSQL feeds an aggregate the rows of a plain
 * subquery scan in the subquery's order, which Drizzle's own relational queries rely on too.
 * The correlated reference to the parent must be qualified by the caller (a one-table subquery's
 * columns are rendered unqualified by Drizzle and would shadow the parent's of the same name).
 */
import { type Column, type DriverValueDecoder, is, SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';

type Field = Column | SQL | SQL.Aliased;
export type JsonFields = Record<string, Field>;

/** json_build_object('key', expr, …) over the fields, in their order. */
function jsonObject(fields: JsonFields): SQL {
  const pairs = Object.entries(fields).map(([key, field]) => sql`${key}::text, ${field}`);
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/** An SQL's decoder is public in Drizzle's JavaScript (set by mapWith) but not in its types. */
const sqlDecoder = (expr: SQL) => (expr as unknown as { decoder: DriverValueDecoder<unknown, unknown> }).decoder;

function decoderOf(field: Field): (value: unknown) => unknown {
  if (is(field, SQL)) return (v) => sqlDecoder(field).mapFromDriverValue(v);
  if (is(field, SQL.Aliased)) return (v) => sqlDecoder(field.sql).mapFromDriverValue(v);
  return (v) => field.mapFromDriverValue(v);
}

/**
 * A column read through a left join: null when the joined row is missing. A plain select types
 * this from the join; the fields of `jsonRows` are typed alone, so the caller says it.
 */
export function orNull<C extends Column>(column: C): SQL<C['_']['data'] | null> {
  return sql`${column}`.mapWith(column) as SQL<C['_']['data'] | null>;
}

/** Each row's values through its field's decoder; a null stays null, as in a plain select. */
function decodeRows(fields: JsonFields) {
  const decoders = Object.entries(fields).map(([key, field]) => [key, decoderOf(field)] as const);
  return (value: unknown) => {
    const rows = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>[];
    return rows.map((row) => {
      const decoded: Record<string, unknown> = {};
      for (const [key, decode] of decoders) decoded[key] = row[key] === null ? null : decode(row[key]);
      return decoded;
    });
  };
}

/**
 * The rows `query` selects, as one JSON array column. `query` receives the row expression to
 * select under the name `row` (`db.select({ row }).from(…).where(…).orderBy(…)`).
 */
export function jsonRows<F extends JsonFields>(
  fields: F,
  query: (row: SQL.Aliased) => SQLWrapper,
): SQL<SelectResultFields<F>[]> {
  const rows = query(jsonObject(fields).as('row'));
  return sql`(select coalesce(json_agg(q.row), '[]'::json) from (${rows}) q)`.mapWith(decodeRows(fields)) as SQL<
    SelectResultFields<F>[]
  >;
}
