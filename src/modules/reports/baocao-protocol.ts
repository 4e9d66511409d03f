/**
 * The protocol MotCua speaks with the Government's reporting information system (Hệ thống thông
 * tin báo cáo Chính phủ, Decree 09/2019/NĐ-CP Art. 17–19: reports sent electronically, with the
 * sender's identification). The real system's API is not public; this is the documented shape the
 * adapter (reporting-client.ts) and the simulator (baocao-simulator.ts) share, with Vietnamese
 * field names as the national systems use them:
 *
 *   POST <base>/api/v1/bao-cao
 *     Authorization: Bearer <REPORTING_SYSTEM_TOKEN>
 *     Idempotency-Key: <uuid>      one per report: a repeated key is the same report, never a second
 *     Content-Type: application/json
 *     body: BaoCao (below)
 *   → 201 { soTiepNhan, thoiDiemNhan }            received
 *   → 200 { soTiepNhan, thoiDiemNhan }            the same key again: the first receipt, nothing new
 *   → 400 { loi: { ma, thongBao } }               malformed (not retried by a person fixing nothing:
 *                                                  the adapter still retries with backoff and logs it)
 *   → 401 { loi: { ma: 'UNAUTHORIZED', … } }      wrong token
 *   GET <base>/api/v1/bao-cao                     (simulator only) what it holds, newest first
 *
 * Dates are Vietnam dates `YYYY-MM-DD`; instants ISO 8601 with offset.
 */
import { FORM06_CODE, FORM06_TABLE, type Form06Counts, form06Totals, sumForm06 } from './form06.rules.js';
import type { ReportContent } from './reports.tables.js';

export const BAOCAO_PATH = '/api/v1/bao-cao';

export interface SoLieu {
  tenDonVi: string;
  tongSoNhan: number;
  kyTruocChuyenQua: number;
  moiTiepNhanTrucTuyen: number;
  moiTiepNhanTrucTiepBuuChinh: number;
  daGiaiQuyet: number;
  truocHan: number;
  dungHan: number;
  quaHan: number;
  dangGiaiQuyet: number;
  dangTrongHan: number;
  dangQuaHan: number;
  rutHoSo: number;
  traLai: number;
}

export interface BaoCao {
  maBieuMau: string;
  kyBaoCao: { ma: string; ten: string; tuNgay: string; denNgay: string };
  donVi: { maDinhDanh: string; ten: string };
  nguoiKy: { hoTen: string; thoiDiemKy: string };
  soLieu: SoLieu[];
  tongCong: SoLieu;
}

function soLieu(tenDonVi: string, c: Form06Counts): SoLieu {
  const t = form06Totals(c);
  return {
    tenDonVi,
    tongSoNhan: t.received,
    kyTruocChuyenQua: c.carriedOver,
    moiTiepNhanTrucTuyen: c.newOnline,
    moiTiepNhanTrucTiepBuuChinh: c.newDirect,
    daGiaiQuyet: t.resolved,
    truocHan: c.early,
    dungHan: c.onTime,
    quaHan: c.late,
    dangGiaiQuyet: t.inProgress,
    dangTrongHan: c.withinTime,
    dangQuaHan: c.overdue,
    rutHoSo: c.withdrawn,
    traLai: c.sentBack,
  };
}

/** The message for a signed report. */
export function toBaoCao(
  report: { periodId: string; periodFrom: string; periodTo: string; content: ReportContent },
  periodLabel: string,
  signer: { name: string; at: Date },
): BaoCao {
  const { content } = report;
  return {
    maBieuMau: FORM06_CODE,
    kyBaoCao: { ma: report.periodId, ten: periodLabel, tuNgay: report.periodFrom, denNgay: report.periodTo },
    donVi: { maDinhDanh: content.unitCode, ten: content.unitName },
    nguoiKy: { hoTen: signer.name, thoiDiemKy: signer.at.toISOString() },
    soLieu: content.rows.map((r) => soLieu(r.unitName, r.counts)),
    tongCong: soLieu('Tổng cộng', sumForm06(content.rows)),
  };
}

/** Why a received message is not a report (the simulator's check), or null. */
export function baoCaoProblem(body: unknown): string | null {
  if (!body || typeof body !== 'object') return 'Nội dung không phải đối tượng JSON';
  const b = body as Partial<BaoCao>;
  if (typeof b.maBieuMau !== 'string' || !b.maBieuMau) return 'Thiếu maBieuMau';
  if (!b.kyBaoCao || typeof b.kyBaoCao.ma !== 'string') return 'Thiếu kyBaoCao.ma';
  if (!b.donVi || typeof b.donVi.maDinhDanh !== 'string' || !b.donVi.maDinhDanh) return 'Thiếu donVi.maDinhDanh';
  if (!Array.isArray(b.soLieu)) return 'Thiếu soLieu';
  if (!b.tongCong || typeof b.tongCong.tongSoNhan !== 'number') return 'Thiếu tongCong';
  const sum = b.soLieu.reduce((s, r) => s + (typeof r?.tongSoNhan === 'number' ? r.tongSoNhan : Number.NaN), 0);
  if (sum !== b.tongCong.tongSoNhan) return 'Tổng cộng không khớp số liệu các đơn vị';
  return null;
}

/** The form's printed columns, for readers of the message (same order as the PDF and XLSX). */
export const FORM06_HEADERS = FORM06_TABLE.map((c) => `${c.group}: ${c.header}`);
