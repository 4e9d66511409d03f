/**
 * Chứng thực bản sao điện tử từ bản chính (issue 19): what may be certified, the register number
 * and the certification statement (lời chứng), as pure data.
 *
 * Legal sources — none of the texts could be read from this environment, so each point is marked
 * *(verify)* where it was not checked against the official gazette:
 * - Nghị định 23/2015/NĐ-CP art. 18–21 (chứng thực bản sao từ bản chính): the certifying person
 *   checks the original, compares the copy with it and, if they match, writes the statement,
 *   signs, seals and enters it in the certification register (art. 20) *(verify)*; a copy of
 *   several sheets is sealed across the sheets — an electronic copy is one signed document, the
 *   seal signature covers every page *(verify)*.
 * - Thông tư 01/2020/TT-BTP: the form of the statement for a copy from an original ("Chứng thực
 *   bản sao đúng với bản chính. Số chứng thực … Quyển số …-SCT/BS …") and the register kept per
 *   year, numbered from 01 to the year's end *(verify wording and book numbering)*.
 */
import { vnParts, vnPlaceDate } from '../documents/vn-format.js';

/** The certifying official as the statement names them. */
export interface Certifier {
  name: string;
  /** Chức danh, e.g. "Phó Chủ tịch Ủy ban nhân dân xã"; the form's heading when not given. */
  title?: string | undefined;
}

export interface StatementInput {
  number: number;
  /** The register's year (Vietnam time of the certification). */
  year: number;
  /** Pages of the copy itself (the statement's page not counted). */
  pages: number;
  certifiedAt: Date;
  /** Địa danh on the date line, e.g. "An Giang". */
  place: string;
  certifier: Certifier;
}

/** The book of copies from originals for a year: one book per unit and year (Thông tư 01/2020 *(verify)*). */
export function registerBook(year: number): string {
  return `01/${year}-SCT/BS`;
}

/** The entry as it is cited (the result's number): "12 - Quyển số 01/2026-SCT/BS". */
export function registerReference(number: number, year: number): string {
  return `${number} - Quyển số ${registerBook(year)}`;
}

/** The register's year of an instant: the year in Vietnam (a copy certified on 31/12 23:30 UTC+7 is that year's). */
export function registerYear(at: Date): number {
  return vnParts(at).year;
}

export const STATEMENT_HEADING = 'NGƯỜI THỰC HIỆN CHỨNG THỰC';

/** The lời chứng, line by line, in the form's order; the layout draws it, the tests read it. */
export function certificationStatement(input: StatementInput) {
  return {
    title: 'LỜI CHỨNG',
    lines: [
      'Chứng thực bản sao đúng với bản chính.',
      `Số chứng thực: ${input.number}    Quyển số: ${registerBook(input.year)}`,
      `Bản sao gồm ${input.pages} trang, là bản sao điện tử được chụp từ bản chính và đối chiếu với bản chính.`,
      vnPlaceDate(input.place, input.certifiedAt),
    ],
    signer: {
      title: input.certifier.title?.trim() ? input.certifier.title.trim().toUpperCase() : STATEMENT_HEADING,
      note: '(Ký số, đóng dấu điện tử và ghi rõ họ tên)',
      name: input.certifier.name,
    },
  };
}

export type CertificationStatement = ReturnType<typeof certificationStatement>;

/** Whether a procedure's field is certification (kpi.config CERTIFICATION_FIELD_CODES: the 766 count). */
export function isCertificationField(fieldCode: string | null | undefined, fields: readonly string[]): boolean {
  return fieldCode != null && fields.includes(fieldCode);
}
