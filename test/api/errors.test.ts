import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../src/modules/org/units.table.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';

let t: TestApp;
let admin: Session;
let provinceId: string;
let userId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const rows = await t.handle.db.select({ id: units.id, name: units.name }).from(units);
  provinceId = rows.find((u) => u.name === 'Ủy ban nhân dân tỉnh An Giang')!.id;
  userId = (await admin.request({ method: 'GET', url: '/api/users?q=chuyenvien' })).json().items[0].id;
});
afterAll(() => t.close());

/** Vietnamese text: at least one letter with a Vietnamese diacritic. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** Every error has exactly {"error":{"code","message","details"?}}, as JSON. */
function expectErrorShape(res: LightMyRequestResponse, status?: number, code?: string) {
  if (status !== undefined) expect(res.statusCode).toBe(status);
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  const keys = Object.keys(body.error).sort();
  expect(keys.filter((k) => k !== 'details')).toEqual(['code', 'message']);
  expect(keys.every((k) => ['code', 'details', 'message'].includes(k))).toBe(true);
  expect(body.error.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message).toMatch(VIETNAMESE);
  if (code !== undefined) expect(body.error.code).toBe(code);
  return body.error as { code: string; message: string; details?: unknown };
}

const rawJson = (url: string, payload: string, headers: Record<string, string> = {}): InjectOptions => ({
  method: 'POST',
  url,
  payload,
  headers: { 'content-type': 'application/json', ...headers },
});

describe('malformed requests', () => {
  it.each(['{"username": "admin",', '{username: admin}', "{'a': 1}", '[1, 2', 'undefined', '{"a":1}}'])(
    'malformed JSON %j → 400 INVALID_JSON',
    async (payload) => {
      const res = await t.app.inject(rawJson('/api/auth/login', payload));
      expectErrorShape(res, 400, 'INVALID_JSON');
      expect(res.json().error.message).toBe('Nội dung yêu cầu không phải JSON hợp lệ.');
    },
  );

  it('an empty JSON body → 400 INVALID_JSON', async () => {
    expectErrorShape(await t.app.inject(rawJson('/api/auth/login', '')), 400, 'INVALID_JSON');
  });

  it('malformed JSON also fails on a signed-in route, before anything changes', async () => {
    const res = await admin.request(rawJson('/api/units', '{"name": "x", '));
    expectErrorShape(res, 400, 'INVALID_JSON');
  });

  it('a schema violation → 400 VALIDATION_FAILED naming each field, with Vietnamese messages', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42 } });
    const error = expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    const details = error.details as { in: string; path: string; message: string }[];
    expect(details.map((d) => [d.in, d.path])).toEqual([
      ['body', 'username'],
      ['body', 'password'],
    ]);
    for (const d of details) {
      expect(d.message).toMatch(VIETNAMESE);
      expect(d.message).not.toMatch(/expected|invalid input/i);
    }
  });

  it('nested fields are named by their path, query and params by where they came from', async () => {
    const roles = await admin.request({
      method: 'PUT',
      url: `/api/users/${userId}/roles`,
      payload: {
        version: 1,
        roles: [
          { role: 'processing_official', unitId: provinceId },
          { role: 'emperor', unitId: null },
        ],
      },
    });
    const error = expectErrorShape(roles, 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual([{ in: 'body', path: 'roles.1.role', message: expect.stringMatching(VIETNAMESE) }]);
    const query = await admin.request({ method: 'GET', url: '/api/users?pageSize=5000' });
    expect(expectErrorShape(query, 400, 'VALIDATION_FAILED').details).toEqual([
      { in: 'querystring', path: 'pageSize', message: expect.stringMatching(VIETNAMESE) },
    ]);
    const params = await t.app.inject({ method: 'GET', url: '/api/units/12' });
    expect(expectErrorShape(params, 400, 'VALIDATION_FAILED').details).toEqual([
      { in: 'params', path: 'id', message: expect.stringMatching(VIETNAMESE) },
    ]);
  });

  it('a number past an integer column → 400 VALIDATION_FAILED, not 500 (found by npm run chaos -- fuzz)', async () => {
    const lanhdao = await t.login('lanhdao');
    const res = await lanhdao.request({ method: 'GET', url: '/api/kpi/config?year=2025&version=9007199254740980' });
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
  });

  it('an unknown API route → 404 ROUTE_NOT_FOUND, for any method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: '/api/khong-co?x=1' });
      const error = expectErrorShape(res, 404, 'ROUTE_NOT_FOUND');
      expect(error.details).toEqual({ method, path: '/api/khong-co' });
    }
  });

  it('a known path with a method it does not have → 404 ROUTE_NOT_FOUND (Fastify routes by method and path)', async () => {
    for (const [method, url] of [
      ['DELETE', '/api/units'],
      ['PUT', '/api/health'],
      ['GET', '/api/auth/login'],
      ['DELETE', `/api/users/${userId}`],
    ] as const) {
      const res = await admin.request({ method, url });
      expectErrorShape(res, 404, 'ROUTE_NOT_FOUND');
      expect(res.json().error.details).toMatchObject({ method });
    }
  });

  it('an oversize body (> 1 MiB) → 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(1024 * 1024 + 10) });
    const res = await t.app.inject(rawJson('/api/auth/login', big));
    expectErrorShape(res, 413, 'PAYLOAD_TOO_LARGE');
    const signedIn = await admin.request(rawJson('/api/units', JSON.stringify({ name: 'n'.repeat(2 * 1024 * 1024) })));
    expectErrorShape(signedIn, 413, 'PAYLOAD_TOO_LARGE');
  });

  it.each(['application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'image/png'])(
    'an unsupported content type (%s) → 415 UNSUPPORTED_MEDIA_TYPE',
    async (contentType) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: 'username=admin&password=x',
        headers: { 'content-type': contentType },
      });
      expectErrorShape(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('plain text where JSON is expected is a validation failure (400), not a crash', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'admin',
      headers: { 'content-type': 'text/plain' },
    });
    expectErrorShape(res, 400, 'VALIDATION_FAILED');
  });

  it('a malformed Authorization header → 401 INVALID_TOKEN', async () => {
    for (const authorization of ['Basic YWRtaW46eA==', 'Bearer', 'Bearer a b', 'Bearer mct_unknown']) {
      expectErrorShape(
        await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization } }),
        401,
        'INVALID_TOKEN',
      );
    }
  });

  it('domain errors keep the same shape (401, 403, 404, 409, 422)', async () => {
    expectErrorShape(await t.app.inject({ method: 'GET', url: '/api/users' }), 401, 'UNAUTHENTICATED');
    expectErrorShape(await (await t.login('congdan')).request({ method: 'GET', url: '/api/users' }), 403, 'FORBIDDEN');
    expectErrorShape(
      await t.app.inject({ method: 'GET', url: '/api/units/7b0a4a52-63c1-4f8e-9d55-0c2f4d3b1a99' }),
      404,
      'UNIT_NOT_FOUND',
    );
    const dup = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'admin', fullName: 'x', kind: 'staff', password: 'Mật-khẩu-2026-abc' },
    });
    expectErrorShape(dup, 409, 'USERNAME_TAKEN');
    const cycle = await admin.request({
      method: 'PATCH',
      url: `/api/units/${provinceId}`,
      payload: { version: 1, parentId: provinceId },
    });
    expectErrorShape(cycle, 422);
  });
});

describe('bad input never causes a 500', () => {
  const NUL = '\u0000';
  const nasty: unknown[] = [
    null,
    [],
    'chuỗi',
    0,
    true,
    {},
    { version: 1e308 },
    { version: -1, name: 123 },
    { version: '1' },
    { username: `ad${NUL}min`, password: `x${NUL}` },
    { name: `Phòng ${NUL} rỗng`, fullName: NUL, q: NUL },
    { parentId: '00000000-0000-0000-0000-000000000000', name: 'Nil', kind: 'other', officialCode: '999.99.99.Z99' },
    { parentId: 'ffffffff-ffff-ffff-ffff-ffffffffffff', name: 'Max', kind: 'other', officialCode: '998.99.99.Z99' },
    { name: '\ud800 nửa cặp', kind: 'other', parentId: null, officialCode: '997.99.99.Z99' },
    { name: 'x'.repeat(100_000) },
    { roles: Array.from({ length: 500 }, () => ({ role: 'citizen', unitId: null })), version: 1 },
    { roles: [{ role: 'citizen' }], version: 1 },
    { a: { b: { c: { d: { e: { f: { g: { h: [[[[[[[[1]]]]]]]] } } } } } } } },
    { validFrom: '0000-01-01', validTo: '9999-12-31', version: 1 },
    { validTo: '2025-02-29', version: 1 },
    { scopes: ['*'], name: 'x' },
    { scopes: Array.from({ length: 60 }, () => 'unit.manage'), name: 'x' },
    { username: 'nguoi.moi', fullName: `Tên${NUL}`, kind: 'staff', password: `Mật${NUL}khẩu-2026-abc`, roles: [] },
    { newPassword: `Mật${NUL}khẩu-2026-abc`, currentPassword: 'motcua-demo' },
  ];
  const rawBodies = [
    '{"__proto__": {"admin": true}}',
    '{"constructor": {"prototype": {"admin": true}}}',
    '"\\u0000"',
    '1e999',
    '{"version": 1e999}',
  ];

  const routes = (): { method: 'POST' | 'PATCH' | 'PUT'; url: string }[] => [
    { method: 'POST', url: '/api/auth/login' },
    { method: 'POST', url: '/api/units' },
    { method: 'PATCH', url: `/api/units/${provinceId}` },
    { method: 'POST', url: `/api/units/${provinceId}/close` },
    { method: 'POST', url: '/api/users' },
    { method: 'PATCH', url: `/api/users/${userId}` },
    { method: 'PUT', url: `/api/users/${userId}/roles` },
    { method: 'POST', url: `/api/users/${userId}/password-reset` },
    { method: 'POST', url: '/api/me/tokens' },
    { method: 'POST', url: '/api/me/password' },
  ];

  it('JSON payloads of the wrong shape, type or content, against write routes', async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      for (const payload of nasty) {
        const res = await admin.request({
          ...route,
          payload: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
        });
        if (res.statusCode >= 500)
          failures.push(
            `${route.method} ${route.url} ${JSON.stringify(payload).slice(0, 80)} → ${res.statusCode} ${res.body}`,
          );
        else if (res.statusCode >= 400) expectErrorShape(res);
      }
      for (const payload of rawBodies) {
        const res = await admin.request({ ...route, payload, headers: { 'content-type': 'application/json' } });
        if (res.statusCode >= 500)
          failures.push(`${route.method} ${route.url} ${payload} → ${res.statusCode} ${res.body}`);
        else if (res.statusCode >= 400) expectErrorShape(res);
      }
    }
    expect(failures).toEqual([]);
  });

  it('query strings and path parameters', async () => {
    const urls = [
      '/api/units?at=0000-01-01',
      '/api/units?at=9999-12-31&includeClosed=true',
      '/api/units?at=2025-07-01%00',
      '/api/units?includeClosed=true&includeClosed=false',
      '/api/units/%00',
      '/api/units/00000000-0000-0000-0000-000000000000',
      '/api/units/ffffffff-ffff-ffff-ffff-ffffffffffff',
      '/api/users?q=%00',
      '/api/users?q=%25%5F%5C',
      `/api/users?q=${'a'.repeat(101)}`,
      '/api/users?q=%C3%28',
      '/api/users?page=0',
      '/api/users?page=-1&pageSize=abc',
      '/api/users?page=1e400',
      '/api/users?page=99999999999',
      '/api/users?unitId=not-a-uuid',
      '/api/users?unitId=00000000-0000-0000-0000-000000000000',
      '/api/users/00000000-0000-0000-0000-000000000000',
      '/api/audit?actorId=%00',
      '/api/audit?action=%00&targetId=%00',
      '/api/audit?targetType=unit&page=2',
      '/api/me/tokens/%00',
    ];
    const failures: string[] = [];
    for (const url of urls) {
      for (const method of ['GET', 'DELETE'] as const) {
        const res = await admin.request({ method, url });
        if (res.statusCode >= 500) failures.push(`${method} ${url} → ${res.statusCode} ${res.body}`);
        else if (res.statusCode >= 400) expectErrorShape(res);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a null byte in text is refused as invalid data (400), not a database failure', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `admin${'\u0000'}`, password: 'motcua-demo' },
    });
    expectErrorShape(login, 400, 'VALIDATION_FAILED');
    const unit = await admin.request({
      method: 'POST',
      url: '/api/units',
      payload: { parentId: provinceId, name: 'Phòng\u0000A', kind: 'other', officialCode: '996.99.99.Z99' },
    });
    expectErrorShape(unit, 400, 'VALIDATION_FAILED');
    const search = await admin.request({ method: 'GET', url: '/api/users?q=%00' });
    expectErrorShape(search, 400, 'VALIDATION_FAILED');
  });

  it('cookies and headers with junk', async () => {
    const cases: InjectOptions[] = [
      { method: 'GET', url: '/api/me', headers: { cookie: 'motcua_session=%00%ff' } },
      { method: 'GET', url: '/api/me', headers: { cookie: `motcua_session=${'x'.repeat(4000)}` } },
      {
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: `motcua_session=${admin.cookie}`, 'x-csrf-token': '\u00ff'.repeat(10) },
      },
      { method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${'\u00e9'.repeat(50)}` } },
      { method: 'GET', url: '/api/health', headers: { 'x-request-id': '../../etc/passwd' } },
    ];
    for (const options of cases) {
      const res = await t.app.inject(options);
      expect(res.statusCode, `${options.method} ${options.url}`).toBeLessThan(500);
      if (res.statusCode >= 400) expectErrorShape(res);
    }
  });
});

describe('what the HTTP parser refuses before routing', () => {
  /** Sends raw bytes to a listening server and returns what comes back before it closes. */
  async function raw(request: string): Promise<string> {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
      socket.on('data', (c) => chunks.push(c));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
  }

  it('a header over the limit is a 431 in the error shape, in Vietnamese', async () => {
    const answer = await raw(
      `POST /api/dossiers HTTP/1.1\r\nHost: x\r\nIdempotency-Key: ${'k'.repeat(20_000)}\r\n\r\n`,
    );
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/content-type: application\/json/i);
    const parsed = JSON.parse(body!);
    expect(parsed).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: expect.stringMatching(VIETNAMESE) } });
  });
});
