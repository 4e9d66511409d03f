import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Text of a PDF as a reader would copy it, per page, through pdfjs-dist (the engine of
 * Firefox's viewer). Tests use it to prove that Vietnamese text is real, extractable text with
 * a correct ToUnicode map, not glyph pictures. Only tests import this (pdfjs-dist is a dev
 * dependency).
 */
export interface PdfText {
  pages: string[];
  /** All pages, NFC-normalised, runs of spaces collapsed. */
  text: string;
  /** The document information dictionary (Title, CreationDate, …) as pdfjs reads it. */
  info: Record<string, unknown>;
}

export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
  const task = getDocument({
    data: new Uint8Array(pdf), // pdfjs takes ownership of (detaches) the buffer it gets
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(normalise(text));
    }
    const { info } = await doc.getMetadata();
    return { pages, text: pages.join('\n'), info: info as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n');
}

/** Whether `text` contains `phrase`, treating any whitespace (incl. line breaks) as one space. */
export function containsPhrase(text: string, phrase: string): boolean {
  const squash = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ');
  return squash(text).includes(squash(phrase));
}
