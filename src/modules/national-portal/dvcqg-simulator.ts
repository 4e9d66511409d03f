/**
 * A local stand-in for the national portal's dossier integration (Cổng DVCQG): login with the
 * configured account → a session valid 30 minutes; DongBoHoSoMC validates and stores each record
 * (its own tables, sim_dvcqg_*); CapNhatTienDoHoSoMC stores progress steps of dossiers it holds;
 * TraCuuHoSo returns what it holds. Its national catalog is ours (imported from the national
 * database): a MaTTHC we do not know is unknown to it too. Served over HTTP under /sim/dvcqg/
 * (dvcqg-sim.routes.ts) and, for our own client, through `simulatorFetch` (same messages, no socket).
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db.js';
import type { Env } from '../../kernel/env.js';
import { NATIONAL_CODE_PATTERN } from '../catalog/catalog.rules.js';
import { reportedProcedures as procedures } from '../catalog/catalog.reporting.js';
import { DOSSIER_STATUSES } from '../dossiers/status.rules.js';
import { simDvcqgDossiers, simDvcqgProgress, simDvcqgSessions } from './dvcqg-sim.tables.js';
import {
  type LoginReply,
  PORTAL_FAILURE,
  PORTAL_OK,
  PORTAL_SESSION_INVALID,
  PORTAL_UNKNOWN_SERVICE,
  PORTAL_VALIDATION_FAILED,
  type PortalReply,
} from './dvcqg-protocol.js';

export const SIM_BASE = '/sim/dvcqg';
const SESSION_MINUTES = 30;

const STATUS_CODES = new Set(Object.values(DOSSIER_STATUSES).map(String));
const CHANNEL_CODES = new Set(['1', '2', '3']);
const FLAGS = new Set(['0', '1']);

/** yyyyMMddHHmmss naming a real instant (Vietnam time). */
export function isPortalTime(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{14}$/.test(value)) return false;
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(value.slice(i, i + (k === 0 ? 4 : 2))));
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d! && h! < 24 && mi! < 60 && s! < 60;
}

type Rec = Record<string, unknown>;
const str = (r: Rec, field: string) => (typeof r[field] === 'string' ? (r[field] as string) : '');

/** Every reason the portal refuses a DongBoHoSoMC record (MaTTHC against its catalog separately). */
export function recordProblems(r: Rec): string[] {
  const problems: string[] = [];
  for (const field of ['MaHoSo', 'MaTTHC', 'TenTTHC', 'KenhThucHien', 'TrangThaiHoSo', 'NgayNopHoSo', 'DonViXuLy']) {
    if (!str(r, field).trim()) problems.push(`${field}: bắt buộc`);
  }
  if (str(r, 'MaTTHC') && !NATIONAL_CODE_PATTERN.test(str(r, 'MaTTHC')))
    problems.push('MaTTHC: không đúng dạng d.dddddd');
  if (str(r, 'KenhThucHien') && !CHANNEL_CODES.has(str(r, 'KenhThucHien')))
    problems.push('KenhThucHien: không hợp lệ (1, 2, 3)');
  const status = str(r, 'TrangThaiHoSo');
  if (status && !STATUS_CODES.has(status)) problems.push('TrangThaiHoSo: không hợp lệ (1–10)');
  for (const field of ['NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra', 'NgayKetThucXuLy', 'NgayTra']) {
    if (str(r, field) && !isPortalTime(r[field])) problems.push(`${field}: không đúng định dạng yyyyMMddHHmmss`);
  }
  if (status && !['1', '3'].includes(status) && !str(r, 'NgayTiepNhan'))
    problems.push('NgayTiepNhan: bắt buộc với hồ sơ đã tiếp nhận');
  if (['7', '8', '9', '10'].includes(status) && !str(r, 'NgayKetThucXuLy'))
    problems.push('NgayKetThucXuLy: bắt buộc với hồ sơ đã kết thúc xử lý');
  for (const list of ['TaiLieuNop', 'DanhSachLePhi', 'DanhSachHoSoBoSung', 'DanhSachGiayToKetQua']) {
    if (r[list] !== undefined && !Array.isArray(r[list])) problems.push(`${list}: phải là danh sách`);
  }
  for (const [i, doc] of (Array.isArray(r.TaiLieuNop) ? (r.TaiLieuNop as Rec[]) : []).entries()) {
    for (const f of ['DuocSoHoa', 'DuocTaiSuDung', 'DuocLayTuKhoDMQG'])
      if (!FLAGS.has(str(doc, f))) problems.push(`TaiLieuNop.${i}.${f}: phải là 0 hoặc 1`);
  }
  return problems;
}

const reply = (error_code: string, message: string, extra: Partial<PortalReply> = {}): PortalReply => ({
  error_code,
  message,
  ...extra,
});
const refused = (errors: string[]) => reply(PORTAL_VALIDATION_FAILED, 'Dữ liệu không hợp lệ', { errors });

export function simulatedPortal(db: Queryable, env: Env) {
  async function validSession(session: unknown): Promise<boolean> {
    if (typeof session !== 'string') return false;
    const [row] = await db
      .select({ s: simDvcqgSessions.session })
      .from(simDvcqgSessions)
      .where(and(eq(simDvcqgSessions.session, session), gt(simDvcqgSessions.expiresAt, new Date())));
    return !!row;
  }

  async function dongBo(madonvi: string, data: unknown): Promise<PortalReply> {
    if (!Array.isArray(data) || data.length === 0) return refused(['data: phải là danh sách hồ sơ']);
    const records = data as Rec[];
    const problems = records.flatMap((r, i) => recordProblems(r).map((p) => `data.${i}.${p}`));
    const codes = [...new Set(records.map((r) => str(r, 'MaTTHC')).filter(Boolean))];
    const known =
      codes.length === 0
        ? []
        : await db
            .select({ code: procedures.nationalCode })
            .from(procedures)
            .where(inArray(procedures.nationalCode, codes));
    for (const code of codes)
      if (!known.some((k) => k.code === code)) problems.push(`MaTTHC: ${code} không có trong CSDL quốc gia về TTHC`);
    if (problems.length > 0) return refused(problems);
    const now = new Date();
    for (const record of records) {
      await db
        .insert(simDvcqgDossiers)
        .values({ maHoSo: str(record, 'MaHoSo'), record, madonvi, firstReceivedAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: simDvcqgDossiers.maHoSo, set: { record, madonvi, updatedAt: now } });
    }
    return reply(PORTAL_OK, 'Đồng bộ thành công');
  }

  async function tienDo(data: unknown): Promise<PortalReply> {
    if (!Array.isArray(data) || data.length === 0) return refused(['data: phải là danh sách bước xử lý']);
    const steps = data as Rec[];
    const codes = [...new Set(steps.map((s) => str(s, 'MaHoSo')))];
    const held = await db
      .select({ code: simDvcqgDossiers.maHoSo })
      .from(simDvcqgDossiers)
      .where(inArray(simDvcqgDossiers.maHoSo, codes));
    const problems = steps.flatMap((s, i) => [
      ...(held.some((h) => h.code === str(s, 'MaHoSo')) ? [] : [`data.${i}.MaHoSo: hồ sơ chưa được đồng bộ`]),
      ...(isPortalTime(s.ThoiDiemXuLy) ? [] : [`data.${i}.ThoiDiemXuLy: không đúng định dạng yyyyMMddHHmmss`]),
      ...(STATUS_CODES.has(str(s, 'TrangThai')) ? [] : [`data.${i}.TrangThai: không hợp lệ (1–10)`]),
    ]);
    if (problems.length > 0) return refused(problems);
    const now = new Date();
    await db
      .insert(simDvcqgProgress)
      .values(steps.map((step) => ({ maHoSo: str(step, 'MaHoSo'), step, receivedAt: now })));
    return reply(PORTAL_OK, 'Cập nhật tiến độ thành công');
  }

  async function traCuu(code: unknown): Promise<PortalReply> {
    const rows =
      typeof code === 'string' ? await db.select().from(simDvcqgDossiers).where(eq(simDvcqgDossiers.maHoSo, code)) : [];
    return reply(PORTAL_OK, 'Thành công', { result: rows.map((r) => r.record) });
  }

  return {
    /** POST <base>/auth: the configured account gets a session. */
    async login(body: Rec): Promise<LoginReply> {
      if (body.username !== env.NATIONAL_PORTAL_USERNAME || body.password !== env.NATIONAL_PORTAL_PASSWORD)
        return { error_code: 1, message: 'Sai tên đăng nhập hoặc mật khẩu' };
      const session = randomBytes(24).toString('base64url');
      await db.delete(simDvcqgSessions).where(sql`${simDvcqgSessions.expiresAt} < now()`);
      await db.insert(simDvcqgSessions).values({
        session,
        username: String(body.username),
        expiresAt: new Date(Date.now() + SESSION_MINUTES * 60_000),
      });
      return { error_code: 0, message: 'Thành công', session };
    },

    /** POST <base>/integration: a service call with a session. */
    async integration(body: Rec): Promise<PortalReply> {
      if (!(await validSession(body.session)))
        return reply(PORTAL_SESSION_INVALID, 'Phiên làm việc không hợp lệ hoặc đã hết hạn');
      const madonvi = str(body, 'madonvi');
      if (!madonvi) return refused(['madonvi: bắt buộc']);
      switch (body.service) {
        case 'DongBoHoSoMC':
          return dongBo(madonvi, body.data);
        case 'CapNhatTienDoHoSoMC':
          return tienDo(body.data);
        case 'TraCuuHoSo':
          return traCuu(body.mahoso);
        default:
          return reply(PORTAL_UNKNOWN_SERVICE, `Dịch vụ không được hỗ trợ: ${String(body.service)}`);
      }
    },
  };
}

/** The simulator behind a fetch: what an HTTP call to /sim/dvcqg/* would answer, without the socket. */
export function simulatorFetch(db: Queryable, env: Env) {
  const portal = simulatedPortal(db, env);
  return async (url: string, init: { body: string }): Promise<Response> => {
    const path = new URL(url).pathname;
    let body: Rec;
    try {
      body = JSON.parse(init.body) as Rec;
    } catch {
      return Response.json(reply(PORTAL_FAILURE, 'Nội dung không phải JSON'), { status: 400 });
    }
    if (path === `${SIM_BASE}/auth`) return Response.json(await portal.login(body));
    if (path === `${SIM_BASE}/integration`) return Response.json(await portal.integration(body));
    return Response.json(reply(PORTAL_FAILURE, 'Không có đường dẫn này'), { status: 404 });
  };
}
