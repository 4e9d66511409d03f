/**
 * The national data-sharing platform's protocol (NDXP / LGSP-style, docs/domain/DOMAIN.md §8), as both our
 * adapter and the simulator speak it, for two national systems behind it:
 * - the national population database (CSDLQG về dân cư): a citizen by personal identification
 *   number (số định danh cá nhân, 12 digits);
 * - the national electronic data store (Kho dữ liệu điện tử, DuocLayTuKhoDMQG): the documents it
 *   holds for a citizen (e.g. birth certificate extracts), with their files.
 * Access is OAuth2 client credentials: `POST <base>/token` (form `grant_type=client_credentials`,
 * `client_id`, `client_secret`) → `{access_token, token_type: 'Bearer', expires_in}`; every
 * service is a JSON POST with `Authorization: Bearer …` → `{maKetQua, thongDiep, duLieu?}`.
 *
 * Assumed where no public source says (verify against the platform's integration document):
 * the service paths below; result codes '00' found, '04' not found, '02' invalid request, '99'
 * other failure; HTTP 401 for a missing or expired token (the client takes a new one and repeats
 * once); dates yyyyMMdd; sex '1' male, '2' female; a token lives 60 minutes (the simulator's).
 */
export const NDXP_OK = '00';
export const NDXP_INVALID = '02';
export const NDXP_NOT_FOUND = '04';
export const NDXP_FAILURE = '99';

export const NDXP_PATHS = {
  token: '/token',
  citizen: '/dancu/v1/tra-cuu-cong-dan',
  storeDocuments: '/khodulieu/v1/danh-sach-giay-to',
} as const;

export interface TokenReply {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** Nơi thường trú: the permanent residence as the population database records it. */
export interface NoiThuongTru {
  chiTiet: string;
  maXa: string;
  tenXa: string;
  maTinh: string;
  tenTinh: string;
}

export interface CongDan {
  soDinhDanh: string;
  hoVaTen: string;
  /** yyyyMMdd */
  ngaySinh: string;
  gioiTinh: '1' | '2';
  noiThuongTru: NoiThuongTru;
}

/** One document of the national data store, with its file (base64). */
export interface GiayToKho {
  maGiayTo: string;
  loaiGiayTo: string;
  tenGiayTo: string;
  /** yyyyMMdd */
  ngayCap: string;
  coQuanCap: string;
  tepDinhKem: { tenTep: string; kieuTep: string; noiDung: string };
}

export interface NdxpReply<T> {
  maKetQua: string;
  thongDiep: string;
  duLieu?: T;
}
