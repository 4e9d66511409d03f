import { describe, expect, it } from 'vitest';
import { cleanOriginalName, contentDisposition, downloadName, stripVietnameseMarks } from './download.rules.js';

describe('cleanOriginalName', () => {
  it.each([
    ['giay-khai-sinh.pdf', 'giay-khai-sinh.pdf'],
    ['C:\\fakepath\\Tờ khai.pdf', 'Tờ khai.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['Tơ\u0300 khai.pdf', 'Tờ khai.pdf'], // decomposed (macOS) → NFC
    ['a\u0000b\nc.png', 'abc.png'],
    ['   ', null],
    ['..', null],
    ['', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(cleanOriginalName(input)).toBe(expected);
  });

  it('keeps at most 255 characters', () => {
    expect(cleanOriginalName('đ'.repeat(300))).toHaveLength(255);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 8187)', () => {
    expect(contentDisposition('Giấy khai sinh (bản sao).pdf')).toBe(
      `attachment; filename="Giay khai sinh (ban sao).pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh%20%28b%E1%BA%A3n%20sao%29.pdf`,
    );
  });

  it('turns đ into d and neutralises quotes, backslashes and semicolons in the fallback', () => {
    expect(stripVietnameseMarks('Đặng Đình Đức')).toBe('Dang Dinh Duc');
    expect(contentDisposition('a"b\\c;d.png', 'inline')).toBe(
      `inline; filename="a_b_c_d.png"; filename*=UTF-8''a%22b%5Cc%3Bd.png`,
    );
    expect(contentDisposition('文件.pdf')).toMatch(
      /^attachment; filename="__\.pdf"; filename\*=UTF-8''%E6%96%87%E4%BB%B6\.pdf$/,
    );
  });

  it('names a download without an original name after its id and type', () => {
    expect(downloadName(null, '7b0a4a52-63c1-4f8e-9d55-0c2f4d3b1a99', 'image/png')).toBe('tep-7b0a4a52.png');
    expect(downloadName('x.pdf', '7b0a4a52', 'application/pdf')).toBe('x.pdf');
  });
});
