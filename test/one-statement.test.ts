/**
 * kernel/one-statement on both engines: independent inserts sent as one statement all land, and
 * when one of them fails none does (they are one statement, not three).
 */
import { count, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../src/app/testing/database.js';
import type { DbHandle } from '../src/kernel/db.js';
import { inOneStatement } from '../src/kernel/one-statement.js';

const notes = pgTable('os_notes', { id: integer('id').primaryKey(), body: text('body').notNull() });
const marks = pgTable('os_marks', { id: integer('id').primaryKey() });

describe('inOneStatement: independent writes in one round trip', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase({ migrate: false });
    await handle.db.execute(sql`create table os_notes (id integer primary key, body text not null)`);
    await handle.db.execute(sql`create table os_marks (id integer primary key)`);
  });
  afterAll(() => handle?.close());

  const counts = async () => ({
    notes: (await handle.db.select({ n: count() }).from(notes))[0]!.n,
    marks: (await handle.db.select({ n: count() }).from(marks))[0]!.n,
  });

  it('writes every insert it is given', async () => {
    const { db } = handle;
    await db.execute(
      inOneStatement([
        db.insert(notes).values({ id: 1, body: 'một' }),
        db.insert(notes).values({ id: 2, body: 'hai' }),
        db.insert(marks).values({ id: 1 }),
      ]),
    );
    expect(await counts()).toEqual({ notes: 2, marks: 1 });
  });

  it('writes none when one fails', async () => {
    const { db } = handle;
    const clash = inOneStatement([db.insert(notes).values({ id: 3, body: 'ba' }), db.insert(marks).values({ id: 1 })]);
    await expect(db.execute(clash)).rejects.toThrow();
    expect(await counts()).toEqual({ notes: 2, marks: 1 });
  });
});
