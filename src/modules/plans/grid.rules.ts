/**
 * A plan's task table as a grid of cell texts — what XLSX (exceljs) and DOCX (mammoth's HTML)
 * give — read into rows: the header row is found by its "STT" cell and the columns by their
 * headings; repeated headers (a table continued on the next page) and empty rows are skipped; a
 * row with no number continues the cells of the row above (a cell split across pages).
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
const isHeaderRow = (cells: readonly string[]) => cells.some((c) => /^(STT|TT)$/iu.test(c.trim()));

const cellText = (cell: string | undefined) => joinCellLines((cell ?? '').split(/\r?\n/));

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
  for (const cells of grid.slice(headerAt + 1)) {
    if (isHeaderRow(cells)) continue;
    const get = (col: Column) => {
      const i = columns.get(col);
      return i === undefined ? '' : cellText(cells[i]);
    };
    const number = NUMBER_CELL.exec(cellText(cells[numberCol]))?.[1];
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
