import { describe, expect, it } from 'vitest';
import { FORM_NUMBERS, FORM_TITLES, renderForm, renderForm01, type ReceiptComponent } from './forms.js';
import { containsPhrase, pdfText } from './testing/pdf-text.js';
import { APPLICANT_NAME, DOSSIER_CODE, sampleForms } from './testing/samples.js';

const samples = sampleForms();

describe.each(FORM_NUMBERS)('form %s', (n) => {
  it('renders a PDF with the motto, the dossier code, the applicant and Vietnamese dates', async () => {
    const pdf = await renderForm(n, samples[n]);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, info } = await pdfText(pdf);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('TRUNG TÂM PHỤC VỤ');
    expect(text).toContain(DOSSIER_CODE);
    expect(containsPhrase(text, APPLICANT_NAME)).toBe(true);
    expect(text).toMatch(/An Giang, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm 2026/);
    expect(text).toContain('Tra cứu hồ sơ');
    expect(String(info.Title)).toContain(DOSSIER_CODE);
    // The title (tên loại văn bản) in capitals; form 05 prints "THÔNG BÁO" + its subject.
    const title = n === '05' ? 'THÔNG BÁO' : FORM_TITLES[n].toUpperCase();
    expect(containsPhrase(text, title)).toBe(true);
  });
});

describe('form contents', () => {
  it('01 shows received and appointment times in +07:00, components, fees and the tracking book', async () => {
    const { text, pages } = await pdfText(await renderForm01(samples['01']));
    expect(pages).toHaveLength(1); // a receipt with a few components fits one page
    expect(containsPhrase(text, '4. Thời gian nhận hồ sơ: 14 giờ 05 phút, ngày 23 tháng 11 năm 2026')).toBe(true);
    expect(containsPhrase(text, '16 giờ 30 phút, ngày 14 tháng 12 năm 2026')).toBe(true);
    expect(containsPhrase(text, 'Giấy chứng nhận quyền sử dụng đất')).toBe(true);
    expect(containsPhrase(text, 'Bản sao chứng thực')).toBe(true); // may wrap between its words
    expect(containsPhrase(text, 'Lệ phí cấp giấy phép xây dựng: 50.000 đồng')).toBe(true);
    expect(containsPhrase(text, 'Quyển số: 03/2026, Số thứ tự: 1287')).toBe(true);
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Lê Văn Đức');
  });

  it('01 sums several fees and says "Không" when there are none', async () => {
    const many = await pdfText(
      await renderForm01({
        ...samples['01'],
        fees: [
          { name: 'Phí thẩm định', amountVnd: 1_250_000 },
          { name: 'Lệ phí cấp giấy', amountVnd: 50_000 },
        ],
      }),
    );
    expect(containsPhrase(many.text, 'Phí thẩm định: 1.250.000 đồng')).toBe(true);
    expect(containsPhrase(many.text, 'Tổng cộng: 1.300.000 đồng')).toBe(true);
    const none = await pdfText(await renderForm01({ ...samples['01'], fees: [] }));
    expect(containsPhrase(none.text, '7. Phí, lệ phí: Không')).toBe(true);
  });

  it('01 with a long components list breaks across pages without losing a row', async () => {
    const components: ReceiptComponent[] = Array.from({ length: 45 }, (_, i) => ({
      name: `Thành phần số ${String(i + 1).padStart(2, '0')}: bản kê khai chi tiết hạng mục công trình`,
      kind: i % 2 === 0 ? 'original' : 'copy',
      count: 1,
    }));
    const { pages, text } = await pdfText(await renderForm01({ ...samples['01'], components }));
    expect(pages.length).toBeGreaterThan(1);
    const numbers = [...text.matchAll(/Thành phần số (\d{2})/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(components.map((_, i) => i + 1));
    expect(text.match(/Bản chính/g)?.length).toBe(23);
    // Nothing after the table was lost either.
    expect(containsPhrase(text, 'Quyển số: 03/2026')).toBe(true);
    expect(text).toContain('Tra cứu hồ sơ');
  });

  it('02 lists what to supplement, why and by when', async () => {
    const { text } = await pdfText(await renderForm('02', samples['02']));
    expect(containsPhrase(text, 'Bản vẽ mặt cắt móng công trình')).toBe(true);
    expect(containsPhrase(text, 'Đơn chưa được ký')).toBe(true);
    expect(containsPhrase(text, 'trước 17 giờ 00 phút, ngày 04 tháng 12 năm 2026')).toBe(true);
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
  });

  it('03 gives the reason for refusal', async () => {
    const { text } = await pdfText(await renderForm('03', samples['03']));
    expect(containsPhrase(text, 'quyết định thu hồi đất')).toBe(true);
    expect(containsPhrase(text, 'không tiếp nhận, giải quyết hồ sơ')).toBe(true);
  });

  it('04 gives the old and the new appointment, the reason and the signer', async () => {
    const { text } = await pdfText(await renderForm('04', samples['04']));
    expect(text).toContain('An Giang, ngày 11 tháng 12 năm 2026');
    expect(containsPhrase(text, '16 giờ 30 phút, ngày 14 tháng 12 năm 2026')).toBe(true);
    expect(containsPhrase(text, '16 giờ 30 phút, ngày 21 tháng 12 năm 2026')).toBe(true);
    expect(containsPhrase(text, 'chưa có văn bản trả lời')).toBe(true);
    expect(text).toContain('KT. GIÁM ĐỐC');
    expect(text).toContain('Trần Quốc Bảo');
  });

  it('05 gives the reason for stopping', async () => {
    const { text } = await pdfText(await renderForm('05', samples['05']));
    expect(containsPhrase(text, 'Lý do dừng giải quyết: Quá thời hạn bổ sung')).toBe(true);
    expect(containsPhrase(text, 'Về việc dừng giải quyết hồ sơ')).toBe(true);
  });

  it('06 has a row per step with persons, +07:00 times and early / late results', async () => {
    const { text } = await pdfText(await renderForm('06', samples['06']));
    expect(containsPhrase(text, 'Phạm Thị Hồng')).toBe(true);
    expect(containsPhrase(text, 'Võ Minh Khôi')).toBe(true);
    expect(containsPhrase(text, '15 giờ 00 phút, 23/11/2026')).toBe(true);
    expect(containsPhrase(text, 'Trước hạn')).toBe(true);
    expect(containsPhrase(text, 'Quá hạn')).toBe(true);
    expect(containsPhrase(text, 'Chờ ý kiến phối hợp')).toBe(true);
  });

  it('is byte-for-byte reproducible with a fixed `now`', async () => {
    const [a, b] = await Promise.all([renderForm('01', samples['01']), renderForm('01', samples['01'])]);
    expect(a.equals(b)).toBe(true);
  });
});
