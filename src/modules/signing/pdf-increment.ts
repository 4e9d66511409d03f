/**
 * Adds a signature field to a PDF as an incremental update (ISO 32000-1 §7.5.6): the original
 * bytes stay as they are and the new and changed objects, a cross-reference section and a
 * trailer pointing back (/Prev) are appended, so the signatures already in the file keep
 * covering exactly what they signed. pdf-lib builds the objects; @signpdf/placeholder-pdf-lib
 * adds the signature dictionary and widget; the visible box is the widget's appearance stream.
 */
import {
  beginText,
  endText,
  PDFArray,
  PDFDict,
  PDFDocument,
  type PDFFont,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  moveText,
  showText,
  stroke,
} from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { createRequire } from 'node:module';
import { fontData } from '../documents/fonts.js';

/** Room for the CMS: two certificates, a timestamp token with two more, in hex. */
export const SIGNATURE_BYTES = 16384;

export interface SignatureBox {
  /** [x1, y1, x2, y2] on the last page, in points. */
  rect: [number, number, number, number];
  /** Text lines of the visible box (Decree 30/2020 Phụ lục I: who signed, which body, when). */
  lines: string[];
  /** Decree 30: the person's signature in blue, the agency's seal in red. */
  color: [number, number, number];
}

export interface PlaceholderInput {
  fieldName: string;
  signerName: string;
  reason: string;
  location: string;
  signingTime: Date;
  box: SignatureBox;
}

const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Buffer): unknown };

/** pdf-lib expects the fontkit 1.x subset API (encodeStream); fontkit 2 has encode(). */
const fontkitForPdfLib = {
  create(data: Uint8Array) {
    const font = fontkit.create(Buffer.from(data)) as unknown as { createSubset(): { encode(): Uint8Array } };
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset() as { encode(): Uint8Array; encodeStream?: () => unknown };
      subset.encodeStream = () => {
        const handlers: Record<string, (arg?: unknown) => void> = {};
        const stream = {
          on(event: string, handler: (arg?: unknown) => void) {
            handlers[event] = handler;
            if (handlers.data && handlers.end)
              queueMicrotask(() => {
                try {
                  handlers.data!(subset.encode());
                  handlers.end!();
                } catch (error) {
                  handlers.error?.(error);
                }
              });
            return stream;
          },
        };
        return stream;
      };
      return subset;
    };
    return font;
  },
};

function appearance(doc: PDFDocument, font: PDFFont, box: SignatureBox): PDFRef {
  const [x1, y1, x2, y2] = box.rect;
  const width = x2 - x1;
  const height = y2 - y1;
  const size = Math.min(9, (height - 6) / Math.max(1, box.lines.length) / 1.25);
  const [r, g, b] = box.color;
  const ops = [
    pushGraphicsState(),
    setStrokingRgbColor(r, g, b),
    setLineWidth(1),
    rectangle(0.5, 0.5, width - 1, height - 1),
    stroke(),
    setFillingRgbColor(r, g, b),
    beginText(),
    setFontAndSize('F1', size),
    moveText(4, height - 4 - size),
  ];
  box.lines.forEach((line, i) => {
    if (i > 0) ops.push(moveText(0, -size * 1.25));
    let text = line;
    while (text.length > 1 && font.widthOfTextAtSize(text, size) > width - 8) text = text.slice(0, -1);
    ops.push(showText(font.encodeText(text)));
  });
  ops.push(endText(), popGraphicsState());
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: font.ref } },
  });
  return doc.context.register(stream);
}

const lastStartXref = (pdf: Buffer) => {
  const text = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const all = [...text.matchAll(/startxref\s+(\d+)/g)];
  const last = all.at(-1);
  if (!last) throw new Error('no startxref');
  return Number(last[1]);
};

const serialize = (object: PDFObject) => {
  const out = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(out, 0);
  return Buffer.from(out);
};

/** The PDF with one more (empty) signature field, appended as an incremental update. */
export async function addSignaturePlaceholder(pdf: Buffer, input: PlaceholderInput): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.registerFontkit(fontkitForPdfLib as never);
  const firstNew = doc.context.largestObjectNumber + 1;
  const page = doc.getPages().at(-1)!;
  pdflibAddPlaceholder({
    pdfDoc: doc,
    pdfPage: page,
    reason: input.reason,
    contactInfo: '',
    name: input.signerName,
    location: input.location,
    signingTime: input.signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: input.box.rect,
    appName: 'MotCua',
  });
  const annots = page.node.lookup(PDFName.of('Annots'), PDFArray);
  const widget = doc.context.lookup(annots.get(annots.size() - 1), PDFDict);
  widget.set(PDFName.of('T'), PDFString.of(input.fieldName));
  const font = await doc.embedFont(fontData().regular, { subset: true });
  widget.set(PDFName.of('AP'), doc.context.obj({ N: appearance(doc, font, input.box) }));
  await doc.flush();

  const catalogRef = doc.context.trailerInfo.Root as PDFRef;
  const changed = new Map<number, PDFRef>();
  const mark = (value: unknown) => {
    if (value instanceof PDFRef) changed.set(value.objectNumber, value);
  };
  mark(catalogRef);
  mark(page.ref);
  mark(page.node.get(PDFName.of('Annots')));
  const acroForm = doc.catalog.get(PDFName.of('AcroForm'));
  mark(acroForm);
  mark(doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).get(PDFName.of('Fields')));
  for (const [ref] of doc.context.enumerateIndirectObjects()) if (ref.objectNumber >= firstNew) mark(ref);

  const parts: Buffer[] = [pdf, Buffer.from('\n')];
  let offset = pdf.length + 1;
  const offsets = new Map<number, { offset: number; generation: number }>();
  for (const ref of [...changed.values()].sort((a, b) => a.objectNumber - b.objectNumber)) {
    const object = doc.context.lookup(ref);
    if (!object) continue;
    const chunk = Buffer.concat([
      Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'),
      serialize(object),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    offsets.set(ref.objectNumber, { offset, generation: ref.generationNumber });
    parts.push(chunk);
    offset += chunk.length;
  }
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    xref += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const entry = offsets.get(numbers[k]!)!;
      xref += `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  const trailer = doc.context.obj({
    Size: PDFNumber.of(doc.context.largestObjectNumber + 1),
    Root: catalogRef,
    Prev: PDFNumber.of(lastStartXref(pdf)),
  });
  const info = doc.context.trailerInfo.Info;
  if (info) trailer.set(PDFName.of('Info'), info as PDFObject);
  const id = doc.context.trailerInfo.ID;
  if (id) trailer.set(PDFName.of('ID'), id as PDFObject);
  parts.push(Buffer.from(`${xref}trailer\n${trailer.toString()}\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
