/**
 * Reading a plan from the forms it comes in — text pasted from its PDF or from a spreadsheet or web
 * page (tab-separated), an XLSX workbook, a DOCX
 * document — into its heading and table rows. The cells are found differently (pdf-text.rules.ts,
 * grid.rules.ts); the rows that come out are the same, and so is the tree (plan-rows.rules.ts).
 */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { AppError } from '../../kernel/errors.js';
import {
  gridFromHtml,
  gridFromTabText,
  isPipeTable,
  isTabTable,
  rowsFromGrid,
  rowsFromPipeText,
} from './grid.rules.js';
import { headingFromPdfText, type PlanHeading, rowsFromPdfText } from './pdf-text.rules.js';
import type { RawRow } from './plan-rows.rules.js';
import type { PlanSource } from './plans.tables.js';

export interface ReadPlan {
  heading: PlanHeading;
  rows: RawRow[];
}

const noHeading = (): PlanHeading => ({
  issuerName: '',
  number: '',
  issuedOn: null,
  title: '',
  legalBasis: '',
  year: null,
});

/** The text of the document around its table (for the heading), from the grid's non-table paragraphs. */
function headingFromText(text: string): PlanHeading {
  return text.trim() === '' ? noHeading() : headingFromPdfText(text);
}

async function readXlsx(data: Uint8Array): Promise<ReadPlan> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('PLAN_FILE_UNREADABLE', { format: 'xlsx' });
  }
  for (const sheet of workbook.worksheets) {
    const grid: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text ?? '');
      grid.push(cells);
    });
    const rows = rowsFromGrid(grid);
    if (rows.length > 0) {
      // Lines above the table's header (issuer, number, title) read like the document's heading.
      const headerAt = grid.findIndex((cells) => cells.some((c) => /^(STT|TT)$/iu.test(c.trim())));
      const above = grid
        .slice(0, headerAt)
        .map((cells) => cells.filter((c) => c.trim() !== '').join('   '))
        .join('\n');
      return { heading: headingFromText(above), rows };
    }
  }
  return { heading: noHeading(), rows: [] };
}

async function readDocx(data: Uint8Array): Promise<ReadPlan> {
  let html: string;
  let text: string;
  try {
    const buffer = Buffer.from(data);
    html = (await mammoth.convertToHtml({ buffer })).value;
    text = (await mammoth.extractRawText({ buffer })).value;
  } catch {
    throw new AppError('PLAN_FILE_UNREADABLE', { format: 'docx' });
  }
  const firstTable = text.search(/^\s*(STT|TT)\s*$/mu);
  return {
    heading: headingFromText(firstTable < 0 ? text : text.slice(0, firstTable)),
    rows: rowsFromGrid(gridFromHtml(html)),
  };
}

export async function readPlan(source: PlanSource, input: { text?: string; data?: Uint8Array }): Promise<ReadPlan> {
  if (source === 'text') {
    const text = input.text ?? '';
    // A table copied from a spreadsheet or a web page keeps its columns as tabs (seed 000): read
    // as a grid. Text from a PDF has lost them (seed 003): its cells are told apart by wording.
    // A legal-text site's page keeps each cell ending in "|" (seed 002).
    const rows = isTabTable(text)
      ? rowsFromGrid(gridFromTabText(text))
      : isPipeTable(text)
        ? rowsFromPipeText(text)
        : rowsFromPdfText(text);
    return { heading: headingFromPdfText(text), rows };
  }
  if (!input.data) throw new AppError('PLAN_FILE_UNREADABLE', { format: source });
  return source === 'xlsx' ? readXlsx(input.data) : readDocx(input.data);
}
