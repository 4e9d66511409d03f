/**
 * Personal identifier (số định danh cá nhân, the number on the CCCD / căn cước card).
 *
 * Hard rule: exactly 12 ASCII digits (Luật Căn cước 2023, art. 12). Everything else is a soft
 * check returning warnings: the structure (Decree 137/2015/NĐ-CP art. 13, Circular 07/2016/TT-BCA
 * art. 7) is province(3) + century/sex(1) + year(2) + serial(6), but intake must not turn a
 * citizen away because our copy of the code tables is older than their card. Citizens
 * registered abroad carry a country code instead of a province code, which is one more reason the
 * province check only warns.
 */
import { isIsoDate, vietnamDateOf } from '../calendar/dates.js';
import type { Failure, Sex, Warning } from './identifiers.types.js';

/**
 * Mã tỉnh nơi đăng ký khai sinh: the 63 pre-2025 provinces, Appendix 1 of Circular 07/2016/TT-BCA
 * (checked against two published copies of the appendix). An identifier is assigned once for life,
 * so the numbers already issued keep these codes after the 1 Jul 2025 mergers; which code a child
 * registered after the mergers gets we could not confirm, one more reason this check only warns.
 */
export const BIRTH_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

/**
 * Mã thế kỷ và giới tính: digit 4. Even = male, odd = female; the pair gives the century:
 * 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s, 6/7 → 2200s, 8/9 → 1800s.
 */
const CENTURY_BY_PAIR = [1900, 2000, 2100, 2200, 1800] as const;

export type PersonalIdErrorCode = 'PERSONAL_ID_EMPTY' | 'PERSONAL_ID_NOT_DIGITS' | 'PERSONAL_ID_LENGTH';

export type PersonalIdParts = {
  /** Mã tỉnh / mã quốc gia nơi đăng ký khai sinh, e.g. '001'. */
  provinceCode: string;
  /** Null when the code is not one of the 63 province codes. */
  provinceName: string | null;
  sex: Sex;
  /** Four-digit year from the century digit and the two year digits. */
  birthYear: number;
};

export type PersonalIdResult =
  | { ok: true; value: string; warnings: Warning[]; parts: PersonalIdParts }
  | Failure<PersonalIdErrorCode>;

export type PersonalIdOptions = {
  /** YYYY-MM-DD from another source (card QR, form): its year should match the identifier. */
  dateOfBirth?: string;
  /** Sex from another source: should match the century/sex digit. */
  sex?: Sex;
  /** YYYY-MM-DD in Vietnam; defaults to the current date there. */
  today?: string;
};

const fail = (code: PersonalIdErrorCode, message: string): Failure<PersonalIdErrorCode> => ({
  ok: false,
  error: { code, message },
});

/** Splits the 12 digits into their parts; only meaningful once the hard rule has passed. */
export function personalIdParts(id: string): PersonalIdParts {
  const provinceCode = id.slice(0, 3);
  const digit = Number(id[3]);
  return {
    provinceCode,
    provinceName: BIRTH_PROVINCE_CODES[provinceCode] ?? null,
    sex: digit % 2 === 0 ? 'male' : 'female',
    birthYear: CENTURY_BY_PAIR[Math.floor(digit / 2)]! + Number(id.slice(4, 6)),
  };
}

/** Checks a personal identifier: errors for the hard rule, warnings for the structure. */
export function checkPersonalId(input: string, options: PersonalIdOptions = {}): PersonalIdResult {
  const value = input.trim();
  if (value === '') return fail('PERSONAL_ID_EMPTY', 'Chưa nhập số định danh cá nhân.');
  if (!/^\d+$/.test(value)) return fail('PERSONAL_ID_NOT_DIGITS', 'Số định danh cá nhân chỉ gồm chữ số (0–9).');
  if (value.length !== 12) {
    // The old 9-digit identity card (CMND) is the commonest wrong entry: say so.
    const hint = value.length === 9 ? ' Số CMND 9 số không phải số định danh cá nhân.' : '';
    return fail('PERSONAL_ID_LENGTH', `Số định danh cá nhân phải gồm đúng 12 chữ số (đang có ${value.length}).${hint}`);
  }

  const parts = personalIdParts(value);
  const warnings: Warning[] = [];
  if (parts.provinceName === null) {
    warnings.push({
      code: 'PERSONAL_ID_PROVINCE_UNKNOWN',
      message: `Ba số đầu (${parts.provinceCode}) không phải mã tỉnh nơi đăng ký khai sinh; đề nghị kiểm tra lại số định danh.`,
    });
  }
  const today = options.today ?? vietnamDateOf(new Date());
  if (parts.birthYear > Number(today.slice(0, 4))) {
    warnings.push({
      code: 'PERSONAL_ID_BIRTH_YEAR_IN_FUTURE',
      message: `Mã thế kỷ và năm sinh trong số định danh cho năm sinh ${parts.birthYear}, sau năm hiện tại.`,
    });
  }
  // An unreadable date of birth is the caller's own error to report; here it just cannot be compared.
  if (options.dateOfBirth !== undefined && isIsoDate(options.dateOfBirth)) {
    const year = Number(options.dateOfBirth.slice(0, 4));
    if (year !== parts.birthYear) {
      warnings.push({
        code: 'PERSONAL_ID_BIRTH_YEAR_MISMATCH',
        message: `Số định danh cho năm sinh ${parts.birthYear} nhưng ngày sinh khai là năm ${year}.`,
      });
    }
  }
  if (options.sex !== undefined && options.sex !== parts.sex) {
    warnings.push({
      code: 'PERSONAL_ID_SEX_MISMATCH',
      message: `Số định danh cho giới tính ${parts.sex === 'male' ? 'nam' : 'nữ'} nhưng giới tính khai là ${options.sex === 'male' ? 'nam' : 'nữ'}.`,
    });
  }
  return { ok: true, value, warnings, parts };
}
