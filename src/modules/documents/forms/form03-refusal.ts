import { ADDRESSEE, SIGN_NOTE, closeWithSignature, startReplyToFiler, type FormBase } from './common.js';

/**
 * Form 03 — Refusal (Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ). The reason must
 * be specific: the applicant may complain against it.
 */
export interface RefusalForm extends FormBase {
  issuedAt: Date;
  /** When the dossier was submitted, if it was (online/postal submissions). */
  receivedAt?: Date;
  /** Specific reason (lý do cụ thể). */
  reason: string;
  officerName: string;
}

export async function renderForm03(data: RefusalForm): Promise<Buffer> {
  const doc = startReplyToFiler(data, 'Phiếu từ chối tiếp nhận giải quyết hồ sơ');
  doc.paragraph(
    `Qua xem xét, ${data.unit.name} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
  );
  doc.paragraph(data.reason, { style: 'italic' });
  doc.paragraph(`Xin thông báo cho ${ADDRESSEE} được biết và thực hiện.`);
  return closeWithSignature(doc, data, { title: 'Người tiếp nhận hồ sơ', note: SIGN_NOTE, name: data.officerName });
}
