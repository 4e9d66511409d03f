/**
 * The officials' sheet (CSV or XLSX): one procedure per row, the national field names as column
 * headers, multi-valued parts one per line inside a cell. It maps to and from the national
 * record, so sheet and JSON imports share one validation path (national-mapping.rules.ts).
 *
 * Cell formats:
 *   THOIHAN_*  "5 Ngày làm việc" (value, then unit); empty = the channel is not offered
 *   LEPHI_*    one fee per line: "Lệ phí: 50000"
 *   THANHPHANHOSO one component per line: "Tên giấy tờ | bản chính | bản sao | mẫu đơn | số hóa (có/không)"
 *   CAPTHUCHIEN, DOITUONGTHUCHIEN, CANCUPHAPLY, TRINHTUTHUCHIEN: one value per line
 *   COQUANTHUCHIEN one agency per line: "mã định danh | tên" (or just "Ủy ban nhân dân cấp xã")
 *   LIENTHONG, BUUCHINH, KHONGPHUTHUOCDIAGIOI: "có" / "không"
 */
import type { NationalProcedureInput } from './national.shape.js';
import { searchKey } from './search.rules.js';

const CHANNEL_COLUMNS = [
  { kenh: '1', time: 'THOIHAN_TRUCTIEP', fee: 'LEPHI_TRUCTIEP' },
  { kenh: '2', time: 'THOIHAN_TRUCTUYEN', fee: 'LEPHI_TRUCTUYEN' },
  { kenh: '3', time: 'THOIHAN_BUUCHINH', fee: 'LEPHI_BUUCHINH' },
] as const;

export const SHEET_COLUMNS = [
  'MATTHC',
  'TENTTHC',
  'MATTHC_DIAPHUONG',
  'MALINHVUC',
  'TENLINHVUC',
  'CAPTHUCHIEN',
  'MUCDO',
  'COQUANTHUCHIEN',
  'DOITUONGTHUCHIEN',
  ...CHANNEL_COLUMNS.flatMap((c) => [c.time, c.fee]),
  'THANHPHANHOSO',
  'KETQUATHUCHIEN',
  'CANCUPHAPLY',
  'YEUCAUDIEUKIEN',
  'TRINHTUTHUCHIEN',
  'LIENTHONG',
  'BUUCHINH',
  'KHONGPHUTHUOCDIAGIOI',
] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];
export type SheetRow = Partial<Record<SheetColumn, string>>;

const SEP = ' | ';
const lines = (cell: string | undefined) =>
  (cell ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const yesNo = (v: boolean | undefined) => (v ? 'có' : 'không');
const parseYesNo = (cell: string | undefined) => ['co', 'x', '1', 'true', 'yes'].includes(searchKey(cell ?? ''));

export function nationalToSheetRow(rec: NationalProcedureInput): Record<SheetColumn, string> {
  const channel = (kenh: string) => rec.CACHTHUCTHUCHIEN.find((c) => String(c.KENH) === kenh)?.THOIGIAN[0];
  const row = {
    MATTHC: String(rec.MATTHC),
    TENTTHC: String(rec.TENTTHC),
    MATTHC_DIAPHUONG: rec.MATTHC_DIAPHUONG ? String(rec.MATTHC_DIAPHUONG) : '',
    MALINHVUC: String(rec.LINHVUCTHUCHIEN[0]?.MALINHVUC ?? ''),
    TENLINHVUC: String(rec.LINHVUCTHUCHIEN[0]?.TENLINHVUC ?? ''),
    CAPTHUCHIEN: rec.CAPTHUCHIEN.join('\n'),
    MUCDO: rec.MUCDO ? String(rec.MUCDO) : '',
    COQUANTHUCHIEN: rec.COQUANTHUCHIEN.map((u) =>
      u.MADONVI ? `${u.MADONVI}${SEP}${u.TENDONVI}` : String(u.TENDONVI),
    ).join('\n'),
    DOITUONGTHUCHIEN: rec.DOITUONGTHUCHIEN.join('\n'),
    THANHPHANHOSO: (rec.THANHPHANHOSO ?? [])
      .flatMap((g) => g.GIAYTO)
      .map((d) => [d.TENGIAYTO, d.SOBANCHINH ?? 0, d.SOBANSAO ?? 0, d.MAUDON ?? '', yesNo(d.SOHOABATBUOC)].join(SEP))
      .join('\n'),
    KETQUATHUCHIEN: String(rec.KETQUATHUCHIEN[0]?.TENKETQUA ?? ''),
    CANCUPHAPLY: (rec.CANCUPHAPLY ?? []).join('\n'),
    YEUCAUDIEUKIEN: rec.YEUCAUDIEUKIEN ? String(rec.YEUCAUDIEUKIEN) : '',
    TRINHTUTHUCHIEN: (rec.TRINHTUTHUCHIEN ?? []).join('\n'),
    LIENTHONG: yesNo(rec.LIENTHONG),
    BUUCHINH: yesNo(rec.BUUCHINH),
    KHONGPHUTHUOCDIAGIOI: yesNo(rec.KHONGPHUTHUOCDIAGIOI),
  } as Record<SheetColumn, string>;
  for (const c of CHANNEL_COLUMNS) {
    const limit = channel(c.kenh);
    row[c.time] = limit ? `${limit.THOIGIANGIAIQUYET} ${limit.DONVITINH}` : '';
    row[c.fee] = limit ? (limit.PHILEPHI ?? []).map((f) => `${f.MOTA ?? 'Lệ phí'}: ${f.SOTIEN}`).join('\n') : '';
  }
  return row;
}

/**
 * A sheet row as a raw national record. Malformed cells are passed through as they are (e.g. a
 * fee that is not a number) so the national validation reports them with the column name.
 */
export function sheetRowToNational(row: SheetRow): unknown {
  return {
    MATTHC: row.MATTHC ?? '',
    TENTTHC: row.TENTTHC ?? '',
    MATTHC_DIAPHUONG: row.MATTHC_DIAPHUONG || null,
    LINHVUCTHUCHIEN: row.MALINHVUC ? [{ MALINHVUC: row.MALINHVUC, TENLINHVUC: row.TENLINHVUC || row.MALINHVUC }] : [],
    CAPTHUCHIEN: lines(row.CAPTHUCHIEN),
    MUCDO: row.MUCDO || null,
    COQUANTHUCHIEN: lines(row.COQUANTHUCHIEN).map((line) => {
      const [first, ...rest] = line.split('|').map((p) => p.trim());
      return rest.length > 0 ? { MADONVI: first, TENDONVI: rest.join(' ') } : { MADONVI: null, TENDONVI: first };
    }),
    DOITUONGTHUCHIEN: lines(row.DOITUONGTHUCHIEN),
    CACHTHUCTHUCHIEN: CHANNEL_COLUMNS.flatMap((c) => {
      const cell = (row[c.time] ?? '').trim();
      if (!cell) return [];
      const match = /^(\S+)\s+(.+)$/.exec(cell);
      return [
        {
          KENH: c.kenh,
          THOIGIAN: [
            {
              THOIGIANGIAIQUYET: match ? match[1] : cell,
              DONVITINH: match ? match[2] : '',
              PHILEPHI: lines(row[c.fee]).map((line) => {
                const at = line.lastIndexOf(':');
                const amount = (at >= 0 ? line.slice(at + 1) : line).trim().replace(/[.\s]/g, '');
                return { MOTA: at >= 0 ? line.slice(0, at).trim() : 'Lệ phí', SOTIEN: amount };
              }),
            },
          ],
        },
      ];
    }),
    THANHPHANHOSO: [
      {
        TRUONGHOP: null,
        GIAYTO: lines(row.THANHPHANHOSO).map((line) => {
          const [name, originals, copies, form, digitize] = line.split('|').map((p) => p.trim());
          return {
            TENGIAYTO: name ?? '',
            SOBANCHINH: originals || 0,
            SOBANSAO: copies || 0,
            MAUDON: form || null,
            SOHOABATBUOC: parseYesNo(digitize),
          };
        }),
      },
    ],
    KETQUATHUCHIEN: row.KETQUATHUCHIEN ? [{ TENKETQUA: row.KETQUATHUCHIEN }] : [],
    CANCUPHAPLY: lines(row.CANCUPHAPLY),
    YEUCAUDIEUKIEN: row.YEUCAUDIEUKIEN || null,
    TRINHTUTHUCHIEN: lines(row.TRINHTUTHUCHIEN),
    LIENTHONG: parseYesNo(row.LIENTHONG),
    BUUCHINH: parseYesNo(row.BUUCHINH),
    KHONGPHUTHUOCDIAGIOI: parseYesNo(row.KHONGPHUTHUOCDIAGIOI),
  };
}

/** Reads a header row + data rows into SheetRows; unknown headers are ignored. */
export function rowsToSheet(rows: readonly (readonly string[])[]): { rows: SheetRow[]; missingColumns: SheetColumn[] } {
  const [header = [], ...data] = rows;
  const index = new Map(header.map((h, i) => [h.trim().toUpperCase(), i]));
  const missingColumns = (['MATTHC', 'TENTTHC', 'MALINHVUC'] as const).filter((c) => !index.has(c));
  return {
    rows: data.map((cells) => {
      const row: SheetRow = {};
      for (const column of SHEET_COLUMNS) {
        const i = index.get(column);
        if (i !== undefined && cells[i] !== undefined) row[column] = cells[i];
      }
      return row;
    }),
    missingColumns,
  };
}
