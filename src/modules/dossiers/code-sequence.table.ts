import { date, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { units } from '../org/units.table.js';

/**
 * The last dossier number issued by a receiving unit on a day (Vietnam time): the 4-digit tail of
 * the dossier code. One row per unit and day; incrementing it row-locks, so concurrent intakes
 * at one unit queue on that row only and no two dossiers ever share a number.
 */
export const dossierCodeSequences = pgTable(
  'dossier_code_sequences',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    day: date('day', { mode: 'string' }).notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] })],
);
