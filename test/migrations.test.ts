import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../src/app/bootstrap.js';
import { queryRows, type DbHandle } from '../src/kernel/db.js';
import { openAppDatabase } from '../src/app/composition.js';
import { applyMigrations } from '../src/kernel/migrate.js';
import { composition } from '../src/app/composition.js';
import { freshDatabase } from '../src/app/testing/database.js';
import { testEnv } from '../src/app/testing/env.js';

const tables = composition.modules
  .flatMap((m) => (m.tables ?? []).flatMap((t) => Object.values(t)))
  .filter((v): v is PgTable => is(v, PgTable));

async function columnsInDatabase(handle: DbHandle) {
  return queryRows<{ table_name: string; column_name: string; is_nullable: string }>(
    handle.db,
    sql`select table_name, column_name, is_nullable from information_schema.columns where table_schema = current_schema()
        order by table_name, column_name`,
  );
}

describe('migrations', () => {
  it('build the schema from nothing, and a second run changes nothing', async () => {
    const handle = await freshDatabase({ migrate: false });
    try {
      expect(await columnsInDatabase(handle)).toEqual([]);
      await applyMigrations(handle);
      const first = await columnsInDatabase(handle);
      await applyMigrations(handle);
      expect(await columnsInDatabase(handle)).toEqual(first);

      // The committed SQL and the Drizzle schema the code queries through agree, column by column.
      expect(tables.length).toBeGreaterThanOrEqual(8);
      for (const table of tables) {
        const config = getTableConfig(table);
        const inDb = first.filter((c) => c.table_name === config.name);
        expect(inDb.map((c) => c.column_name).sort(), config.name).toEqual(config.columns.map((c) => c.name).sort());
        for (const column of config.columns) {
          const found = inDb.find((c) => c.column_name === column.name)!;
          expect(found.is_nullable === 'NO', `${config.name}.${column.name} not null`).toBe(column.notNull);
        }
      }
      const triggers = await queryRows<{ trigger_name: string }>(
        handle.db,
        sql`select distinct trigger_name from information_schema.triggers where event_object_table = 'audit_log' and trigger_schema = current_schema()`,
      );
      expect(triggers.map((t) => t.trigger_name)).toContain('audit_log_no_update_delete');
    } finally {
      await handle.close();
    }
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'are safe when several API processes start at once (PostgreSQL)',
    async () => {
      const handle = await freshDatabase({ migrate: false });
      try {
        const url = process.env.TEST_DATABASE_URL!;
        const others = await Promise.all(
          [1, 2, 3].map(() => openAppDatabase({ databaseUrl: url, schemaName: handle.schemaName })),
        );
        await Promise.all(others.map((h) => applyMigrations(h)));
        await Promise.all(others.map((h) => h.close()));
        const applied = await queryRows<{ n: number }>(
          handle.db,
          sql`select count(*)::int as n from __drizzle_migrations`,
        );
        const journal = JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] };
        expect(applied[0]!.n).toBe(journal.entries.length);
      } finally {
        await handle.close();
      }
    },
  );
});

describe('embedded database on disk (npm start twice)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds on the first start and keeps everything on the second', async () => {
    const env = testEnv({ DATA_DIR: dir, SEED_DEMO: 'minimal' });
    const first = await bootstrap(env);
    expect(first.seeded).toBe(true);
    expect(first.handle.engine).toBe('pglite');
    const login = await first.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'motcua-demo' },
    });
    expect(login.statusCode).toBe(200);
    const created = await first.app.inject({
      method: 'POST',
      url: '/api/units',
      cookies: { motcua_session: login.cookies[0]!.value },
      headers: { 'x-csrf-token': login.json().csrfToken },
      payload: {
        parentId: login.json().user.roles[0].unitId,
        name: 'Đơn vị thử khởi động lại',
        kind: 'other',
        officialCode: '999.99.99.H91',
      },
    });
    expect(created.statusCode).toBe(201);
    await first.close();

    const second = await bootstrap(env);
    try {
      expect(second.seeded).toBe(false);
      const unit = await second.app.inject({ method: 'GET', url: `/api/units/${created.json().id}` });
      expect(unit.json().name).toBe('Đơn vị thử khởi động lại');
      // The session survived the restart too.
      const me = await second.app.inject({
        method: 'GET',
        url: '/api/me',
        cookies: { motcua_session: login.cookies[0]!.value },
      });
      expect(me.statusCode).toBe(200);
    } finally {
      await second.close();
    }
  }, 120_000);
});
