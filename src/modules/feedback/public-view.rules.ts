/**
 * What of a feedback item may appear on the portal. The submitter's name is masked, or replaced
 * when they asked to stay anonymous; phone numbers, e-mail addresses and identifier numbers
 * typed into the text are blanked, since people write them into their complaints.
 */
import { maskPersonName } from '../../kernel/personal-data.js';

export const ANONYMOUS_NAME = 'Người phản ánh đề nghị giấu tên';

export function publicSubmitterName(name: string, anonymous: boolean): string {
  return anonymous ? ANONYMOUS_NAME : (maskPersonName(name) ?? ANONYMOUS_NAME);
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// 9 or more digits, possibly grouped by spaces, dots or dashes (phones, CCCD, old CMND, tax codes).
const LONG_NUMBER = /(?:\+?\d[\s.-]?){8,}\d/g;

/** The text with e-mail addresses and long digit runs replaced, and the submitter's own values too. */
export function redactPersonalText(text: string, known: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const value of known) {
    const v = value?.trim();
    if (v && v.length >= 4) out = out.split(v).join('[đã ẩn]');
  }
  return out.replace(EMAIL, '[đã ẩn]').replace(LONG_NUMBER, '[đã ẩn]');
}
