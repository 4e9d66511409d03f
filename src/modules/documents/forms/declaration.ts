import { vnPlaceDate } from '../vn-format.js';
import { createDocument, type TableColumn } from '../layout.js';

/**
 * A citizen's tờ khai filled online (e-forms), printed in the layout of the paper form: the
 * national motto centred (Decree 30/2020/NĐ-CP, ô 1), the form's title, "Kính gửi", its fields in
 * the legal order ("Label: value"; a repeatable group as a table), the commitment, the place and
 * date, the requester's signature line, and a QR code to the dossier's public lookup.
 */
export interface DeclarationForm {
  /** e.g. "Tờ khai đăng ký khai sinh". */
  title: string;
  /** The legal text of the form, printed small under the title. */
  legalSource: string;
  /** "Kính gửi": the competent body. */
  addressee?: string;
  sections: DeclarationSection[];
  commitment: string;
  /** "Làm tại …" and the filing date. */
  place: string;
  filedAt: Date;
  /** Who signs, e.g. "Người yêu cầu", and their name. */
  signer: string;
  signerName: string;
  dossierCode: string;
  publicLookupUrl: string;
  now?: Date;
}

export interface DeclarationSection {
  title: string;
  lines?: { label: string; value: string }[];
  table?: { columns: string[]; rows: string[][] };
}

export async function renderDeclaration(data: DeclarationForm): Promise<Buffer> {
  const doc = createDocument({
    title: `${data.title} — ${data.dossierCode}`,
    subject: data.legalSource,
    ...(data.now ? { now: data.now } : {}),
  });
  doc.motto();
  doc.title(data.title);
  doc.paragraph(`(${data.legalSource})`, { style: 'italic', align: 'center', indent: false, size: 10 });
  if (data.addressee) doc.field('Kính gửi', data.addressee);
  for (const section of data.sections) {
    doc.paragraph(section.title, { style: 'bold', indent: false });
    for (const line of section.lines ?? []) doc.field(line.label, line.value);
    if (section.table && section.table.rows.length > 0) {
      const columns: TableColumn[] = section.table.columns.map((header) => ({ header, width: 1 }));
      doc.table(columns, section.table.rows, { size: 11 });
    }
  }
  doc.paragraph(data.commitment);
  doc.paragraph(`Mã hồ sơ: ${data.dossierCode}`, { style: 'italic', indent: false });
  doc.paragraph(`Làm tại: ${vnPlaceDate(data.place, data.filedAt)}`, {
    style: 'italic',
    align: 'right',
    indent: false,
  });
  await doc.qr(data.publicLookupUrl, 'Tra cứu hồ sơ', { beside: 'left' });
  doc.signature({
    title: data.signer.toUpperCase(),
    note: '(Ký, ghi rõ họ, chữ đệm, tên — nộp trực tuyến)',
    name: data.signerName,
  });
  return doc.end();
}
