import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './fileName.js';

describe('fileNameFromDisposition', () => {
  it.each([
    [
      `attachment; filename="Giay khai sinh.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf`,
      'Giấy khai sinh.pdf',
    ],
    ['inline; filename="scan.png"', 'scan.png'],
    [`attachment; filename="a_b.pdf"; filename*=UTF-8''%E0%A4%A`, 'a_b.pdf'], // bad escape: the ASCII name
    ['attachment', null],
    [null, null],
  ])('%s → %s', (header, name) => expect(fileNameFromDisposition(header)).toBe(name));
});
