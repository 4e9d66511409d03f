import { describe, expect, it } from 'vitest';
import { formFileType } from './form-file.rules.js';

const zipWith = (entry: string) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(entry, 'latin1')]);
const ole = (stream: string) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(500),
    Buffer.from(stream, 'utf16le'),
  ]);

describe('formFileType', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    ['a DOCX', zipWith('word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['a Word 97 document', ole('WordDocument'), 'application/msword'],
    ['an XLSX (a ZIP without word/)', zipWith('xl/workbook.xml'), null],
    ['an XLS (OLE without WordDocument)', ole('Workbook'), null],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), null],
    ['plain text', Buffer.from('Tờ khai'), null],
    ['nothing', Buffer.alloc(0), null],
  ])('%s', (_what, data, expected) => {
    expect(formFileType(data)).toBe(expected);
  });
});
