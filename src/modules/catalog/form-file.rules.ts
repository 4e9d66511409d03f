/**
 * Blank forms (mẫu đơn, tờ khai) of a procedure's components: which files are accepted, read from
 * their first bytes, never from the name. PDF, and Word documents (DOC, DOCX) because many
 * ministries publish their forms only as Word files for citizens to fill in.
 */

export const FORM_FILE_TYPES = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
} as const;
export type FormFileType = keyof typeof FORM_FILE_TYPES;

/** A form is a few pages: 10 MB leaves room for a scanned one. */
export const MAX_FORM_FILE_BYTES = 10 * 1024 * 1024;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // Word 97–2003 (and XLS, PPT)
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (data: Uint8Array, magic: readonly number[]) => magic.every((b, i) => data[i] === b);

/**
 * The type of a form file, or null when it is none of them. A DOCX is a ZIP whose entries are
 * named in clear in the local headers; a Word document has `word/` parts (an XLSX has `xl/`).
 * An OLE file may be a spreadsheet too; its stream names are UTF-16, so "WordDocument" is looked for.
 */
export function formFileType(data: Uint8Array): FormFileType | null {
  if (startsWith(data, PDF)) return 'application/pdf';
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (startsWith(data, ZIP)) {
    return text.includes('word/', 0, 'latin1')
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      : null;
  }
  if (startsWith(data, OLE)) return text.includes('WordDocument', 0, 'utf16le') ? 'application/msword' : null;
  return null;
}
