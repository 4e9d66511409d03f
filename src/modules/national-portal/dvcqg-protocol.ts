/**
 * The national public service portal's integration protocol (Cổng DVCQG, "observed" per
 * docs/domain/DOMAIN.md §8), as both our adapter and the simulator speak it. Field names follow public
 * integrations of the portal (the OpenCPS DVCQG adapter; provincial DVC systems' DongBoHoSoMC
 * DTOs): login `{username, password}` → `{error_code: 0, session}`; every service call is one
 * JSON POST `{session, madonvi, service, …}` → `{error_code: '00', message, result?}`.
 *
 * Assumed where no public source says (verify against the portal's integration document):
 * - the session error code '01' (the client logs in again and repeats the call once), the
 *   validation error '02' with `errors`, '03' unknown service, '99' other failure;
 * - enumeration values of DuocSoHoa/DuocTaiSuDung/DuocLayTuKhoDMQG/DuocThanhToanTrucTuyen ('1'
 *   yes, '0' no), HinhThucThu ('1' at the counter, '2' online), LoaiPhiLePhi ('2' lệ phí), LoaiDoiTuong
 *   ('1' citizen, '2' organisation), TrangThaiBoSung ('1' supplied, '0' waiting);
 * - the session lifetime (the simulator's: 30 minutes).
 * Dates are yyyyMMddHHmmss in Vietnam time (an empty string when unknown), as the payment
 * platform writes them.
 */
export { platformTime as portalTime } from '../payments/paygov-protocol.js';

export const PORTAL_OK = '00';
export const PORTAL_SESSION_INVALID = '01';
export const PORTAL_VALIDATION_FAILED = '02';
export const PORTAL_UNKNOWN_SERVICE = '03';
export const PORTAL_FAILURE = '99';

export type PortalService = 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC' | 'TraCuuHoSo';

/** TaiLieuNop: one filed file (or a component without a file) of the dossier. */
export interface TaiLieuNop {
  TepDinhKemId: string;
  TenTepDinhKem: string;
  MaThanhPhanHoSo: string;
  DuongDanTaiTepTin: string;
  DuocSoHoa: '0' | '1';
  DuocTaiSuDung: '0' | '1';
  DuocLayTuKhoDMQG: '0' | '1';
}

export interface LePhi {
  TenPhiLePhi: string;
  MaPhiLePhi: string;
  HinhThucThu: '1' | '2';
  Gia: string;
  LoaiPhiLePhi: string;
}

export interface HoSoBoSung {
  HoSoBoSungId: string;
  NoiDungBoSung: string;
  NgayBoSung: string;
  NgayTiepNhanBoSung: string;
  TrangThaiBoSung: '0' | '1';
}

export interface GiayToKetQua {
  GiayToId: string;
  TenGiayTo: string;
  MaGiayToKetQua: string;
  DuongDanTepTinKetQua: string;
}

/** One DongBoHoSoMC record: the dossier as it stands (an upsert keyed by MaHoSo). */
export interface HoSoDongBo {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc: string;
  KenhThucHien: string;
  ChuHoSo: string;
  LoaiDoiTuong: '1' | '2';
  DonViXuLy: string;
  NgayNopHoSo: string;
  NgayTiepNhan: string;
  NgayHenTra: string;
  TrangThaiHoSo: string;
  NgayKetThucXuLy: string;
  NgayTra: string;
  HoSoCoThanhPhanSoHoa: '0' | '1';
  DuocThanhToanTrucTuyen: '0' | '1';
  TaiLieuNop: TaiLieuNop[];
  DanhSachLePhi: LePhi[];
  DanhSachHoSoBoSung: HoSoBoSung[];
  DanhSachGiayToKetQua: GiayToKetQua[];
}

/** One CapNhatTienDoHoSoMC step (quá trình xử lý). */
export interface TienDoHoSo {
  MaHoSo: string;
  NguoiXuLy: string;
  ChucDanh: string;
  ThoiDiemXuLy: string;
  PhongBanXuLy: string;
  NoiDungXuLy: string;
  TrangThai: string;
  NgayBatDau: string;
  NgayKetThucTheoQuyDinh: string;
}

export interface PortalReply {
  error_code: string;
  message: string;
  errors?: string[];
  result?: unknown;
}

/** The login reply: error_code 0 and the session, or another code and why. */
export interface LoginReply {
  error_code: number;
  message: string;
  session?: string;
}
