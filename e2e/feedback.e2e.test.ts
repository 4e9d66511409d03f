/**
 * Feedback and satisfaction in a real browser against the real server: an anonymous citizen
 * verifies a phone (the code read from the notifier simulator's outbox, as the API tests do) and
 * sends feedback; the provincial office routes it, an official answers and publishes it on the
 * console, and the public page shows the answer without personal data; a citizen rates a
 * returned dossier on the portal (a bad rating becoming feedback) and the counter tablet takes
 * its own rating.
 */
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/kernel/db.js';
import { maskPersonName } from '../src/kernel/personal-data.js';
import { PDF } from '../test/fixtures/uploads.js';
import {
  apiSession,
  browserSuite,
  chooseOption,
  chooseUnit,
  DEMO_PASSWORD,
  hasChromium,
  procedureByCode,
  saveJourneyScreenshot,
  signIn,
  sampleEformFor,
} from './helpers.js';

if (!hasChromium)
  console.log('Feedback browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).');

const PHONE = '0987654321';
const NAME = 'Trần Thị Bình';
const TITLE = 'Bộ phận một cửa yêu cầu nộp bản sao giấy khai sinh';
const ANSWER = 'Sở Tư pháp đã bỏ yêu cầu bản sao giấy khai sinh có chứng thực từ ngày 01/7/2025.';
/** Bản sao trích lục hộ tịch: Sở Tư pháp decides it; filed online to the provincial centre. */
const EXTRACT = '2.000635';
const CONGDAN = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '089095000123', phone: '0912345678' };

interface UnitNode {
  id: string;
  name: string;
  children: UnitNode[];
}
const flatten = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

(hasChromium ? describe : describe.skip)('feedback and satisfaction (browser)', () => {
  const suite = browserSuite();
  let feedbackCode = '';

  const session = (username: string) => apiSession(suite.url, username, DEMO_PASSWORD);
  const unitId = async (name: string) => {
    const units = flatten(((await (await fetch(`${suite.url}/api/units`)).json()) as { units: UnitNode[] }).units);
    return units.find((u) => u.name.startsWith(name))!.id;
  };
  /** The one-time code the simulator "sent" to a phone (what a real SMS would carry). */
  const codeSentTo = async (recipient: string) => {
    const [row] = await queryRows<{ body: string }>(
      suite.server.db,
      sql`select body from notification_messages where address = ${recipient} order by created_at desc limit 1`,
    );
    return /(\d{6})/.exec(row!.body)![1]!;
  };
  const pageText = (page: Page) => page.locator('body').textContent();

  it('lets an anonymous citizen verify a phone and send feedback', async () => {
    const { page } = await suite.open();
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Chức năng của cổng' })
      .getByRole('link', { name: 'Phản ánh, kiến nghị' })
      .click();
    await page.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị' }).waitFor();

    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('+84 987 654 321');
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await page.getByText('Đã gửi mã đến').waitFor();
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(await codeSentTo(PHONE));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText(`Đã xác thực +84 987 654 321.`).waitFor();

    await page.getByLabel('Tiêu đề').fill(TITLE);
    await page
      .getByLabel('Nội dung phản ánh, kiến nghị')
      .fill(
        `Tôi là ${NAME}, số điện thoại ${PHONE}. Thủ tục đăng ký kết hôn vẫn yêu cầu bản sao giấy khai sinh có chứng thực dù đã có dữ liệu dân cư.`,
      );
    await page.getByLabel('Họ và tên').fill(NAME);
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();

    const code = page.getByTestId('feedback-code');
    await code.waitFor();
    feedbackCode = /PAKN-\d{6}/.exec((await code.textContent()) ?? '')![0];
    expect(await pageText(page)).toContain('Vui lòng ghi lại mã này');
    await saveJourneyScreenshot(page, 'feedback-submit');
  });

  it('lets staff route, answer and publish it; the public page shows the answer without personal data', async () => {
    expect(feedbackCode).not.toBe('');
    // The provincial office classifies and routes it on the console.
    const office = await suite.open();
    await signIn(office.page, 'kstthc', DEMO_PASSWORD);
    await office.page.waitForURL((url) => url.pathname.startsWith('/staff'));
    await office.page.goto('/staff/feedback');
    await office.page.getByTestId(`feedback-row-${feedbackCode}`).getByRole('link', { name: feedbackCode }).click();
    await office.page.getByRole('button', { name: 'Phân loại và chuyển xử lý' }).click();
    const classify = office.page.getByRole('dialog');
    await chooseOption(office.page, 'Phân loại', 'Quy định hành chính');
    await chooseUnit(office.page, 'Đơn vị có thẩm quyền', 'Sở Tư pháp');
    await classify.getByRole('button', { name: 'Phân loại và chuyển xử lý' }).click();
    await expect.poll(() => office.page.getByTestId('feedback-status').textContent()).toBe('Đang xử lý');

    // The official of Sở Tư pháp answers and publishes.
    const { page } = await suite.open();
    await signIn(page, 'chuyenvien', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname.startsWith('/staff'));
    await page.getByTestId('staff-menu').getByText('Phản ánh, kiến nghị').click();
    await page.getByTestId(`feedback-row-${feedbackCode}`).getByRole('link', { name: feedbackCode }).click();
    // The similar-items panel loads after the detail: wait for it rather than sample it.
    await page.getByTestId('feedback-similar').waitFor();
    await page.getByTestId('feedback-actions').getByRole('button', { name: 'Trả lời' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nội dung trả lời').fill(`${ANSWER} Đã liên hệ bà qua số ${PHONE}.`);
    await dialog.getByRole('button', { name: 'Trả lời' }).click();
    await expect.poll(() => page.getByTestId('feedback-status').textContent()).toBe('Đã trả lời');
    await page.getByTestId('feedback-actions').getByRole('button', { name: 'Công khai trả lời' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Công khai trả lời' }).click();
    await expect.poll(() => page.getByTestId('feedback-status').textContent()).toBe('Đã công khai');

    // Anyone reads it on the portal: the answer, a masked name, no phone number.
    const visitor = await suite.open();
    await visitor.page.goto('/phan-anh/cong-khai');
    await visitor.page.getByTestId('public-feedback').getByRole('link', { name: TITLE }).click();
    await visitor.page.getByTestId('public-answer').waitFor();
    expect(await visitor.page.getByTestId('public-answer').textContent()).toContain(ANSWER);
    const text = await pageText(visitor.page);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(NAME);
    expect(await visitor.page.getByTestId('public-submitter').textContent()).toBe(
      `Người phản ánh: ${maskPersonName(NAME)}`,
    );
    await saveJourneyScreenshot(visitor.page, 'feedback-public');
  });

  it('lets a citizen rate a returned dossier (a bad rating becomes feedback) and the counter tablet rate it too', async () => {
    const extract = await procedureByCode(suite.url, EXTRACT);
    const [congdan, tiepnhan, chuyenvien, lanhdao] = await Promise.all([
      session('congdan'),
      session('tiepnhan'),
      session('chuyenvien'),
      session('lanhdao'),
    ]);
    const filed = await congdan.upload(PDF, 'to-khai.pdf');
    let d = await congdan.post<{ code: string; version: number }>('/api/dossiers', {
      procedureId: extract.id,
      channel: 'online',
      applicant: CONGDAN,
      components: extract.components.filter((c) => c.mandatory).map((c) => ({ componentId: c.id, fileIds: [filed] })),
      competentUnitId: await unitId('Sở Tư pháp'),
      receivingUnitId: await unitId('Trung tâm Phục vụ hành chính công'),
      eform: await sampleEformFor(suite.url, congdan, extract.id),
    });
    const act = async (who: typeof congdan, action: string, fields: Record<string, unknown> = {}) => {
      d = await who.post(`/api/dossiers/${d.code}/actions`, { action, version: d.version, ...fields });
    };
    await act(tiepnhan, 'accept');
    await act(tiepnhan, 'forward');
    await act(chuyenvien, 'forward');
    const result = {
      fileId: await lanhdao.upload(PDF, 'ket-qua.pdf'),
      number: '126/TL-STP',
      issuedOn: new Date().toISOString().slice(0, 10),
      issuer: 'Sở Tư pháp',
      signer: 'Phạm Minh Đức',
      certificateSerial: '5403A1B2C3D4E5F7',
    };
    await act(lanhdao, 'signResult', { result });
    await act(tiepnhan, 'finish');
    // The result is returned once the fee is paid (payments' return guard): 8.000 ₫ at the counter.
    await tiepnhan.post(`/api/dossiers/${d.code}/payments/counter`, {
      amountVnd: 8000,
      receiptNumber: `BL-E2E-${d.code}`,
    });
    await act(tiepnhan, 'returnResult', { resultChannel: 'online' });

    // The citizen on the portal: waiting time rated badly, so the form asks why.
    const { page } = await suite.open();
    await signIn(page, 'congdan', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`/ho-so-cua-toi/${d.code}`);
    const card = page.getByTestId('rating-card');
    const level = (criterion: string, label: string) =>
      card.locator('fieldset', { hasText: criterion }).getByText(label, { exact: true }).click();
    await level('Mức độ hài lòng chung', 'Bình thường');
    await level('Thời gian chờ đợi', 'Không hài lòng');
    await level('Thái độ của cán bộ', 'Hài lòng');
    await level('Kết quả trả đúng hẹn', 'Rất hài lòng');
    await card.getByLabel('Vì sao ông/bà chưa hài lòng?').fill('Phải chờ hơn một giờ tại quầy trả kết quả.');
    await card.getByText('Chuyển nội dung này thành phản ánh').click();
    await card.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await card.getByText('Cảm ơn ông/bà đã đánh giá.').waitFor();
    expect(await card.getByTestId('rating-feedback').textContent()).toMatch(/PAKN-\d{6}/);
    const portalForm = await congdan.get<{ channel: string; alreadyRated: boolean }>(`/api/rate/${d.code}`);
    expect(portalForm).toMatchObject({ channel: 'portal', alreadyRated: true });

    // The counter tablet (the one-stop officer's session): large buttons, no console menu.
    const tablet = await suite.open({ viewport: { width: 1024, height: 768 }, hasTouch: true });
    await signIn(tablet.page, 'tiepnhan', DEMO_PASSWORD);
    await tablet.page.waitForURL((url) => url.pathname.startsWith('/staff'));
    await tablet.page.goto('/rate');
    await tablet.page.getByLabel('Mã hồ sơ').fill(d.code);
    await tablet.page.getByRole('button', { name: 'Mở phiếu đánh giá' }).click();
    const form = tablet.page.getByTestId('rating-form');
    await form.waitFor();
    expect(await tablet.page.getByTestId('staff-menu').count()).toBe(0);
    for (const criterion of [
      'Mức độ hài lòng chung',
      'Thời gian chờ đợi',
      'Thái độ của cán bộ',
      'Kết quả trả đúng hẹn',
    ]) {
      await form.locator('fieldset', { hasText: criterion }).getByText('Rất hài lòng', { exact: true }).tap();
    }
    const submit = form.getByRole('button', { name: 'Gửi đánh giá' });
    expect((await submit.boundingBox())!.height).toBeGreaterThanOrEqual(64);
    await submit.tap();
    await tablet.page.getByText('Cảm ơn ông/bà đã đánh giá.').waitFor();
    expect(await tiepnhan.get<{ channel: string; alreadyRated: boolean }>(`/api/rate/${d.code}`)).toMatchObject({
      channel: 'counter',
      alreadyRated: true,
    });
    await saveJourneyScreenshot(tablet.page, 'feedback-rating');
  });
});
