/** The built-in tờ khai of the demo catalog, each citing the legal text that prescribes it. */
import type { EformDefinition } from '../eform.types.js';
import { CT01 } from './cu-tru.js';
import {
  BAN_SAO_TRICH_LUC,
  CAI_CHINH_HO_TICH,
  DANG_KY_LAI_KET_HON,
  DANG_KY_LAI_KHAI_SINH,
  KET_HON,
  KHAI_TU,
  TINH_TRANG_HON_NHAN,
} from './ho-tich.js';
import { KHAI_SINH } from './khai-sinh.js';
import { HO_KINH_DOANH, THAY_DOI_HO_KINH_DOANH } from './kinh-doanh.js';
import { LLTP } from './lltp.js';
import { GIAY_PHEP_XAY_DUNG } from './xay-dung.js';

export const FORM_LIBRARY: readonly EformDefinition[] = [
  KHAI_SINH,
  KET_HON,
  DANG_KY_LAI_KET_HON,
  KHAI_TU,
  TINH_TRANG_HON_NHAN,
  BAN_SAO_TRICH_LUC,
  CAI_CHINH_HO_TICH,
  DANG_KY_LAI_KHAI_SINH,
  CT01,
  LLTP,
  HO_KINH_DOANH,
  THAY_DOI_HO_KINH_DOANH,
  GIAY_PHEP_XAY_DUNG,
];

/** Forms attached to procedures of the demo catalog (the issue asks for at least 12). */
export const ATTACHED_FORMS = FORM_LIBRARY.filter((f) => f.procedureCodes.length > 0);

/** The built-in form of a procedure (by its national code), if any. */
export const builtInFormFor = (nationalCode: string): EformDefinition | undefined =>
  FORM_LIBRARY.find((f) => f.procedureCodes.includes(nationalCode));
