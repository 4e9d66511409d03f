/**
 * The QR code on the chip identity card (thẻ CCCD gắn chip / thẻ căn cước), scanned at the
 * counter to fill the applicant fields. Its text is seven fields separated by `|`:
 *
 *   id | old id (CMND, may be empty) | full name | ddMMyyyy | Nam/Nữ | address | issue date ddMMyyyy
 *
 * Scanners hand over text in whatever Unicode form the device produced (decomposed diacritics are
 * common), so the whole text is NFC-normalised first and each field trimmed. A bad string is
 * rejected at the first bad field, naming it, so the officer knows what to re-scan or type in.
 */
import { isIsoDate, vietnamDateOf } from '../calendar/dates.js';
import type { Failure, Sex, Warning } from './identifiers.types.js';
import { type PersonalIdErrorCode, checkPersonalId } from './personal-id.rules.js';

export type ChipQrData = {
  idNumber: string;
  /** Old identity card number (CMND), null when the card shows none. */
  oldIdNumber: string | null;
  fullName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  sex: Sex;
  address: string;
  /** YYYY-MM-DD. */
  issuedOn: string;
};

export type ChipQrField = 'text' | keyof ChipQrData;

export type ChipQrErrorCode =
  | 'CHIP_QR_EMPTY'
  | 'CHIP_QR_PART_COUNT'
  | 'CHIP_QR_OLD_ID_FORMAT'
  | 'CHIP_QR_NAME_EMPTY'
  | 'CHIP_QR_DATE_FORMAT'
  | 'CHIP_QR_DATE_INVALID'
  | 'CHIP_QR_DATE_IN_FUTURE'
  | 'CHIP_QR_ISSUED_BEFORE_BIRTH'
  | 'CHIP_QR_SEX_UNKNOWN'
  // A bad id is reported with the personal-identifier rule's own code.
  | PersonalIdErrorCode;

export type ChipQrResult =
  | { ok: true; value: ChipQrData; warnings: Warning[] }
  | (Failure<ChipQrErrorCode> & { error: { field: ChipQrField } });

/** Vietnamese labels used in messages, so the officer sees which field of the card is wrong. */
const LABELS: Record<ChipQrField, string> = {
  text: 'Mã QR',
  idNumber: 'Số định danh cá nhân',
  oldIdNumber: 'Số CMND cũ',
  fullName: 'Họ và tên',
  dateOfBirth: 'Ngày sinh',
  sex: 'Giới tính',
  address: 'Nơi thường trú',
  issuedOn: 'Ngày cấp',
};

const PART_COUNT = 7;

type Fail = Extract<ChipQrResult, { ok: false }>;
const fail = (field: ChipQrField, code: ChipQrErrorCode, detail: string): Fail => ({
  ok: false,
  error: { code, message: `${LABELS[field]}: ${detail}`, field },
});

/** Sex words as printed on the card, after NFC and lower-casing; unaccented `nu` from scanners that drop diacritics. */
const SEX_WORDS: Record<string, Sex> = { nam: 'male', nữ: 'female', nu: 'female' };

/** ddMMyyyy → YYYY-MM-DD, or the error for `field`. */
function parseCardDate(raw: string, field: 'dateOfBirth' | 'issuedOn', today: string): string | Fail {
  if (!/^\d{8}$/.test(raw))
    return fail(field, 'CHIP_QR_DATE_FORMAT', `phải có dạng ngàythángnăm 8 chữ số (ddMMyyyy), nhận được "${raw}".`);
  const iso = `${raw.slice(4, 8)}-${raw.slice(2, 4)}-${raw.slice(0, 2)}`;
  const shown = `${raw.slice(0, 2)}/${raw.slice(2, 4)}/${raw.slice(4, 8)}`;
  if (!isIsoDate(iso)) return fail(field, 'CHIP_QR_DATE_INVALID', `ngày ${shown} không tồn tại.`);
  if (iso > today) return fail(field, 'CHIP_QR_DATE_IN_FUTURE', `ngày ${shown} ở tương lai.`);
  return iso;
}

/**
 * Parses the card QR text. `today` (YYYY-MM-DD, Vietnam) bounds the dates; it defaults to the
 * current date in Vietnam. Warnings come from the soft structure check of the identifier against
 * the card's own date of birth and sex.
 */
export function parseChipQr(text: string, options: { today?: string } = {}): ChipQrResult {
  const today = options.today ?? vietnamDateOf(new Date());
  const normalized = text.normalize('NFC').trim();
  if (normalized === '') return fail('text', 'CHIP_QR_EMPTY', 'không có nội dung.');
  const parts = normalized.split('|').map((p) => p.trim());
  if (parts.length !== PART_COUNT) {
    return fail(
      'text',
      'CHIP_QR_PART_COUNT',
      `phải có ${PART_COUNT} trường ngăn cách bởi dấu "|", nhận được ${parts.length}.`,
    );
  }
  const [rawId, rawOldId, rawName, rawBirth, rawSex, address, rawIssued] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];

  const id = checkPersonalId(rawId, { today });
  // The rule's message already names the identifier; only the field is added.
  if (!id.ok) return { ok: false, error: { ...id.error, field: 'idNumber' } };

  // Old CMND numbers had 9 digits; a 12-digit CMND was also issued in some provinces before CCCD.
  if (rawOldId !== '' && !/^(\d{9}|\d{12})$/.test(rawOldId)) {
    return fail('oldIdNumber', 'CHIP_QR_OLD_ID_FORMAT', 'phải trống hoặc gồm 9 hoặc 12 chữ số.');
  }

  const fullName = rawName.replace(/\s+/g, ' ');
  if (fullName === '') return fail('fullName', 'CHIP_QR_NAME_EMPTY', 'không được để trống.');

  const dateOfBirth = parseCardDate(rawBirth, 'dateOfBirth', today);
  if (typeof dateOfBirth !== 'string') return dateOfBirth;

  const sex = SEX_WORDS[rawSex.toLowerCase()];
  if (sex === undefined) return fail('sex', 'CHIP_QR_SEX_UNKNOWN', `phải là "Nam" hoặc "Nữ", nhận được "${rawSex}".`);

  const issuedOn = parseCardDate(rawIssued, 'issuedOn', today);
  if (typeof issuedOn !== 'string') return issuedOn;
  if (issuedOn < dateOfBirth) return fail('issuedOn', 'CHIP_QR_ISSUED_BEFORE_BIRTH', 'ngày cấp trước ngày sinh.');

  // Re-run the identifier's soft check with the card's own data: a mismatch is worth a look, not a refusal.
  const checked = checkPersonalId(id.value, { dateOfBirth, sex, today });
  const warnings = checked.ok ? checked.warnings : [];
  return {
    ok: true,
    value: {
      idNumber: id.value,
      oldIdNumber: rawOldId === '' ? null : rawOldId,
      fullName,
      dateOfBirth,
      sex,
      address: address.replace(/\s+/g, ' '),
      issuedOn,
    },
    warnings,
  };
}
