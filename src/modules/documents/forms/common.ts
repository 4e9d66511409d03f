import { createDocument, type AdminDocument, type SignatureBlock } from '../layout.js';
import { vnDateTime } from '../vn-format.js';

/** The unit issuing the form (Bộ phận Một cửa or the unit that decides). */
export interface IssuingUnit {
  /** Parent body (cơ quan chủ quản), e.g. "Ủy ban nhân dân tỉnh An Giang". */
  parentBody?: string;
  /** Unit name, e.g. "Trung tâm Phục vụ hành chính công tỉnh". */
  name: string;
  /** Place name (địa danh) on the date line, e.g. "An Giang". */
  place: string;
}

/** The applicant (người nộp hồ sơ / tổ chức): a citizen or an organisation. */
export interface Applicant {
  name: string;
  address?: string;
  phone?: string;
  email?: string;
}

/** Fields every form carries. */
export interface FormBase {
  unit: IssuingUnit;
  /** Number and symbol (số, ký hiệu) if the unit registers the form, e.g. "125/GTN-TTPVHCC". */
  number?: string;
  /** Dossier code (mã hồ sơ), e.g. "000.00.53.H48-261123-0099". */
  dossierCode: string;
  applicant: Applicant;
  /** The request (nội dung yêu cầu giải quyết): the procedure's name. */
  procedureName: string;
  /** Public lookup page of this dossier, encoded in the QR code. */
  publicLookupUrl: string;
  /** Fixes the PDF's creation date so the same data gives the same bytes. */
  now?: Date;
}

/** A named signer of a letter (04, 05): quyền hạn, chức vụ, họ tên. */
export interface Signer {
  /** e.g. "KT. Giám đốc", "TM. Ủy ban nhân dân"; omitted when the head signs in person. */
  authority?: string;
  /** Position, e.g. "Phó Giám đốc". */
  title: string;
  name: string;
}

/** Applicant as addressed in the text: "Ông/Bà/Tổ chức" is the forms' neutral form. */
export const ADDRESSEE = 'Ông/Bà/Tổ chức';

/** The template's instruction under a hand signature. */
export const SIGN_NOTE = '(Ký và ghi rõ họ tên)';

export function startForm(
  base: FormBase,
  options: { title: string; subtitle?: string; date: Date; pdfTitle?: string; compact?: boolean },
): AdminDocument {
  const doc = createDocument({
    title: `${options.pdfTitle ?? options.title} — ${base.dossierCode}`,
    subject: base.procedureName,
    ...(base.now ? { now: base.now } : {}),
    ...(options.compact ? { compact: true } : {}),
  });
  doc.header({
    ...(base.unit.parentBody ? { parentBody: base.unit.parentBody } : {}),
    issuingBody: base.unit.name,
    ...(base.number ? { number: base.number } : {}),
    place: base.unit.place,
    date: options.date,
  });
  doc.title(options.title, options.subtitle ?? `Mã hồ sơ: ${base.dossierCode}`);
  return doc;
}

/** Name, address, phone and e-mail lines, as in forms 01–03 (phone and e-mail share a line). */
export function applicantFields(doc: AdminDocument, applicant: Applicant, label = ADDRESSEE): void {
  doc.field(label, applicant.name, { strong: true });
  doc.field('Địa chỉ', applicant.address);
  const contact = [
    applicant.phone ? `Số điện thoại: ${applicant.phone}` : '',
    applicant.email ? `Thư điện tử: ${applicant.email}` : '',
  ].filter((s) => s !== '');
  if (contact.length > 0) doc.paragraph(contact.join('; '), { indent: false, align: 'left' });
}

/** "Mã hồ sơ", the request and the time received, shared by forms 02–05. */
export function dossierFields(doc: AdminDocument, base: FormBase, receivedAt: Date | undefined): void {
  doc.field('Mã hồ sơ', base.dossierCode, { strong: true });
  doc.field('Nội dung yêu cầu giải quyết', base.procedureName);
  if (receivedAt) doc.field('Thời gian tiếp nhận hồ sơ', vnDateTime(receivedAt));
}

export function signerBlock(signer: Signer): SignatureBlock {
  return { ...(signer.authority ? { authority: signer.authority } : {}), title: signer.title, name: signer.name };
}

/** QR to the public lookup in the left corner, the signature on the right (one-signer forms). */
export async function closeWithSignature(doc: AdminDocument, base: FormBase, block: SignatureBlock): Promise<Buffer> {
  await doc.qr(base.publicLookupUrl, 'Tra cứu hồ sơ', { beside: 'left' });
  doc.signature(block);
  return doc.end();
}

/** Forms 02 and 03 open alike: who filed the dossier, and what and when it was filed. */
export function startReplyToFiler(
  data: FormBase & { issuedAt: Date; receivedAt?: Date | undefined },
  title: string,
): AdminDocument {
  const doc = startForm(data, { title, date: data.issuedAt });
  doc.paragraph(`${data.unit.name} tiếp nhận hồ sơ của:`, { indent: false });
  applicantFields(doc, data.applicant, ADDRESSEE);
  dossierFields(doc, data, data.receivedAt);
  return doc;
}
