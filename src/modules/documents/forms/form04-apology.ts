import { vnDate, vnDateTime } from '../vn-format.js';
import { ADDRESSEE, closeWithSignature, signerBlock, startForm, type FormBase, type Signer } from './common.js';

/**
 * Form 04 — Apology and request for extension (Mẫu số 04: Văn bản xin lỗi và đề nghị gia hạn
 * thời gian giải quyết). A letter from the unit late on the dossier, sent before the due date,
 * with the new appointment; signed by the unit's head or deputy, not by the counter officer.
 */
export interface ApologyExtensionForm extends FormBase {
  issuedAt: Date;
  receivedAt: Date;
  /** Appointment on the receipt (form 01). */
  oldAppointmentAt: Date;
  /** Proposed new appointment. */
  newAppointmentAt: Date;
  /** Why the dossier is late (lý do). */
  reason: string;
  signer: Signer;
}

export async function renderForm04(data: ApologyExtensionForm): Promise<Buffer> {
  const doc = startForm(data, {
    title: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
    date: data.issuedAt,
  });
  doc.paragraph(`Kính gửi: ${ADDRESSEE} ${data.applicant.name}`, { indent: false, align: 'center' });
  if (data.applicant.address) doc.field('Địa chỉ', data.applicant.address);
  doc.paragraph(
    `${capitalise(vnDate(data.receivedAt))}, ${data.unit.name} tiếp nhận hồ sơ mã số ${data.dossierCode} của ${ADDRESSEE} ${data.applicant.name} về việc: ${data.procedureName}.`,
  );
  doc.field('Thời hạn trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả', vnDateTime(data.oldAppointmentAt));
  doc.paragraph(
    `Tuy nhiên, đến nay ${data.unit.name} chưa thể trả kết quả giải quyết hồ sơ đúng hạn cho ${ADDRESSEE}. Lý do: ${data.reason}`,
  );
  doc.paragraph(
    `Sự chậm trễ này đã gây phiền hà cho ${ADDRESSEE}. ${data.unit.name} trân trọng xin lỗi ${ADDRESSEE} và đề nghị gia hạn thời gian giải quyết hồ sơ; thời gian trả kết quả mới:`,
  );
  doc.paragraph(vnDateTime(data.newAppointmentAt), { style: 'bold', align: 'center', indent: false });
  doc.paragraph(`Kính mong ${ADDRESSEE} thông cảm vì sự chậm trễ này.`);
  return closeWithSignature(doc, data, signerBlock(data.signer));
}

/** "ngày …" opens the sentence. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
