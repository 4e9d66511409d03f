import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../kernel/db.js';
import { freshDatabase } from '../../app/testing/database.js';
import { units } from '../org/units.table.js';
import { nextDossierNumber } from './code-sequence.service.js';

let handle: DbHandle;
let unitA: string;
let unitB: string;
beforeAll(async () => {
  handle = await freshDatabase({ demo: true });
  const rows = await handle.db.select({ id: units.id }).from(units).limit(2);
  [unitA, unitB] = [rows[0]!.id, rows[1]!.id];
});
afterAll(() => handle.close());

const next = (unitId: string, day: string) => handle.db.transaction((tx) => nextDossierNumber(tx, unitId, day));

describe('dossier numbers', () => {
  it('gives 200 concurrent intakes at one unit 200 distinct numbers, 1 to 200', async () => {
    const numbers = await Promise.all(Array.from({ length: 200 }, () => next(unitA, '2026-11-23')));
    expect(new Set(numbers).size).toBe(200);
    expect(Math.min(...numbers)).toBe(1);
    expect(Math.max(...numbers)).toBe(200);
  });

  it('counts per unit and per day', async () => {
    expect(await next(unitB, '2026-11-23')).toBe(1);
    expect(await next(unitA, '2026-11-24')).toBe(1);
    expect(await next(unitA, '2026-11-23')).toBe(201);
  });

  it('does not spend a number when the intake rolls back', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await nextDossierNumber(tx, unitB, '2026-11-25');
        throw new Error('intake failed');
      }),
    ).rejects.toThrow('intake failed');
    expect(await next(unitB, '2026-11-25')).toBe(1);
  });
});
