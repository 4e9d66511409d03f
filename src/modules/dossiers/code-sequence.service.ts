/**
 * Dossier numbers: the next value of a unit's daily sequence, inside the intake transaction. If
 * that transaction rolls back, the number was never given to a dossier and the next intake takes
 * it; committed numbers are never issued again (mã hồ sơ không trùng lặp).
 */
import { sql } from 'drizzle-orm';
import { type Tx, queryRows } from '../../kernel/db.js';

export async function nextDossierNumber(tx: Tx, unitId: string, day: string): Promise<number> {
  const [row] = await queryRows<{ last_value: number }>(
    tx,
    sql`insert into dossier_code_sequences (unit_id, day, last_value) values (${unitId}, ${day}, 1)
        on conflict (unit_id, day) do update set last_value = dossier_code_sequences.last_value + 1
        returning last_value`,
  );
  return row!.last_value;
}
