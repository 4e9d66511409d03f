import { vnPlaceDate } from '../vn-format.js';
import { createDocument, type TableColumn } from '../layout.js';

/**
 * A citizen's tờ khai filled online (e-forms), printed in the layout of the paper form: the
 * national motto centred (Decree 30/2020/NĐ-CP, ô 1), the form's title, "Kính gửi", its fields in
 * the legal order ("Label: value"; a repeatable group as a table), the commitment, the place and
 * date, the requester's signature line, and a QR code to the dossier's public lookup. Without a
 * filing it is the blank form the catalog offers for download: dotted blanks, place and date to
 * write in, no code.
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
  /** Who signs, e.g. "Người yêu cầu". */
  signer: string;
  /** The filing printed; absent for the blank form. */
  filing?: DeclarationFiling;
  now?: Date;
}

export interface DeclarationFiling {
  /** "Làm tại …" and the filing date. */
  place: string;
  filedAt: Date;
  signerName: string;
  dossierCode: string;
  publicLookupUrl: string;
}

/** The place and date line of a paper form, left for the applicant to write in. */
const BLANK_PLACE_DATE = '…………, ngày …… tháng …… năm ……';

export interface DeclarationSection {
  title: string;
  lines?: { label: string; value: string }[];
  table?: { columns: string[]; rows: string[][] };
}

export async function renderDeclaration(data: DeclarationForm): Promise<Buffer> {
  const { filing } = data;
  const doc = createDocument({
    title: filing ? `${data.title} — ${filing.dossierCode}` : data.title,
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
  if (filing) doc.paragraph(`Mã hồ sơ: ${filing.dossierCode}`, { style: 'italic', indent: false });
  const placeDate = filing ? `Làm tại: ${vnPlaceDate(filing.place, filing.filedAt)}` : BLANK_PLACE_DATE;
  doc.paragraph(placeDate, { style: 'italic', align: 'right', indent: false });
  if (filing) await doc.qr(filing.publicLookupUrl, 'Tra cứu hồ sơ', { beside: 'left' });
  doc.signature({
    title: data.signer.toUpperCase(),
    note: filing ? '(Ký, ghi rõ họ, chữ đệm, tên — nộp trực tuyến)' : '(Ký, ghi rõ họ, chữ đệm, tên)',
    ...(filing ? { name: filing.signerName } : {}),
  });
  return doc.end();
}
