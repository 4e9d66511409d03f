/**
 * The staff console's dossier journeys in a real browser against the real server (fresh database
 * with the demo province): a one-stop officer receives a dossier from a pasted chip-card QR and
 * downloads the receipt; an official and a leader process a dossier to a signed result (each
 * forward in a dialog naming the next handler, with a comment the timeline shows; the approval
 * moves the dossier on) and the one-stop officer returns it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { blankPdf } from '../src/modules/signing/testing/signed-pdfs.js';
import { PDF } from '../test/fixtures/uploads.js';
import {
  apiSession,
  browserSuite,
  chooseOption,
  DEMO_PASSWORD,
  hasChromium,
  saveJourneyScreenshot,
  signIn,
  waitForPath,
} from './helpers.js';

if (!hasChromium)
  console.log('Staff browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).');

/** Bản sao trích lục hộ tịch: Sở Tư pháp decides it (chuyenvien, lanhdao), the provincial centre receives it (tiepnhan). */
const PROCEDURE = { code: '2.000635', unit: 'Sở Tư pháp' };
/** A chip card's QR text (chip-qr.rules.ts): id | old id | name | birth | sex | address | issued. */
const CARD = {
  idNumber: '089196001234',
  fullName: 'Lê Thị Hồng Nhung',
  address: 'Số 5 Nguyễn Huệ, Phường Long Xuyên, An Giang',
};
const QR = `${CARD.idNumber}||${CARD.fullName}|15061996|Nữ|${CARD.address}|10102022`;

interface ProcedureDetail {
  id: string;
  components: { id: string; name: string; mandatory: boolean }[];
  competentUnits: { id: string; name: string }[];
}

async function procedureByCode(baseURL: string, code: string): Promise<ProcedureDetail> {
  const found = (await (await fetch(`${baseURL}/api/procedures?q=${code}`)).json()) as { items: { id: string }[] };
  return (await (await fetch(`${baseURL}/api/procedures/${found.items[0]!.id}`)).json()) as ProcedureDetail;
}

/** Today in Vietnam as dd/mm/yyyy (the date pickers' format). */
function vietnamToday(): string {
  const d = new Date(Date.now() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Pastes text into a field as a browser paste does (a ClipboardEvent carrying the text). */
async function paste(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Clicks an action button of the dossier page and confirms it in the dialog that follows. */
async function act(page: Page, action: string): Promise<void> {
  await page.getByTestId('dossier-actions').getByRole('button', { name: action }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: action }).click();
  await page.getByText(`Đã thực hiện: ${action}.`).waitFor();
}

const FORWARD = 'Chuyển bước tiếp theo';

/**
 * Chuyển bước: the dialog preselects the least loaded official of the next step (shown with their
 * load); the official adds a comment and forwards. Returns the dialog's chosen handler as shown.
 */
async function forward(page: Page, comment: string, screenshot?: string): Promise<string> {
  await page.getByTestId('dossier-actions').getByRole('button', { name: FORWARD }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(FORWARD) });
  const handler = dialog.getByRole('combobox', { name: 'Người xử lý tiếp theo' });
  await handler.waitFor();
  // The select shows the default, marked as such, once the list arrived.
  const chosen = dialog.locator('.ant-select-selection-item', { hasText: '(mặc định)' });
  await chosen.waitFor();
  await dialog.getByLabel('Ý kiến, ghi chú chuyển bước').fill(comment);
  if (screenshot) await saveJourneyScreenshot(page, screenshot);
  const shown = (await chosen.textContent()) ?? '';
  await dialog.getByRole('button', { name: FORWARD }).click();
  await page.getByText(`Đã thực hiện: ${FORWARD}.`).waitFor();
  return shown;
}

(hasChromium ? describe : describe.skip)('staff console: counter and processing (browser)', () => {
  const suite = browserSuite();
  let procedure: ProcedureDetail;

  beforeAll(async () => {
    procedure = await procedureByCode(suite.url, PROCEDURE.code);
  });

  async function signedIn(username: string, landing: string) {
    const { page } = await suite.open({ acceptDownloads: true });
    await signIn(page, username, DEMO_PASSWORD);
    await waitForPath(page, landing);
    return page;
  }

  it('lets a one-stop officer receive a dossier from a pasted chip-card QR and download the receipt', async () => {
    const page = await signedIn('tiepnhan', '/staff/counter');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await waitForPath(page, '/staff/counter/new');

    // The procedure, found by its code.
    await page.getByRole('searchbox', { name: 'Tìm thủ tục theo tên, mã hoặc chữ viết tắt' }).fill(PROCEDURE.code);
    await page
      .getByRole('button', { name: /^Chọn: / })
      .first()
      .click();
    await page.getByTestId('chosen-procedure').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // A scanner types into the focused field and ends with Enter: a misread says what is wrong.
    await page.keyboard.type('001099012345|Nguyễn Văn An|20051999');
    await page.keyboard.press('Enter');
    await page.getByText('Mã QR: phải có 7 trường ngăn cách bởi dấu "|", nhận được 3.').waitFor();
    // The card's QR, pasted into the scanner field, fills the applicant.
    await page.getByTestId('chip-qr').fill('');
    await paste(page, 'chip-qr', QR);
    await page.getByText(`Đã điền thông tin người nộp từ thẻ: ${CARD.fullName}`).waitFor();
    expect(await page.getByLabel('Họ và tên', { exact: true }).inputValue()).toBe(CARD.fullName);
    expect(await page.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).toBe(CARD.idNumber);
    expect(await page.getByLabel('Địa chỉ', { exact: true }).inputValue()).toBe(CARD.address);
    expect(await page.getByTestId('chip-qr').inputValue()).toBe('');
    await chooseOption(page, 'Nơi giải quyết hồ sơ', PROCEDURE.unit);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // The procedure's tờ khai điện tử is offered; the applicant brought the paper form (scanned next).
    await page.getByTestId('eform').waitFor();
    await page.getByTestId('eform-mode').getByText('Người nộp mang tờ khai giấy (quét ở bước sau)').click();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // One scanned PDF per mandatory component.
    const mandatory = procedure.components.filter((c) => c.mandatory);
    for (const component of mandatory) {
      const row = page.getByTestId('component').filter({ hasText: component.name });
      await row
        .locator('input[type=file]')
        .setInputFiles({ name: 'ban-scan.pdf', mimeType: 'application/pdf', buffer: PDF });
      await row.getByText('ban-scan.pdf').waitFor();
    }
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Fees for the counter channel, then the receipt.
    expect(await page.getByTestId('total-fee').textContent()).toBe('8.000\u00a0₫');
    await page.getByRole('button', { name: 'Tiếp nhận và cấp giấy hẹn' }).click();
    await page.locator('.ant-result-title', { hasText: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const code = (await page.getByTestId('dossier-code').first().textContent())!.trim();
    expect(code).toMatch(/^000\.00\.02\.H91-\d{6}-\d{4}$/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-download').click()]);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const receipt = await page.request.get(`/api/dossiers/${code}/forms/01`);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    expect((await receipt.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

    const tiepnhan = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    const dossier = await tiepnhan.get<{
      status: string;
      channel: string;
      applicant: { fullName: string; idNumber: string };
      components: unknown[];
    }>(`/api/dossiers/${code}`);
    expect(dossier).toMatchObject({
      status: 'received',
      channel: 'counter',
      applicant: { fullName: CARD.fullName, idNumber: CARD.idNumber },
    });
    expect(dossier.components).toHaveLength(mandatory.length);
    // The wizard looked up the applicant's stored papers through an open, audited read.
    const admin = await apiSession(suite.url, 'admin', DEMO_PASSWORD);
    const opened = await admin.get<{ items: { summary: { note?: string } }[] }>('/api/audit?action=store.read_open');
    expect(opened.items[0]?.summary.note).toContain('Tiếp nhận hồ sơ tại quầy');
    await saveJourneyScreenshot(page, 'counter-intake');
  });

  it('lets an official and a leader process a dossier to a signed result, and the counter return it', async () => {
    // Setup through the API: a dossier received at the counter for Sở Tư pháp.
    const tiepnhanApi = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    const fileId = await tiepnhanApi.upload(PDF, 'to-khai.pdf');
    const soTuPhap = procedure.competentUnits.find((u) => u.name === PROCEDURE.unit)!;
    const { code } = await tiepnhanApi.post<{ code: string }>('/api/dossiers', {
      procedureId: procedure.id,
      channel: 'counter',
      competentUnitId: soTuPhap.id,
      applicant: { kind: 'citizen', fullName: CARD.fullName, idNumber: CARD.idNumber },
      components: procedure.components
        .filter((c) => c.mandatory)
        .map((c) => ({ componentId: c.id, fileIds: [fileId] })),
    });
    const dossierPath = `/staff/dossiers/${code}`;

    // The one-stop officer hands it over to processing: to the official the dialog proposes, with a comment.
    let page = await signedIn('tiepnhan', '/staff/counter');
    await page.goto(dossierPath);
    expect(await forward(page, 'Hồ sơ đủ thành phần, đề nghị thẩm định')).toMatch(
      /^Lê Văn Cường — \d+ hồ sơ đang xử lý \(mặc định\)$/,
    );
    // The timeline says who handed it to whom, with the comment (not the action's name again).
    await page
      .getByTestId('timeline-handed')
      .getByText('Trần Thị Bích chuyển cho Lê Văn Cường (Chuyên viên xử lý): Hồ sơ đủ thành phần, đề nghị thẩm định')
      .waitFor();

    // The official finds it among their tasks, opens a component in the viewer, forwards it.
    page = await signedIn('chuyenvien', '/staff/dossiers');
    await page.getByTestId(`dossier-row-${code}`).getByRole('link', { name: code }).click();
    await waitForPath(page, dossierPath);
    // The population database (simulated) does not know the card's number: the official is told to check the papers.
    await page
      .getByTestId('population-check')
      .getByText('Không tìm thấy trong CSDLQG về dân cư', { exact: false })
      .waitFor();
    await page.getByTestId('dossier-components').getByRole('button').first().click();
    await page.getByTestId('file-viewer').locator('iframe').waitFor();
    await page.locator('.ant-modal-close').click();
    await forward(page, 'Đủ điều kiện, trình lãnh đạo ký', 'issue15-11-forward');
    await page
      .getByTestId('timeline-handed')
      .getByText('Lê Văn Cường chuyển cho Phạm Minh Đức (Lãnh đạo đơn vị): Đủ điều kiện, trình lãnh đạo ký')
      .waitFor();

    // The leader sees the unit overview and signs the result: approving moves the dossier on to the counter.
    page = await signedIn('lanhdao', '/staff/dossiers');
    await page.getByTestId('unit-overview').getByText('Đang xử lý').waitFor();
    await page.getByTestId(`dossier-row-${code}`).getByRole('link', { name: code }).click();
    await waitForPath(page, dossierPath);
    await page.getByTestId('dossier-actions').getByRole('button', { name: 'Phê duyệt, ký kết quả' }).click();
    const dialog = page.locator('.ant-modal-content', { hasText: 'Tệp kết quả cần ký số' });
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: await blankPdf() });
    await dialog.getByText('ket-qua.pdf').waitFor();
    await dialog.getByLabel('Số văn bản, giấy tờ').fill('125/TLHT');
    await dialog.getByLabel('Ngày ban hành').fill(vietnamToday());
    await dialog.getByLabel('Ngày ban hành').press('Enter');
    await dialog.locator('.ant-select-selection-item', { hasText: 'Trần Thị Bích' }).waitFor();
    await dialog.getByLabel('Ý kiến, ghi chú chuyển bước').fill('Đồng ý, trả kết quả');
    await dialog.getByRole('button', { name: 'Phê duyệt, ký kết quả' }).click();
    // The remote-signing service asks for the confirmation on the leader's phone (its simulator's page).
    const phoneUrl = await dialog.getByTestId('signing-phone-link').getAttribute('href');
    const phone = (await suite.open()).page;
    await phone.goto(phoneUrl!);
    await phone.getByRole('button', { name: 'Xác nhận ký' }).click();
    await page.getByTestId('dossier-results').getByText('Số 125/TLHT', { exact: false }).waitFor();
    await page
      .getByTestId('timeline-handed')
      .getByText('Phạm Minh Đức phê duyệt, chuyển cho Trần Thị Bích (Cán bộ tiếp nhận (Một cửa)): Đồng ý, trả kết quả')
      .waitFor();
    expect(await page.getByTestId('dossier-actions').getByRole('button', { name: FORWARD }).count()).toBe(0);

    // The one-stop officer finishes processing and returns the result at the counter.
    page = await signedIn('tiepnhan', '/staff/counter');
    await page.goto(dossierPath);
    await act(page, 'Kết thúc xử lý');
    // A result is returned only once nothing is due (payments' return guard): the fee at the counter.
    const { due } = await tiepnhanApi.get<{ due: { obligationId: string | null; amountVnd: number }[] }>(
      `/api/dossiers/${code}/payments`,
    );
    for (const [i, item] of due.entries())
      await tiepnhanApi.post(`/api/dossiers/${code}/payments/counter`, {
        ...item,
        receiptNumber: `BL-E2E-${code}-${i}`,
      });
    await page.getByRole('menuitem', { name: 'Một cửa' }).click();
    await page.getByRole('tab', { name: 'Trả kết quả' }).click();
    await page.getByTestId(`dossier-row-${code}`).getByRole('button', { name: 'Trả kết quả' }).click();
    await page.locator('.ant-modal-content').getByRole('button', { name: 'Trả kết quả' }).click();
    await page.getByText('Đã thực hiện: Trả kết quả.').waitFor();

    const done = await tiepnhanApi.get<{ status: string; results: { number: string }[] }>(`/api/dossiers/${code}`);
    expect(done.status).toBe('returned');
    expect(done.results.map((r) => r.number)).toEqual(['125/TLHT']);
    await page.goto(dossierPath);
    await page.getByTestId('dossier-history').getByText('Lê Văn Cường').first().waitFor();
    await saveJourneyScreenshot(page, 'processing');
  });

  it('fits a 360 px phone: the counter, its queue and the worklist never scroll sideways', async () => {
    const page = await signedIn('tiepnhan', '/staff/counter');
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/staff/counter', '/staff/queue', '/staff/dossiers']) {
      await page.goto(path);
      await page.getByTestId('current-user').waitFor();
      await page.waitForLoadState('networkidle');
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: path })
        .toBeLessThanOrEqual(0);
    }
  });
});
