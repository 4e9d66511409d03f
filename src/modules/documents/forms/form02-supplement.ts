import { vnDateTime } from '../vn-format.js';
import { ADDRESSEE, SIGN_NOTE, closeWithSignature, startReplyToFiler, type FormBase } from './common.js';

/**
 * Form 02 — Request to supplement (Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ).
 * A dossier may be sent back for supplement only once, and the wait does not count against
 * the unit's time limit; the slip says both so the applicant knows.
 */

export interface SupplementItem {
  /** What to add or correct (nội dung cần bổ sung, hoàn thiện). */
  content: string;
  /** Why (lý do), citing the rule where possible. */
  reason: string;
}

export interface SupplementRequestForm extends FormBase {
  /** Date of the slip. */
  issuedAt: Date;
  /** When the dossier was received. */
  receivedAt?: Date;
  items: SupplementItem[];
  /** Deadline for the supplement, if the procedure sets one. */
  deadline?: Date;
  /** Officer who guides the applicant (người hướng dẫn) and a phone number to reach them. */
  officerName: string;
  contactPhone?: string;
}

export async function renderForm02(data: SupplementRequestForm): Promise<Buffer> {
  const doc = startReplyToFiler(data, 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
  doc.paragraph(
    `Sau khi xem xét, đối chiếu thành phần hồ sơ với quy định hiện hành, ${data.unit.name} đề nghị ${ADDRESSEE} bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`,
  );
  doc.table(
    [
      { header: 'TT', width: 0.6, align: 'center' },
      { header: 'Nội dung cần bổ sung, hoàn thiện', width: 5 },
      { header: 'Lý do', width: 4 },
    ],
    data.items.map((item, i) => [String(i + 1), item.content, item.reason]),
  );
  if (data.deadline)
    doc.field('Thời hạn bổ sung, hoàn thiện hồ sơ', `trước ${vnDateTime(data.deadline)}`, { strong: true });
  doc.paragraph('Thời gian bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết thủ tục hành chính.');
  const contact = data.contactPhone ? `${data.officerName}, số điện thoại ${data.contactPhone}` : data.officerName;
  doc.paragraph(
    `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, ${ADDRESSEE} liên hệ ${contact} để được hướng dẫn.`,
  );
  return closeWithSignature(doc, data, { title: 'Người hướng dẫn', note: SIGN_NOTE, name: data.officerName });
}
