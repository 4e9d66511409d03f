import { describe, expect, it } from 'vitest';
import { createDocument, fitColumns } from './layout.js';
import { containsPhrase, pdfText } from './testing/pdf-text.js';
import { vnDate, vnDateTime, vnMoney, vnPlaceDate, vnTime } from './vn-format.js';

const AT = new Date('2026-11-23T07:05:00Z');

describe('Vietnamese formats', () => {
  it('shows instants in Asia/Ho_Chi_Minh (UTC+7) whatever the process time zone', () => {
    expect(vnTime(AT)).toBe('14 giờ 05 phút');
    expect(vnDateTime(AT)).toBe('14 giờ 05 phút, ngày 23 tháng 11 năm 2026');
    // 20:30 UTC is already the next day in Viet Nam.
    expect(vnDate(new Date('2026-12-31T17:30:00Z'))).toBe('ngày 01 tháng 01 năm 2027');
    expect(vnTime(new Date('2026-12-31T17:30:00Z'))).toBe('00 giờ 30 phút');
  });

  it('pads days below 10 and months 1–2 only (Decree 30)', () => {
    expect(vnDate(new Date('2026-02-05T03:00:00Z'))).toBe('ngày 05 tháng 02 năm 2026');
    expect(vnDate(new Date('2026-03-09T03:00:00Z'))).toBe('ngày 09 tháng 3 năm 2026');
    expect(vnPlaceDate('An Giang', AT)).toBe('An Giang, ngày 23 tháng 11 năm 2026');
  });

  it('writes money with dot thousands and "đồng"', () => {
    expect(vnMoney(50_000)).toBe('50.000 đồng');
    expect(vnMoney(1_250_000)).toBe('1.250.000 đồng');
    expect(vnMoney(0)).toBe('0 đồng');
    expect(vnMoney(999)).toBe('999 đồng');
    expect(() => vnMoney(10.5)).toThrow(RangeError);
  });
});

const DIACRITICS =
  'Đ đ Ư ư Ơ ơ Ă ă Â â Ê ê Ô ô ằ ắ ẳ ẵ ặ ầ ấ ẩ ẫ ậ ề ế ể ễ ệ ồ ố ổ ỗ ộ ờ ớ ở ỡ ợ ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ ì í ỉ ĩ ị';

async function sample(now?: Date): Promise<Buffer> {
  const doc = createDocument({ title: 'Thử nghiệm', ...(now ? { now } : {}) });
  doc.header({
    parentBody: 'Ủy ban nhân dân tỉnh An Giang',
    issuingBody: 'Sở Xây dựng',
    number: '12/TB-SXD',
    place: 'An Giang',
    date: AT,
  });
  doc.title('Thông báo', 'Về việc thử nghiệm');
  doc.paragraph(DIACRITICS);
  doc.paragraph(DIACRITICS.toUpperCase(), { style: 'bold' });
  doc.paragraph(DIACRITICS, { style: 'italic' });
  doc.paragraph(DIACRITICS, { style: 'boldItalic' });
  doc.field('Thời gian', vnDateTime(AT));
  await doc.qr('https://example.vn/tra-cuu/X', undefined, { beside: 'left' });
  doc.signature({ authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Trần Quốc Bảo' });
  return doc.end();
}

describe('AdminDocument', () => {
  it('renders the Decree 30 header and real, extractable Vietnamese text in all four styles', async () => {
    const pdf = await sample();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = await pdfText(pdf);
    expect(pages).toHaveLength(1);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('ỦY BAN NHÂN DÂN');
    expect(text).toContain('SỞ XÂY DỰNG');
    expect(text).toContain('Số: 12/TB-SXD');
    expect(text).toContain('An Giang, ngày 23 tháng 11 năm 2026');
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Thời gian: 14 giờ 05 phút, ngày 23 tháng 11 năm 2026');
    expect(text).toContain('Tra cứu hồ sơ');
    expect(text).toContain('KT. GIÁM ĐỐC');
    expect(text).toContain('Trần Quốc Bảo');
    // Each style's paragraph comes back letter for letter.
    const occurrences = (phrase: string): number =>
      text.replace(/\s+/g, ' ').split(phrase.replace(/\s+/g, ' ')).length - 1;
    expect(occurrences(DIACRITICS)).toBe(3);
    expect(containsPhrase(text, DIACRITICS.toUpperCase())).toBe(true);
  });

  it('gives identical bytes for identical input when `now` is fixed', async () => {
    const now = new Date('2026-11-23T07:06:00Z');
    const [a, b] = await Promise.all([sample(now), sample(now)]);
    expect(a.equals(b)).toBe(true);
    const { info } = await pdfText(a);
    expect(String(info.CreationDate)).toMatch(/^D:20261123070600Z/);
    expect(info.Title).toBe('Thử nghiệm');
    const later = await sample(new Date('2026-11-24T00:00:00Z'));
    expect(later.equals(a)).toBe(false);
  });

  it('breaks a long table across pages, repeating the header and keeping every row', async () => {
    const doc = createDocument({ title: 'Bảng dài', now: AT });
    doc.header({ issuingBody: 'Bộ phận Một cửa', place: 'An Giang', date: AT });
    doc.title('Danh sách');
    const rows = Array.from({ length: 120 }, (_, i) => [`R${String(i + 1).padStart(3, '0')}`, `Giấy tờ thứ ${i + 1}`]);
    doc.table(
      [
        { header: 'Mã dòng', width: 1 },
        { header: 'Tên giấy tờ', width: 4 },
      ],
      rows,
    );
    const { pages, text } = await pdfText(await doc.end());
    expect(pages.length).toBeGreaterThan(2);
    const found = text.match(/R\d{3}/g) ?? [];
    expect(found).toEqual(rows.map((r) => r[0]));
    for (const page of pages) expect(page).toContain('Tên giấy tờ');
    // Page numbers from page 2 on (Decree 30), none on page 1.
    expect(pages[1]).toMatch(/(^|\n)2(\n|$)/);
    expect(pages[0]).not.toMatch(/(^|\n)1(\n|$)/);
  });
});

describe('fitColumns', () => {
  it.each([
    // weights, minimums, total → widths
    [[1, 1], [10, 10], 100, [50, 50]],
    [[4, 1], [10, 30], 100, [70, 30]], // the narrow one gets its minimum, the other the rest
    [[1, 1, 2], [0, 0, 0], 40, [10, 10, 20]],
    [[1, 1], [60, 60], 100, null], // the words cannot fit: the caller shrinks the type
  ])('%j with minimums %j in %d → %j', (weights, minimums, total, widths) =>
    expect(fitColumns(weights, minimums, total)).toEqual(widths),
  );
});
