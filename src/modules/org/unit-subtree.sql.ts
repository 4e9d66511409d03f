import { type SQL, sql } from 'drizzle-orm';

/** The unit and every unit below it (closed ones too: old dossiers keep old units). */
export const unitSubtree = (unit: string | SQL) =>
  sql`(with recursive sub(id) as (select ${typeof unit === 'string' ? sql`${unit}::uuid` : unit} union select u.id from units u join sub on u.parent_id = sub.id) select id from sub)`;
