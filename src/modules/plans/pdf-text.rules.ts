/**
 * A plan pasted as text from its PDF: the heading (issuer, number, date, title, legal basis) and
 * the appendix table. Text copied from a PDF keeps no columns: each page repeats the table header
 * (STT, Nhiệm vụ cụ thể, Cơ quan chủ trì, …) and a page number, and a cell longer than its column
 * is broken over several lines, interleaved with blank lines. What still tells the cells apart:
 * - a row starts with its number (STT) — one that can follow the previous row's number;
 * - the task's text comes first; the lead unit's cell starts with a unit's head word ("Phòng",
 *   "Các", "Nhà khách", "Sở" …), and so does the coordinating unit's cell;
 * - the timeframe starts with a timeframe's wording ("Tháng", "Quý", "Thường xuyên", "Theo …",
 *   "Khi …") and runs to the end of the row (its lines may start with anything, "UBND tỉnh").
 * Word-wrapped continuations start in lower case or are abbreviations ("QTTV", "HCTC&QTTV"), so
 * they never look like a new unit. The notes column cannot be told from the timeframe in text;
 * plans carry it empty (seed 003), and XLSX and DOCX imports keep it.
 */
import { followsInTable, joinCellLines, type RawRow, UNIT_HEAD } from './plan-rows.rules.js';
import { looksLikeTimeframe } from './timeframe.rules.js';

export interface PlanHeading {
  issuerName: string;
  number: string;
  /** YYYY-MM-DD when the day is written; drafts leave it blank ("ngày   tháng 01 năm 2025"). */
  issuedOn: string | null;
  title: string;
  legalBasis: string;
  /** The year the plan is for (from its title, else its date). */
  year: number | null;
}

const HEADER_START = /^(STT|TT)(\s|$)/u;
/** The header cells' words as PDF text breaks them. */
const HEADER_WORDS = new Set([
  'nhiệm vụ cụ thể',
  'nhiệm vụ',
  'nội dung',
  'nội dung nhiệm vụ',
  'cơ quan',
  'chủ trì',
  'cơ quan chủ trì',
  'đơn vị chủ trì',
  'phối hợp',
  'cơ quan phối hợp',
  'đơn vị phối hợp',
  'thời gian',
  'thực hiện',
  'thời gian thực hiện',
  'thời hạn',
  'thời hạn hoàn thành',
  'hoàn thành',
  'sản phẩm',
  'kết quả',
  'ghi',
  'chú',
  'ghi chú',
]);
const ROW_START = /^(\d+(?:\.\d+)*)\.?(?:\s+(.*))?$/u;
const PAGE_NUMBER = /^\d{1,3}$/;

const clean = (line: string) =>
  line
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

/** Drops the repeated table headers and the page numbers printed before them. */
function tableLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    if (HEADER_START.test(line)) {
      // A page number printed just above a repeated header belongs to the page, not the table.
      if (out.length > 0 && PAGE_NUMBER.test(out.at(-1)!)) out.pop();
      const rest = line.replace(HEADER_START, '').trim().toLowerCase();
      if (rest !== '' && !HEADER_WORDS.has(rest)) out.push(line);
      while (i + 1 < lines.length && (lines[i + 1] === '' || HEADER_WORDS.has(lines[i + 1]!.toLowerCase()))) i++;
      continue;
    }
    out.push(line);
  }
  return out;
}

/** Splits a row's lines (after its number) into task, lead, coordinating, timeframe. */
function rowCells(number: string, body: readonly string[]): RawRow {
  const task: string[] = [];
  const units: string[][] = [];
  const timeframe: string[] = [];
  let state: 'task' | 'units' | 'timeframe' = 'task';
  body.forEach((line, i) => {
    // A cell starts with a capital; a line wrapped inside a cell usually does not.
    const startsCell = i > 0 && /^\p{Lu}/u.test(line);
    if (state !== 'timeframe' && startsCell && looksLikeTimeframe(line)) state = 'timeframe';
    else if (state === 'task' && startsCell && UNIT_HEAD.test(line)) state = 'units';
    if (state === 'task') task.push(line);
    else if (state === 'timeframe') timeframe.push(line);
    else if (UNIT_HEAD.test(line) || units.length === 0) units.push([line]);
    else units.at(-1)!.push(line);
  });
  const [lead = [], ...coordinating] = units;
  return {
    number,
    title: joinCellLines(task),
    lead: joinCellLines(lead),
    coordinating: coordinating.map((c) => joinCellLines(c)).join('; '),
    timeframe: joinCellLines(timeframe),
    expectedOutput: '',
    notes: '',
  };
}

/** The table's rows, from the first header line on. */
export function rowsFromPdfText(text: string): RawRow[] {
  const all = text.split(/\r?\n|\f/).map(clean);
  const start = all.findIndex((l) => HEADER_START.test(l));
  if (start < 0) return [];
  const lines = tableLines(all.slice(start));
  const rows: { number: string; body: string[] }[] = [];
  for (const line of lines) {
    const m = ROW_START.exec(line);
    if (m && followsInTable(rows.at(-1)?.number ?? null, m[1]!)) {
      rows.push({ number: m[1]!, body: m[2] ? [m[2]] : [] });
    } else if (rows.length > 0) {
      // A lone page number at the foot of the last page is no part of a cell.
      if (PAGE_NUMBER.test(line)) continue;
      rows.at(-1)!.body.push(line);
    }
  }
  return rows.map((r) => rowCells(r.number, r.body));
}

/** The heading above the table: who issues the plan, its number and date, title and legal basis. */
export function headingFromPdfText(text: string): PlanHeading {
  // A page copied from a legal-text site ends its table cells with "|" (seed 002): not text.
  const lines = text
    .split(/\r?\n|\f/)
    .map((l) => clean(l).replace(/\s*\|$/, ''))
    .filter((l) => l !== '');
  const republic = lines.findIndex((l) => /^CỘNG HÒA|^CỘNG HOÀ/u.test(l));
  // The issuer's lines stand in capitals just above the national motto (what comes earlier on a
  // copied web page — the site's title and fields — is not the issuer).
  let issuerFrom = republic;
  while (issuerFrom > 0 && /^[^\p{Ll}]+$/u.test(lines[issuerFrom - 1]!)) issuerFrom--;
  const issuerName = republic > 0 ? lines.slice(issuerFrom, republic).join(' - ') : '';
  const numberAt = lines.findIndex((l) => /^Số\s*:/u.test(l));
  // The date is on the number's line (PDF text: "Số: …   Bắc Kạn, ngày …") or the next one (a web page).
  const numberLine = numberAt < 0 ? '' : `${lines[numberAt]} ${lines[numberAt + 1] ?? ''}`;
  // The raw line keeps the wide gaps between "Số: …" and "Bắc Kạn, ngày …".
  const rawNumberLine = text.split(/\r?\n/).find((l) => /^\s*Số\s*:/u.test(l)) ?? '';
  const number =
    rawNumberLine
      .replace(/^\s*Số\s*:\s*/u, '')
      .replace(/\s*\|\s*$/, '')
      .split(/\s{3,}/)[0]
      ?.trim() ?? '';
  const date = /ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(numberLine);
  const issuedOn =
    date?.[1] !== undefined ? `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1].padStart(2, '0')}` : null;
  const kindAt = lines.findIndex((l) => /^(KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH)$/u.test(l));
  const title = kindAt >= 0 ? (lines[kindAt + 1] ?? '') : '';
  const sectionOne = lines.findIndex((l, i) => i > kindAt && /^I\.\s/u.test(l));
  const preamble = kindAt >= 0 ? lines.slice(kindAt + 2, sectionOne < 0 ? kindAt + 12 : sectionOne).join(' ') : '';
  const basis = [
    ...preamble.matchAll(
      /(Kế hoạch|Quyết định|Nghị quyết|Nghị định|Chỉ thị|Thông tư|Luật) số\s+[\p{L}\d/.-]+(?:\s+ngày\s+\d{1,2}\/\d{1,2}\/\d{4})?/gu,
    ),
  ].map((m) => m[0]);
  const year = Number(/năm (\d{4})/iu.exec(title)?.[1] ?? date?.[3] ?? Number.NaN);
  return {
    issuerName,
    number,
    issuedOn,
    title,
    legalBasis: [...new Set(basis)].join('; '),
    year: Number.isFinite(year) ? year : null,
  };
}
