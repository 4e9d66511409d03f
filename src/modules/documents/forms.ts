import { renderForm01, type ReceiptForm } from './forms/form01-receipt.js';
import { renderForm02, type SupplementRequestForm } from './forms/form02-supplement.js';
import { renderForm03, type RefusalForm } from './forms/form03-refusal.js';
import { renderForm04, type ApologyExtensionForm } from './forms/form04-apology.js';
import { renderForm05, type StopNoticeForm } from './forms/form05-stop.js';
import { renderForm06, type ControlSlipForm } from './forms/form06-control.js';
export { renderDeclaration, type DeclarationForm, type DeclarationSection } from './forms/declaration.js';

/**
 * The forms of Circular 03/2025/TT-VPCP, Phụ lục I, Mẫu số 01–06, as PDFs. Form 07 (the
 * tracking book, Sổ theo dõi hồ sơ) is a spreadsheet and lives with the reports.
 */
export { renderForm01, renderForm02, renderForm03, renderForm04, renderForm05, renderForm06 };
export type { ApologyExtensionForm, ControlSlipForm, ReceiptForm, RefusalForm, StopNoticeForm, SupplementRequestForm };
export type { Applicant, FormBase, IssuingUnit, Signer } from './forms/common.js';
export { COMPONENT_KIND_LABEL, type ComponentKind, type Fee, type ReceiptComponent } from './forms/form01-receipt.js';
export type { SupplementItem } from './forms/form02-supplement.js';
export { STEP_RESULT_LABEL, type ControlStep, type StepResult } from './forms/form06-control.js';

export interface FormDataByNumber {
  '01': ReceiptForm;
  '02': SupplementRequestForm;
  '03': RefusalForm;
  '04': ApologyExtensionForm;
  '05': StopNoticeForm;
  '06': ControlSlipForm;
}

export type FormNumber = keyof FormDataByNumber;

export const FORM_NUMBERS: readonly FormNumber[] = ['01', '02', '03', '04', '05', '06'];

/** Names of the forms, e.g. for a Content-Disposition file name or a menu. */
export const FORM_TITLES: Record<FormNumber, string> = {
  '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  '04': 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
  '05': 'Thông báo dừng giải quyết hồ sơ',
  '06': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
};

const RENDERERS: { [N in FormNumber]: (data: FormDataByNumber[N]) => Promise<Buffer> } = {
  '01': renderForm01,
  '02': renderForm02,
  '03': renderForm03,
  '04': renderForm04,
  '05': renderForm05,
  '06': renderForm06,
};

/** One entry for the route `GET /api/dossiers/{code}/forms/{01..06}`. */
export function renderForm<N extends FormNumber>(number: N, data: FormDataByNumber[N]): Promise<Buffer> {
  const render = RENDERERS[number] as (data: FormDataByNumber[N]) => Promise<Buffer>;
  return render(data);
}
