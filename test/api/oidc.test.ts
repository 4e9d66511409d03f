import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { queryRows } from '../../src/kernel/db.js';
import { fileDossier } from '../fixtures/dossiers.js';
import { Browser, listen, signInWithVneid } from '../fixtures/oidc.js';

const BINH = { personalId: '089196001357', fullName: 'Trần Thị Bình' }; // level 2, no MotCua account
const CUONG = { personalId: '089088002468', fullName: 'Lê Văn Cường' }; // level 1
const AN = { personalId: '089095000123' }; // level 2, the demo password account `congdan`

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
}, 60_000);
afterAll(() => t.close());

/** The API session behind a browser's cookie, as the other tests' sessions (inject). */
async function sessionOf(browser: Browser): Promise<Session> {
  const cookie = browser.cookies.get('motcua_session')!;
  const me = (await t.app.inject({ url: '/api/me', cookies: { motcua_session: cookie } })).json();
  return {
    cookie,
    csrfToken: me.csrfToken,
    user: me.user,
    request: (opts) =>
      t.app.inject({
        ...opts,
        cookies: { motcua_session: cookie },
        // The browser's host: MotCua finds the provider (the simulator) at the origin it was called on.
        headers: { host: new URL(base).host, 'x-csrf-token': me.csrfToken, ...(opts.headers ?? {}) },
      }),
  };
}

async function accountsWith(personalId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.handle.db,
    sql`select count(*)::int as n from users where personal_id = ${personalId}`,
  );
  return row!.n;
}

async function residenceRegistration() {
  const found = (await t.app.inject({ url: '/api/procedures?q=1.004222' })).json().items[0] as { id: string };
  return (await t.app.inject({ url: `/api/procedures/${found.id}` })).json();
}

describe('the VNeID simulator', () => {
  it('serves OpenID Connect discovery under /sim/vneid', async () => {
    const res = await fetch(`${base}/sim/vneid/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const meta = (await res.json()) as Record<string, unknown>;
    expect(meta.issuer).toBe(`${base}/sim/vneid`);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.claims_supported).toEqual(expect.arrayContaining(['so_dinh_danh', 'name', 'birthdate', 'address']));
    expect(meta.acr_values_supported).toEqual(['urn:vneid:loa:1', 'urn:vneid:loa:2']);
    expect(meta.backchannel_logout_supported).toBe(true);
  });

  it('shows a Vietnamese sign-in page and refuses a wrong passcode', async () => {
    const browser = new Browser(base);
    const page = await browser.follow('/api/auth/oidc/start');
    expect(await page.res.text()).toContain('Đăng nhập bằng tài khoản định danh điện tử VNeID');
    const wrong = await browser.request(page.url.pathname, {
      form: { personalId: BINH.personalId, passcode: '000000', decision: 'allow' },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('không đúng');
  });
});

describe('signing in through VNeID', () => {
  it('creates the citizen account at the first sign-in, prefills the profile, and links the second to it', async () => {
    const first = new Browser(base);
    expect((await signInWithVneid(first, BINH.personalId, '123456', '/my-dossiers')).pathname).toBe('/my-dossiers');
    const me = (await sessionOf(first)).user as unknown as Record<string, unknown>;
    expect(me).toMatchObject({ kind: 'citizen', fullName: BINH.fullName, identityLevel: 2 });
    expect(me.roles).toEqual([expect.objectContaining({ role: 'citizen' })]);

    const prefill = (await (await sessionOf(first)).request({ url: '/api/me/identity-profile' })).json();
    expect(prefill).toMatchObject({
      source: 'identityProvider',
      level: 2,
      fields: {
        personalId: BINH.personalId,
        fullName: BINH.fullName,
        birthDate: '1996-07-12',
        sex: 'female',
        phone: '+84913001357',
      },
    });
    expect(prefill.fields.permanentAddress).toContain('Trần Hưng Đạo');

    const second = new Browser(base);
    expect((await signInWithVneid(second, BINH.personalId)).pathname).toBe('/');
    expect((await sessionOf(second)).user.id).toBe(me.id);
    expect(await accountsWith(BINH.personalId)).toBe(1);
  });

  it('links an existing password account only after its password is proven too', async () => {
    const congdan = await t.login('congdan');
    const browser = new Browser(base);
    const landed = await signInWithVneid(browser, AN.personalId);
    expect(landed.pathname).toBe('/login');
    const token = landed.searchParams.get('link')!;
    expect(token).toBeTruthy();
    expect(browser.cookies.has('motcua_session')).toBe(false);

    const link = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/oidc/link', payload: { token, password } });
    const wrong = await link('not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    const linked = await link('motcua-demo');
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().user).toMatchObject({ id: congdan.user.id, identityLevel: 2 });
    expect((await link('motcua-demo')).json().error.code).toBe('OIDC_LINK_EXPIRED');

    // From now on the provider's sign-in alone opens that same account.
    const again = new Browser(base);
    expect((await signInWithVneid(again, AN.personalId)).pathname).toBe('/');
    expect((await sessionOf(again)).user.id).toBe(congdan.user.id);
    expect(await accountsWith(AN.personalId)).toBe(1);
  });

  it('refuses a level-1 identity a procedure that requires level 2; a level-2 one files it', async () => {
    const procedure = await residenceRegistration();
    expect(procedure.identityLevelRequired).toBe(2);

    const levelOne = new Browser(base);
    await signInWithVneid(levelOne, CUONG.personalId);
    const cuong = await sessionOf(levelOne);
    expect(cuong.user).toMatchObject({ identityLevel: 1 });
    const refused = await cuong.request({
      method: 'POST',
      url: '/api/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'online',
        applicant: { kind: 'citizen', fullName: CUONG.fullName, idNumber: CUONG.personalId },
        components: [],
      },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'IDENTITY_LEVEL_TOO_LOW', details: { required: 2 } });
    expect(refused.json().error.message).toContain('mức độ 2');

    // The same account with a password session is refused too: only a level-2 sign-in proves it.
    const levelTwo = new Browser(base);
    await signInWithVneid(levelTwo, BINH.personalId);
    const binh = await sessionOf(levelTwo);
    // Residence registration is filed with its tờ khai (CT01): what the system knows, and the rest typed.
    const prefill = (await binh.request({ url: `/api/procedures/${procedure.id}/eform/prefill` })).json() as {
      values: Record<string, { value: unknown; source: string }>;
    };
    // The provider's claims fill the form (source "identity provider"); the population database,
    // authoritative, keeps what it holds; the phone is only the provider's (domestic form).
    expect(prefill.values.phone).toEqual({ value: '0913001357', source: 'identityProvider' });
    expect(prefill.values.personalId).toEqual({ value: BINH.personalId, source: 'population' });
    const dossier = await fileDossier(binh, procedure, {
      channel: 'online',
      applicant: { kind: 'citizen', fullName: BINH.fullName, idNumber: BINH.personalId },
      eform: {
        values: {
          ...Object.fromEntries(Object.entries(prefill.values).map(([k, v]) => [k, v.value])),
          gender: 'Nữ',
          headFullName: BINH.fullName,
          headRelationship: 'Chủ hộ',
          headPersonalId: BINH.personalId,
          requestKind: 'thuong-tru',
          requestText: 'Đăng ký thường trú tại nơi ở hợp pháp',
          commitment: true,
        },
      },
    });
    expect(dossier.code).toBeTruthy();
    const filed = (await binh.request({ url: `/api/dossiers/${dossier.code}/eform` })).json();
    expect(filed.values.phone).toEqual({ value: '0913001357', source: 'identityProvider' });
  });

  it('a password session cannot file a level-2 procedure', async () => {
    const procedure = await residenceRegistration();
    const congdan = await t.login('congdan');
    const res = await congdan.request({
      method: 'POST',
      url: '/api/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'online',
        applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: AN.personalId },
        components: [],
      },
    });
    expect(res.json().error.code).toBe('IDENTITY_LEVEL_TOO_LOW');
  });

  it('refuses a callback without the browser’s own transaction, and a staff account unless allowed', async () => {
    const stranger = new Browser(base);
    const res = await stranger.request('/api/auth/oidc/callback?code=abc&state=xyz');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?oidcError=OIDC_STATE_MISMATCH');

    await t.handle.db.execute(sql`update users set personal_id = '089302001122' where username = 'tiepnhan'`);
    const staff = new Browser(base);
    const landed = await signInWithVneid(staff, '089302001122');
    expect(landed.searchParams.get('oidcError')).toBe('OIDC_STAFF_NOT_ALLOWED');
    await t.handle.db.execute(sql`update users set personal_id = null where username = 'tiepnhan'`);
  });

  it('logs out at MotCua and hands the provider’s end-session URL; the provider’s back-channel logout ends the session', async () => {
    const browser = new Browser(base);
    await signInWithVneid(browser, BINH.personalId);
    const session = await sessionOf(browser);
    const out = await session.request({ method: 'POST', url: '/api/auth/oidc/logout' });
    expect(out.statusCode).toBe(200);
    const endSessionUrl = new URL(out.json().endSessionUrl);
    expect(endSessionUrl.pathname).toBe('/sim/vneid/session/end');
    expect(endSessionUrl.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/login`);
    expect((await session.request({ url: '/api/me' })).statusCode).toBe(401);

    // Another MotCua session of the same provider session, ended from the provider's side.
    const other = new Browser(base);
    await signInWithVneid(other, BINH.personalId);
    const otherSession = await sessionOf(other);
    const confirm = await other.request(endSessionUrl.pathname + endSessionUrl.search);
    const form = await confirm.text();
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1];
    expect(xsrf).toBeTruthy();
    const ended = await other.request('/sim/vneid/session/end/confirm', { form: { xsrf: xsrf!, logout: 'yes' } });
    expect(ended.status).toBe(303);
    await expect.poll(async () => (await otherSession.request({ url: '/api/me' })).statusCode).toBe(401);
  });
});

describe('password sign-in switched off for citizens; staff allowed through the provider', () => {
  let off: TestApp;
  let offBase: string;
  beforeAll(async () => {
    off = await createTestApp({ env: { CITIZEN_PASSWORD_LOGIN: 'false', OIDC_STAFF_ENABLED: 'true' } });
    offBase = await listen(off);
  }, 60_000);
  afterAll(() => off.close());

  it('links an official by the personal identifier after the password, roles still granted in MotCua', async () => {
    const official = await off.login('tiepnhan');
    const rolesBefore = (await official.request({ url: '/api/me' })).json().user.roles;
    await off.handle.db.execute(sql`update users set personal_id = '089302001122' where username = 'tiepnhan'`);
    const browser = new Browser(offBase);
    const landed = await signInWithVneid(browser, '089302001122', '123456', '/staff');
    const token = landed.searchParams.get('link')!;
    const linked = await off.app.inject({
      method: 'POST',
      url: '/api/auth/oidc/link',
      payload: { token, password: 'motcua-demo' },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ returnTo: '/staff', user: { kind: 'staff', roles: rolesBefore } });
    const again = new Browser(offBase);
    expect((await signInWithVneid(again, '089302001122', '123456', '/staff')).pathname).toBe('/staff');
  });

  it('refuses a citizen’s password, keeps staff’s, and says so on the login page settings', async () => {
    const citizen = await off.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'congdan', password: 'motcua-demo' },
    });
    expect(citizen.statusCode).toBe(403);
    expect(citizen.json().error.code).toBe('PASSWORD_LOGIN_DISABLED');
    await off.login('tiepnhan');
    expect((await off.app.inject({ url: '/api/auth/oidc/config' })).json()).toEqual({
      enabled: true,
      providerName: 'VNeID',
      citizenPasswordLogin: false,
    });
  });
});
