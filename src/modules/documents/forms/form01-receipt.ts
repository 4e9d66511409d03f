import { vnDateTime, vnMoney } from '../vn-format.js';
import type { AdminDocument } from '../layout.js';
import { ADDRESSEE, SIGN_NOTE, applicantFields, startForm, type FormBase } from './common.js';

/**
 * Form 01 — Receipt and appointment (Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả).
 * Wording after the Circular 01/2018/TT-VPCP template that Circular 03/2025/TT-VPCP carries
 * over; numbered items 1–7 as on the paper form.
 */

/** How a component was submitted (hình thức): original, copy, certified copy, electronic. */
export type ComponentKind = 'original' | 'copy' | 'certified_copy' | 'electronic' | 'original_to_compare';

export const COMPONENT_KIND_LABEL: Record<ComponentKind, string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certified_copy: 'Bản sao chứng thực',
  electronic: 'Bản điện tử',
  original_to_compare: 'Bản chính để đối chiếu',
};

export interface ReceiptComponent {
  /** Component name (tên giấy tờ) as in the procedure. */
  name: string;
  kind: ComponentKind;
  count: number;
}

export interface Fee {
  /** e.g. "Lệ phí cấp Giấy phép xây dựng". */
  name: string;
  amountVnd: number;
}

export interface ReceiptForm extends FormBase {
  components: ReceiptComponent[];
  /** Number of sets (số lượng hồ sơ, bộ). */
  setCount: number;
  /** Legal time limit as published, e.g. "15 ngày làm việc". */
  legalTimeLimit: string;
  /** When the complete, valid dossier was received: the clock starts here. */
  receivedAt: Date;
  /** Result due (hẹn trả kết quả). */
  appointmentAt: Date;
  /** Where the result is collected (đăng ký nhận kết quả tại). */
  collectAt: string;
  fees: Fee[];
  /** Tracking book (Sổ theo dõi hồ sơ, Mẫu số 07): volume (quyển số) and entry (số thứ tự). */
  trackingBook: { volume: string; number: string | number };
  /** Officer who received the dossier (người tiếp nhận hồ sơ). */
  officerName: string;
}

function feeLines(fees: readonly Fee[]): string[] {
  if (fees.length === 0) return ['Không'];
  const lines = fees.map((f) => `${f.name}: ${vnMoney(f.amountVnd)}`);
  if (fees.length > 1) lines.push(`Tổng cộng: ${vnMoney(fees.reduce((sum, f) => sum + f.amountVnd, 0))}`);
  return lines;
}

/**
 * How a receipt is fitted on one sheet, tried in order: the components table set smaller, then
 * also a tighter signature band (layout.ts `compact`). Each is measured by drawing it; the first
 * that fits one page wins. A list too long for one page even so moves to an annex after the
 * signatures (danh mục kèm theo), so the signatures and QR code always stay with the body.
 */
const FITS = [
  { tableSize: 11, compact: false, annex: false },
  { tableSize: 10, compact: false, annex: false },
  { tableSize: 9, compact: false, annex: false },
  { tableSize: 9, compact: true, annex: false },
  { tableSize: 8, compact: true, annex: false },
] as const;
const ANNEX = { tableSize: 11, compact: false, annex: true } as const;
type Fit = (typeof FITS)[number] | typeof ANNEX;

export const ANNEX_TITLE = 'Danh mục thành phần hồ sơ kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả';

export async function renderForm01(data: ReceiptForm): Promise<Buffer> {
  for (const fit of FITS) {
    const doc = await drawReceipt(data, fit);
    if (doc.pageCount === 1) return doc.end();
  }
  return (await drawReceipt(data, ANNEX)).end();
}

function componentsTable(doc: AdminDocument, components: readonly ReceiptComponent[], size: number): void {
  doc.table(
    [
      { header: 'TT', width: 0.6, align: 'center' },
      { header: 'Tên giấy tờ', width: 6.5 },
      { header: 'Hình thức', width: 2.4, align: 'center' },
      { header: 'Số lượng', width: 1, align: 'center' },
    ],
    components.map((c, i) => [String(i + 1), c.name, COMPONENT_KIND_LABEL[c.kind], String(c.count)]),
    { size },
  );
}

async function drawReceipt(data: ReceiptForm, fit: Fit) {
  const doc = startForm(data, {
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    date: data.receivedAt,
    compact: fit.compact,
  });
  doc.paragraph(`${data.unit.name} tiếp nhận hồ sơ của:`, { indent: false });
  applicantFields(doc, data.applicant, ADDRESSEE);
  doc.field('Nội dung yêu cầu giải quyết', data.procedureName);

  if (fit.annex)
    doc.paragraph(`1. Thành phần hồ sơ nộp gồm: ${data.components.length} giấy tờ, theo danh mục kèm theo.`, {
      indent: false,
      style: 'bold',
    });
  else {
    doc.paragraph('1. Thành phần hồ sơ nộp gồm:', { indent: false, style: 'bold' });
    componentsTable(doc, data.components, fit.tableSize);
  }
  doc.field('2. Số lượng hồ sơ', `${data.setCount} (bộ)`);
  doc.field('3. Thời gian giải quyết hồ sơ theo quy định là', data.legalTimeLimit);
  doc.field('4. Thời gian nhận hồ sơ', vnDateTime(data.receivedAt));
  doc.field('5. Thời gian trả kết quả giải quyết hồ sơ', vnDateTime(data.appointmentAt));
  doc.field('6. Đăng ký nhận kết quả tại', data.collectAt);
  const fees = feeLines(data.fees);
  if (fees.length === 1) doc.field('7. Phí, lệ phí', fees[0]);
  else {
    doc.paragraph('7. Phí, lệ phí:', { indent: false });
    for (const line of fees) doc.paragraph(`- ${line}`, { indent: true, align: 'left' });
  }
  doc.paragraph(
    `Vào Sổ theo dõi hồ sơ, Quyển số: ${data.trackingBook.volume}, Số thứ tự: ${data.trackingBook.number}`,
    { indent: false, style: 'italic' },
  );

  // The QR between the two signatures keeps the receipt on one page.
  await doc.qr(data.publicLookupUrl, 'Tra cứu hồ sơ', { beside: 'center' });
  doc.signatures([
    { title: 'Người nộp hồ sơ', note: SIGN_NOTE, name: data.applicant.name },
    { title: 'Người tiếp nhận hồ sơ', note: SIGN_NOTE, name: data.officerName },
  ]);
  if (fit.annex) {
    doc.newPage().paragraph(ANNEX_TITLE.toUpperCase(), { indent: false, style: 'bold', align: 'center' });
    doc.paragraph(`Mã hồ sơ: ${data.dossierCode}`, { indent: false, align: 'center' });
    componentsTable(doc, data.components, fit.tableSize);
  }
  return doc;
}
