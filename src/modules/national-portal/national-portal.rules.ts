/**
 * Pure rules of the dossier sync to the national portal: our dossier as the portal's records
 * (DongBoHoSoMC, CapNhatTienDoHoSoMC), the mapping of our enumerations to the portal's, and when
 * to try again after a failure. The adapter keeps the mapping tables (docs/domain/DOMAIN.md §8: they differ
 * between vendors); status codes are the dossier module's, channel codes the catalog's.
 */
import { CODE_BY_CHANNEL } from '../catalog/national-mapping.rules.js';
import type { Channel } from '../catalog/procedure.content.js';
import { type DossierStatus, nationalStatusCode } from '../dossiers/status.rules.js';
import { type Backoff, retryAt } from '../outbox/backoff.rules.js';
import { type HoSoDongBo, portalTime, type TienDoHoSo } from './dvcqg-protocol.js';

/** What a DongBoHoSoMC record is made from: the dossier's current rows, read by snapshot.query.ts. */
export interface DossierSnapshot {
  code: string;
  procedureCode: string;
  procedureName: string;
  fieldCode: string;
  channel: Channel;
  applicantKind: 'citizen' | 'organization';
  applicantName: string;
  competentUnitName: string;
  status: DossierStatus;
  submittedAt: Date;
  receivedAt: Date | null;
  appointmentAt: Date | null;
  completedAt: Date | null;
  returnedAt: Date | null;
  /** Filed components: digitized = a store item of this dossier holds it; reused = taken from the store. */
  components: {
    componentId: string;
    name: string;
    fileIds: string[];
    digitized: boolean;
    reused: boolean;
    fromNationalStore?: boolean;
  }[];
  fees: { name: string; amountVnd: number }[];
  paidOnline: boolean;
  supplements: { requestedAt: Date; note: string | null; suppliedAt: Date | null }[];
  results: { id: string; name: string; number: string; fileId: string }[];
}

/** One step of the dossier's history (dossier_events) as the portal's progress record. */
export interface ProgressStep {
  action: string;
  toStatus: DossierStatus;
  occurredAt: Date;
  actorName: string | null;
  unitName: string | null;
  note: string | null;
  stepDueAt: Date | null;
}

const time = (at: Date | null) => (at ? portalTime(at) : '');
const flag = (yes: boolean) => (yes ? '1' : '0') as '0' | '1';

/** TrangThaiHoSo: the national status code (docs/domain/DOMAIN.md §4), as the protocol's string. */
export const portalStatus = (status: DossierStatus) => String(nationalStatusCode(status));

/** KenhThucHien: 1 counter, 2 online, 3 postal (the catalog's KENH table). */
export const portalChannel = (channel: Channel) => CODE_BY_CHANNEL[channel];

/** What the progress record says was done, by our action name (NoiDungXuLy). */
const ACTION_TEXT: Record<string, string> = {
  register: 'Nộp hồ sơ trực tuyến',
  receive: 'Tiếp nhận hồ sơ',
  accept: 'Tiếp nhận hồ sơ nộp trực tuyến',
  refuse: 'Từ chối tiếp nhận, giải quyết hồ sơ',
  forward: 'Chuyển bước xử lý',
  return: 'Trả lại bước trước',
  requestConsultation: 'Xin ý kiến đơn vị phối hợp',
  answerConsultation: 'Đơn vị phối hợp trả lời',
  apologize: 'Xin lỗi, hẹn lại ngày trả kết quả',
  requestSupplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  supply: 'Công dân bổ sung hồ sơ',
  requestPayment: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  confirmPayment: 'Xác nhận hoàn thành nghĩa vụ tài chính',
  transfer: 'Chuyển hồ sơ liên thông',
  signResult: 'Ký duyệt kết quả',
  finish: 'Hoàn thành xử lý',
  returnResult: 'Trả kết quả',
  withdraw: 'Công dân rút hồ sơ',
  stop: 'Dừng xử lý hồ sơ',
};

/**
 * The DongBoHoSoMC record of a dossier as it stands. The applicant is named (the portal shows
 * the dossier to its owner) but no identifier, phone, e-mail or address is sent: the portal's
 * dossier sync does not need them, and personal data goes only where it is needed.
 * File links point at our download endpoint, which checks who asks.
 */
export function toHoSoDongBo(d: DossierSnapshot, fileUrl: (fileId: string) => string): HoSoDongBo {
  return {
    MaHoSo: d.code,
    MaTTHC: d.procedureCode,
    TenTTHC: d.procedureName,
    MaLinhVuc: d.fieldCode,
    KenhThucHien: portalChannel(d.channel),
    ChuHoSo: d.applicantName,
    LoaiDoiTuong: d.applicantKind === 'citizen' ? '1' : '2',
    DonViXuLy: d.competentUnitName,
    NgayNopHoSo: time(d.submittedAt),
    NgayTiepNhan: time(d.receivedAt),
    NgayHenTra: time(d.appointmentAt),
    TrangThaiHoSo: portalStatus(d.status),
    NgayKetThucXuLy: time(d.completedAt),
    NgayTra: time(d.returnedAt),
    HoSoCoThanhPhanSoHoa: flag(d.components.some((c) => c.digitized || c.reused)),
    DuocThanhToanTrucTuyen: flag(d.paidOnline),
    TaiLieuNop: d.components.flatMap((c) =>
      (c.fileIds.length > 0 ? c.fileIds : ['']).map((fileId) => ({
        TepDinhKemId: fileId,
        TenTepDinhKem: c.name,
        MaThanhPhanHoSo: c.componentId,
        DuongDanTaiTepTin: fileId ? fileUrl(fileId) : '',
        DuocSoHoa: flag(c.digitized),
        DuocTaiSuDung: flag(c.reused),
        DuocLayTuKhoDMQG: flag(c.fromNationalStore ?? false),
      })),
    ),
    DanhSachLePhi: d.fees.map((f) => ({
      TenPhiLePhi: f.name,
      MaPhiLePhi: '',
      HinhThucThu: d.paidOnline ? '2' : '1',
      Gia: String(f.amountVnd),
      LoaiPhiLePhi: '2',
    })),
    DanhSachHoSoBoSung: d.supplements.map((s, i) => ({
      HoSoBoSungId: String(i + 1),
      NoiDungBoSung: s.note ?? '',
      NgayBoSung: time(s.requestedAt),
      NgayTiepNhanBoSung: time(s.suppliedAt),
      TrangThaiBoSung: flag(s.suppliedAt !== null),
    })),
    DanhSachGiayToKetQua: d.results.map((r) => ({
      GiayToId: r.id,
      TenGiayTo: r.name,
      MaGiayToKetQua: r.number,
      DuongDanTepTinKetQua: fileUrl(r.fileId),
    })),
  };
}

export function toTienDo(code: string, s: ProgressStep): TienDoHoSo {
  return {
    MaHoSo: code,
    NguoiXuLy: s.actorName ?? 'Hệ thống',
    ChucDanh: '',
    ThoiDiemXuLy: portalTime(s.occurredAt),
    PhongBanXuLy: s.unitName ?? '',
    NoiDungXuLy: [ACTION_TEXT[s.action] ?? s.action, s.note].filter(Boolean).join(': '),
    TrangThai: portalStatus(s.toStatus),
    NgayBatDau: '',
    NgayKetThucTheoQuyDinh: time(s.stepDueAt),
  };
}

/**
 * The record shows the dossier as received: it has a receipt time and is past "registered
 * online" (status 1). An online filing refused before receipt (3, no NgayTiepNhan) never was.
 * The 766 indicator counts a dossier once the portal accepted such a record.
 */
export const showsReceived = (r: Pick<HoSoDongBo, 'NgayTiepNhan' | 'TrangThaiHoSo'>) =>
  r.NgayTiepNhan !== '' && r.TrangThaiHoSo !== portalStatus('registered');

/** After the n-th consecutive failed push: 1, 2, 4 … minutes, at most 6 hours (the portal may be down for a while). */
export const SYNC_BACKOFF: Backoff = { baseSeconds: 60, maxSeconds: 6 * 3600 };
export const nextAttemptAfter = (now: Date, failures: number) => retryAt(now, failures, SYNC_BACKOFF);
