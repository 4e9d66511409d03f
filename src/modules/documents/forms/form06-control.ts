import { vnDateTime, vnDateTimeShort } from '../vn-format.js';
import { ADDRESSEE, startForm, type FormBase } from './common.js';

/**
 * Form 06 — Processing-control slip (Mẫu số 06: Phiếu kiểm soát quá trình giải quyết hồ sơ).
 * It travels with the dossier: one row per hand-over between units/officials, with who handed
 * over and who received it and when, the step's deadline and whether it finished early, on
 * time or late. The system prints it from the recorded steps, so the rows carry names and
 * times instead of blank lines for hand signatures.
 */
export type StepResult = 'early' | 'on_time' | 'late';

export const STEP_RESULT_LABEL: Record<StepResult, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

export interface ControlStep {
  /** Unit or office handling the step (tên cơ quan, bộ phận). */
  unit: string;
  handedOverBy: string;
  handedOverAt: Date;
  /** Empty while the step has not been taken over yet. */
  receivedBy?: string;
  receivedAt?: Date;
  /** Step deadline (hạn xử lý). */
  deadline?: Date;
  /** Unset while the step is in progress. */
  result?: StepResult;
  note?: string;
}

export interface ControlSlipForm extends FormBase {
  receivedAt: Date;
  appointmentAt: Date;
  /** Date printed on the header; defaults to the receipt date. */
  issuedAt?: Date;
  /** Lead unit (cơ quan, bộ phận chủ trì giải quyết). */
  leadUnit: string;
  /** Coordinating units (cơ quan phối hợp giải quyết). */
  coordinatingUnits?: string[];
  steps: ControlStep[];
}

function person(name: string | undefined, at: Date | undefined): string {
  if (!name && !at) return '';
  return [name ?? '', at ? vnDateTimeShort(at) : ''].filter((s) => s !== '').join('\n');
}

export async function renderForm06(data: ControlSlipForm): Promise<Buffer> {
  const doc = startForm(data, {
    title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    date: data.issuedAt ?? data.receivedAt,
  });
  doc.paragraph('(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)', {
    style: 'italic',
    align: 'center',
    indent: false,
  });
  doc.field('Cơ quan, bộ phận chủ trì giải quyết hồ sơ', data.leadUnit);
  const coordinating = data.coordinatingUnits ?? [];
  doc.field('Cơ quan phối hợp giải quyết hồ sơ', coordinating.length > 0 ? coordinating.join('; ') : 'Không');
  doc.field(ADDRESSEE, data.applicant.name, { strong: true });
  doc.field('Nội dung yêu cầu giải quyết', data.procedureName);
  doc.field('Thời gian nhận hồ sơ', vnDateTime(data.receivedAt));
  doc.field('Thời gian hẹn trả kết quả', vnDateTime(data.appointmentAt));
  doc.space(4);
  doc.table(
    [
      { header: 'TT', width: 0.6, align: 'center' },
      { header: 'Tên cơ quan, bộ phận', width: 2.8 },
      { header: 'Giao hồ sơ (người giao, thời gian)', width: 2.4 },
      { header: 'Nhận hồ sơ (người nhận, thời gian)', width: 2.4 },
      { header: 'Hạn xử lý', width: 1.9 },
      { header: 'Kết quả (trước hạn, đúng hạn, quá hạn)', width: 1.6, align: 'center' },
      { header: 'Ghi chú', width: 1.5 },
    ],
    data.steps.map((s, i) => [
      String(i + 1),
      s.unit,
      person(s.handedOverBy, s.handedOverAt),
      person(s.receivedBy, s.receivedAt),
      s.deadline ? vnDateTimeShort(s.deadline) : '',
      s.result ? STEP_RESULT_LABEL[s.result] : '',
      s.note ?? '',
    ]),
    { size: 10 },
  );
  await doc.qr(data.publicLookupUrl, 'Tra cứu hồ sơ');
  return doc.end();
}
