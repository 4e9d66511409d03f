import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, seedDemoIfEmpty } from '../src/modules/demo/seed-demo.js';
import { bootstrap } from '../src/app/bootstrap.js';
import type { Database, DbHandle } from '../src/kernel/db.js';
import { auditLog } from '../src/modules/audit/audit.table.js';
import { userRoles, users } from '../src/modules/identity/identity.tables.js';
import { units } from '../src/modules/org/units.table.js';
import { queueUnits, servedFields } from '../src/modules/queue/slots.service.js';
import { DEMO_PASSWORD, TEST_SCRYPT_LOG_N, freshDatabase } from '../src/app/testing/database.js';
import { testEnv } from '../src/app/testing/env.js';

/** Row counts of the tables the seed fills. */
async function counts(db: Database) {
  const n = async (table: typeof units | typeof users | typeof userRoles | typeof auditLog) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return { units: await n(units), users: await n(users), roles: await n(userRoles), audit: await n(auditLog) };
}

describe('demo seed on a seeded database', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase({ demo: true });
  });
  afterAll(() => handle.close());

  it('does nothing the second time (idempotent): no duplicate units, accounts or roles', async () => {
    const before = await counts(handle.db);
    expect(before.units).toBeGreaterThan(20);
    expect(
      await seedDemoIfEmpty(handle.db, { kind: 'minimal', password: DEMO_PASSWORD, scryptLogN: TEST_SCRYPT_LOG_N }),
    ).toBe(false);
    expect(
      await seedDemoIfEmpty(handle.db, {
        kind: 'minimal',
        password: 'another-password',
        scryptLogN: TEST_SCRYPT_LOG_N,
      }),
    ).toBe(false);
    expect(await counts(handle.db)).toEqual(before);
    const usernames = (await handle.db.select({ username: users.username }).from(users)).map((u) => u.username);
    expect(new Set(usernames).size).toBe(usernames.length);
  });

  it('runs counter queues at the provincial centre and two wards, each serving fields at the kiosk', async () => {
    const offered = await queueUnits(handle.db);
    expect(offered.map((u) => u.unitName).sort()).toEqual([
      'Trung tâm Phục vụ hành chính công tỉnh An Giang',
      'UBND Phường Bình Đức',
      'UBND Phường Long Xuyên',
    ]);
    for (const unit of offered) expect((await servedFields(handle.db, unit.unitId)).length).toBeGreaterThan(1);
  });

  it('has the demo accounts with the roles described, over the right units', async () => {
    const rows = await handle.db
      .select({
        username: users.username,
        kind: users.kind,
        role: userRoles.role,
        unit: units.name,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .leftJoin(userRoles, eq(userRoles.userId, users.id))
      .leftJoin(units, eq(units.id, userRoles.unitId));
    const rolesOf = (username: string) =>
      rows
        .filter((r) => r.username === username)
        .map((r) => `${r.role}@${r.unit ?? '-'}`)
        .sort();
    expect(rolesOf('admin')).toEqual([
      'system_admin@Bảo hiểm xã hội tỉnh An Giang',
      'system_admin@Công an tỉnh An Giang',
      'system_admin@Thuế tỉnh An Giang',
      'system_admin@Ủy ban nhân dân tỉnh An Giang',
    ]);
    expect(rolesOf('tiepnhan')).toEqual(['one_stop_officer@Trung tâm Phục vụ hành chính công tỉnh An Giang']);
    expect(rolesOf('chuyenvien')).toEqual(['processing_official@Sở Tư pháp']);
    expect(rolesOf('lanhdao')).toEqual(['unit_leader@Sở Tư pháp']);
    expect(rolesOf('kstthc')).toEqual(['procedure_control_officer@Ủy ban nhân dân tỉnh An Giang']);
    expect(rolesOf('congdan')).toEqual(['citizen@-']);
    for (const account of DEMO_ACCOUNTS) {
      const row = rows.find((r) => r.username === account.username)!;
      expect(row, account.username).toMatchObject({ kind: account.kind, disabledAt: null });
    }
  });

  it('gives the citizen a valid 12-digit personal identifier, unique to that account', async () => {
    const [citizen] = await handle.db.select().from(users).where(eq(users.username, 'congdan'));
    expect(citizen!.personalId).toMatch(/^\d{12}$/);
    // Province code 089 (An Giang), century/sex digit 0 (male, 1900s), year 95.
    expect(citizen!.personalId!.slice(0, 3)).toBe('089');
    expect(['0', '1', '2', '3']).toContain(citizen!.personalId![3]);
    const staff = await handle.db.select({ personalId: users.personalId }).from(users).where(eq(users.kind, 'staff'));
    expect(staff.every((s) => s.personalId === null)).toBe(true);
  });

  it('stores hashed passwords only, and every seeded row has its audit record', async () => {
    const all = await handle.db.select().from(users);
    for (const user of all) {
      expect(user.passwordHash).toBeTruthy();
      expect(user.passwordHash).not.toContain(DEMO_PASSWORD);
      expect(user.mustChangePassword).toBe(false);
    }
    const audited = await handle.db.select({ action: auditLog.action, targetId: auditLog.targetId }).from(auditLog);
    for (const user of all) expect(audited).toContainEqual({ action: 'user.create', targetId: user.id });
    const unitCount = (await counts(handle.db)).units;
    expect(audited.filter((a) => a.action === 'unit.create')).toHaveLength(unitCount);
    expect(JSON.stringify(audited)).not.toContain(DEMO_PASSWORD);
  });
});

describe('starting the system (bootstrap) with and without the demo', () => {
  it('with SEED_DEMO=false no demo data or accounts exist; with it on, it seeds once', async () => {
    const handle = await freshDatabase({ migrate: false });
    try {
      const off = await bootstrap(testEnv({ SEED_DEMO: 'false' }), handle);
      expect(off.seeded).toBe(false);
      expect(await counts(handle.db)).toMatchObject({ units: 0, users: 0, roles: 0 });
      for (const { username } of DEMO_ACCOUNTS) {
        const login = await off.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: DEMO_PASSWORD },
        });
        expect(login.statusCode).toBe(401);
      }
      expect((await off.app.inject({ method: 'GET', url: '/api/units' })).json()).toEqual({ units: [] });
      await off.app.close();

      const on = await bootstrap(testEnv({ SEED_DEMO: 'minimal' }), handle);
      expect(on.seeded).toBe(true);
      const seeded = await counts(handle.db);
      expect(seeded.users).toBe(DEMO_ACCOUNTS.length);
      const res = await on.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'tiepnhan', password: DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      await on.app.close();

      const again = await bootstrap(testEnv({ SEED_DEMO: 'minimal' }), handle);
      expect(again.seeded).toBe(false);
      await again.app.close();
      expect(await counts(handle.db)).toMatchObject({ units: seeded.units, users: seeded.users, roles: seeded.roles });
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('the test database without the demo has no accounts', async () => {
    const handle = await freshDatabase({ demo: false });
    try {
      expect(await counts(handle.db)).toMatchObject({ units: 0, users: 0, roles: 0 });
    } finally {
      await handle.close();
    }
  });
});
