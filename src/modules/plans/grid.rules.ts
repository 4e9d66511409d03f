/**
 * A plan's task table as a grid of cell texts — what XLSX (exceljs) and DOCX (mammoth's HTML)
 * give — read into rows: the header row is found by its "STT" cell and the columns by their
 * headings; repeated headers (a table continued on the next page) and empty rows are skipped; a
 * row with no number continues the cells of the row above (a cell split across pages).
 *
 * Some plans split the table into sections headed by a Roman numeral in a row of its own ("I. Xây
 * dựng các văn bản…", "VII Về thực hiện phân cấp…") and number the tasks again from 1 in each
 * (seed 000, Bà Rịa–Vũng Tàu's 2025 plan). A section becomes a group numbered by its numeral
 * (III → 3) and its tasks are numbered within it (task 2 of section III → 3.2), so every number
 * stays unique and the tree keeps the plan's sections.
 */
import { joinCellLines, type RawRow } from './plan-rows.rules.js';

type Column = Exclude<keyof RawRow, 'number'>;
const HEADINGS: [Column, RegExp][] = [
  ['lead', /chủ trì/iu],
  ['coordinating', /phối hợp/iu],
  ['timeframe', /thời gian|thời hạn|tiến độ/iu],
  ['expectedOutput', /sản phẩm|kết quả dự kiến|kết quả đầu ra/iu],
  ['notes', /ghi chú/iu],
  ['title', /nhiệm vụ|nội dung|chỉ tiêu|mục tiêu/iu],
];
const NUMBER_CELL = /^(\d+(?:\.\d+)*)\.?$/;
/** A section's heading: a Roman numeral, an optional dot, the heading's text. */
const SECTION = /^([IVXLC]+)\.?\s+(\S.*)$/u;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** "XIV" → 14; null for what is no well-formed numeral up to C. */
export function romanValue(numeral: string): number | null {
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN_VALUES[numeral[i]!];
    if (value === undefined) return null;
    const next = ROMAN_VALUES[numeral[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : null;
}

/** A row that only heads a section: its one non-empty cell is "IV. …". */
function sectionOf(cells: readonly string[]): { number: number; title: string } | null {
  const filled = cells.map((c) => cellText(c)).filter((c) => c !== '');
  if (filled.length !== 1) return null;
  const m = SECTION.exec(filled[0]!);
  const number = m ? romanValue(m[1]!) : null;
  return m && number ? { number, title: m[2]!.trim() } : null;
}
const isHeaderRow = (cells: readonly string[]) => cells.some((c) => /^(STT|TT)$/iu.test(c.trim()));

const cellText = (cell: string | undefined) => joinCellLines((cell ?? '').split(/\r?\n/));
const EMPTY_ROW: Omit<RawRow, 'number' | 'title'> = {
  lead: '',
  coordinating: '',
  timeframe: '',
  expectedOutput: '',
  notes: '',
};

export function rowsFromGrid(grid: readonly (readonly string[])[]): RawRow[] {
  const headerAt = grid.findIndex(isHeaderRow);
  if (headerAt < 0) return [];
  const header = grid[headerAt]!;
  const numberCol = header.findIndex((c) => /^(STT|TT)$/iu.test(c.trim()));
  const columns = new Map<Column, number>();
  header.forEach((heading, i) => {
    const found = HEADINGS.find(([col, re]) => re.test(heading) && !columns.has(col));
    if (found && i !== numberCol) columns.set(found[0], i);
  });
  const rows: RawRow[] = [];
  let section: number | null = null;
  for (const cells of grid.slice(headerAt + 1)) {
    if (isHeaderRow(cells)) continue;
    const heading = sectionOf(cells);
    if (heading) {
      section = heading.number;
      rows.push({ ...EMPTY_ROW, number: String(section), title: heading.title });
      continue;
    }
    const get = (col: Column) => {
      const i = columns.get(col);
      return i === undefined ? '' : cellText(cells[i]);
    };
    const own = NUMBER_CELL.exec(cellText(cells[numberCol]))?.[1];
    const number = own && section !== null ? `${section}.${own}` : own;
    const row: RawRow = {
      number: number ?? '',
      title: get('title'),
      lead: get('lead'),
      coordinating: get('coordinating'),
      timeframe: get('timeframe'),
      expectedOutput: get('expectedOutput'),
      notes: get('notes'),
    };
    if (number) {
      rows.push(row);
      continue;
    }
    const last = rows.at(-1);
    if (!last) continue;
    for (const col of HEADINGS.map(([c]) => c)) if (row[col]) last[col] = joinCellLines([last[col], row[col]]);
  }
  return rows;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e.toLowerCase()] ?? m),
  );

/** The grid of every table in mammoth's HTML, tables one after another; a cell's paragraphs become lines. */
export function gridFromHtml(html: string): string[][] {
  const grid: string[][] = [];
  for (const row of html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
    const cells = [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) =>
      decode(c[1]!.replace(/<\/p>|<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, '')).trim(),
    );
    grid.push(cells);
  }
  return grid;
}

/** Whether a text is a table copied as tab-separated lines (from a spreadsheet or an HTML page): its header row is. */
export function isTabTable(text: string): boolean {
  return /^\s*(?:<b>)?\s*(?:STT|TT)\s*(?:<\/b>)?\t/imu.test(text);
}

/** The grid of a tab-separated text: a line a row, a tab between cells, markup (<b>, <p>) dropped. */
export function gridFromTabText(text: string): string[][] {
  return text.split(/\r?\n/).map((line) =>
    line.split('\t').map((cell) =>
      decode(cell.replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}
