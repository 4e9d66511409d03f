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
  ['expectedOutput', /sản phẩm|kết quả dự kiến|kết quả đầu ra|kết quả thực hiện|^kết quả$|chỉ tiêu năm/iu],
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

/**
 * A row heading a part of the table: a bare Roman numeral in its first cell, its title in the
 * next filled cell ("II | Đổi mới cơ chế một cửa… | | ||||").
 */
function partOf(cells: readonly string[]): { number: number; title: string } | null {
  const [first, ...rest] = cells.map((c) => cellText(c));
  const number = first && /^[IVXLC]+$/u.test(first) ? romanValue(first) : null;
  const title = rest.find((c) => c !== '');
  return number && title ? { number, title } : null;
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

/**
 * The rows of the first table of a grid. `prefix`: the number of the plan's heading the table
 * sits under (seed 002: the table under "3. Tiếp tục triển khai…" numbers its rows 1, 2 … → 3.1, 3.2 …).
 */
export function rowsFromGrid(grid: readonly (readonly string[])[], prefix: string | null = null): RawRow[] {
  const headerAt = grid.findIndex(isHeaderRow);
  if (headerAt < 0) return [];
  const header = grid[headerAt]!;
  // A table numbered twice ("Stt": through the table, "Stt2": within its part) is read by the inner one.
  const inner = header.findIndex((c) => /^(STT|TT)\s*2$/iu.test(c.trim()));
  const numberCol = inner >= 0 ? inner : header.findIndex((c) => /^(STT|TT)$/iu.test(c.trim()));
  const numberCols = new Set(header.flatMap((c, i) => (/^(STT|TT)\s*2?$/iu.test(c.trim()) ? [i] : [])));
  const columns = new Map<Column, number>();
  header.forEach((heading, i) => {
    const found = HEADINGS.find(([col, re]) => re.test(heading) && !columns.has(col));
    if (found && !numberCols.has(i)) columns.set(found[0], i);
  });
  const rows: RawRow[] = [];
  const within = (n: string) => (prefix ? `${prefix}.${n}` : n);
  let section: string | null = null;
  for (const cells of grid.slice(headerAt + 1)) {
    if (isHeaderRow(cells)) continue;
    const get = (col: Column) => {
      const i = columns.get(col);
      return i === undefined ? '' : cellText(cells[i]);
    };
    const heading = sectionOf(cells) ?? partOf(cells);
    if (heading) {
      section = within(String(heading.number));
      rows.push({ ...EMPTY_ROW, number: section, title: heading.title });
      continue;
    }
    const own = NUMBER_CELL.exec(cellText(cells[numberCol]))?.[1];
    const number = own ? (section !== null ? `${section}.${own}` : within(own)) : undefined;
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

const PIPE_HEADER = /^\s*(?:STT|TT)\s*\|\s*$/iu;
/** A heading of the plan's text between tables: "3. Tiếp tục triển khai…", "9.1. Chỉ tiêu giao…". */
const TEXT_HEADING = /^(\d+(?:\.\d+)*)\.\s+(\S.*)$/u;

/** Whether a text holds tables whose cells each end with " |" (a page of a legal-text site copied as text: seed 002). */
export function isPipeTable(text: string): boolean {
  return text.split(/\r?\n/).some((line) => PIPE_HEADER.test(line));
}

export interface TextTable {
  /** The plan's numbered headings just above the table ("9. Giao chỉ tiêu…", "9.1. Chỉ tiêu…"). */
  headings: { number: string; title: string }[];
  grid: string[][];
}

/** The numbered headings at the end of the text before a table (page numbers between them skipped). */
function trailingHeadings(lines: readonly string[]): { number: string; title: string }[] {
  const found: { number: string; title: string }[] = [];
  for (const raw of [...lines].reverse()) {
    const line = raw.trim();
    if (line === '' || /^\d{1,3}$/.test(line)) continue;
    const m = TEXT_HEADING.exec(line);
    if (!m) break;
    found.unshift({ number: m[1]!, title: m[2]!.trim() });
  }
  return found;
}

/**
 * The tables of a text whose cells end with "|": each table from its "STT |" header to the last
 * "|" before the next header. Every "|" ends a cell (a cell's text may run over several lines;
 * "|||||" is five empty cells of a merged row), so the cells are counted into rows as wide as the
 * header — the header being the cells before the first number or Roman numeral. What follows the
 * table's last "|" is the plan's text again: the headings of the next table.
 */
export function tablesFromPipeText(text: string): TextTable[] {
  const lines = text.split(/\r?\n/);
  const starts = lines.flatMap((line, i) => (PIPE_HEADER.test(line) ? [i] : []));
  const tables: TextTable[] = [];
  let before = lines.slice(0, starts[0] ?? lines.length);
  starts.forEach((start, k) => {
    const body = lines.slice(start, starts[k + 1] ?? lines.length).join('\n');
    const end = body.lastIndexOf('|');
    const cells = body
      .slice(0, end)
      .split('|')
      .map((c) => decode(c).replace(/\s+/g, ' ').trim());
    const width = cells.findIndex((c, i) => i > 0 && /^(\d+|[IVXLC]+)$/u.test(c));
    if (width > 0) {
      const grid: string[][] = [cells.slice(0, width)];
      for (let i = width; i < cells.length; i += width) grid.push(cells.slice(i, i + width));
      tables.push({ headings: trailingHeadings(before), grid });
    }
    before = body.slice(end + 1).split('\n');
  });
  return tables;
}

/** The rows of every table of a "|" text, under the plan's numbered headings: each heading a group, each table's rows numbered within the heading above it. */
export function rowsFromPipeText(text: string): RawRow[] {
  const rows: RawRow[] = [];
  const seen = new Set<string>();
  for (const table of tablesFromPipeText(text)) {
    for (const h of table.headings) {
      if (seen.has(h.number)) continue;
      seen.add(h.number);
      rows.push({ ...EMPTY_ROW, number: h.number, title: h.title });
    }
    rows.push(...rowsFromGrid(table.grid, table.headings.at(-1)?.number ?? null));
  }
  return rows;
}
