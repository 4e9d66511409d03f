/**
 * What a file is, read from its first bytes — never from its name or the Content-Type the client
 * sent. Only PDF, JPEG and PNG are accepted as dossier components; everything else is refused,
 * and the refusal names what the bytes look like so the officer or citizen knows what went wrong.
 */

export const ALLOWED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

/** The outcome of sniffing: an accepted type, or a description of what was found instead. */
export type Sniffed =
  | { allowed: true; mediaType: AllowedMediaType; label: string }
  | { allowed: false; mediaType: string | null; label: string };

/** Bytes needed to decide: the longest signature below (and the HTML probe's window). */
export const SNIFF_BYTES = 512;

interface Signature {
  mediaType: string;
  label: string;
  /** Bytes at offset 0 (null matches any byte). */
  magic: readonly (number | null)[];
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const ALLOWED: readonly (Signature & { mediaType: AllowedMediaType })[] = [
  { mediaType: 'application/pdf', label: 'PDF', magic: ascii('%PDF-') },
  { mediaType: 'image/jpeg', label: 'JPEG', magic: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', label: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** Common things people upload by mistake, recognised only to say what they are. */
const REFUSED: readonly Signature[] = [
  { mediaType: 'application/x-msdownload', label: 'tệp chương trình Windows (EXE/DLL)', magic: ascii('MZ') },
  { mediaType: 'application/x-executable', label: 'tệp chương trình ELF', magic: [0x7f, 0x45, 0x4c, 0x46] },
  { mediaType: 'application/zip', label: 'ZIP (hoặc DOCX/XLSX/ODT)', magic: [0x50, 0x4b, 0x03, 0x04] },
  { mediaType: 'application/zip', label: 'ZIP rỗng', magic: [0x50, 0x4b, 0x05, 0x06] },
  { mediaType: 'application/x-rar-compressed', label: 'RAR', magic: ascii('Rar!\x1a\x07') },
  { mediaType: 'application/x-7z-compressed', label: '7z', magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { mediaType: 'application/gzip', label: 'GZIP', magic: [0x1f, 0x8b] },
  {
    mediaType: 'application/x-ole-storage',
    label: 'tài liệu Office cũ (DOC/XLS)',
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
  { mediaType: 'image/gif', label: 'GIF', magic: ascii('GIF8') },
  { mediaType: 'image/webp', label: 'WebP', magic: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { mediaType: 'image/bmp', label: 'BMP', magic: ascii('BM') },
  { mediaType: 'image/tiff', label: 'TIFF', magic: [0x49, 0x49, 0x2a, 0x00] },
  { mediaType: 'image/tiff', label: 'TIFF', magic: [0x4d, 0x4d, 0x00, 0x2a] },
];

function startsWith(head: Uint8Array, magic: readonly (number | null)[]): boolean {
  if (head.length < magic.length) return false;
  return magic.every((byte, i) => byte === null || head[i] === byte);
}

/** Leading markup that makes a browser treat bytes as HTML or SVG (after whitespace and a BOM). */
const MARKUP = /^(?:\uFEFF)?\s*<(?:!doctype\s+html|html|head|body|script|iframe|svg|\?xml)[\s>/]/i;

/**
 * Sniffs the first bytes of a file (pass at least SNIFF_BYTES when the file is that long).
 * Accepted: PDF (`%PDF-`), JPEG (FF D8 FF), PNG (the 8-byte signature); the rest are named.
 */
export function sniffFileType(head: Uint8Array): Sniffed {
  for (const sig of ALLOWED) {
    if (startsWith(head, sig.magic)) return { allowed: true, mediaType: sig.mediaType, label: sig.label };
  }
  for (const sig of REFUSED) {
    if (startsWith(head, sig.magic)) return { allowed: false, mediaType: sig.mediaType, label: sig.label };
  }
  if (head.length === 0) return { allowed: false, mediaType: null, label: 'tệp rỗng' };
  const text = Buffer.from(head.subarray(0, SNIFF_BYTES)).toString('latin1');
  if (MARKUP.test(text)) {
    return /<(?:svg|\?xml)/i.test(text.slice(0, 64))
      ? { allowed: false, mediaType: 'image/svg+xml', label: 'SVG/XML' }
      : { allowed: false, mediaType: 'text/html', label: 'HTML' };
  }
  if (isPlainText(head)) return { allowed: false, mediaType: 'text/plain', label: 'văn bản thuần' };
  return { allowed: false, mediaType: null, label: 'không xác định được định dạng' };
}

/** Valid UTF-8 without control bytes other than tab, CR, LF, FF, ESC in the window: text. */
function isPlainText(head: Uint8Array): boolean {
  const window = head.subarray(0, SNIFF_BYTES);
  for (const byte of window) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) return false;
    if (byte === 0x7f) return false;
  }
  try {
    // stream: a character cut by the end of the window is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(window, { stream: true });
    return true;
  } catch {
    return false;
  }
}
