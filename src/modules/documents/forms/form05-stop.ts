import {
  ADDRESSEE,
  applicantFields,
  closeWithSignature,
  dossierFields,
  signerBlock,
  startForm,
  type FormBase,
  type Signer,
} from './common.js';

/**
 * Form 05 — Notice of stopping (Mẫu số 05: Thông báo dừng giải quyết hồ sơ). Issued when the
 * unit stops processing (e.g. the applicant did not supplement in time, or withdrew); the
 * stopped dossier counts as finished for the early / on time / late score.
 */
export interface StopNoticeForm extends FormBase {
  issuedAt: Date;
  receivedAt?: Date;
  /** Reason for stopping (lý do dừng giải quyết). */
  reason: string;
  /** What happens to the submitted papers, e.g. "Hồ sơ được trả lại tại Bộ phận Một cửa". */
  returnOfPapers?: string;
  signer: Signer;
}

export async function renderForm05(data: StopNoticeForm): Promise<Buffer> {
  const doc = startForm(data, {
    title: 'Thông báo',
    subtitle: 'Về việc dừng giải quyết hồ sơ',
    date: data.issuedAt,
    pdfTitle: 'Thông báo dừng giải quyết hồ sơ',
  });
  doc.paragraph(`${data.unit.name} thông báo dừng giải quyết hồ sơ của:`, { indent: false });
  applicantFields(doc, data.applicant, ADDRESSEE);
  dossierFields(doc, data, data.receivedAt);
  doc.paragraph(`Lý do dừng giải quyết: ${data.reason}`);
  if (data.returnOfPapers) doc.paragraph(data.returnOfPapers);
  doc.paragraph(`${data.unit.name} thông báo để ${ADDRESSEE} được biết.`);
  return closeWithSignature(doc, data, signerBlock(data.signer));
}
