/**
 * Dossier sync to the national portal (Cổng DVCQG) end to end: dossiers filed and worked through
 * the API, the outbox relay and the sync task run by hand (jobs are off in tests), the in-process
 * simulator holding what it was sent. Then failures (portal unreachable, an expired session),
 * the staff API, and the 766 indicator transparency.synced from raw rows and from the rollup.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDateOf } from '../../src/modules/calendar/dates.js';
import { reportingMonthOf } from '../../src/modules/kpi/periods.rules.js';
import { nationalPortalSync } from '../../src/modules/national-portal/national-portal.tasks.js';
import { httpPortalClient } from '../../src/modules/national-portal/portal-client.js';
import { outboxRelay } from '../../src/modules/outbox/outbox.tasks.js';
import { queryRows } from '../../src/kernel/db.js';

import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { type DemoProcedure, fileDossier, read, step } from '../fixtures/dossiers.js';
import { procedureByCode } from '../fixtures/procedures.js';

let t: TestApp;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let congdan: Session;
let procedure: DemoProcedure & { nationalCode: string };
let soTuPhap: string;
let centre: string;
const month = reportingMonthOf(vietnamDateOf(new Date()));
const citizen = {
  kind: 'citizen',
  fullName: 'Lê Thị Hoa',
  idNumber: '089095000777',
  phone: '0912000777',
  address: 'Phường Long Xuyên, An Giang',
};
const DOWN = 'http://127.0.0.1:9/dvcqg';

interface UnitNode {
  id: string;
  name: string;
  children: UnitNode[];
}
const flatten = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const counter = () =>
  fileDossier(tiepnhan, procedure, { channel: 'counter', applicant: citizen, competentUnitId: soTuPhap });
const online = () =>
  fileDossier(congdan, procedure, {
    channel: 'online',
    applicant: citizen,
    competentUnitId: soTuPhap,
    receivingUnitId: centre,
  });

const relay = (now = new Date()) =>
  outboxRelay(t.deps.extensions.outboxSubscribers).run(t.handle.db, t.deps.env, now, t.deps.services);
const sync = (now = new Date(), url?: string) =>
  nationalPortalSync.run(
    t.handle.db,
    url ? { ...t.deps.env, NATIONAL_PORTAL_URL: url } : t.deps.env,
    now,
    t.deps.services,
  );
/** Relay then sync: what the two periodic tasks do in production. */
const deliver = async (now = new Date()) => {
  await relay(now);
  return sync(now);
};

interface SyncRow {
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  synced_version: number | null;
  received_synced_at: Date | null;
  steps_synced: number;
  last_error_code: string | null;
}
const syncRow = async (code: string) =>
  (
    await queryRows<SyncRow & Record<string, unknown>>(
      t.handle.db,
      sql`select s.* from national_dossier_syncs s join dossiers d on d.id = s.dossier_id where d.code = ${code}`,
    )
  )[0];
const held = async (code: string) =>
  (
    await queryRows<{ record: Record<string, unknown> }>(
      t.handle.db,
      sql`select record from sim_dvcqg_dossiers where ma_ho_so = ${code}`,
    )
  )[0]?.record;
const steps = async (code: string) =>
  (
    await queryRows<{ step: Record<string, string> }>(
      t.handle.db,
      sql`select step from sim_dvcqg_progress where ma_ho_so = ${code} order by id`,
    )
  ).map((r) => r.step);

/** yyyyMMddHHmmss in Vietnam time (UTC+7), written out here rather than through the code under test. */
const vnTime = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
};

const codes: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  [tiepnhan, chuyenvien, lanhdao, congdan] = await Promise.all([
    t.login('tiepnhan'),
    t.login('chuyenvien'),
    t.login('lanhdao'),
    t.login('congdan'),
  ]);
  procedure = await procedureByCode(t, '2.000635');
  const units = flatten((await t.app.inject({ url: '/api/units' })).json().units);
  soTuPhap = units.find((u) => u.name === 'Sở Tư pháp')!.id;
  centre = units.find((u) => u.name.startsWith('Trung tâm Phục vụ hành chính công'))!.id;
}, 60_000);
afterAll(() => t.close());

describe('intake → outbox relay → sync task → the portal', () => {
  it('pushes a dossier received at the counter with the protocol’s fields and Vietnam-time dates, and its first step', async () => {
    const a = await counter();
    codes.a = a.code;
    expect(await syncRow(a.code)).toBeUndefined(); // nothing until the relay delivers the event
    expect((await relay()).published).toBeGreaterThan(0);
    expect(await syncRow(a.code)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await sync()).toMatchObject({ synced: 1, failed: 0 });

    const dossier = await read(tiepnhan, a.code);
    const record = await held(a.code);
    expect(record).toMatchObject({
      MaHoSo: a.code,
      MaTTHC: '2.000635',
      KenhThucHien: '1',
      TrangThaiHoSo: '2',
      ChuHoSo: 'Lê Thị Hoa',
      NgayNopHoSo: vnTime(dossier.submittedAt),
      NgayTiepNhan: vnTime(dossier.receivedAt),
      NgayHenTra: vnTime(dossier.appointmentAt),
      NgayKetThucXuLy: '',
      HoSoCoThanhPhanSoHoa: '1',
    });
    // Digitized at receipt, one entry per filed file; no personal identifier, phone or address.
    expect((record!.TaiLieuNop as Record<string, string>[]).length).toBeGreaterThan(0);
    for (const doc of record!.TaiLieuNop as Record<string, string>[])
      expect(doc).toMatchObject({
        DuocSoHoa: '1',
        DuocTaiSuDung: '0',
        DuongDanTaiTepTin: expect.stringMatching(/\/api\/files\//),
      });
    expect(JSON.stringify(record)).not.toMatch(/089095000777|0912000777|Long Xuyên, An Giang/);
    expect(await steps(a.code)).toEqual([
      expect.objectContaining({
        MaHoSo: a.code,
        TrangThai: '2',
        NoiDungXuLy: 'Tiếp nhận hồ sơ',
        ThoiDiemXuLy: expect.stringMatching(/^\d{14}$/),
      }),
    ]);
    expect(await syncRow(a.code)).toMatchObject({
      status: 'synced',
      attempts: 0,
      synced_version: dossier.version,
      steps_synced: 1,
      next_attempt_at: null,
      received_synced_at: expect.anything(),
    });
  });

  it('a status change marks it pending and the next run pushes the new state and the new steps only', async () => {
    let a = await read(tiepnhan, codes.a!);
    a = await step(tiepnhan, a.code, a.version, 'forward');
    a = await step(chuyenvien, a.code, a.version, 'requestSupplement', { note: 'Thiếu bản sao giấy chứng sinh' });
    await relay();
    expect(await syncRow(a.code)).toMatchObject({ status: 'pending' });
    expect(await sync()).toMatchObject({ synced: 1 });
    expect(await held(a.code)).toMatchObject({
      TrangThaiHoSo: '5',
      DanhSachHoSoBoSung: [
        expect.objectContaining({ NoiDungBoSung: 'Thiếu bản sao giấy chứng sinh', TrangThaiBoSung: '0' }),
      ],
    });
    expect((await steps(a.code)).map((s) => s.TrangThai)).toEqual(['2', '4', '5']);
    expect(await syncRow(a.code)).toMatchObject({ status: 'synced', steps_synced: 3, synced_version: a.version });
    // Nothing due: a second run pushes nothing again.
    expect(await sync()).toEqual({ synced: 0, failed: 0 });
  });

  it('an online filing is synced as registered, and counts as received only once accepted', async () => {
    const b = await online();
    codes.online = b.code;
    await deliver();
    expect(await held(b.code)).toMatchObject({ TrangThaiHoSo: '1', KenhThucHien: '2', NgayTiepNhan: '' });
    expect(await syncRow(b.code)).toMatchObject({ status: 'synced', received_synced_at: null });
    await step(tiepnhan, b.code, b.version, 'accept');
    await deliver();
    expect(await held(b.code)).toMatchObject({ TrangThaiHoSo: '2', NgayTiepNhan: expect.stringMatching(/^\d{14}$/) });
    expect((await syncRow(b.code))!.received_synced_at).not.toBeNull();
  });
});

describe('when the portal fails', () => {
  it('an unreachable portal: failed with a growing backoff, then synced once it answers', async () => {
    const c = await counter();
    codes.retried = c.code;
    await relay();
    const t0 = new Date();
    expect(await sync(t0, DOWN)).toMatchObject({ synced: 0, failed: 1 });
    let row = (await syncRow(c.code))!;
    expect(row).toMatchObject({ status: 'failed', attempts: 1, last_error_code: 'NETWORK', received_synced_at: null });
    expect(new Date(row.next_attempt_at!).getTime()).toBe(t0.getTime() + 60_000);
    // Not due yet: even a portal that answers is not called before the backoff ends.
    expect(await sync(new Date(t0.getTime() + 30_000))).toEqual({ synced: 0, failed: 0 });
    const t1 = new Date(t0.getTime() + 61_000);
    expect(await sync(t1, DOWN)).toMatchObject({ failed: 1 });
    row = (await syncRow(c.code))!;
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(new Date(row.next_attempt_at!).getTime()).toBe(t1.getTime() + 120_000);
    expect(await sync(new Date(t1.getTime() + 121_000))).toMatchObject({ synced: 1, failed: 0 });
    expect(await syncRow(c.code)).toMatchObject({
      status: 'synced',
      attempts: 0,
      last_error_code: null,
      received_synced_at: expect.anything(),
    });
    expect(await held(c.code)).toMatchObject({ MaHoSo: c.code, TrangThaiHoSo: '2' });
  });

  it('an expired session: the client logs in again and the push goes through', async () => {
    const [before] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from sim_dvcqg_sessions`,
    );
    expect(before!.n).toBeGreaterThan(0);
    await t.handle.db.execute(sql`update sim_dvcqg_sessions set expires_at = now() - interval '1 minute'`);
    const s = await counter();
    codes.session = s.code;
    expect(await deliver()).toMatchObject({ synced: 1, failed: 0 });
    expect(await held(s.code)).toMatchObject({ TrangThaiHoSo: '2' });
    const [live] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from sim_dvcqg_sessions where expires_at > now()`,
    );
    expect(live!.n).toBe(1);
  });

  it('is off when NATIONAL_PORTAL_SYNC_ENABLED is false', async () => {
    expect(
      await nationalPortalSync.run(
        t.handle.db,
        { ...t.deps.env, NATIONAL_PORTAL_SYNC_ENABLED: false },
        new Date(),
        t.deps.services,
      ),
    ).toEqual({ disabled: true });
  });
});

describe('the simulator over HTTP (/sim/dvcqg)', () => {
  const post = (path: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/sim/dvcqg/${path}`, payload }).then((r) => r.json());

  it('requires a login, validates DongBoHoSoMC and answers TraCuuHoSo', async () => {
    expect(await post('auth', { username: 'motcua-dvcqg-sim', password: 'sai-mat-khau' })).toMatchObject({
      error_code: 1,
    });
    expect(
      await post('integration', { session: 'khong-co', madonvi: 'X', service: 'TraCuuHoSo', mahoso: codes.a }),
    ).toMatchObject({ error_code: '01' });
    const { session } = await post('auth', {
      username: t.deps.env.NATIONAL_PORTAL_USERNAME,
      password: t.deps.env.NATIONAL_PORTAL_PASSWORD,
    });
    const record = { ...(await held(codes.a!)), MaHoSo: 'X-1', MaTTHC: '9.999999', NgayTiepNhan: '2026-03-02 08:00' };
    const refused = await post('integration', {
      session,
      madonvi: 'X',
      service: 'DongBoHoSoMC',
      isUpdating: 'False',
      data: [record],
    });
    expect(refused).toMatchObject({
      error_code: '02',
      errors: expect.arrayContaining([
        'data.0.NgayTiepNhan: không đúng định dạng yyyyMMddHHmmss',
        'MaTTHC: 9.999999 không có trong CSDL quốc gia về TTHC',
      ]),
    });
    expect(
      await post('integration', {
        session,
        madonvi: 'X',
        service: 'CapNhatTienDoHoSoMC',
        data: [{ MaHoSo: 'X-1', ThoiDiemXuLy: '20260302080000', TrangThai: '4' }],
      }),
    ).toMatchObject({
      error_code: '02',
      errors: ['data.0.MaHoSo: hồ sơ chưa được đồng bộ'],
    });
    expect(await post('integration', { session, madonvi: 'X', service: 'LayGiDo' })).toMatchObject({
      error_code: '03',
    });
    expect(await post('integration', { session, madonvi: 'X', service: 'TraCuuHoSo', mahoso: codes.a })).toMatchObject({
      error_code: '00',
      result: [expect.objectContaining({ MaHoSo: codes.a })],
    });
  });

  it('our HTTP client reaches it over a real socket', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const client = httpPortalClient({
      baseUrl: `${address}/sim/dvcqg`,
      username: t.deps.env.NATIONAL_PORTAL_USERNAME,
      password: t.deps.env.NATIONAL_PORTAL_PASSWORD,
    });
    expect(await client.lookupDossier('X', codes.retried!)).toMatchObject({
      MaHoSo: codes.retried,
      TrangThaiHoSo: '2',
    });
    expect(await client.lookupDossier('X', 'KHONG-CO')).toBeNull();
  });
});

describe('the staff API', () => {
  it('lists failed syncs of a unit to those who read its indicators, and a retry pushes at the next run', async () => {
    const d = await counter();
    codes.failed = d.code;
    await relay();
    await sync(new Date(), DOWN);
    const list = await lanhdao.request({ url: `/api/national-portal/syncs?unit=${soTuPhap}&status=failed` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { dossierCode: string }) => i.dossierCode)).toEqual([d.code]);
    expect(list.json().items[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastErrorCode: 'NETWORK',
      receivedSyncedAt: null,
    });
    expect((await chuyenvien.request({ url: `/api/national-portal/syncs?unit=${soTuPhap}` })).statusCode).toBe(403);
    expect(
      (await chuyenvien.request({ method: 'POST', url: `/api/national-portal/syncs/${d.code}/retry` })).statusCode,
    ).toBe(403);
    expect(
      (await lanhdao.request({ method: 'POST', url: '/api/national-portal/syncs/KHONG-CO/retry' })).statusCode,
    ).toBe(404);

    const retried = await lanhdao.request({ method: 'POST', url: `/api/national-portal/syncs/${d.code}/retry` });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ dossierCode: d.code, status: 'pending', attempts: 1 });
    expect(new Date(retried.json().nextAttemptAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await sync()).toMatchObject({ synced: 1 });
    expect(await syncRow(d.code)).toMatchObject({ status: 'synced' });
    // The failure stays on record for the KPI below: this one fails again and is left failed.
    const again = await step(tiepnhan, d.code, 1, 'forward');
    await relay();
    await sync(new Date(), DOWN);
    expect(await syncRow(again.code)).toMatchObject({ status: 'failed', received_synced_at: expect.anything() });
  });
});

describe('Decision 766: transparency.synced', () => {
  it('a period without received dossiers: 0/0 does not apply and has no score (ARCHITECTURE.md, kpi)', async () => {
    const res = await lanhdao.request({ url: `/api/kpi/766?unit=${soTuPhap}&period=2025-01` });
    const ind = res
      .json()
      .groups.flatMap((g: { indicators: unknown[] }) => g.indicators)
      .find((i: { key: string }) => i.key === 'transparency.synced');
    expect(ind).toMatchObject({
      numerator: 0,
      denominator: 0,
      ratio: null,
      points: null,
      applies: false,
      available: true,
    });
  });

  const q = () => `unit=${soTuPhap}&period=${month}`;
  const drill = async (part: string, source = '') => {
    const res = await lanhdao.request({
      url: `/api/kpi/766/drilldown?${q()}&indicator=transparency.synced&part=${part}&pageSize=200${source}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { code: string }[]).map((i) => i.code).sort();
  };
  const figure = async (source: 'raw' | 'rollup') => {
    const res = await lanhdao.request({ url: `/api/kpi/766?${q()}&source=${source}` });
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json()
      .groups.flatMap((g: { indicators: unknown[] }) => g.indicators)
      .find((i: { key: string }) => i.key === 'transparency.synced');
  };

  it('counts received dossiers the portal holds as received, over those received: raw = rollup = drill-down', async () => {
    // Withdrawn after it was synced: still received, still held by the portal.
    let w = await counter();
    await deliver();
    w = await step(tiepnhan, w.code, w.version, 'forward');
    await step(tiepnhan, w.code, w.version, 'withdraw', { note: 'Công dân xin rút hồ sơ' });
    await deliver();
    // Never synced: the portal was down from the start.
    const never = await counter();
    await relay();
    await sync(new Date(), DOWN);
    // Pending: its event not even relayed yet.
    const pending = await counter();

    const synced = [codes.a!, codes.online!, codes.retried!, codes.session!, codes.failed!, w.code].sort();
    const received = [...synced, never.code, pending.code].sort();
    expect(await syncRow(never.code)).toMatchObject({ status: 'failed', received_synced_at: null });
    expect(await syncRow(pending.code)).toBeUndefined();
    for (const source of ['raw', 'rollup'] as const) {
      expect(await figure(source), source).toMatchObject({
        numerator: synced.length,
        denominator: received.length,
        available: true,
      });
    }
    expect(await drill('numerator')).toEqual(synced);
    expect(await drill('denominator')).toEqual(received);

    // The pending one synced: the rollup refreshes through the sync table's trigger.
    await deliver();
    for (const source of ['raw', 'rollup'] as const)
      expect(await figure(source), source).toMatchObject({
        numerator: synced.length + 1,
        denominator: received.length,
      });
  });
});
