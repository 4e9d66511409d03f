/**
 * The citizens the simulated population database knows, and the documents the simulated national
 * data store holds for them: the demo accounts that carry a personal identifier (so the demo’s
 * citizen is found), plus a few fixed people for the counter demo and tests. Deterministic: the
 * same identifiers, names and dates every start. Anyone else is "not found", as a real lookup of
 * an unknown number would be.
 */
import type { CongDan, GiayToKho } from './ndxp-protocol.js';

const RESIDENCE = { maXa: '30280', tenXa: 'Phường Long Xuyên', maTinh: '89', tenTinh: 'Tỉnh An Giang' };

/**
 * Birth date and sex as the identifier encodes them (Circular 59/2021: the 4th digit is sex and
 * century, the 5th–6th the year of birth); the month and day (MMdd) are fixed per person.
 */
function citizen(soDinhDanh: string, hoVaTen: string, monthDay: string, chiTiet: string): CongDan {
  const centuryCode = Number(soDinhDanh[3]);
  const year = 1900 + Math.floor(centuryCode / 2) * 100 + Number(soDinhDanh.slice(4, 6));
  return {
    soDinhDanh,
    hoVaTen,
    ngaySinh: `${year}${monthDay}`,
    gioiTinh: centuryCode % 2 === 0 ? '1' : '2',
    noiThuongTru: { chiTiet, ...RESIDENCE },
  };
}

const FIXED: CongDan[] = [
  citizen('089196001357', 'Trần Thị Bình', '0712', 'Số 12 Trần Hưng Đạo, khóm Đông Thịnh'),
  citizen('089088002468', 'Lê Văn Cường', '2103', 'Số 5 Hà Hoàng Hổ, khóm Đông An'),
  citizen('089302001122', 'Phạm Ngọc Diệp', '1509', 'Số 40 Lý Thái Tổ, khóm Tây Khánh'),
];

export const DEMO_CITIZENS: readonly CongDan[] = [
  // The demo account `congdan` (src/modules/demo/seed-demo.ts).
  citizen('089095000123', 'Nguyễn Văn An', '0104', 'Số 1 Tôn Đức Thắng, khóm Mỹ Long'),
  ...FIXED,
];

/** A one-page PDF naming the document: enough for the file store and a viewer. */
export function demoPdf(title: string): Buffer {
  const text = title.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 50 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The national store's documents of a known citizen: a birth certificate extract (trích lục khai sinh). */
export function demoStoreDocuments(person: CongDan): GiayToKho[] {
  const title = `Trich luc khai sinh ${person.soDinhDanh}`;
  return [
    {
      maGiayTo: `KS-${person.soDinhDanh}`,
      loaiGiayTo: 'TRICH_LUC_KHAI_SINH',
      tenGiayTo: 'Trích lục khai sinh',
      ngayCap: person.ngaySinh,
      coQuanCap: `UBND ${person.noiThuongTru.tenXa}`,
      tepDinhKem: {
        tenTep: 'trich-luc-khai-sinh.pdf',
        kieuTep: 'application/pdf',
        noiDung: demoPdf(title).toString('base64'),
      },
    },
  ];
}
