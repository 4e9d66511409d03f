import { describe, expect, it } from 'vitest';
import { ANONYMOUS_NAME, publicSubmitterName, redactPersonalText } from './public-view.rules.js';
import { contactKey, normalizeContact } from './verification.rules.js';

describe('publicSubmitterName', () => {
  it('masks the name, or hides it when the submitter asked', () => {
    expect(publicSubmitterName('Nguyễn Văn An', false)).toBe('N***** V** A*');
    expect(publicSubmitterName('Nguyễn Văn An', true)).toBe(ANONYMOUS_NAME);
  });
});

describe('redactPersonalText', () => {
  it.each([
    ['Gọi tôi số 0912 345 678 nhé', 'Gọi tôi số [đã ẩn] nhé'],
    ['SĐT +84.912.345.678', 'SĐT [đã ẩn]'],
    ['CCCD 089095000123 của tôi', 'CCCD [đã ẩn] của tôi'],
    ['Thư: an.nguyen@example.vn', 'Thư: [đã ẩn]'],
    ['Phí 50.000 đồng, hẹn 15 ngày', 'Phí 50.000 đồng, hẹn 15 ngày'],
  ])('%s', (text, expected) => {
    expect(redactPersonalText(text)).toBe(expected);
  });
  it('also removes the submitter’s own values (an address typed in the text)', () => {
    expect(redactPersonalText('Tôi ở Số 5 Lê Lợi, Long Xuyên', ['Số 5 Lê Lợi'])).toBe('Tôi ở [đã ẩn], Long Xuyên');
  });
});

describe('contacts', () => {
  it('one phone in its usual spellings is one contact', () => {
    const keys = ['0912345678', '+84 912 345 678', '84912345678', '091-234-5678'].map((phone) =>
      contactKey(normalizeContact({ phone })!),
    );
    expect(new Set(keys).size).toBe(1);
  });
  it('needs exactly one valid phone or e-mail', () => {
    expect(normalizeContact({})).toBeNull();
    expect(normalizeContact({ phone: '0912345678', email: 'a@b.vn' })).toBeNull();
    expect(normalizeContact({ phone: '12345' })).toBeNull();
    expect(normalizeContact({ email: ' An@Example.VN ' })).toEqual({ medium: 'email', value: 'an@example.vn' });
  });
});
