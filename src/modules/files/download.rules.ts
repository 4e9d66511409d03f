/** Pure helpers for file names: what we keep from an upload, and how a download names itself. */

const MAX_NAME_LENGTH = 255;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * The name to keep from a client's filename: the last path segment (browsers on Windows once sent
 * `C:\fakepath\…`), NFC (macOS sends decomposed Vietnamese), no control characters, at most 255
 * characters. Null when nothing is left. It is only a label: nothing is ever looked up by it.
 */
export function cleanOriginalName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(CONTROL_CHARACTERS, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return null;
  return [...cleaned].slice(0, MAX_NAME_LENGTH).join('');
}

/** Vietnamese letters without their marks (đ → d), for the ASCII `filename=` fallback. */
export function stripVietnameseMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** RFC 8187 (formerly 5987) value-chars: percent-encode everything but attr-char. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `Content-Disposition` for a download: an ASCII `filename` for old clients (marks stripped, the
 * rest of non-ASCII and quoting characters replaced by `_`) and `filename*=UTF-8''…` with the real
 * Vietnamese name (RFC 6266 §4.3: clients that understand it prefer it).
 */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = stripVietnameseMarks(name).replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name.normalize('NFC'))}`;
}

/** The usual extension of each accepted type, for a download whose upload had no usable name. */
export const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** A download name: the uploaded one, or `tep-<id prefix>.<ext>`. */
export function downloadName(originalName: string | null, id: string, mediaType: string): string {
  return originalName ?? `tep-${id.slice(0, 8)}.${EXTENSIONS[mediaType] ?? 'bin'}`;
}
