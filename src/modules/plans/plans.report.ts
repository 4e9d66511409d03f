/**
 * The progress report of a plan as of a day ("báo cáo kết quả thực hiện kế hoạch"): the plan's
 * completion, completion per lead unit, and every task with its lead, timeframe, status, % and
 * the deadline state — as XLSX (exceljs) or as a PDF in the administrative layout (Decree
 * 30/2020/NĐ-CP, through the documents module).
 */
import ExcelJS from 'exceljs';
import { createDocument } from '../documents/layout.js';
import type { planDetail } from './plans.query.js';

type Detail = Awaited<ReturnType<typeof planDetail>>;

export const STATUS_LABELS: Record<string, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  cancelled: 'Không thực hiện',
};
export const DEADLINE_LABELS: Record<string, string> = {
  done: '',
  overdue: 'Quá hạn',
  due_soon: 'Sắp đến hạn',
  on_track: 'Trong hạn',
  no_due_date: '',
};

const vnDay = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');
const leads = (t: Detail['tasks'][number]) => t.lead.map((a) => a.unitName ?? a.label).join('; ');

function taskRows(plan: Detail): string[][] {
  return plan.tasks.map((t) =>
    t.kind === 'group'
      ? [t.number, t.title, '', '', '', '', '']
      : [
          t.number,
          t.title,
          leads(t),
          t.timeframeText + (t.schedule.dueOn ? ` (hạn ${vnDay(t.schedule.dueOn)})` : ''),
          STATUS_LABELS[t.status]!,
          `${t.progress}%`,
          DEADLINE_LABELS[t.deadline]!,
        ],
  );
}
const HEADERS = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian thực hiện', 'Trạng thái', 'Tiến độ', 'Hạn'];
const summaryLine = (c: Detail['completion']) =>
  `${c.done}/${c.total} nhiệm vụ hoàn thành (${c.completionPercent}%), ${c.doneOnTime} đúng hạn, ${c.overdue} quá hạn; tiến độ bình quân ${c.averageProgress}%`;

export async function progressXlsx(plan: Detail, asOf: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiến độ');
  ws.addRow([`Kết quả thực hiện ${plan.number ? `Kế hoạch số ${plan.number}` : 'kế hoạch'}: ${plan.title}`]).font = {
    bold: true,
  };
  ws.addRow([`Đơn vị ban hành: ${plan.issuerName}. Số liệu đến ngày ${vnDay(asOf)}.`]);
  ws.addRow([`Mức độ thực hiện kế hoạch: ${summaryLine(plan.completion)}`]);
  ws.addRow([]);
  ws.addRow(['Cơ quan chủ trì', 'Số nhiệm vụ', 'Hoàn thành', 'Đúng hạn', 'Quá hạn', 'Mức độ thực hiện (%)']).font = {
    bold: true,
  };
  for (const u of plan.byUnit) {
    const c = u.completion;
    ws.addRow([u.label, c.total, c.done, c.doneOnTime, c.overdue, c.completionPercent]);
  }
  ws.addRow([]);
  ws.addRow(HEADERS).font = { bold: true };
  for (const row of taskRows(plan)) ws.addRow(row);
  ws.columns.forEach((col, i) => {
    col.width = [8, 60, 30, 30, 16, 10, 14][i] ?? 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function progressPdf(plan: Detail, asOf: string, now: Date): Promise<Buffer> {
  const doc = createDocument({ title: `Kết quả thực hiện kế hoạch — ${plan.title}`, now, landscape: true });
  doc.header({ issuingBody: plan.issuerName, place: 'Việt Nam', date: now });
  doc.title('BÁO CÁO', `Kết quả thực hiện ${plan.title}`);
  doc.paragraph(`Số liệu đến ngày ${vnDay(asOf)}. Mức độ thực hiện kế hoạch: ${summaryLine(plan.completion)}.`, {
    indent: false,
  });
  doc.table(
    [
      { header: 'Cơ quan chủ trì', width: 4 },
      { header: 'Số nhiệm vụ', width: 1, align: 'center' },
      { header: 'Hoàn thành', width: 1, align: 'center' },
      { header: 'Quá hạn', width: 1, align: 'center' },
      { header: 'Mức độ (%)', width: 1, align: 'center' },
    ],
    plan.byUnit.map((u) => [
      u.label,
      String(u.completion.total),
      String(u.completion.done),
      String(u.completion.overdue),
      String(u.completion.completionPercent),
    ]),
    { size: 9 },
  );
  doc.table(
    HEADERS.map((header, i) => ({
      header,
      width: [0.8, 5, 2.4, 2.4, 1.4, 0.9, 1.2][i]!,
      ...(i === 0 || i >= 4 ? { align: 'center' as const } : {}),
    })),
    taskRows(plan),
    { size: 8 },
  );
  doc.signature({ title: 'Người lập báo cáo', note: '(Ký và ghi rõ họ tên)' });
  return doc.end();
}
