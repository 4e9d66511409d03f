import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, loginAttempts, sessions } from '../../src/modules/identity/identity.tables.js';
import { createTestApp, type TestApp } from '../../src/app/testing/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('login', () => {
  it('opens an HTTP-only session and returns the user and a CSRF token', async () => {
    const res = await login('ChuyenVien', 'motcua-demo');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'chuyenvien', kind: 'staff' });
    expect(body.user.roles).toEqual([expect.objectContaining({ role: 'processing_official', unitName: 'Sở Tư pháp' })]);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'motcua_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    // Only the hash of the cookie is stored.
    const stored = await t.handle.db.select().from(sessions);
    expect(stored.some((s) => s.tokenHash === cookie.value)).toBe(false);
  });

  it('answers 401 with the same message for a wrong password and an unknown user', async () => {
    const wrong = await login('lanhdao', 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: expect.stringContaining('mật khẩu'),
    });
  });

  it('throttles an account after 5 failures, even for the right password, and not other accounts', async () => {
    for (let i = 0; i < 5; i += 1) expect((await login('kstthc', `wrong-${i}`, '10.0.0.9')).statusCode).toBe(401);
    const blocked = await login('kstthc', 'motcua-demo', '10.0.0.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('LOGIN_THROTTLED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect((await login('tiepnhan', 'motcua-demo', '10.0.0.9')).statusCode).toBe(200);
    // The refusal did not count as an attempt: the history holds exactly the 5 failures.
    const attempts = await t.handle.db.select().from(loginAttempts).where(eq(loginAttempts.username, 'kstthc'));
    expect(attempts.filter((a) => !a.succeeded)).toHaveLength(5);
  });

  it('throttles an address that guesses across many accounts', async () => {
    const ip = '10.0.0.77';
    for (let i = 0; i < 30; i += 1) await login(`guess-${i}`, 'x', ip);
    expect((await login('admin', 'motcua-demo', ip)).statusCode).toBe(429);
    expect((await login('admin', 'motcua-demo', '10.0.0.78')).statusCode).toBe(200);
  });

  it('audits successful and failed logins without recording the password', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/audit?action=auth.login_failed',
      cookies: { motcua_session: (await t.login('admin')).cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
    expect(JSON.stringify(res.json())).not.toContain('wrong-');
  });
});

describe('session', () => {
  it('GET /api/me needs a session, and returns the CSRF token for the web app', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).json().error.code).toBe('UNAUTHENTICATED');
    const s = await t.login('congdan');
    const me = await s.request({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      user: expect.objectContaining({
        username: 'congdan',
        kind: 'citizen',
        roles: [{ role: 'citizen', unitId: null, unitName: null }],
        profile: expect.objectContaining({ personalId: '089095000123' }), // their own, to prefill e-forms
      }),
      csrfToken: s.csrfToken,
    });
  });

  it('refuses a state change through the cookie without the CSRF token', async () => {
    const s = await t.login('lanhdao');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { motcua_session: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const forged = await s.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'forged' } });
    expect(forged.statusCode).toBe(403);
  });

  it('logout ends the session', async () => {
    const s = await t.login('lanhdao');
    expect((await s.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('an idle session expires with SESSION_EXPIRED', async () => {
    const s = await t.login('tiepnhan');
    await t.handle.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 3 * 3600_000) });
    const res = await s.request({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });
});

describe('password change', () => {
  it('checks the current password and the strength of the new one', async () => {
    const s = await t.login('chuyenvien');
    const wrong = await s.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: 'nope', newPassword: 'Sở-Tư-pháp-2026' },
    });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const weak = await s.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: 'motcua-demo', newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
  });

  it('changes it, keeps this session, ends the others; the new password works', async () => {
    const other = await t.login('chuyenvien');
    const s = await t.login('chuyenvien');
    const res = await s.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: 'motcua-demo', newPassword: 'Sở-Tư-pháp-2026' },
    });
    expect(res.statusCode).toBe(204);
    expect((await s.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await other.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await login('chuyenvien', 'motcua-demo', '10.1.1.1')).statusCode).toBe(401);
    expect((await login('chuyenvien', 'Sở-Tư-pháp-2026', '10.1.1.1')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('issues a scoped token once, stores only its hash, and the token works without CSRF', async () => {
    const admin = await t.login('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/me/tokens',
      payload: { name: 'Đồng bộ DVCQG', scopes: ['user.read'], expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, item } = created.json();
    expect(token).toMatch(/^mct_/);
    expect(item).toMatchObject({
      name: 'Đồng bộ DVCQG',
      scopes: ['user.read'],
      prefix: token.slice(0, 10),
      revokedAt: null,
    });
    const rows = await t.handle.db.select().from(apiTokens);
    expect(JSON.stringify(rows)).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(200);
    const outOfScope = await t.app.inject({ method: 'GET', url: '/api/audit', headers: bearer });
    expect(outOfScope.statusCode).toBe(403);
    expect(outOfScope.json().error.code).toBe('TOKEN_SCOPE');
    // A token cannot mint more tokens.
    const mint = await t.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: bearer,
      payload: { name: 'x', scopes: ['user.read'] },
    });
    expect(mint.statusCode).toBe(403);

    const list = await admin.request({ method: 'GET', url: '/api/me/tokens' });
    expect(list.json().items[0].lastUsedAt).not.toBeNull();

    expect((await admin.request({ method: 'DELETE', url: `/api/me/tokens/${item.id}` })).statusCode).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('INVALID_TOKEN');
    expect((await admin.request({ method: 'DELETE', url: `/api/me/tokens/${item.id}` })).statusCode).toBe(404);
  });

  it('refuses scopes the user does not hold, and unknown scopes', async () => {
    const citizen = await t.login('congdan');
    const notHeld = await citizen.request({
      method: 'POST',
      url: '/api/me/tokens',
      payload: { name: 'x', scopes: ['unit.manage'] },
    });
    expect(notHeld.statusCode).toBe(422);
    expect(notHeld.json().error).toMatchObject({ code: 'SCOPE_NOT_HELD', details: { scopes: ['unit.manage'] } });
    const unknown = await citizen.request({
      method: 'POST',
      url: '/api/me/tokens',
      payload: { name: 'x', scopes: ['everything'] },
    });
    expect(unknown.statusCode).toBe(400);
    const scopes = await citizen.request({ method: 'GET', url: '/api/me/scopes' });
    expect(scopes.json()).toEqual({ scopes: ['dossier.read'] });
  });

  it('an expired token is refused', async () => {
    const admin = await t.login('admin');
    const { token, item } = (
      await admin.request({
        method: 'POST',
        url: '/api/me/tokens',
        payload: { name: 'short', scopes: ['unit.*'], expiresInDays: 1 },
      })
    ).json();
    await t.handle.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, item.id));
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(401);
  });
});
