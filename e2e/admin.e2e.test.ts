/**
 * Administration in a real browser: the calendar year editor (lunar dates, a day off added and
 * saved, the deadline calculator following it) and the workflow editor (a copy of an active
 * workflow edited over the legal time limit, the problem shown, fixed and saved).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiSession,
  browserSuite,
  DEMO_PASSWORD,
  hasChromium,
  procedureByCode,
  saveJourneyScreenshot,
  signIn,
  waitForPath,
} from './helpers.js';

if (!hasChromium) console.log('Browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).');

/** Cấp giấy phép lao động (Sở Nội vụ): 10 working days on every channel; the demo workflow gives Thụ lý 6. */
const PROCEDURE = {
  code: '1.014199',
  search: 'giay phep lao dong',
  name: 'Cấp giấy phép lao động đối với người lao động nước ngoài làm việc tại Việt Nam',
};

/** Fills an antd DatePicker by typing, as a keyboard user would, and confirms with Enter. */
async function typeDate(page: Page, label: string | RegExp, text: string): Promise<void> {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

(hasChromium ? describe : describe.skip)('administration (browser)', () => {
  const suite = browserSuite();

  it('lets the administrator see Tết with its lunar date, add a day off and the deadline follows', async () => {
    const { page } = await suite.open();
    await signIn(page, 'admin', DEMO_PASSWORD);
    await waitForPath(page, '/staff/units');
    await page.getByRole('menuitem', { name: 'Lịch làm việc' }).click();
    await waitForPath(page, '/staff/calendar');

    const year = page.getByRole('spinbutton', { name: 'Năm' });
    await year.fill('2026');
    await year.press('Enter');
    // Mùng 1 Tết Bính Ngọ: 17/02/2026, 1/1 in the lunar calendar.
    const days = page.getByTestId('calendar-days');
    const tet = days.locator('tr', { hasText: '17/02/2026' });
    await tet.getByText('1/1 âm lịch').waitFor();
    expect(await tet.getByRole('textbox').inputValue()).toMatch(/Tết/);

    // Thursday 11/06/2026 08:00 + 1 working day: Friday 12/06 at the same time.
    await typeDate(page, 'Bắt đầu từ', '11/06/2026 08:00');
    await page.getByLabel('Thời hạn').fill('1');
    await page.getByRole('button', { name: 'Tính hạn' }).click();
    await expect.poll(() => page.getByTestId('calendar-due').textContent()).toBe('Hạn xử lý: 12/06/2026 08:00:00');

    // Friday 12/06 becomes a day off: the deadline moves to Monday 15/06.
    await typeDate(page, /^(\* )?Ngày$/, '12/06/2026');
    await page.getByLabel('Tên gọi', { exact: true }).fill('Nghỉ bù E2E');
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    const added = days.locator('tr', { hasText: '12/06/2026' });
    await added.getByText('Thứ Sáu, 12/06/2026').waitFor();
    await page.getByText('Có thay đổi chưa lưu').waitFor();
    await page.getByRole('button', { name: 'Lưu lịch năm' }).click();
    await page.getByText('Đã lưu lịch năm 2026.').waitFor();
    await expect.poll(() => page.getByTestId('calendar-due').textContent()).toBe('Hạn xử lý: 15/06/2026 08:00:00');

    const saved = (await (await fetch(`${suite.url}/api/calendar/2026`)).json()) as {
      days: { date: string; kind: string; name: string }[];
    };
    expect(saved.days).toContainEqual(
      expect.objectContaining({ date: '2026-06-12', kind: 'holiday', name: 'Nghỉ bù E2E' }),
    );

    // A make-up working day on a weekday is refused with the server's Vietnamese reason.
    await typeDate(page, /^(\* )?Ngày$/, '16/06/2026');
    // The inline form's labels end in antd's colon, so the select is found by its label element.
    await page.locator('.ant-select', { has: page.getByLabel('Loại ngày', { exact: true }) }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Ngày làm bù' }).click();
    await page.getByLabel('Tên gọi', { exact: true }).fill('Làm bù sai');
    await page.getByRole('button', { name: 'Thêm ngày' }).click();
    await page.getByRole('button', { name: 'Lưu lịch năm' }).click();
    await page.getByText('16/06/2026: Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.').waitFor();
    await days.locator('tr', { hasText: '16/06/2026' }).getByRole('button', { name: 'Bỏ ngày 16/06/2026' }).click();
    await saveJourneyScreenshot(page, 'admin-calendar');
  });

  it('lets the procedure control officer copy an active workflow, see the limit exceeded, fix it and save', async () => {
    const procedure = await procedureByCode(suite.url, PROCEDURE.code);
    const { page } = await suite.open();
    await signIn(page, 'kstthc', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Danh mục TTHC' }).click();
    await waitForPath(page, '/staff/catalog');

    // Find the procedure (no diacritics typed), open it, then its workflows.
    await page.getByPlaceholder('Tìm theo tên, mã hoặc chữ viết tắt').fill(PROCEDURE.search);
    await page.getByPlaceholder('Tìm theo tên, mã hoặc chữ viết tắt').press('Enter');
    await page.getByRole('link', { name: procedure.name }).click();
    await page.getByTestId('procedure-detail').getByText('10 ngày làm việc').first().waitFor();
    await page.getByRole('button', { name: 'Quy trình nội bộ' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/staff/workflows' && url.searchParams.get('procedure') === procedure.id,
    );
    const active = page.locator('.ant-table-tbody tr', { hasText: 'Đang áp dụng' }).first();
    await active.getByRole('link').click();
    await page.waitForURL((url) => /^\/staff\/workflows\/[0-9a-f-]{36}$/.test(url.pathname));
    const activeUrl = page.url();

    // Active versions are read-only; a copy is a new draft.
    await page.getByRole('button', { name: 'Sao chép thành dự thảo mới' }).click();
    await page.waitForURL((url) => url.href !== activeUrl && url.pathname.startsWith('/staff/workflows/'));
    await page.getByText('Dự thảo', { exact: true }).waitFor();
    const draftId = new URL(page.url()).pathname.split('/')[3]!;

    const budget = page.getByTestId('time-budget');
    await budget.getByText('Trong thời hạn').first().waitFor();
    const thuLy = page.getByTestId('step-thu-ly');
    const allotment = thuLy.getByLabel('Thời gian thực hiện');
    expect(await allotment.inputValue()).toBe('6');

    // 1 + 9 + 2 + 1 = 13 working days > 10: the verdict, the channels and the total say so.
    await allotment.fill('9');
    await expect.poll(() => page.getByTestId('workflow-verdict').textContent()).toContain('Quy trình còn lỗi');
    await page
      .getByTestId('workflow-problems')
      .getByText(/vượt thời hạn giải quyết 10 ngày làm việc của cách thức trực tiếp/)
      .waitFor();
    await page.getByTestId('budget-counter').getByText('Vượt thời hạn').waitFor();
    await budget.locator('tr', { hasText: 'Trả kết quả' }).getByText('13 ngày').waitFor();

    // Back within the limit (1 + 5.5 + 2 + 1 = 9.5 days), then saved.
    await allotment.fill('5.5');
    await expect.poll(() => page.getByTestId('workflow-verdict').textContent()).toContain('Quy trình hợp lệ.');
    await page.getByTestId('budget-counter').getByText('Trong thời hạn').waitFor();
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.getByText('Đã lưu.').waitFor();

    const api = await apiSession(suite.url, 'kstthc', DEMO_PASSWORD);
    const saved = await api.get<{
      status: string;
      steps: { key: string; allotment: { value: number } }[];
      validation: { valid: boolean };
    }>(`/api/workflows/${draftId}`);
    expect(saved.status).toBe('draft');
    expect(saved.steps.find((s) => s.key === 'thu-ly')?.allotment.value).toBe(5.5);
    expect(saved.validation.valid).toBe(true);
    await saveJourneyScreenshot(page, 'admin-workflow');
  });
});
