/**
 * Appointments and the queue in a real browser: a citizen books a slot on the portal and gets a
 * code and QR code; at the kiosk a walk-in takes a number; the hall's display page follows the
 * counter live (server-sent events) when the officer calls the next number in the staff console.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  browserSuite,
  DEMO_PASSWORD,
  hasChromium,
  procedureByCode,
  saveJourneyScreenshot,
  signIn,
} from './helpers.js';

if (!hasChromium)
  console.log('Queue browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).');

/** Bản sao trích lục hộ tịch (field HT). */
const EXTRACT = '2.000635';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** PUT as a demo account (apiSession has GET and POST only); the status. */
async function putAs(baseUrl: string, username: string, path: string, body: unknown): Promise<number> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('motcua_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'PUT',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.status;
}

(hasChromium ? describe : describe.skip)('appointments and the queue (browser)', () => {
  const suite = browserSuite();
  let centre: string;

  beforeAll(async () => {
    const units = (await (await fetch(`${suite.url}/api/units`)).json()) as {
      units: { id: string; name: string; children: unknown[] }[];
    };
    const flat = (nodes: { id: string; name: string; children: unknown[] }[]): { id: string; name: string }[] =>
      nodes.flatMap((n) => [n, ...flat(n.children as never)]);
    centre = flat(units.units).find((u) => u.name.startsWith('Trung tâm Phục vụ hành chính công'))!.id;
    // The centre takes appointments for civil status (HT) all day, 30-minute slots of 5 places.
    const tiepnhan = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    const entries = [
      { fieldCode: 'HT', weekdays: [1, 2, 3, 4, 5], start: '07:30', end: '11:30', minutes: 30, capacity: 5 },
      { fieldCode: 'HT', weekdays: [1, 2, 3, 4, 5], start: '13:30', end: '17:00', minutes: 30, capacity: 5 },
    ];
    expect(await putAs(suite.url, 'tiepnhan', `/api/queue/units/${centre}/template`, { entries })).toBe(200);
    await tiepnhan.post(`/api/queue/units/${centre}/slots`, { from: today(), to: plusDays(today(), 13) });
  });

  it('a citizen books an appointment: procedure → slot → confirm → code and QR code', async () => {
    const { page } = await suite.open();
    await signIn(page, 'congdan', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto('/dat-lich');
    await page.getByRole('heading', { name: 'Đặt lịch hẹn nộp hồ sơ' }).waitFor();
    await page.getByRole('combobox', { name: 'Tìm thủ tục theo tên hoặc mã' }).fill(EXTRACT);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: EXTRACT }).first().click();
    await page.getByRole('heading', { name: 'Khung giờ còn chỗ' }).waitFor();
    const first = page.getByRole('button', { name: /còn 5 chỗ/ }).first();
    await first.click();
    await page.getByLabel('Họ và tên').waitFor();
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Văn An'); // from the account
    await page.getByLabel('Số điện thoại nhận tin nhắc hẹn').fill('0912345678');
    await page.getByRole('button', { name: 'Xác nhận đặt lịch' }).click();
    const code = (await page.getByTestId('booking-code').textContent())!.trim();
    expect(code).toMatch(/^LH-[2-9A-HJKMNP-Z]{8}$/);
    const qr = page.getByRole('img', { name: `Mã QR lịch hẹn ${code}` });
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);
    await page.getByText(code).nth(1).waitFor(); // also listed under "Lịch hẹn của tôi"
    const congdan = await apiSession(suite.url, 'congdan', DEMO_PASSWORD);
    const mine = await congdan.get<{ items: { code: string; status: string; procedureName: string }[] }>(
      '/api/queue/bookings',
    );
    expect(mine.items).toEqual([expect.objectContaining({ code, status: 'booked' })]);
    await saveJourneyScreenshot(page, 'booking');
    // A 360 px phone: nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('the display page follows the counter live when the officer calls the next number', async () => {
    const extract = await procedureByCode(suite.url, EXTRACT);
    expect(extract.id).toBeTruthy();
    // A walk-in takes a number at the kiosk (its URL names the unit).
    const kiosk = await suite.open();
    await kiosk.page.goto(`/kiosk?unit=${centre}`);
    await kiosk.page.getByRole('button', { name: /Lấy số thứ tự/ }).click();
    await kiosk.page.getByRole('button', { name: 'Hộ tịch' }).click();
    expect(await kiosk.page.getByTestId('ticket-number').textContent()).toBe('001');
    await kiosk.page.getByText('Đang có 0 người chờ trước bạn').waitFor();
    // A second, elderly person: served first.
    await fetch(`${suite.url}/api/public/queue/${centre}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fieldCode: 'HT', elderly: true }),
    });

    const display = await suite.open({ viewport: { width: 1280, height: 720 } });
    await display.page.goto(`/queue/${centre}`);
    await display.page.getByText('Chưa có số nào được gọi').waitFor();
    expect(await display.page.getByTestId('queue-next').textContent()).toMatch(/^002.*001$/);

    const counter = await suite.open();
    await signIn(counter.page, 'tiepnhan', DEMO_PASSWORD);
    await counter.page.waitForURL((url) => url.pathname !== '/login');
    await counter.page.goto('/staff/queue');
    await counter.page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await counter.page.getByTestId('counter-current').getByText('002').waitFor();

    // The display changes without a reload: the stream delivered the new board.
    await display.page.getByTestId('serving-1').getByText('002').waitFor();
    await counter.page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await display.page.getByTestId('serving-1').getByText('001').waitFor();
    await display.page.getByText('0 người đang chờ').waitFor();
    expect(await display.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await saveJourneyScreenshot(display.page, 'queue-display');
    await display.page.setViewportSize({ width: 360, height: 740 });
    await expect
      .poll(() => display.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))
      .toBe(true);
  });
});
