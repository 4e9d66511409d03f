import { describe, expect, it } from 'vitest';
import { sniffFileType } from './file-type.rules.js';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('sniffFileType', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'application/pdf'],
    ['PDF 1.4 header only', bytes('%PDF-1.4'), 'application/pdf'],
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'), 'image/jpeg'],
    ['JPEG (Exif)', bytes([0xff, 0xd8, 0xff, 0xe1]), 'image/jpeg'],
    ['PNG', bytes(PNG, [0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
  ])('accepts %s', (_name, data, mediaType) => {
    expect(sniffFileType(data)).toMatchObject({ allowed: true, mediaType });
  });

  it.each([
    ['Windows EXE', bytes('MZ\x90\x00'), 'application/x-msdownload'],
    ['ELF', bytes([0x7f], 'ELF'), 'application/x-executable'],
    ['ZIP / DOCX', bytes('PK\x03\x04\x14\x00'), 'application/zip'],
    ['empty ZIP', bytes('PK\x05\x06'), 'application/zip'],
    ['RAR', bytes('Rar!\x1a\x07\x00'), 'application/x-rar-compressed'],
    ['GZIP', bytes([0x1f, 0x8b, 0x08]), 'application/gzip'],
    ['old Office', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/x-ole-storage'],
    ['GIF', bytes('GIF89a'), 'image/gif'],
    ['WebP', bytes('RIFF\x24\x00\x00\x00WEBPVP8 '), 'image/webp'],
    ['TIFF', bytes([0x49, 0x49, 0x2a, 0x00]), 'image/tiff'],
    ['HTML', bytes('<!DOCTYPE html><html><body>x</body></html>'), 'text/html'],
    ['HTML after spaces', bytes('  \n<html lang="vi">'), 'text/html'],
    ['a script tag', bytes('<script>alert(1)</script>'), 'text/html'],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/svg+xml'],
    ['plain text', Buffer.from('Đơn đề nghị', 'utf8'), 'text/plain'],
    ['empty', bytes(''), null],
    ['random binary', bytes([0x00, 0x01, 0x02, 0x03, 0xfe]), null],
    ['a truncated PNG signature', bytes(PNG.slice(0, 7)), null],
    ['%PDF without the dash', bytes('%PDF1.4'), 'text/plain'],
    ['JPEG-like two bytes', bytes([0xff, 0xd8]), null],
  ])('refuses %s, naming it', (_name, data, mediaType) => {
    const sniffed = sniffFileType(data);
    expect(sniffed.allowed).toBe(false);
    expect(sniffed.mediaType).toBe(mediaType);
    expect(sniffed.label.length).toBeGreaterThan(0);
  });

  it('ignores everything after the signature: a PDF with HTML inside is a PDF', () => {
    expect(sniffFileType(bytes('%PDF-1.5\n<html><script>'))).toMatchObject({
      allowed: true,
      mediaType: 'application/pdf',
    });
  });
});
