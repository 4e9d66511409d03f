/**
 * kernel/json-rows on both engines: child rows come back in the subquery's order, each value
 * through its column's decoder (a Date for a timestamp, an object for jsonb), a left join's
 * missing name as null, and a parent without children gets [].
 */
import { asc, eq, getTableName, sql } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../src/kernel/db.js';
import { jsonRows, orNull } from '../src/kernel/json-rows.js';
import { freshDatabase } from '../src/app/testing/database.js';

const parents = pgTable('jr_parents', { id: uuid('id').primaryKey(), name: text('name').notNull() });
const people = pgTable('jr_people', { id: uuid('id').primaryKey(), fullName: text('full_name').notNull() });
const children = pgTable('jr_children', {
  id: uuid('id').primaryKey(),
  parentId: uuid('parent_id').notNull(),
  name: text('name').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  details: jsonb('details').$type<{ n: number }>(),
  checkedBy: uuid('checked_by'),
});

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const ALICE = '00000000-0000-4000-8000-0000000000a1';
const parentId = sql`${sql.identifier(getTableName(parents))}.${sql.identifier('id')}`;

describe('jsonRows: child rows as one JSON column', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase({ migrate: false });
    await handle.db.execute(sql`create table jr_parents (id uuid primary key, name text not null)`);
    await handle.db.execute(sql`create table jr_people (id uuid primary key, full_name text not null)`);
    await handle.db.execute(
      sql`create table jr_children (id uuid primary key, parent_id uuid not null, name text not null, at timestamptz not null, details jsonb, checked_by uuid)`,
    );
    await handle.db.insert(parents).values([
      { id: P1, name: 'có con' },
      { id: P2, name: 'không con' },
    ]);
    await handle.db.insert(people).values({ id: ALICE, fullName: 'Nguyễn Thị An' });
    // Inserted out of order: the answer must follow `at`, not the insertion.
    await handle.db.insert(children).values([
      {
        id: '00000000-0000-4000-8000-0000000000c2',
        parentId: P1,
        name: 'hai',
        at: new Date('2026-03-02T10:00:00.250Z'),
      },
      {
        id: '00000000-0000-4000-8000-0000000000c1',
        parentId: P1,
        name: 'một',
        at: new Date('2026-03-01T23:59:59.999Z'),
        details: { n: 1 },
        checkedBy: ALICE,
      },
    ]);
  });
  afterAll(() => handle?.close());

  const childrenOf = () =>
    jsonRows(
      { name: children.name, at: children.at, details: children.details, checkedByName: orNull(people.fullName) },
      (row) =>
        handle.db
          .select({ row })
          .from(children)
          .leftJoin(people, eq(people.id, children.checkedBy))
          .where(eq(children.parentId, parentId))
          .orderBy(asc(children.at)),
    );

  it('gives each parent its children, ordered and decoded', async () => {
    const rows = await handle.db
      .select({ name: parents.name, children: childrenOf() })
      .from(parents)
      .orderBy(asc(parents.name));
    expect(rows).toEqual([
      {
        name: 'có con',
        children: [
          { name: 'một', at: new Date('2026-03-01T23:59:59.999Z'), details: { n: 1 }, checkedByName: 'Nguyễn Thị An' },
          { name: 'hai', at: new Date('2026-03-02T10:00:00.250Z'), details: null, checkedByName: null },
        ],
      },
      { name: 'không con', children: [] },
    ]);
    expect(rows[0]!.children[0]!.at).toBeInstanceOf(Date);
  });
});
