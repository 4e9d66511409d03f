import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { users } from '../../src/modules/identity/identity.tables.js';
import { units } from '../../src/modules/org/units.table.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';

let t: TestApp;
let admin: Session;
const unitIds = new Map<string, string>();
const unitId = (name: string) =>
  unitIds.get(name) ??
  (() => {
    throw new Error(`no unit ${name}`);
  })();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  for (const u of await t.handle.db.select({ id: units.id, name: units.name }).from(units)) unitIds.set(u.name, u.id);
});
afterAll(() => t.close());

const TU_PHAP = 'Sở Tư pháp';
const TTPVHCC = 'Trung tâm Phục vụ hành chính công tỉnh An Giang';
const PASSWORD = 'Mật-khẩu-ban-đầu-2026';

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function createUser(body: Record<string, unknown>, as: Session = admin) {
  return as.request({
    method: 'POST',
    url: '/api/users',
    payload: {
      kind: 'staff',
      fullName: 'Cán bộ thử nghiệm',
      homeUnitId: unitId(TU_PHAP),
      password: PASSWORD,
      roles: [],
      ...body,
    },
  });
}

/** Every password hash stored, to check none ever leaves in a response. */
async function storedHashes(): Promise<string[]> {
  const rows = await t.handle.db.select({ hash: users.passwordHash }).from(users);
  return rows.map((r) => r.hash).filter((h): h is string => !!h);
}

function expectNoSecrets(body: string, extra: string[] = []) {
  expect(body).not.toMatch(/passwordHash|password_hash/i);
  for (const secret of extra) expect(body).not.toContain(secret);
}

describe('listing and searching users', () => {
  it('an administrator sees every demo account, with roles and home units', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/users?pageSize=200' });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(items.length);
    const names = items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['admin', 'chuyenvien', 'congdan', 'kstthc', 'lanhdao', 'tiepnhan']));
    expect(names).toEqual([...names].sort());
    expect(items.find((u: { username: string }) => u.username === 'chuyenvien')).toEqual({
      id: expect.any(String),
      username: 'chuyenvien',
      fullName: 'Lê Văn Cường',
      kind: 'staff',
      homeUnitId: unitId(TU_PHAP),
      homeUnitName: TU_PHAP,
      disabled: false,
      roles: [{ role: 'processing_official', unitId: unitId(TU_PHAP), unitName: TU_PHAP }],
    });
    expectNoSecrets(res.body, await storedHashes());
  });

  it('searches by username or full name, pages, and filters by unit subtree', async () => {
    const byName = (await admin.request({ method: 'GET', url: '/api/users?q=Văn' })).json();
    expect(byName.items.map((u: { username: string }) => u.username)).toEqual(['chuyenvien', 'congdan']);
    const byUsername = (await admin.request({ method: 'GET', url: '/api/users?q=TIEPN' })).json();
    expect(byUsername.items.map((u: { username: string }) => u.username)).toEqual(['tiepnhan']);
    const nothing = (await admin.request({ method: 'GET', url: '/api/users?q=khong-co-ai' })).json();
    expect(nothing).toEqual({ items: [], total: 0 });
    const page = (await admin.request({ method: 'GET', url: '/api/users?pageSize=2&page=2' })).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(6);
    const unit = (await admin.request({ method: 'GET', url: `/api/users?unitId=${unitId(TU_PHAP)}` })).json();
    expect(unit.items.map((u: { username: string }) => u.username)).toEqual(['chuyenvien', 'lanhdao']);
  });

  it('a unit leader sees only the users of its unit subtree', async () => {
    const lanhdao = await t.login('lanhdao');
    const res = await lanhdao.request({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { username: string }) => u.username)).toEqual(['chuyenvien', 'lanhdao']);
    const elsewhere = await lanhdao.request({ method: 'GET', url: `/api/users?unitId=${unitId(TTPVHCC)}` });
    expect(elsewhere.statusCode).toBe(403);
    const tiepnhanId = (await admin.request({ method: 'GET', url: '/api/users?q=tiepnhan' })).json().items[0].id;
    expect((await lanhdao.request({ method: 'GET', url: `/api/users/${tiepnhanId}` })).statusCode).toBe(403);
  });

  it('officers and citizens without user.read get 403; anonymous callers 401', async () => {
    for (const username of ['chuyenvien', 'congdan', 'tiepnhan']) {
      const res = await (await t.login(username)).request({ method: 'GET', url: '/api/users' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const anon = await t.app.inject({ method: 'GET', url: '/api/users' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('GET /api/users/:id: 404 USER_NOT_FOUND, 400 for a malformed id, and the personal id masked', async () => {
    expect(
      (await admin.request({ method: 'GET', url: '/api/users/7b0a4a52-63c1-4f8e-9d55-0c2f4d3b1a99' })).json().error
        .code,
    ).toBe('USER_NOT_FOUND');
    expect((await admin.request({ method: 'GET', url: '/api/users/abc' })).statusCode).toBe(400);
    const congdanId = (await admin.request({ method: 'GET', url: '/api/users?q=congdan' })).json().items[0].id;
    const res = await admin.request({ method: 'GET', url: `/api/users/${congdanId}` });
    expect(res.json()).toMatchObject({
      username: 'congdan',
      kind: 'citizen',
      personalIdMasked: '********0123',
      homeUnitId: null,
    });
    expect(res.body).not.toContain('089095000123');
    expectNoSecrets(res.body, await storedHashes());
  });
});

describe('creating users', () => {
  it('creates an account (201) without ever returning the password or its hash', async () => {
    const res = await createUser({
      username: 'NguyenThiMai',
      fullName: 'Nguyễn Thị Mai',
      email: 'mai@angiang.gov.vn',
      phone: '0912345678',
      personalId: '089190000456',
      roles: [{ role: 'processing_official', unitId: unitId(TU_PHAP) }],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'nguyenthimai', // stored lower case
      fullName: 'Nguyễn Thị Mai',
      kind: 'staff',
      homeUnitName: TU_PHAP,
      disabled: false,
      mustChangePassword: true,
      personalIdMasked: '********0456',
      version: 1,
      roles: [{ role: 'processing_official', unitId: unitId(TU_PHAP), unitName: TU_PHAP }],
    });
    expect(Object.keys(user)).not.toContain('password');
    const [stored] = await t.handle.db.select().from(users).where(eq(users.id, user.id));
    expect(stored!.passwordHash).toBeTruthy();
    expect(stored!.passwordHash).not.toContain(PASSWORD);
    expectNoSecrets(res.body, [PASSWORD, stored!.passwordHash!]);
    for (const url of [`/api/users/${user.id}`, '/api/users?q=nguyenthimai']) {
      expectNoSecrets((await admin.request({ method: 'GET', url })).body, [PASSWORD, stored!.passwordHash!]);
    }
    // The audit record of the creation has neither the password nor the raw personal id.
    const [audit] = await t.handle.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(audit).toMatchObject({ action: 'user.create', actorId: admin.user.id });
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    expect(JSON.stringify(audit)).not.toContain('089190000456');
    // The new user logs in with the initial password and is told to change it.
    const first = await login('nguyenthimai', PASSWORD);
    expect(first.statusCode).toBe(200);
    expect(first.json().user.mustChangePassword).toBe(true);
  });

  it('refuses a username already taken (any case) with 409 USERNAME_TAKEN, and a personal id already used', async () => {
    const dup = await createUser({ username: 'ChuyenVien' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'USERNAME_TAKEN', message: 'Tên đăng nhập đã được sử dụng.' });
    const pid = await createUser({
      username: 'congdan2',
      kind: 'citizen',
      homeUnitId: null,
      personalId: '089095000123',
      roles: [{ role: 'citizen', unitId: null }],
    });
    expect(pid.statusCode).toBe(409);
    expect(pid.json().error.code).toBe('PERSONAL_ID_TAKEN');
  });

  it('requires a unit for staff roles (422 ROLE_UNIT_REQUIRED) and none for the citizen role', async () => {
    const noUnit = await createUser({
      username: 'canbo.khongdonvi',
      roles: [{ role: 'processing_official', unitId: null }],
    });
    expect(noUnit.statusCode).toBe(422);
    expect(noUnit.json().error).toMatchObject({ code: 'ROLE_UNIT_REQUIRED', details: { role: 'processing_official' } });
    const citizenWithUnit = await createUser({
      username: 'congdan.codonvi',
      kind: 'citizen',
      homeUnitId: null,
      roles: [{ role: 'citizen', unitId: unitId(TU_PHAP) }],
    });
    expect(citizenWithUnit.statusCode).toBe(422);
    expect(citizenWithUnit.json().error.code).toBe('CITIZEN_ROLE_NO_UNIT');
    // Nothing was created.
    expect((await admin.request({ method: 'GET', url: '/api/users?q=canbo.khongdonvi' })).json().total).toBe(0);
  });

  it('refuses a weak or missing password, a role on a closed unit, and bad fields', async () => {
    const weak = await createUser({ username: 'matkhauyeu', password: 'matkhauyeu' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const missing = await createUser({ username: 'khongmatkhau', password: undefined });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { password: 'required' } });
    const closed = await createUser({
      username: 'canbo.huyencu',
      roles: [
        { role: 'processing_official', unitId: unitId('UBND thành phố Long Xuyên (cấp huyện, trước 01/7/2025)') },
      ],
    });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().error.code).toBe('UNIT_CLOSED');
    const bad = await createUser({ username: 'Tên Có Dấu', personalId: '12345', email: 'not-an-email', kind: 'robot' });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['email', 'kind', 'personalId', 'username']);
    expect(bad.json().error.details.find((d: { path: string }) => d.path === 'personalId').message).toBe(
      'Số định danh cá nhân phải gồm đúng 12 chữ số',
    );
  });

  it('only administrators may create accounts (403 for others, 401 anonymous)', async () => {
    for (const username of ['chuyenvien', 'lanhdao', 'congdan', 'kstthc']) {
      const res = await createUser({ username: `tu-tao-${username}` }, await t.login(username));
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'an.danh', fullName: 'x', kind: 'staff', password: PASSWORD },
    });
    expect(anon.statusCode).toBe(401);
  });
});

describe('roles per unit', () => {
  it('gives one person roles in two units; the roles hold on the next login', async () => {
    const user = (
      await createUser({ username: 'hai.donvi', roles: [{ role: 'processing_official', unitId: unitId(TU_PHAP) }] })
    ).json();
    const res = await admin.request({
      method: 'PUT',
      url: `/api/users/${user.id}/roles`,
      payload: {
        version: 1,
        roles: [
          { role: 'processing_official', unitId: unitId(TU_PHAP) },
          { role: 'one_stop_officer', unitId: unitId(TTPVHCC) },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(2);
    expect(res.json().roles).toEqual([
      { role: 'one_stop_officer', unitId: unitId(TTPVHCC), unitName: TTPVHCC },
      { role: 'processing_official', unitId: unitId(TU_PHAP), unitName: TU_PHAP },
    ]);
    const me = await login('hai.donvi', PASSWORD);
    expect(me.json().user.roles).toHaveLength(2);
    // Stale version: 409.
    const stale = await admin.request({
      method: 'PUT',
      url: `/api/users/${user.id}/roles`,
      payload: { version: 1, roles: [] },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    // Staff role without a unit.
    const noUnit = await admin.request({
      method: 'PUT',
      url: `/api/users/${user.id}/roles`,
      payload: { version: 2, roles: [{ role: 'unit_leader', unitId: null }] },
    });
    expect(noUnit.statusCode).toBe(422);
    expect(noUnit.json().error.code).toBe('ROLE_UNIT_REQUIRED');
    // The refused change left the roles as they were.
    expect((await admin.request({ method: 'GET', url: `/api/users/${user.id}` })).json().roles).toHaveLength(2);
    const [audit] = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'user.roles_set'));
    expect(audit!.targetId).toBe(user.id);
  });

  it('non-administrators cannot change roles', async () => {
    const target = (await admin.request({ method: 'GET', url: '/api/users?q=chuyenvien' })).json().items[0];
    const lanhdao = await t.login('lanhdao');
    const res = await lanhdao.request({
      method: 'PUT',
      url: `/api/users/${target.id}/roles`,
      payload: { version: 1, roles: [{ role: 'unit_leader', unitId: unitId(TU_PHAP) }] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});

describe('password reset and disabling', () => {
  it('an administrator resets a password; the user logs in with the new one (and must change it), not the old one', async () => {
    const user = (await createUser({ username: 'quen.matkhau' })).json();
    const session = await t.login('quen.matkhau', PASSWORD);
    const weak = await admin.request({
      method: 'POST',
      url: `/api/users/${user.id}/password-reset`,
      payload: { newPassword: 'abc' },
    });
    expect(weak.statusCode).toBe(422);
    const res = await admin.request({
      method: 'POST',
      url: `/api/users/${user.id}/password-reset`,
      payload: { newPassword: 'Tạm-thời-2026-xyz' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await login('quen.matkhau', PASSWORD)).statusCode).toBe(401);
    const fresh = await login('quen.matkhau', 'Tạm-thời-2026-xyz');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().user.mustChangePassword).toBe(true);
    // Sessions opened with the old password are over.
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    // Others may not reset.
    const other = await (await t.login('lanhdao')).request({
      method: 'POST',
      url: `/api/users/${user.id}/password-reset`,
      payload: { newPassword: 'Tạm-thời-2026-abc' },
    });
    expect(other.statusCode).toBe(403);
  });

  it('disabling ends login (403 ACCOUNT_DISABLED) and open sessions; enabling restores it', async () => {
    const user = (await createUser({ username: 'sap.nghi.viec' })).json();
    const session = await t.login('sap.nghi.viec', PASSWORD);
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { version: 1, disabled: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ disabled: true, version: 2 });
    const refused = await login('sap.nghi.viec', PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'ACCOUNT_DISABLED', message: 'Tài khoản đã bị khóa.' });
    // A wrong password still says only "wrong credentials" (no hint the account exists and is disabled).
    expect((await login('sap.nghi.viec', 'sai-mat-khau-123')).json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const listed = (await admin.request({ method: 'GET', url: '/api/users?q=sap.nghi.viec' })).json().items[0];
    expect(listed.disabled).toBe(true);

    const enabled = await admin.request({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { version: 2, disabled: false },
    });
    expect(enabled.json().disabled).toBe(false);
    expect((await login('sap.nghi.viec', PASSWORD)).statusCode).toBe(200);
    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { version: 2, fullName: 'Tên mới' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('an administrator cannot disable their own account', async () => {
    const me = (await admin.request({ method: 'GET', url: `/api/users/${admin.user.id}` })).json();
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/users/${admin.user.id}`,
      payload: { version: me.version, disabled: true },
    });
    expect(res.statusCode).toBe(422);
    expect((await login('admin', 'motcua-demo')).statusCode).toBe(200);
  });
});

describe('service accounts and their tokens', () => {
  it('a service account has no password; its token works as a bearer within its scopes and dies with the account', async () => {
    const created = await createUser({
      username: 'dvcqg.sync',
      fullName: 'Đồng bộ Cổng DVC quốc gia',
      kind: 'service',
      password: undefined,
      roles: [{ role: 'unit_leader', unitId: unitId(TU_PHAP) }],
    });
    expect(created.statusCode).toBe(201);
    const svc = created.json();
    expect(svc).toMatchObject({ kind: 'service', mustChangePassword: false });
    // No password: no login.
    expect((await login('dvcqg.sync', '')).statusCode).toBe(400);
    expect((await login('dvcqg.sync', 'anything-at-all-1')).statusCode).toBe(401);

    const notHeld = await admin.request({
      method: 'POST',
      url: `/api/users/${svc.id}/tokens`,
      payload: { name: 'x', scopes: ['unit.manage'] },
    });
    expect(notHeld.statusCode).toBe(422);
    expect(notHeld.json().error).toMatchObject({ code: 'SCOPE_NOT_HELD', details: { scopes: ['unit.manage'] } });

    const issued = await admin.request({
      method: 'POST',
      url: `/api/users/${svc.id}/tokens`,
      payload: { name: 'Đồng bộ', scopes: ['user.read'], expiresInDays: 90 },
    });
    expect(issued.statusCode).toBe(201);
    const { token, item } = issued.json();
    expect(token).toMatch(/^mct_/);
    expect(item).toMatchObject({ name: 'Đồng bộ', scopes: ['user.read'], revokedAt: null });

    const bearer = { authorization: `Bearer ${token}` };
    const list = await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer });
    expect(list.statusCode).toBe(200);
    // The token acts as the service account: only its unit subtree.
    const seen = list.json().items.map((u: { username: string }) => u.username);
    expect(seen).toEqual(expect.arrayContaining(['chuyenvien', 'dvcqg.sync', 'lanhdao']));
    for (const outside of ['admin', 'congdan', 'kstthc', 'tiepnhan']) expect(seen).not.toContain(outside);
    expect(
      list
        .json()
        .items.every(
          (u: { homeUnitId: string | null; roles: { unitId: string }[] }) =>
            u.homeUnitId === unitId(TU_PHAP) || u.roles.some((r) => r.unitId === unitId(TU_PHAP)),
        ),
    ).toBe(true);
    // Outside its scopes.
    const scoped = await t.app.inject({ method: 'GET', url: '/api/audit', headers: bearer });
    expect(scoped.statusCode).toBe(403);
    expect(scoped.json().error.code).toBe('TOKEN_SCOPE');
    // No CSRF needed for bearer writes, but the scope still applies.
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer,
      payload: { username: 'x.y.z', fullName: 'x', kind: 'staff', password: PASSWORD },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('TOKEN_SCOPE');

    // Revoked together with the account.
    expect(
      (await admin.request({ method: 'PATCH', url: `/api/users/${svc.id}`, payload: { version: 1, disabled: true } }))
        .statusCode,
    ).toBe(200);
    const dead = await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer });
    expect(dead.statusCode).toBe(401);
    expect(dead.json().error.code).toBe('INVALID_TOKEN');
  });

  it('tokens are issued only for service accounts, and only by administrators', async () => {
    const chuyenvien = (await admin.request({ method: 'GET', url: '/api/users?q=chuyenvien' })).json().items[0];
    const staff = await admin.request({
      method: 'POST',
      url: `/api/users/${chuyenvien.id}/tokens`,
      payload: { name: 'x', scopes: ['dossier.read'] },
    });
    expect(staff.statusCode).toBe(422);
    const svc = (
      await createUser({
        username: 'lgsp.bridge',
        kind: 'service',
        password: undefined,
        roles: [{ role: 'unit_leader', unitId: unitId(TU_PHAP) }],
      })
    ).json();
    const byLeader = await (await t.login('lanhdao')).request({
      method: 'POST',
      url: `/api/users/${svc.id}/tokens`,
      payload: { name: 'x', scopes: ['user.read'] },
    });
    expect(byLeader.statusCode).toBe(403);
    const garbage = await t.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { authorization: 'Bearer mct_not-a-real-token' },
    });
    expect(garbage.statusCode).toBe(401);
    expect(garbage.json().error.code).toBe('INVALID_TOKEN');
  });
});
