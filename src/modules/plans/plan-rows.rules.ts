/**
 * The rows of a plan's task table (phụ lục nhiệm vụ) as every import format yields them, and the
 * tree they make. The formats (PDF text, XLSX, DOCX) differ only in how a row's cells are found;
 * from here on they are one thing, so the same plan gives the same tree whatever it came in.
 */
import { parseTimeframe, type Schedule } from './timeframe.rules.js';

/** One row of the table: STT, task, lead unit(s), coordinating unit(s), timeframe, output, notes. */
export interface RawRow {
  number: string;
  title: string;
  lead: string;
  coordinating: string;
  timeframe: string;
  expectedOutput: string;
  notes: string;
}

export type TaskKind = 'group' | 'task' | 'target';

export interface PreviewTask {
  number: string;
  parentNumber: string | null;
  depth: number;
  kind: TaskKind;
  title: string;
  leadLabels: string[];
  coordinatingLabels: string[];
  timeframeText: string;
  schedule: Schedule;
  expectedOutput: string;
  notes: string;
}

export interface RowProblem {
  number: string;
  problem: 'duplicate_number' | 'missing_parent' | 'timeframe_unparsed';
}

/** Joins the lines of one cell: a word broken after a hyphen ("HCTC-" / "QTTV") is joined without a space. */
export function joinCellLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    out = out === '' ? line : /\S[-–&]$/.test(out) ? out + line : `${out} ${line}`;
  }
  return out;
}

/** Words that start a unit's name (the lead and coordinating columns). */
export const UNIT_HEAD =
  /^(Phòng|Các|Nhà khách|Văn phòng|VP|Sở|Ban|Trung tâm|UBND|Ủy ban|Uỷ ban|Công an|Chi cục|Cục|Thanh tra|Đài|Báo|Kho bạc|Bảo hiểm|Hội|Lãnh đạo|LĐVP|Bộ phận|Tổ|Đơn vị|Đoàn|Chánh|Phó|Quỹ|Ngân hàng|Cảng|Liên đoàn)(?=[\s,;&-]|$)/u;

/**
 * The units of one cell: split at ";" or a line break, and at a comma followed by another unit's
 * head word ("Sở Tư pháp, Sở Nội vụ") or a collective ("Sở Thông tin và Truyền thông, các sở, ban,
 * ngành"), not at the commas inside a collective ("Các Phòng, ban, đơn vị").
 */
export function splitUnits(cell: string): string[] {
  return cell
    .split(
      /\s*[;\n]\s*|,\s*(?=(?:Phòng|Sở|Ban|Văn phòng|Trung tâm|UBND|Ủy ban|Công an|Chi cục|Cục|Nhà khách|Kho bạc|[Cc]ác)\s)/u,
    )
    .map((s) =>
      s
        .replace(/\s+/g, ' ')
        .replace(/[.,;]+$/, '')
        .trim(),
    )
    .filter((s) => s !== '');
}

/** "1.2.3" → "1.2"; a top-level number has no parent. */
export function parentOf(number: string): string | null {
  const at = number.lastIndexOf('.');
  return at < 0 ? null : number.slice(0, at);
}

/** Whether `next` may follow `previous` in a numbered table: its first child, or the next sibling of it or an ancestor. */
export function followsInTable(previous: string | null, next: string): boolean {
  const n = next.split('.').map(Number);
  if (n.some((x) => !Number.isInteger(x) || x < 1)) return false;
  if (previous === null) return n.length === 1 && n[0] === 1;
  const p = previous.split('.').map(Number);
  if (n.length === p.length + 1 && n.slice(0, p.length).every((x, i) => x === p[i]) && n.at(-1) === 1) return true;
  if (n.length > p.length) return false;
  return n.slice(0, -1).every((x, i) => x === p[i]) && n.at(-1) === p[n.length - 1]! + 1;
}

const TARGET_WORDING = /^(Tỷ lệ|Mức độ|Số lượng|Chỉ số|Tối thiểu|100%|\d+%)/u;

/** The tree of a table's rows: parents from the numbers, groups (rows with children), targets, schedules, problems. */
export function buildPlanTree(
  rows: readonly RawRow[],
  planYear: number | null,
): {
  tasks: PreviewTask[];
  problems: RowProblem[];
} {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  const parents = new Set(rows.map((r) => parentOf(r.number)).filter((p): p is string => p !== null));
  const tasks: PreviewTask[] = [];
  for (const row of rows) {
    if (seen.has(row.number)) {
      problems.push({ number: row.number, problem: 'duplicate_number' });
      continue;
    }
    seen.add(row.number);
    const parentNumber = parentOf(row.number);
    if (parentNumber !== null && !seen.has(parentNumber))
      problems.push({ number: row.number, problem: 'missing_parent' });
    const schedule = parseTimeframe(row.timeframe, planYear);
    if (schedule.kind === 'unparsed') problems.push({ number: row.number, problem: 'timeframe_unparsed' });
    const kind: TaskKind = parents.has(row.number) ? 'group' : TARGET_WORDING.test(row.title) ? 'target' : 'task';
    tasks.push({
      number: row.number,
      parentNumber: parentNumber !== null && seen.has(parentNumber) ? parentNumber : null,
      depth: row.number.split('.').length - 1,
      kind,
      title: row.title,
      leadLabels: splitUnits(row.lead),
      coordinatingLabels: splitUnits(row.coordinating),
      timeframeText: row.timeframe,
      schedule,
      expectedOutput: row.expectedOutput,
      notes: row.notes,
    });
  }
  return { tasks, problems };
}
