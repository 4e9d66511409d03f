/**
 * The centre's booking slots in a real browser: a one-stop officer of the centre writes the weekly
 * template, generates next week's slots (the weekend listed as skipped), books an appointment for a
 * caller who walked in (đặt lịch hộ), and finds the booking — masked, marked as booked for a
 * caller — in that day's list.
 */
import { describe, expect, it } from 'vitest';
import { apiSession, browserSuite, DEMO_PASSWORD, hasChromium, saveJourneyScreenshot, signIn } from './helpers.js';

if (!hasChromium)
  console.log('Queue admin browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).');

/** Bản sao trích lục hộ tịch (field HT, Hộ tịch). */
const EXTRACT = '2.000635';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Monday of next week (ISO weeks, Vietnam date). */
const nextMonday = () => {
  const d = today();
  const weekday = new Date(`${d}T00:00:00Z`).getUTCDay() || 7;
  return plusDays(d, 8 - weekday);
};
const ddmmyyyy = (date: string) => date.split('-').reverse().join('/');

(hasChromium ? describe : describe.skip)('booking slots at the centre (browser)', () => {
  const suite = browserSuite();

  it('an officer of the centre sets the template, generates next week, books for a walk-in and sees the booking in the day', async () => {
    const monday = nextMonday();
    // The demo runs the centre's queue with a template; this journey builds one from nothing.
    const officer = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    const { user } = await officer.get<{ user: { roles: { role: string; unitId: string | null }[] } }>('/api/me');
    const centre = user.roles.find((r) => r.role === 'one_stop_officer' && r.unitId)!.unitId!;
    await officer.put(`/api/queue/units/${centre}/template`, { entries: [] });
    const { page } = await suite.open();
    await signIn(page, 'tiepnhan', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto('/staff/queue-slots');
    await page.getByRole('heading', { name: 'Khung giờ đặt lịch của đơn vị' }).waitFor();
    await page.getByText('Đơn vị chưa có mẫu khung giờ.').waitFor();

    // The template: civil status (Hộ tịch), Monday–Friday 08:00–10:00, 30-minute slots of 4 places.
    await page.getByRole('button', { name: 'Thêm dòng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm dòng khung giờ' });
    // Typed and chosen with the keyboard; then the choice is shown in the select.
    const field = dialog.getByRole('combobox', { name: 'Nhóm quầy (lĩnh vực)' });
    await field.fill('(HT)');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: '(HT)' }).waitFor();
    await field.press('Enter');
    await dialog.locator('.ant-select-selection-item', { hasText: '(HT)' }).waitFor();
    await dialog.getByLabel('Từ giờ').fill('08:00');
    await dialog.getByLabel('Đến giờ').fill('10:00');
    await dialog.getByLabel('Số chỗ mỗi khung').fill('4');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const line = page.getByTestId('template-table').getByRole('row', { name: /Hộ tịch/ });
    await line.getByText('08:00–10:00').waitFor();
    expect(await line.textContent()).toContain('T2, T3, T4, T5, T6');

    // Next week's slots: the weekend is listed as skipped.
    await page.getByTestId('generate-from').fill(monday);
    await page.getByTestId('generate-to').fill(plusDays(monday, 6));
    await page.getByRole('button', { name: 'Tạo khung giờ' }).click();
    const generated = page.getByTestId('generate-result');
    await generated.waitFor();
    const skipped = await page.getByTestId('generate-skipped').textContent();
    expect(skipped).toContain(`${ddmmyyyy(plusDays(monday, 5))} — `);
    expect(skipped).toContain(`${ddmmyyyy(plusDays(monday, 6))} — `);

    // A walk-in caller: the officer books for them in "Đặt lịch hộ".
    await page.getByTestId('staff-menu').getByText('Đặt lịch hộ').click();
    await page.getByRole('heading', { name: 'Đặt lịch hộ người dân' }).waitFor();
    await page.getByRole('combobox', { name: 'Tìm thủ tục theo tên hoặc mã' }).fill(EXTRACT);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: EXTRACT }).first().click();
    await page.getByRole('heading', { name: 'Khung giờ còn chỗ' }).waitFor();
    await page.getByRole('button', { name: new RegExp(`^${ddmmyyyy(monday)} 08:00–08:30, .*còn 4 chỗ$`) }).click();
    await page.getByLabel('Họ và tên người dân').fill('Lê Văn Cường');
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0903 123 456');
    await page.getByRole('button', { name: 'Đặt lịch', exact: true }).click();
    const code = (await page.getByTestId('caller-booking-code').textContent())!.trim();
    expect(code).toMatch(/^LH-[2-9A-HJKMNP-Z]{8}$/);

    // The day's list shows it, masked, as booked for a caller; the slot has one place taken.
    await page.getByTestId('staff-menu').getByText('Khung giờ đặt lịch').click();
    await page.getByTestId('day-date').fill(monday);
    const slot = page.getByTestId('day-slot').filter({ hasText: '08:00–08:30' });
    await slot.getByTestId('day-booking-code').getByText(code).waitFor();
    const row = slot.getByRole('row', { name: new RegExp(code) });
    expect(await row.textContent()).toMatch(/L\* V\*\* C\*\*\*\*.*Đặt hộ.*\*\*\*\*\*\*\*456.*Đã đặt/);
    expect(await slot.getByTestId('slot-booked').textContent()).toBe('1/4 chỗ đã đặt');
    await saveJourneyScreenshot(page, 'queue-admin');

    // Behind the UI: the booking exists for the procedure, at the slot chosen.
    const tiepnhan = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    const booking = await tiepnhan.get<{ status: string; name: string; startsAt: string }>(
      `/api/queue/bookings/${code}`,
    );
    expect(booking).toMatchObject({ status: 'booked', name: 'Lê Văn Cường', startsAt: `${monday}T01:00:00.000Z` });

    // A 360 px phone: nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
