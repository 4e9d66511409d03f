/**
 * The certified copy as one PDF: the scanned pages of the original as they are (a PDF's pages
 * copied, a JPEG/PNG scan fitted on an A4 page), then the certification statement on a page of
 * its own in the documents module's layout. Signed afterwards as a whole, so the person's and the
 * seal's signatures cover every page (what the seal across the sheets does on paper).
 */
import { PDFDocument, type PDFImage } from 'pdf-lib';
import { AppError } from '../../kernel/errors.js';
import { createDocument } from '../documents/layout.js';
import type { CertificationStatement } from './certified-copy.rules.js';

export interface Scan {
  data: Buffer;
  mediaType: string;
}

const A4: [number, number] = [595.28, 841.89];
const IMAGE_MARGIN = 28;

/** The pages of the scan, copied into `out`; returns how many. */
async function addScan(out: PDFDocument, scan: Scan): Promise<number> {
  if (scan.mediaType === 'application/pdf') {
    const source = await loadPdf(scan.data);
    const pages = await out.copyPages(source, source.getPageIndices());
    for (const page of pages) out.addPage(page);
    return pages.length;
  }
  const image: PDFImage =
    scan.mediaType === 'image/png' ? await out.embedPng(scan.data) : await out.embedJpg(scan.data);
  const page = out.addPage(A4);
  const fit = image.scaleToFit(A4[0] - 2 * IMAGE_MARGIN, A4[1] - 2 * IMAGE_MARGIN);
  page.drawImage(image, { x: (A4[0] - fit.width) / 2, y: (A4[1] - fit.height) / 2, ...fit });
  return 1;
}

async function loadPdf(data: Buffer): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(data);
  } catch {
    throw new AppError('CERTIFIED_COPY_SCAN_UNREADABLE');
  }
}

/** How many pages the copy has (the statement's page not counted): the statement says it. */
export async function scanPages(scan: Scan): Promise<number> {
  return scan.mediaType === 'application/pdf' ? (await loadPdf(scan.data)).getPageCount() : 1;
}

export async function renderCertifiedCopy(input: {
  scan: Scan;
  statement: CertificationStatement;
  unitName: string;
  dossierCode: string;
  now: Date;
}): Promise<Buffer> {
  const page = createDocument({
    title: `Bản sao có chứng thực — ${input.dossierCode}`,
    subject: 'Chứng thực bản sao từ bản chính',
    now: input.now,
  });
  page.paragraph(input.unitName.toUpperCase(), { style: 'bold', align: 'center', indent: false });
  page.title(input.statement.title, `Mã hồ sơ: ${input.dossierCode}`);
  for (const line of input.statement.lines) page.paragraph(line, { indent: false });
  page.signature(input.statement.signer);
  const statement = await PDFDocument.load(await page.end());

  const out = await PDFDocument.create();
  out.setTitle(`Bản sao có chứng thực — ${input.dossierCode}`);
  out.setCreator('MotCua');
  out.setProducer('MotCua');
  out.setCreationDate(input.now);
  out.setModificationDate(input.now);
  await addScan(out, input.scan);
  for (const p of await out.copyPages(statement, statement.getPageIndices())) out.addPage(p);
  // A classic cross-reference table, no object streams: the signatures are appended as
  // incremental updates with classic sections, and poppler lost the pages when such an update
  // followed pdf-lib's default cross-reference stream.
  return Buffer.from(await out.save({ useObjectStreams: false }));
}
