import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { existingUnitIds, hasUnits, listUnits, unitsByIds } from '../../src/modules/org/units.query.js';

interface UnitNode {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  officialCode: string;
  adminUnitCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
  version: number;
  children: UnitNode[];
}

let t: TestApp;
let admin: Session;
let tree: UnitNode[];
const byName = new Map<string, UnitNode>();

const flatten = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const unitId = (name: string) => {
  const unit = byName.get(name);
  if (!unit) throw new Error(`no unit named ${name}`);
  return unit.id;
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const res = await t.app.inject({ method: 'GET', url: '/api/units?includeClosed=true' });
  tree = res.json().units;
  for (const unit of flatten(tree)) byName.set(unit.name, unit);
});
afterAll(() => t.close());

/** Unique, valid QCVN 102 codes for units the tests create. */
let codeSeq = 0;
const nextCode = () => `9${String(10 + (codeSeq++ % 90)).padStart(2, '0')}.55.00.H91`;

async function create(body: Record<string, unknown>, as: Session = admin) {
  return as.request({
    method: 'POST',
    url: '/api/units',
    payload: { parentId: unitId('Ủy ban nhân dân tỉnh An Giang'), kind: 'division', officialCode: nextCode(), ...body },
  });
}

describe('GET /api/units (public tree)', () => {
  it('is readable without signing in and has the province with its centre, departments and communes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(200);
    const { units } = res.json() as { units: UnitNode[] };
    const province = units[0]!;
    expect(province).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh An Giang',
      kind: 'province',
      parentId: null,
      adminUnitCode: '91',
    });
    const kinds = (kind: string) => province.children.filter((c) => c.kind === kind);
    expect(kinds('service_centre').map((c) => c.name)).toEqual(['Trung tâm Phục vụ hành chính công tỉnh An Giang']);
    expect(kinds('department').length).toBeGreaterThanOrEqual(8);
    expect(kinds('department').map((c) => c.name)).toContain('Sở Tư pháp');
    expect(kinds('commune').length).toBeGreaterThanOrEqual(12);
    for (const commune of kinds('commune')) expect(commune.adminUnitCode).toMatch(/^\d{5}$/);
    // Children are nested: the division of Sở Tư pháp sits under it.
    const tuPhap = province.children.find((c) => c.name === 'Sở Tư pháp')!;
    expect(tuPhap.children.map((c) => c.name)).toEqual(['Phòng Hành chính tư pháp']);
    expect(tuPhap.children[0]!.parentId).toBe(tuPhap.id);
  });

  it('puts the vertical agencies (police, tax, social insurance) at the root, after the province', async () => {
    const { units } = (await t.app.inject({ method: 'GET', url: '/api/units' })).json() as { units: UnitNode[] };
    expect(units.map((u) => u.name)).toEqual([
      'Ủy ban nhân dân tỉnh An Giang',
      'Công an tỉnh An Giang',
      'Thuế tỉnh An Giang',
      'Bảo hiểm xã hội tỉnh An Giang',
    ]);
    for (const agency of units.slice(1)) expect(agency).toMatchObject({ kind: 'vertical_agency', parentId: null });
  });

  it('leaves out the closed district today, but keeps it (with dates and successor) on request', async () => {
    const districtName = 'UBND thành phố Long Xuyên (cấp huyện, trước 01/7/2025)';
    const today = flatten((await t.app.inject({ method: 'GET', url: '/api/units' })).json().units);
    expect(today.some((u) => u.name === districtName)).toBe(false);
    const all = flatten((await t.app.inject({ method: 'GET', url: '/api/units?includeClosed=true' })).json().units);
    const district = all.find((u) => u.name === districtName)!;
    expect(district).toMatchObject({ kind: 'district', validFrom: '2008-01-01', validTo: '2025-07-01' });
    const successor = all.find((u) => u.id === district.successorId)!;
    expect(successor).toMatchObject({ kind: 'commune', adminUnitCode: '30307', validTo: null });
    // Its own detail page still answers.
    const detail = await t.app.inject({ method: 'GET', url: `/api/units/${district.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ validTo: '2025-07-01', successorId: successor.id });
  });

  it('shows the units operating on a given date (`at`)', async () => {
    // The day before the reform: only the old district operated (its parent is filtered out, so it is a root).
    const before = await t.app.inject({ method: 'GET', url: '/api/units?at=2025-06-30' });
    expect(before.statusCode).toBe(200);
    expect(before.json().units.map((u: UnitNode) => [u.name, u.children.length])).toEqual([
      ['UBND thành phố Long Xuyên (cấp huyện, trước 01/7/2025)', 0],
    ]);
    const reformDay = flatten((await t.app.inject({ method: 'GET', url: '/api/units?at=2025-07-01' })).json().units);
    expect(reformDay.some((u) => u.kind === 'district')).toBe(false);
    expect(reformDay.some((u) => u.name === 'Ủy ban nhân dân tỉnh An Giang')).toBe(true);
    const long = await t.app.inject({ method: 'GET', url: '/api/units?at=2007-12-31' });
    expect(long.json().units).toEqual([]);
  });

  it.each(['at=2025-13-01', 'at=2025-02-30', 'at=yesterday', 'includeClosed=yes'])(
    'refuses a bad query (%s) with 400',
    async (query) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/units?${query}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    },
  );
});

describe('GET /api/units/:id', () => {
  it('returns the unit with its ancestors, root first', async () => {
    const id = unitId('Phòng Hành chính tư pháp');
    const res = await t.app.inject({ method: 'GET', url: `/api/units/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      name: 'Phòng Hành chính tư pháp',
      kind: 'division',
      officialCode: '001.10.00.H91',
      parentId: unitId('Sở Tư pháp'),
      path: [
        { id: unitId('Ủy ban nhân dân tỉnh An Giang'), name: 'Ủy ban nhân dân tỉnh An Giang' },
        { id: unitId('Sở Tư pháp'), name: 'Sở Tư pháp' },
      ],
    });
    expect(res.json()).not.toHaveProperty('children');
    const root = await t.app.inject({ method: 'GET', url: `/api/units/${unitId('Công an tỉnh An Giang')}` });
    expect(root.json().path).toEqual([]);
  });

  it('answers 404 UNIT_NOT_FOUND for an unknown id and 400 for a malformed one', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/units/7b0a4a52-63c1-4f8e-9d55-0c2f4d3b1a99' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'UNIT_NOT_FOUND', message: 'Không tìm thấy đơn vị.' });
    for (const bad of ['123', 'not-a-uuid', '7b0a4a52-63c1-4f8e-9d55-0c2f4d3b1a9', "1' or '1'='1"]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/units/${encodeURIComponent(bad)}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ in: 'params', path: 'id' })],
      });
    }
  });
});

describe('creating units (administrator)', () => {
  it('creates a unit (201) and writes an audit record naming the administrator', async () => {
    const res = await create({
      name: 'Phòng Công chứng',
      parentId: unitId('Sở Tư pháp'),
      officialCode: '002.10.00.H91',
      validFrom: '2026-01-01',
    });
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({
      id: expect.any(String),
      name: 'Phòng Công chứng',
      parentId: unitId('Sở Tư pháp'),
      kind: 'division',
      officialCode: '002.10.00.H91',
      validFrom: '2026-01-01',
      validTo: null,
      version: 1,
    });
    const audit = await admin.request({ method: 'GET', url: `/api/audit?action=unit.create&targetId=${unit.id}` });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().total).toBe(1);
    expect(audit.json().items[0]).toMatchObject({
      action: 'unit.create',
      targetType: 'unit',
      targetId: unit.id,
      actorId: admin.user.id,
      actorName: 'admin',
      summary: { after: expect.objectContaining({ name: 'Phòng Công chứng', officialCode: '002.10.00.H91' }) },
    });
    // Readable back, with its path.
    const detail = await t.app.inject({ method: 'GET', url: `/api/units/${unit.id}` });
    expect(detail.json().path.map((p: { name: string }) => p.name)).toEqual([
      'Ủy ban nhân dân tỉnh An Giang',
      'Sở Tư pháp',
    ]);
  });

  it('defaults validFrom to today (Vietnam time)', async () => {
    const res = await create({ name: 'Phòng Thử nghiệm hôm nay' });
    expect(res.statusCode).toBe(201);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(res.json().validFrom).toBe(today);
  });

  it('refuses an official code already used by an operating unit (409), but allows the code of a closed one', async () => {
    const taken = await create({ name: 'Sở trùng mã', officialCode: '000.00.10.H91' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: 'UNIT_CODE_TAKEN',
      details: { officialCode: '000.00.10.H91', unitId: unitId('Sở Tư pháp') },
    });
    const reused = await create({ name: 'Đơn vị dùng lại mã của huyện cũ', officialCode: '883.00.00.H91' });
    expect(reused.statusCode).toBe(201);
  });

  it('refuses a parent that does not exist (404) or is closed (422)', async () => {
    const missing = await create({ name: 'Mồ côi', parentId: '7b0a4a52-63c1-4f8e-9d55-0c2f4d3b1a99' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('UNIT_NOT_FOUND');
    const closed = await create({
      name: 'Dưới huyện cũ',
      parentId: unitId('UBND thành phố Long Xuyên (cấp huyện, trước 01/7/2025)'),
    });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().error.code).toBe('UNIT_CLOSED');
  });

  it('validates the body: code pattern, kind, name', async () => {
    const res = await create({ name: '', officialCode: '12.34', kind: 'ministry' });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['kind', 'name', 'officialCode']);
    const code = res.json().error.details.find((d: { path: string }) => d.path === 'officialCode');
    expect(code.message).toBe('Mã định danh phải có dạng 000.00.00.H00 (QCVN 102:2016)');
  });

  it('lets an administrator create a new root', async () => {
    const res = await create({ name: 'Kho bạc Nhà nước khu vực', parentId: null, kind: 'vertical_agency' });
    expect(res.statusCode).toBe(201);
    const { units } = (await t.app.inject({ method: 'GET', url: '/api/units' })).json() as { units: UnitNode[] };
    expect(units.some((u) => u.id === res.json().id && u.parentId === null)).toBe(true);
  });
});

describe('editing units', () => {
  it('updates with an optimistic lock: the stale version gets 409 VERSION_CONFLICT', async () => {
    const unit = (await create({ name: 'Phòng Kiểm tra văn bản' })).json();
    const first = await admin.request({
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      payload: { version: 1, name: 'Phòng Kiểm tra văn bản QPPL' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: 'Phòng Kiểm tra văn bản QPPL', version: 2 });
    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      payload: { version: 1, shortName: 'KTVB' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    // The audit record holds only what changed.
    const [row] = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'unit.update'), eq(auditLog.targetId, unit.id)));
    expect(row!.summary).toEqual({
      before: { name: 'Phòng Kiểm tra văn bản' },
      after: { name: 'Phòng Kiểm tra văn bản QPPL' },
    });
    expect(row!.actorId).toBe(admin.user.id);
  });

  it('refuses to take an official code in use (409 UNIT_CODE_TAKEN)', async () => {
    const unit = (await create({ name: 'Phòng đổi mã' })).json();
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      payload: { version: 1, officialCode: '001.10.00.H91' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('UNIT_CODE_TAKEN');
  });

  it('refuses a move that would make a unit its own ancestor (422 UNIT_CYCLE)', async () => {
    const a = (await create({ name: 'Chi cục A' })).json();
    const b = (await create({ name: 'Đội B', parentId: a.id })).json();
    const c = (await create({ name: 'Tổ C', parentId: b.id })).json();
    for (const parentId of [a.id, b.id, c.id]) {
      const res = await admin.request({
        method: 'PATCH',
        url: `/api/units/${a.id}`,
        payload: { version: 1, parentId },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('UNIT_CYCLE');
    }
    // A legal move still works: C up under A.
    const moved = await admin.request({
      method: 'PATCH',
      url: `/api/units/${c.id}`,
      payload: { version: 1, parentId: a.id },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(a.id);
  });

  it('refuses a move under a closed unit (422 UNIT_CLOSED), as creation does', async () => {
    const unit = (await create({ name: 'Phòng chuyển nhầm' })).json();
    const res = await admin.request({
      method: 'PATCH',
      url: `/api/units/${unit.id}`,
      payload: { version: 1, parentId: unitId('UBND thành phố Long Xuyên (cấp huyện, trước 01/7/2025)') },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('UNIT_CLOSED');
  });

  it('answers 404 for an unknown unit', async () => {
    const res = await admin.request({
      method: 'PATCH',
      url: '/api/units/7b0a4a52-63c1-4f8e-9d55-0c2f4d3b1a99',
      payload: { version: 1, name: 'x' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('UNIT_NOT_FOUND');
  });
});

describe('closing units', () => {
  it('refuses while a child is active, then closes bottom-up with a successor; the closed unit stays', async () => {
    const parent = (await create({ name: 'Chi cục sắp giải thể', validFrom: '2025-07-01' })).json();
    const child = (await create({ name: 'Đội trực thuộc', parentId: parent.id, validFrom: '2025-07-01' })).json();
    const successor = unitId('Sở Tư pháp');

    const blocked = await admin.request({
      method: 'POST',
      url: `/api/units/${parent.id}/close`,
      payload: { version: 1, validTo: '2026-01-01' },
    });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error).toMatchObject({ code: 'UNIT_HAS_ACTIVE_CHILDREN', details: { childId: child.id } });

    const closedChild = await admin.request({
      method: 'POST',
      url: `/api/units/${child.id}/close`,
      payload: { version: 1, validTo: '2026-01-01' },
    });
    expect(closedChild.statusCode).toBe(200);
    const closed = await admin.request({
      method: 'POST',
      url: `/api/units/${parent.id}/close`,
      payload: { version: 1, validTo: '2026-01-01', successorId: successor },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ validTo: '2026-01-01', successorId: successor, version: 2 });

    // Still readable; valid before the closing day, gone on it.
    expect((await t.app.inject({ method: 'GET', url: `/api/units/${parent.id}` })).json().validTo).toBe('2026-01-01');
    const names = async (at: string) =>
      flatten((await t.app.inject({ method: 'GET', url: `/api/units?at=${at}` })).json().units).map((u) => u.name);
    expect(await names('2025-12-31')).toContain('Chi cục sắp giải thể');
    expect(await names('2026-01-01')).not.toContain('Chi cục sắp giải thể');

    // A closed unit cannot be edited or closed again.
    const edit = await admin.request({
      method: 'PATCH',
      url: `/api/units/${parent.id}`,
      payload: { version: 2, name: 'x' },
    });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().error.code).toBe('UNIT_CLOSED');
    const again = await admin.request({
      method: 'POST',
      url: `/api/units/${parent.id}/close`,
      payload: { version: 2, validTo: '2026-02-01' },
    });
    expect(again.json().error.code).toBe('UNIT_CLOSED');

    const [row] = await t.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'unit.close'), eq(auditLog.targetId, parent.id)));
    expect(row!.summary).toEqual({
      before: { validTo: null },
      after: { validTo: '2026-01-01', successorId: successor },
    });
  });

  it('refuses a closing date not after the start, a closed successor, and a stale version', async () => {
    const unit = (await create({ name: 'Phòng đóng thử', validFrom: '2025-07-01' })).json();
    const early = await admin.request({
      method: 'POST',
      url: `/api/units/${unit.id}/close`,
      payload: { version: 1, validTo: '2025-07-01' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { validTo: 'must be after validFrom' },
    });
    const closedSuccessor = await admin.request({
      method: 'POST',
      url: `/api/units/${unit.id}/close`,
      payload: {
        version: 1,
        validTo: '2026-01-01',
        successorId: unitId('UBND thành phố Long Xuyên (cấp huyện, trước 01/7/2025)'),
      },
    });
    expect(closedSuccessor.statusCode).toBe(422);
    expect(closedSuccessor.json().error.code).toBe('UNIT_CLOSED');
    const self = await admin.request({
      method: 'POST',
      url: `/api/units/${unit.id}/close`,
      payload: { version: 1, validTo: '2026-01-01', successorId: unit.id },
    });
    expect(self.statusCode).toBe(422);
    const stale = await admin.request({
      method: 'POST',
      url: `/api/units/${unit.id}/close`,
      payload: { version: 7, validTo: '2026-01-01' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });
});

describe('who may change units', () => {
  it.each(['chuyenvien', 'congdan', 'lanhdao', 'tiepnhan', 'kstthc'])(
    '%s gets 403 FORBIDDEN on create, edit and close',
    async (username) => {
      const s = await t.login(username);
      const created = await create({ name: 'Không được tạo' }, s);
      expect(created.statusCode).toBe(403);
      expect(created.json().error.code).toBe('FORBIDDEN');
      const id = unitId('Phòng Hành chính tư pháp');
      const edit = await s.request({ method: 'PATCH', url: `/api/units/${id}`, payload: { version: 1, name: 'x' } });
      expect(edit.statusCode).toBe(403);
      const close = await s.request({
        method: 'POST',
        url: `/api/units/${id}/close`,
        payload: { version: 1, validTo: '2030-01-01' },
      });
      expect(close.statusCode).toBe(403);
      // Nothing changed.
      expect((await t.app.inject({ method: 'GET', url: `/api/units/${id}` })).json()).toMatchObject({
        name: 'Phòng Hành chính tư pháp',
        validTo: null,
      });
    },
  );

  it('anonymous callers get 401 UNAUTHENTICATED', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      payload: { parentId: null, name: 'Ẩn danh', kind: 'other', officialCode: nextCode() },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${unitId('Sở Tư pháp')}`,
      payload: { version: 1, name: 'x' },
    });
    expect(patch.statusCode).toBe(401);
  });

  it('a session cookie without X-CSRF-Token gets 403 CSRF_FAILED and changes nothing', async () => {
    const code = nextCode();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      cookies: { motcua_session: admin.cookie },
      payload: {
        parentId: unitId('Ủy ban nhân dân tỉnh An Giang'),
        name: 'Giả mạo',
        kind: 'other',
        officialCode: code,
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const all = flatten((await t.app.inject({ method: 'GET', url: '/api/units?includeClosed=true' })).json().units);
    expect(all.some((u) => u.officialCode === code)).toBe(false);
  });

  it('an administrator token with unit.manage works as a bearer; one without it gets TOKEN_SCOPE', async () => {
    const mint = async (scopes: string[]) =>
      (
        await admin.request({ method: 'POST', url: '/api/me/tokens', payload: { name: `units ${scopes}`, scopes } })
      ).json().token as string;
    const manage = await mint(['unit.manage']);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { authorization: `Bearer ${manage}` },
      payload: {
        parentId: unitId('Sở Tư pháp'),
        name: 'Phòng tạo bằng token',
        kind: 'division',
        officialCode: nextCode(),
      },
    });
    expect(ok.statusCode).toBe(201);
    const readOnly = await mint(['user.read']);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { authorization: `Bearer ${readOnly}` },
      payload: { parentId: unitId('Sở Tư pháp'), name: 'Không được', kind: 'division', officialCode: nextCode() },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('TOKEN_SCOPE');
  });
});

describe('what other modules read (units.query.ts)', () => {
  const districtName = 'UBND thành phố Long Xuyên (cấp huyện, trước 01/7/2025)';
  const ghost = '00000000-0000-4000-8000-000000000000';

  it('existingUnitIds: the units that exist; with openOn, those not closed by that day (validTo exclusive)', async () => {
    const district = byName.get(districtName)!;
    const ids = [district.id, district.successorId!, ghost];
    expect(await existingUnitIds(t.handle.db, ids)).toEqual(new Set([district.id, district.successorId]));
    expect(await existingUnitIds(t.handle.db, ids, '2025-06-30')).toEqual(new Set([district.id, district.successorId]));
    expect(await existingUnitIds(t.handle.db, ids, '2025-07-01')).toEqual(new Set([district.successorId]));
    expect(await existingUnitIds(t.handle.db, [])).toEqual(new Set());
  });

  it('listUnits: every unit, or those operating on a day; unitsByIds names the ones that exist', async () => {
    const district = byName.get(districtName)!;
    expect((await listUnits(t.handle.db)).length).toBeGreaterThanOrEqual(byName.size);
    expect((await listUnits(t.handle.db, '2025-06-30')).map((u) => u.id)).toEqual([district.id]);
    expect(await unitsByIds(t.handle.db, [district.id, ghost])).toEqual([
      { id: district.id, name: districtName, officialCode: district.officialCode },
    ]);
    expect(await unitsByIds(t.handle.db, [])).toEqual([]);
    expect(await hasUnits(t.handle.db)).toBe(true);
  });
});
