/**
 * Reference data shared across requests under the reference stamp (kernel/reference-cache.ts,
 * kernel/request-memo.ts), on both engines: a second request reads no reference row again; a
 * change by anyone (another process is another cache on the same database) is seen by the next
 * request; a request that writes reads its own change; a change rolled back is never shared.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composition } from '../src/app/composition.js';
import { freshDatabase } from '../src/app/testing/database.js';
import { type DbHandle, queryRows } from '../src/kernel/db.js';
import { ReferenceCache, referenceWriteDetector } from '../src/kernel/reference-cache.js';
import { withRequestMemo } from '../src/kernel/request-memo.js';
import { getUnit, unitPath } from '../src/modules/org/units.service.js';
import { units } from '../src/modules/org/units.table.js';

describe('reference cache', () => {
  let handle: DbHandle;
  let unitId: string;
  beforeAll(async () => {
    handle = await freshDatabase({ demo: true });
    const [row] = await handle.db
      .select({ id: units.id })
      .from(units)
      .where(sql`${units.parentId} is not null`)
      .limit(1);
    unitId = row!.id;
  });
  afterAll(() => handle?.close());

  /** One request of a process whose cache is `cache`. */
  const request = <T>(cache: ReferenceCache, work: () => Promise<T>) => withRequestMemo(work, cache);
  const nameIn = (cache: ReferenceCache) => request(cache, async () => (await getUnit(handle.db, unitId)).name);
  /** Renames without bumping the stamp: what a cached answer would still say. */
  const renameBehindTheStamp = async (name: string) => {
    await handle.db.execute(sql`alter table units disable trigger reference_changed`);
    await handle.db.update(units).set({ name }).where(eq(units.id, unitId));
    await handle.db.execute(sql`alter table units enable trigger reference_changed`);
  };

  it('every declared reference table carries the trigger, and only those', async () => {
    const rows = await queryRows<{ table: string }>(
      handle.db,
      sql`select distinct event_object_table as table from information_schema.triggers
          where trigger_name = 'reference_changed' and event_object_schema = current_schema()`,
    );
    expect(rows.map((r) => r.table).sort()).toEqual([...composition.referenceTables].sort());
  });

  it('answers a later request from memory, and any committed change from the database', async () => {
    const processA = new ReferenceCache();
    const processB = new ReferenceCache();
    const original = await nameIn(processA);
    expect(await nameIn(processB)).toBe(original);
    await renameBehindTheStamp('Tên chưa báo');
    // Both answer from memory: the stamp did not move.
    expect(await nameIn(processA)).toBe(original);
    expect(await nameIn(processB)).toBe(original);
    // A real change (any process, any connection) moves the stamp: both read again.
    await handle.db.update(units).set({ name: 'Tên mới' }).where(eq(units.id, unitId));
    expect(await nameIn(processA)).toBe('Tên mới');
    expect(await nameIn(processB)).toBe('Tên mới');
    await handle.db.update(units).set({ name: original }).where(eq(units.id, unitId));
  });

  it('a request that changes a unit reads its own change; a rolled-back change is not shared', async () => {
    const cache = new ReferenceCache();
    const original = await nameIn(cache);
    let seenInside = '';
    await request(cache, async () => {
      await getUnit(handle.db, unitId); // this request already works under the stamp, from memory
      await handle.db
        .transaction(async (tx) => {
          await tx.update(units).set({ name: 'Tên tạm' }).where(eq(units.id, unitId));
          seenInside = (await getUnit(tx, unitId)).name;
          await unitPath(tx, unitId);
          tx.rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error && /rollback/i.test(error.message))) throw error;
        });
    });
    expect(seenInside).toBe('Tên tạm');
    expect(await nameIn(cache)).toBe(original);
  });

  it('shares frozen values: a caller cannot change what the next request gets', async () => {
    const cache = new ReferenceCache();
    await nameIn(cache);
    const unit = await request(cache, () => getUnit(handle.db, unitId));
    expect(Object.isFrozen(unit)).toBe(true);
    expect(() => {
      (unit as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  it('a path read from the shared tree equals the one the recursive query gives', async () => {
    const fromQuery = await unitPath(handle.db, unitId); // outside a request: the query
    const cache = new ReferenceCache();
    await request(cache, () => unitPath(handle.db, unitId));
    expect(await request(cache, () => unitPath(handle.db, unitId))).toEqual(fromQuery);
  });
});

describe('referenceWriteDetector', () => {
  const writes = referenceWriteDetector(['units', 'calendar_days']);
  it.each([
    ['update "units" set "name" = $1 where "units"."id" = $2', true],
    ['insert into "calendar_days" ("date") values ($1)', true],
    ['delete from units where id = $1', true],
    ['with w1 as (update "units" set x = 1) select 1', true],
    ['truncate table calendar_days', true],
    ['select "id" from "units" where "units"."id" = $1', false],
    ['update "unit_roles" set x = 1', false],
    ['insert into "dossiers" ("unit_id") values ($1)', false],
  ])('%s → %s', (statement, expected) => {
    expect(writes(statement)).toBe(expected);
  });
});
