import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { FONT, fontData, type FontStyle } from './fonts.js';
import { vnPlaceDate } from './vn-format.js';

/**
 * A small page builder for administrative documents (văn bản hành chính) following the
 * presentation rules of Decree 30/2020/NĐ-CP, Phụ lục I: A4 portrait, margins top/bottom
 * 20–25 mm, left 30–35 mm, right 15–20 mm; the national motto (quốc hiệu, tiêu ngữ) top right,
 * the issuing body (tên cơ quan ban hành) top left, then the number (số, ký hiệu) and the
 * place/date (địa danh, ngày tháng năm) on one line; the document type (tên loại văn bản)
 * centred in bold capitals; body text 13–14 pt; the signature block (quyền hạn, chức vụ, họ tên).
 *
 * The builder draws as it goes (pdfkit is imperative); `end()` resolves to the PDF bytes.
 */

const MM = 72 / 25.4;

/** Lower bounds of the Decree 30 ranges: the most room for content within the rule. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** Point sizes. The decree gives ranges; we take the values most published templates use. */
export const SIZES = {
  motto: 12, // quốc hiệu: caps, bold, 12–13 (shrunk to fit the column if the font is wider)
  tagline: 13, // tiêu ngữ: bold, 13–14
  body: 13, // nội dung: 13–14
  bodyName: 12, // tên cơ quan: caps, 12–13
  number: 13, // số, ký hiệu: 13
  placeDate: 13, // địa danh, ngày tháng: italic, 13–14
  title: 14, // tên loại văn bản: caps bold, 13–14
  subtitle: 13, // trích yếu: bold, 13–14
  signature: 13, // quyền hạn, chức vụ, họ tên: bold, 13–14
  note: 12,
  table: 11, // tables are not sized by the decree; 11 keeps six-column tables legible on A4
  qrCaption: 10,
  pageNumber: 13, // số trang: 13–14, from page 2, centred in the top margin
} as const;

// Noto Serif's line height is 1.36 em against Times New Roman's 1.15 em (the decree's font),
// so a small negative gap brings a 13 pt line to ≈ 16.7 pt: still above single spacing
// (decree: between single and 1.5 lines) and clear of stacked diacritics such as "ỗ", "ấ".
const LINE_GAP = -1;
const TABLE_LINE_GAP = -0.5;
const PARAGRAPH_GAP = 6; // ≥ 6 pt between paragraphs (decree)
const INDENT = 10 * MM; // first-line indent 1–1.27 cm (decree)
const QR_SIZE = 25 * MM;
const SIGNATURE_SPACE = 20 * MM; // room for a hand signature and the seal
/** The smallest type a table shrinks to so that its words stay whole (still legible in print). */
const MIN_TABLE_SIZE = 6;

/**
 * Column widths that add up to `total`, each at least its minimum, otherwise in proportion to
 * the weights: columns whose share falls below their minimum get the minimum and the others
 * share what is left. Null when the minimums alone exceed the total.
 */
export function fitColumns(weights: readonly number[], minimums: readonly number[], total: number): number[] | null {
  if (minimums.reduce((a, b) => a + b, 0) > total) return null;
  const fixed = new Set<number>();
  for (;;) {
    const left = total - [...fixed].reduce((sum, i) => sum + minimums[i]!, 0);
    const weight = weights.reduce((sum, w, i) => (fixed.has(i) ? sum : sum + w), 0);
    const widths = weights.map((w, i) => (fixed.has(i) ? minimums[i]! : (left * w) / weight));
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < minimums[i]!);
    if (short < 0) return widths;
    fixed.add(short);
  }
}

export interface DocumentOptions {
  /** Document title in the PDF metadata. */
  title: string;
  subject?: string;
  /** Fixes CreationDate/ModDate (and so the file ID): identical input → identical bytes. */
  now?: Date;
  /** A4 landscape, for wide tables (a report's many columns of figures). */
  landscape?: boolean;
  /**
   * Tighter signature band: 12 mm for the hand signature and a 20 mm QR code instead of 20 and
   * 25 — for a one-sheet form (the receipt) that would otherwise leave its signatures alone on a
   * second page.
   */
  compact?: boolean;
}

export interface HeaderData {
  /** Parent body (tên cơ quan chủ quản), e.g. "Ủy ban nhân dân tỉnh An Giang"; caps, regular. */
  parentBody?: string;
  /** Issuing body (tên cơ quan ban hành), e.g. "Trung tâm Phục vụ hành chính công"; caps, bold. */
  issuingBody: string;
  /** Number and symbol (số, ký hiệu), shown as "Số: …" under the body name. */
  number?: string;
  /** Place name (địa danh), e.g. "An Giang". */
  place: string;
  /** Signing date, shown in Asia/Ho_Chi_Minh. */
  date: Date;
}

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the text width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface SignatureBlock {
  /** Authority (quyền hạn), e.g. "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"; optional. */
  authority?: string;
  /** Position (chức vụ) or role, e.g. "PHÓ GIÁM ĐỐC", "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  title: string;
  /** Full name (họ tên); left blank for a person who signs by hand, e.g. the applicant. */
  name?: string;
  /** Italic note under the title, e.g. "(Ký và ghi rõ họ tên)". */
  note?: string;
}

export interface QrOptions {
  /**
   * Draw without advancing so the next signature(s) share the band: 'left' puts the code in the
   * left corner, otherwise empty in a one-signature document (where Decree 30 puts "Nơi nhận");
   * 'center' puts it between two signature columns, which keeps a receipt on one page.
   */
  beside?: 'left' | 'center';
}

type Align = 'left' | 'center' | 'right' | 'justify';

export interface ParagraphOptions {
  style?: FontStyle;
  align?: Align;
  /** First-line indent; on by default for body paragraphs. */
  indent?: boolean;
  size?: number;
}

export class AdminDocument {
  private readonly doc: PDFKit.PDFDocument;
  private readonly result: Promise<Buffer>;
  /** A band started by qr({ beside }), consumed by the next signature(s). */
  private band: { bottom: number; position: 'left' | 'center' } | undefined;
  private readonly signatureSpace: number;
  private readonly qrSize: number;

  constructor(options: DocumentOptions) {
    this.signatureSpace = options.compact ? 12 * MM : SIGNATURE_SPACE;
    this.qrSize = options.compact ? 20 * MM : QR_SIZE;
    const info: PDFKit.DocumentInfo = { Title: options.title, Creator: 'MotCua', Producer: 'MotCua' };
    if (options.subject) info.Subject = options.subject;
    if (options.now) {
      info.CreationDate = options.now;
      info.ModDate = options.now;
    }
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.landscape ? 'landscape' : 'portrait',
      margins: {
        top: MARGINS_MM.top * MM,
        bottom: MARGINS_MM.bottom * MM,
        left: MARGINS_MM.left * MM,
        right: MARGINS_MM.right * MM,
      },
      bufferPages: true, // page numbers are written once the page count is known
      lang: 'vi-VN',
      displayTitle: true,
      info,
    });
    const data = fontData();
    for (const style of Object.keys(FONT) as FontStyle[]) this.doc.registerFont(FONT[style], data[style]);
    this.doc.font(FONT.regular).fontSize(SIZES.body);

    const chunks: Buffer[] = [];
    this.result = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  /** Text width between the margins (165 mm on A4 with these margins). */
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Pages so far: a form measures itself with this before it ends (see form 01). */
  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private use(style: FontStyle, size: number): PDFKit.PDFDocument {
    return this.doc.font(FONT[style]).fontSize(size);
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.doc.y = this.doc.page.margins.top;
    }
    this.doc.x = this.left;
  }

  /** Largest size in [min, max] (half-point steps) at which one line fits the width. */
  private fitSize(text: string, style: FontStyle, max: number, width: number, min = max - 2): number {
    for (let size = max; size > min; size -= 0.5) {
      if (this.use(style, size).widthOfString(text) <= width) return size;
    }
    return min;
  }

  /** Centred text in a column; returns the y below it. */
  private centred(text: string, x: number, y: number, width: number, style: FontStyle, size: number): number {
    this.use(style, size).text(text, x, y, { width, align: 'center', lineGap: 0 });
    return this.doc.y;
  }

  private rule(xCentre: number, y: number, length: number): void {
    this.doc
      .moveTo(xCentre - length / 2, y)
      .lineTo(xCentre + length / 2, y)
      .lineWidth(0.6)
      .stroke();
  }

  /**
   * Splits a body name over two lines at the word break that makes the longer line shortest
   * ("ỦY BAN NHÂN DÂN / TỈNH AN GIANG" rather than "ỦY BAN NHÂN DÂN TỈNH AN / GIANG"), as
   * typists do; one line if it fits, natural wrapping if even two lines do not.
   */
  private balanced(text: string, style: FontStyle, size: number, width: number): string {
    if (text.includes('\n')) return text;
    const font = this.use(style, size);
    if (font.widthOfString(text) <= width) return text;
    const words = text.split(/\s+/);
    let best: { lines: string; widest: number } | undefined;
    for (let i = 1; i < words.length; i++) {
      const first = words.slice(0, i).join(' ');
      const second = words.slice(i).join(' ');
      const widest = Math.max(font.widthOfString(first), font.widthOfString(second));
      if (widest <= width && (!best || widest < best.widest)) best = { lines: `${first}\n${second}`, widest };
    }
    return best ? best.lines : text;
  }

  /**
   * The two-column header (Decree 30, ô 1–4): the right column is as wide as the motto needs,
   * the left (issuing body and number) takes the rest (≈ 44 % of the text width). The number
   * and the place/date share a baseline, as in the decree's sample layout.
   */
  header(h: HeaderData): this {
    const top = this.doc.page.margins.top;
    const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    const tagline = 'Độc lập - Tự do - Hạnh phúc';
    const rightW = Math.min(this.width * 0.6, this.use('bold', SIZES.motto).widthOfString(motto) + 8);
    const leftW = this.width - rightW;
    const rightX = this.left + leftW;

    // Left: parent body (caps, regular), issuing body (caps, bold), a short rule under it.
    let y = top;
    if (h.parentBody) {
      const parent = this.balanced(h.parentBody.toUpperCase(), 'regular', SIZES.bodyName, leftW);
      y = this.centred(parent, this.left, y, leftW, 'regular', SIZES.bodyName);
    }
    const body = this.balanced(h.issuingBody.toUpperCase(), 'bold', SIZES.bodyName, leftW);
    y = this.centred(body, this.left, y, leftW, 'bold', SIZES.bodyName);
    // The rule is a third to a half of the name's line (decree).
    const bodyLine = Math.min(
      Math.max(...body.split('\n').map((line) => this.use('bold', SIZES.bodyName).widthOfString(line))),
      leftW,
    );
    this.rule(this.left + leftW / 2, y + 3, bodyLine * 0.4);
    const leftEnd = y + 3;

    // Right: motto (caps, bold), tagline (bold) with a rule as long as the tagline.
    let ry = this.centred(motto, rightX, top, rightW, 'bold', this.fitSize(motto, 'bold', SIZES.motto, rightW));
    ry = this.centred(tagline, rightX, ry, rightW, 'bold', SIZES.tagline);
    this.rule(rightX + rightW / 2, ry + 2, this.use('bold', SIZES.tagline).widthOfString(tagline));
    const rightEnd = ry + 2;

    const lineY = Math.max(leftEnd, rightEnd) + 8;
    let end = lineY;
    if (h.number) end = this.centred(`Số: ${h.number}`, this.left, lineY, leftW, 'regular', SIZES.number);
    const placeDate = vnPlaceDate(h.place, h.date);
    const pdSize = this.fitSize(placeDate, 'italic', SIZES.placeDate, rightW);
    end = Math.max(end, this.centred(placeDate, rightX, lineY, rightW, 'italic', pdSize));

    this.doc.x = this.left;
    this.doc.y = end + 14;
    return this;
  }

  /**
   * The national motto alone, centred (Quốc hiệu và Tiêu ngữ, Decree 30 ô 1): the head of a
   * citizen's tờ khai or đơn, which has no issuing body.
   */
  motto(): this {
    const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    const tagline = 'Độc lập - Tự do - Hạnh phúc';
    const top = this.doc.page.margins.top;
    let y = this.centred(motto, this.left, top, this.width, 'bold', SIZES.motto);
    y = this.centred(tagline, this.left, y, this.width, 'bold', SIZES.tagline);
    this.rule(this.left + this.width / 2, y + 2, this.use('bold', SIZES.tagline).widthOfString(tagline));
    this.doc.x = this.left;
    this.doc.y = y + 18;
    return this;
  }

  /** Document type (tên loại văn bản) in bold capitals, and an optional bold subtitle (trích yếu). */
  title(text: string, subtitle?: string): this {
    this.ensureSpace(60);
    this.use('bold', SIZES.title).text(text.toUpperCase(), this.left, this.doc.y, {
      width: this.width,
      align: 'center',
    });
    if (subtitle) {
      this.use('bold', SIZES.subtitle).text(subtitle, this.left, this.doc.y + 2, {
        width: this.width,
        align: 'center',
      });
    }
    this.doc.y += 8;
    this.doc.x = this.left;
    return this;
  }

  /** A body paragraph: justified, first-line indent, 13 pt. */
  paragraph(text: string, options: ParagraphOptions = {}): this {
    const { style = 'regular', align = 'justify', indent = true, size = SIZES.body } = options;
    this.doc.x = this.left;
    this.use(style, size).text(text, this.left, this.doc.y, {
      width: this.width,
      align,
      indent: indent ? INDENT : 0,
      lineGap: LINE_GAP,
      paragraphGap: PARAGRAPH_GAP,
    });
    return this;
  }

  /** "Label: value" on one flowing line; an empty value prints the dotted blank of paper forms. */
  field(label: string, value: string | undefined, options: { strong?: boolean } = {}): this {
    this.doc.x = this.left;
    const shown = value && value.trim() !== '' ? value : '…………………';
    this.use('regular', SIZES.body).text(`${label}: `, this.left, this.doc.y, {
      width: this.width,
      continued: true,
      lineGap: LINE_GAP,
    });
    this.use(options.strong ? 'bold' : 'regular', SIZES.body).text(shown, {
      lineGap: LINE_GAP,
      paragraphGap: 2,
    });
    this.doc.x = this.left;
    return this;
  }

  /** Continues on a new page (an annex after the signatures). */
  newPage(): this {
    this.doc.addPage();
    this.doc.y = this.doc.page.margins.top;
    this.doc.x = this.left;
    return this;
  }

  /** Vertical space in points. */
  space(points: number): this {
    this.doc.y += points;
    return this;
  }

  /**
   * A bordered table. Rows that do not fit start a new page, and the header row is repeated
   * there, so a long list of components is never cut inside a row nor loses its headings.
   * Columns are sized from their content: each is at least as wide as its longest word (header
   * in bold, cells in regular) so text wraps only between words; the rest of the width is shared
   * by the columns' relative widths. When even the longest words do not fit, the type shrinks
   * (down to MIN_TABLE_SIZE) before a word would have to break.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: { size?: number } = {}): this {
    let size = options.size ?? SIZES.table;
    const pad = Math.min(4, size / 2);
    // PDFKit measures a word with the space after it when it wraps a line.
    const longestWord = (text: string, style: FontStyle) =>
      Math.max(0, ...text.split(/\s+/).map((word) => this.use(style, size).widthOfString(`${word} `)));
    const minimums = () =>
      columns.map(
        (c, i) =>
          Math.max(longestWord(c.header, 'bold'), ...rows.map((r) => longestWord(r[i] ?? '', 'regular'))) + 2 * pad,
      );
    let widths = fitColumns(
      columns.map((c) => c.width),
      minimums(),
      this.width,
    );
    while (!widths && size > MIN_TABLE_SIZE) {
      size -= 0.5;
      widths = fitColumns(
        columns.map((c) => c.width),
        minimums(),
        this.width,
      );
    }
    // Still too narrow at the smallest size: proportional widths (a long word may break).
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    widths ??= columns.map((c) => (this.width * c.width) / total);

    const rowHeight = (cells: readonly string[], style: FontStyle): number => {
      this.use(style, size);
      let h = 0;
      cells.forEach((cell, i) => {
        const w = (widths[i] ?? 0) - 2 * pad;
        h = Math.max(h, this.doc.heightOfString(cell === '' ? ' ' : cell, { width: w, lineGap: TABLE_LINE_GAP }));
      });
      return h + 2 * pad;
    };

    const drawRow = (cells: readonly string[], style: FontStyle, header: boolean, height: number): void => {
      const y = this.doc.y;
      let x = this.left;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 0;
        this.doc.lineWidth(0.5).rect(x, y, w, height).stroke();
        const align = header ? 'center' : (columns[i]?.align ?? 'left');
        this.use(style, size).text(cell, x + pad, y + pad, { width: w - 2 * pad, align, lineGap: TABLE_LINE_GAP });
        x += w;
      });
      this.doc.x = this.left;
      this.doc.y = y + height;
    };

    const headerCells = columns.map((c) => c.header);
    const headerHeight = rowHeight(headerCells, 'bold');
    const drawHeader = (): void => drawRow(headerCells, 'bold', true, headerHeight);

    this.ensureSpace(headerHeight + (rows[0] ? rowHeight(rows[0], 'regular') : 0));
    drawHeader();
    for (const row of rows) {
      const cells = columns.map((_, i) => row[i] ?? '');
      const h = rowHeight(cells, 'regular');
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        this.doc.y = this.doc.page.margins.top;
        drawHeader();
      }
      drawRow(cells, 'regular', false, h);
    }
    this.doc.y += PARAGRAPH_GAP;
    return this;
  }

  private signatureHeight(block: SignatureBlock, width: number): number {
    let h = 0;
    const measure = (text: string, style: FontStyle, size: number): void => {
      h += this.use(style, size).heightOfString(text, { width, align: 'center' });
    };
    if (block.authority) measure(block.authority, 'bold', SIZES.signature);
    measure(block.title, 'bold', SIZES.signature);
    if (block.note) measure(block.note, 'italic', SIZES.note);
    h += this.signatureSpace;
    if (block.name) measure(block.name, 'bold', SIZES.signature);
    return h;
  }

  private drawSignature(block: SignatureBlock, x: number, y: number, width: number): number {
    let yy = y;
    if (block.authority) yy = this.centred(block.authority.toUpperCase(), x, yy, width, 'bold', SIZES.signature);
    yy = this.centred(block.title.toUpperCase(), x, yy, width, 'bold', SIZES.signature);
    if (block.note) yy = this.centred(block.note, x, yy, width, 'italic', SIZES.note);
    yy += this.signatureSpace;
    if (block.name) yy = this.centred(block.name, x, yy, width, 'bold', SIZES.signature);
    return yy;
  }

  /** One signature block in the right half (Decree 30, ô 7). */
  signature(block: SignatureBlock): this {
    const width = this.width / 2;
    const x = this.left + width;
    const needed = this.signatureHeight(block, width);
    let y: number;
    let floor = 0;
    if (this.band) {
      // qr({ beside }) already reserved the band on this page.
      y = this.doc.y;
      floor = this.band.bottom;
      this.band = undefined;
    } else {
      this.doc.y += 6;
      this.ensureSpace(needed);
      y = this.doc.y;
    }
    const end = this.drawSignature(block, x, y, width);
    this.doc.x = this.left;
    this.doc.y = Math.max(end, floor) + PARAGRAPH_GAP;
    return this;
  }

  /** Several signature blocks side by side in equal columns (e.g. applicant and officer). */
  signatures(blocks: readonly SignatureBlock[]): this {
    if (blocks.length === 0) return this;
    // With a centred QR the outer columns share the width around a middle quarter.
    const gap = this.band?.position === 'center' ? this.width / 4 : 0;
    const width = (this.width - gap) / blocks.length;
    const floor = this.band?.bottom ?? 0;
    if (this.band) this.band = undefined;
    else {
      this.doc.y += 6;
      this.ensureSpace(Math.max(...blocks.map((b) => this.signatureHeight(b, width))));
    }
    const y = this.doc.y;
    let end = Math.max(y, floor);
    blocks.forEach((b, i) => {
      const x = this.left + i * width + (i >= blocks.length / 2 ? gap : 0);
      end = Math.max(end, this.drawSignature(b, x, y, width));
    });
    this.doc.x = this.left;
    this.doc.y = end + PARAGRAPH_GAP;
    return this;
  }

  /** A QR code to `url` (PNG from the qrcode package) with a caption, at the left margin. */
  async qr(url: string, caption = 'Tra cứu hồ sơ', options: QrOptions = {}): Promise<this> {
    const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 });
    const captionHeight = this.use('italic', SIZES.qrCaption).heightOfString(caption, { width: this.qrSize + 30 });
    const height = this.qrSize + captionHeight + 4;
    this.doc.y += 6;
    // Beside a signature the band must hold the signature too (title, note, space, name).
    const signature = this.signatureHeight({ title: 'X', note: '(X)', name: 'X' }, this.width);
    this.ensureSpace(options.beside ? Math.max(height, signature) : height);
    const y = this.doc.y;
    const boxW = this.qrSize + 30;
    const boxX = options.beside === 'center' ? this.left + (this.width - boxW) / 2 : this.left;
    this.doc.image(png, boxX + 15, y, { width: this.qrSize, height: this.qrSize });
    const end = this.centred(caption, boxX, y + this.qrSize + 2, boxW, 'italic', SIZES.qrCaption);
    this.doc.x = this.left;
    if (options.beside) {
      this.band = { bottom: end, position: options.beside };
      this.doc.y = y;
    } else {
      this.doc.y = end + PARAGRAPH_GAP;
    }
    return this;
  }

  /** Page numbers from page 2 in the top margin (decree), then the finished PDF. */
  async end(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const marginTop = this.doc.page.margins.top;
      this.doc.page.margins.top = 0; // writing inside the margin must not trigger a page break
      this.use('regular', SIZES.pageNumber).text(String(i - range.start + 1), this.left, marginTop / 2 - 6, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      this.doc.page.margins.top = marginTop;
    }
    this.doc.end();
    return this.result;
  }
}

export function createDocument(options: DocumentOptions): AdminDocument {
  return new AdminDocument(options);
}
