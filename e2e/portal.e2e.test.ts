/**
 * The citizen's journeys in a real browser against the real server (fresh database with the demo
 * province): find a procedure without typing diacritics, file it online by filling its tờ khai
 * điện tử (prefilled from the population database) with uploads, track it, and the official reads
 * the filled tờ khai as a PDF;
 * look a dossier up by its code (the receipt's QR URL) and at the kiosk; a 360 px phone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { maskPersonName } from '../src/kernel/personal-data.js';
import { PDF } from '../test/fixtures/uploads.js';
import {
  apiSession,
  browserSuite,
  chooseOption,
  DEMO_PASSWORD,
  hasChromium,
  procedureByCode,
  saveJourneyScreenshot,
  signIn,
  waitForPath,
  sampleEformFor,
} from './helpers.js';

if (!hasChromium)
  console.log('Portal browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).');

const BIRTH = { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' };
const LABOUR_PERMIT = '1.014199'; // Sở Nội vụ: received at the provincial service centre
const APPLICANT = { kind: 'citizen', fullName: 'Nguyễn Thị Ánh Tuyết', idNumber: '089195000456', phone: '0912345678' };
/** Bản sao trích lục hộ tịch: Sở Tư pháp decides it (chuyenvien, lanhdao); filed online to the provincial centre (tiepnhan). */
const EXTRACT = '2.000635';
/** The demo citizen as applicant: their own identifier, so results join their data store. */
const CONGDAN = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '089095000123', phone: '0912345678' };

interface Dossier {
  code: string;
  version: number;
  status: string;
  components: { componentId: string; fileIds: string[] }[];
  results: { name: string; fileId: string }[];
}

interface UnitNode {
  id: string;
  name: string;
  children: UnitNode[];
}
const flatten = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

/** Picks an option of an antd Select found by its input's id (the e-form's address pickers). */
async function pickById(page: Page, id: string, option: string): Promise<void> {
  await page.locator('.ant-select', { has: page.locator(`#${id}`) }).click();
  await page.locator(`#${id}`).fill(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** The typed part of the birth-registration tờ khai (the requester's and father's data come prefilled). */
async function fillBirthEform(page: Page): Promise<void> {
  const field = (key: string) => page.getByTestId(`eform-field-${key}`);
  await field('relationship').getByText('Cha', { exact: true }).click();
  await page.locator('#eform-childFullName').fill('Nguyễn Ngọc Hân');
  await page.locator('#eform-childBirthDate').fill('21/11/2025');
  await field('childGender').getByText('Nữ', { exact: true }).click();
  await page.locator('#eform-childEthnicity').fill('Kinh');
  await page.locator('#eform-childNationality').fill('Việt Nam');
  await page.locator('#eform-childBirthPlace').fill('Bệnh viện Đa khoa Trung tâm An Giang');
  await page.locator('#eform-childHometown').fill('Phường Long Xuyên, An Giang');
  await page.locator('#eform-motherFullName').fill('Trần Thị Thu Hằng');
  await page.locator('#eform-motherBirthYear').fill('1997');
  await page.locator('#eform-motherEthnicity').fill('Kinh');
  await page.locator('#eform-motherNationality').fill('Việt Nam');
  await pickById(page, 'eform-motherResidence-province', 'An Giang');
  await pickById(page, 'eform-motherResidence-commune', 'Phường Long Xuyên');
  await page.locator('#eform-motherResidence-detail').fill('Số 7 Nguyễn Huệ');
  await field('fatherKnown').getByText('Có', { exact: true }).click();
  await page.locator('#eform-fatherEthnicity').fill('Kinh');
  await page.locator('#eform-commitment').check();
}

/** Nothing wider than the screen: the page never scrolls sideways. */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

(hasChromium ? describe : describe.skip)('citizen portal and kiosk (browser)', () => {
  const suite = browserSuite();

  /** A dossier received at the counter by the one-stop officer (status Đã tiếp nhận). */
  async function counterDossier(): Promise<string> {
    const tiepnhan = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    const permit = await procedureByCode(suite.url, LABOUR_PERMIT);
    const fileId = await tiepnhan.upload(PDF, 'giay-to.pdf');
    const components = permit.components
      .filter((c) => c.mandatory)
      .map((c) => ({ componentId: c.id, fileIds: [fileId] }));
    const dossier = await tiepnhan.post<{ code: string }>('/api/dossiers', {
      procedureId: permit.id,
      channel: 'counter',
      applicant: APPLICANT,
      components,
    });
    return dossier.code;
  }

  it('lets a citizen find a procedure without diacritics, file it online with its e-form and uploads, and track it', async () => {
    const { page, scripts } = await suite.open();
    const birth = await procedureByCode(suite.url, BIRTH.code);
    const commune = birth.competentUnits[0]!;

    // Search as you type, without diacritics.
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).fill('dang ky khai sinh');
    await page.getByTestId('procedure-results').getByRole('link', { name: BIRTH.name, exact: true }).click();
    await waitForPath(page, `/thu-tuc/${birth.id}`);

    // The detail: all parts, money and time limits as people read them.
    await page.getByRole('heading', { name: BIRTH.name }).waitFor();
    await page.getByRole('heading', { name: 'Trình tự thực hiện' }).waitFor();
    await page.getByRole('heading', { name: 'Căn cứ pháp lý' }).waitFor();
    expect(await page.getByTestId('channels').textContent()).toMatch(/4 giờ làm việc.*0\u00a0₫/);
    expect(await page.getByTestId('procedure-facts').textContent()).toContain('Toàn trình');
    expect(await page.getByTestId('components').getByText('Bắt buộc').count()).toBe(
      birth.components.filter((c) => c.mandatory).length,
    );
    // The portal never downloads the staff console (matched by name: whatever chunk holds it).
    expect(scripts.filter((s) => /\/(StaffConsole|CounterPage|DossiersPage)-/.test(s))).toEqual([]);

    // Filing needs a sign-in, which comes back to the form.
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await waitForPath(page, '/login');
    await page.getByLabel('Tên đăng nhập').fill('congdan');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await waitForPath(page, `/nop-ho-so/${birth.id}`);

    // Step 1: name and identifier come from the account's profile; the phone is typed; the commune chosen.
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Văn An');
    await expect.poll(() => page.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).toBe(CONGDAN.idNumber);
    await page.getByLabel('Số điện thoại').fill('0987654321');
    await chooseOption(page, 'Nơi giải quyết hồ sơ', commune.name);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 2: the tờ khai điện tử, prefilled from the population database (locked), validated as typed.
    await page.getByTestId('eform').waitFor();
    await expect.poll(() => page.locator('#eform-requesterFullName').inputValue()).toBe('Nguyễn Văn An');
    expect(await page.locator('#eform-requesterFullName').isDisabled()).toBe(true);
    await page.getByTestId('eform-source-requesterPersonalId').getByText('Từ CSDLQG về dân cư').waitFor();
    await page.locator('#eform-childBirthDate').fill('31/02/2025');
    await page.getByTestId('eform-field-childBirthDate').getByText('Ngày không hợp lệ').waitFor();
    await page.getByTestId('eform-next').click();
    await page.getByText(/Tờ khai còn \d+ trường chưa hợp lệ/).waitFor();
    await fillBirthEform(page);
    // A draft kept on the server, to resume on another device.
    await page.getByTestId('eform-save-draft').click();
    await page.getByText(/Đã lưu nháp lúc/).waitFor();
    const prefilledText = (await page.getByTestId('eform-prefilled').textContent())!;
    const [, count, total] = /(\d+)\/(\d+)/.exec(prefilledText)!.map(Number) as [number, number, number];
    expect(count / total).toBeGreaterThanOrEqual(0.2);
    await expect
      .poll(() => page.locator('#eform-childBirthDateInWords').inputValue())
      .toBe('Ngày hai mươi mốt tháng mười một năm hai nghìn không trăm hai mươi lăm');
    await saveJourneyScreenshot(page, 'citizen-eform');
    await page.getByTestId('eform-next').click();

    // Step 3: a PDF for each mandatory component but the tờ khai (the e-form stands for it).
    const mandatory = birth.components.filter((c) => c.mandatory && !c.formTemplate?.startsWith('Tờ khai'));
    expect(mandatory.length).toBe(birth.components.filter((c) => c.mandatory).length - 1);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText('Còn thiếu thành phần bắt buộc:').waitFor();
    for (const [i, component] of mandatory.entries()) {
      const row = page.getByTestId('component').filter({ hasText: component.name });
      await row
        .locator('input[type=file]')
        .setInputFiles({ name: `giay-to-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await row.getByText(`giay-to-${i + 1}.pdf`).waitFor();
    }
    // Every mandatory component has its file: the warning is gone before the next click.
    await expect.poll(() => page.getByText('Còn thiếu thành phần bắt buộc:').count()).toBe(0);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Step 4: review, pledge, submit — a double click files once (one Idempotency-Key per form).
    const review = page.getByTestId('review');
    await review.getByText('Nguyễn Văn An').waitFor();
    await review.getByText(commune.name).waitFor();
    await review.getByText('giay-to-1.pdf').waitFor();
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).dblclick();
    const code = (await page.getByTestId('dossier-code').textContent())!.trim();
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/);

    const congdan = await apiSession(suite.url, 'congdan', DEMO_PASSWORD);
    const own = await congdan.get<{ items: { code: string; status: string; channel: string }[]; total: number }>(
      '/api/dossiers',
    );
    expect(own.total).toBe(1);
    expect(own.items[0]).toMatchObject({ code, status: 'registered', channel: 'online' });
    const filed = await congdan.get<{ components: { componentId: string }[]; competentUnit: { id: string } }>(
      `/api/dossiers/${code}`,
    );
    expect(filed.components.map((c) => c.componentId).sort()).toEqual(mandatory.map((c) => c.id).sort());
    expect(filed.competentUnit.id).toBe(commune.id);

    // The official of the commune opens the filled tờ khai: a PDF whose text holds the typed Vietnamese values.
    const admin = await apiSession(suite.url, 'admin', DEMO_PASSWORD);
    await admin.post('/api/users', {
      username: 'motcua.xa',
      fullName: 'Lê Thị Một Cửa',
      kind: 'staff',
      homeUnitId: commune.id,
      password: 'Mot-cua-xa-2025!',
      roles: [{ role: 'one_stop_officer', unitId: commune.id }],
    });
    const official = await suite.open();
    await signIn(official.page, 'motcua.xa', 'Mot-cua-xa-2025!');
    await official.page.waitForURL((url) => url.pathname !== '/login');
    await official.page.goto(`/staff/dossiers/${encodeURIComponent(code)}`);
    const link = official.page.getByTestId('dossier-eform-pdf');
    await link.waitFor();
    const pdf = await official.page.request.get((await link.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    const pdfFile = join(mkdtempSync(join(tmpdir(), 'eform-')), 'to-khai.pdf');
    writeFileSync(pdfFile, await pdf.body());
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const value of [
      'TỜ KHAI ĐĂNG KÝ KHAI SINH',
      'Nguyễn Ngọc Hân',
      'Trần Thị Thu Hằng',
      'Phường Long Xuyên',
      '21/11/2025',
    ])
      expect(text).toContain(value);

    // Track it: the detail, then the list under "Hồ sơ của tôi".
    await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).click();
    await waitForPath(page, `/ho-so-cua-toi/${code}`);
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Mới đăng ký');
    await page.getByTestId('dossier-timeline').getByText('Nộp hồ sơ trực tuyến').waitFor();
    await page.getByText('Giấy tiếp nhận (mẫu 01) sẽ có khi Bộ phận Một cửa tiếp nhận hồ sơ.').waitFor();
    // The filed files by the names they were uploaded with, not "Tệp 1".
    await page.getByRole('link', { name: 'giay-to-1.pdf' }).waitFor();
    await saveJourneyScreenshot(page, 'issue15-filed-file-names');
    await page
      .getByRole('navigation', { name: 'Chức năng của cổng' })
      .getByRole('link', { name: 'Hồ sơ của tôi' })
      .click();
    await waitForPath(page, '/ho-so-cua-toi');
    const item = page.getByTestId('my-dossiers').getByRole('listitem').filter({ hasText: code });
    await item.getByText('Mới đăng ký').waitFor();
    await item.getByText(BIRTH.name).waitFor();
    await saveJourneyScreenshot(page, 'citizen-submit');
  });

  it('shows a dossier by its code to anyone, masked, and at the kiosk by touch', async () => {
    const code = await counterDossier();

    // The receipt's QR opens /tra-cuu?ma=<code>.
    const { page } = await suite.open();
    await page.goto(`/tra-cuu?ma=${encodeURIComponent(code)}`);
    const card = page.getByTestId('public-dossier');
    expect(await card.getByTestId('public-status').textContent()).toBe('Đã tiếp nhận');
    expect(await card.getByTestId('masked-name').textContent()).toBe(maskPersonName(APPLICANT.fullName));
    expect(await page.content()).not.toContain(APPLICANT.fullName);
    expect(await page.content()).not.toContain(APPLICANT.idNumber);

    // An unknown code: the server's message and what to do.
    await page.getByLabel('Mã hồ sơ', { exact: true }).fill(code.replace(/\d{4}$/, '9999'));
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    expect(await page.getByTestId('lookup-error').textContent()).toContain('Không tìm thấy hồ sơ.');
    expect(await page.getByTestId('lookup-error').textContent()).toContain('Vui lòng kiểm tra lại mã hồ sơ');

    // The kiosk: big choices, an on-screen keyboard, and back home by itself when left alone.
    const kiosk = (await suite.open({ viewport: { width: 1280, height: 1024 } })).page;
    await kiosk.goto('/kiosk?idle=6');
    await kiosk.getByRole('button', { name: /Tra cứu thủ tục hành chính/ }).click();
    const keyboard = kiosk.getByTestId('kiosk-keyboard');
    for (const key of 'KHAI SINH')
      await keyboard.getByRole('button', { name: key === ' ' ? 'Dấu cách' : key, exact: true }).click();
    await kiosk.getByTestId('kiosk-results').getByRole('button', { name: BIRTH.name, exact: true }).click();
    await kiosk.getByRole('heading', { name: 'Thành phần, số lượng hồ sơ' }).waitFor();
    await kiosk.getByRole('button', { name: 'Màn hình chính' }).click();

    await kiosk.getByRole('button', { name: /Tra cứu tình trạng hồ sơ/ }).click();
    for (const key of code)
      await kiosk.getByTestId('kiosk-keyboard').getByRole('button', { name: key, exact: true }).click();
    expect(await kiosk.getByRole('textbox', { name: /Mã hồ sơ/ }).inputValue()).toBe(code);
    await kiosk.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    expect(await kiosk.getByTestId('public-status').textContent()).toBe('Đã tiếp nhận');
    expect(await kiosk.getByTestId('masked-name').textContent()).toBe(maskPersonName(APPLICANT.fullName));
    await saveJourneyScreenshot(kiosk, 'kiosk-lookup');

    // Left alone, it forgets the lookup.
    await kiosk.getByRole('button', { name: /Tra cứu thủ tục hành chính/ }).waitFor();
    expect(await kiosk.getByTestId('public-dossier').count()).toBe(0);
  });

  it('lets a citizen answer a supplement request by uploading, and download the signed result', async () => {
    const extract = await procedureByCode(suite.url, EXTRACT);
    const units = flatten(((await (await fetch(`${suite.url}/api/units`)).json()) as { units: UnitNode[] }).units);
    const soTuPhap = units.find((u) => u.name === 'Sở Tư pháp')!.id;
    const centre = units.find((u) => u.name.startsWith('Trung tâm Phục vụ hành chính công'))!.id;
    const session = (username: string) => apiSession(suite.url, username, DEMO_PASSWORD);
    const [congdan, tiepnhan, chuyenvien, lanhdao] = await Promise.all([
      session('congdan'),
      session('tiepnhan'),
      session('chuyenvien'),
      session('lanhdao'),
    ]);
    const mandatory = extract.components.filter((c) => c.mandatory);
    const filedFile = await congdan.upload(PDF, 'to-khai.pdf');
    let d = await congdan.post<Dossier>('/api/dossiers', {
      procedureId: extract.id,
      channel: 'online',
      applicant: CONGDAN,
      components: mandatory.map((c) => ({ componentId: c.id, fileIds: [filedFile] })),
      competentUnitId: soTuPhap,
      receivingUnitId: centre,
      eform: await sampleEformFor(suite.url, congdan, extract.id),
    });
    const act = async (who: typeof congdan, action: string, fields: Record<string, unknown> = {}) => {
      d = await who.post<Dossier>(`/api/dossiers/${d.code}/actions`, { action, version: d.version, ...fields });
    };
    await act(tiepnhan, 'accept');
    await act(tiepnhan, 'forward');
    const note = 'Đề nghị bổ sung bản sao giấy khai sinh có chứng thực';
    await act(chuyenvien, 'requestSupplement', { note });

    // The citizen sees the request with the officer's note and answers it by uploading.
    const { page } = await suite.open();
    await signIn(page, 'congdan', DEMO_PASSWORD);
    await waitForPath(page, '/');
    await page.goto(`/ho-so-cua-toi/${d.code}`);
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Chờ bổ sung');
    expect(await page.getByTestId('supplement-request').textContent()).toContain(note);
    await page.getByTestId('form-02').waitFor();
    await page.getByRole('button', { name: 'Bổ sung hồ sơ' }).click();
    const dialog = page.getByRole('dialog');
    const first = dialog.getByTestId('supply-component').filter({ hasText: mandatory[0]!.name });
    await first
      .locator('input[type=file]')
      .setInputFiles({ name: 'ban-sao-khai-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
    await first.getByText('ban-sao-khai-sinh.pdf').waitFor();
    await dialog.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.getByText('Đã gửi hồ sơ bổ sung.').waitFor();
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đang xử lý');
    d = await congdan.get<Dossier>(`/api/dossiers/${d.code}`);
    const supplied = d.components.find((c) => c.componentId === mandatory[0]!.id)!;
    expect(supplied.fileIds).toHaveLength(1);
    expect(supplied.fileIds[0]).not.toBe(filedFile);

    // The unit decides; the leader signs the electronic result; the centre returns it online.
    await act(chuyenvien, 'forward');
    const resultFile = await lanhdao.upload(PDF, 'ket-qua.pdf');
    await act(lanhdao, 'signResult', {
      result: {
        fileId: resultFile,
        number: '125/TL-STP',
        issuedOn: new Date().toISOString().slice(0, 10),
        issuer: 'Sở Tư pháp tỉnh An Giang',
        signer: 'Phạm Minh Đức',
        certificateSerial: '5403A1B2C3D4E5F6',
      },
    });
    await act(tiepnhan, 'finish');
    // The result is returned once the fee is paid (payments' return guard): 8.000 ₫ at the counter.
    await tiepnhan.post(`/api/dossiers/${d.code}/payments/counter`, {
      amountVnd: 8000,
      receiptNumber: `BL-E2E-${d.code}`,
    });
    await act(tiepnhan, 'returnResult', { resultChannel: 'online' });

    // The citizen downloads the result from the dossier page (through their data store).
    await page.reload();
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả');
    const link = page.getByTestId('result-download');
    expect(await link.textContent()).toContain('125/TL-STP');
    const download = await page.request.get((await link.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.compare(await download.body(), PDF)).toBe(0);

    // …and finds it in "Kho dữ liệu" with the documents it filed.
    await page
      .getByRole('navigation', { name: 'Chức năng của cổng' })
      .getByRole('link', { name: 'Kho dữ liệu' })
      .click();
    await waitForPath(page, '/kho-du-lieu');
    await page
      .getByTestId('store-item')
      .filter({ hasText: d.results[0]!.name })
      .filter({ hasText: d.code })
      .first()
      .waitFor();
    // A one-time consent code the citizen may give an officer to read this store.
    await page.getByRole('button', { name: 'Tạo mã đồng ý' }).click();
    expect(await page.getByTestId('consent-code').textContent()).toMatch(/^\d{8}$/);
    await saveJourneyScreenshot(page, 'citizen-result');
  });

  it('lets a citizen withdraw their dossier after confirming, in English too', async () => {
    const permit = await procedureByCode(suite.url, LABOUR_PERMIT);
    const congdan = await apiSession(suite.url, 'congdan', DEMO_PASSWORD);
    const fileId = await congdan.upload(PDF, 'ho-so.pdf');
    const components = permit.components
      .filter((c) => c.mandatory)
      .map((c) => ({ componentId: c.id, fileIds: [fileId] }));
    const { code } = await congdan.post<Dossier>('/api/dossiers', {
      procedureId: permit.id,
      channel: 'online',
      applicant: CONGDAN,
      components,
    });

    const { page } = await suite.open();
    await signIn(page, 'congdan', DEMO_PASSWORD);
    await waitForPath(page, '/');
    await page.getByText('EN', { exact: true }).click();
    await page.goto(`/ho-so-cua-toi/${code}`);
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Newly registered');
    await page.getByRole('button', { name: 'Withdraw dossier' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Processing will stop and cannot be resumed.').waitFor();
    await dialog.getByLabel('Reason (optional)').fill('Nộp nhầm thủ tục');
    await dialog.getByRole('button', { name: 'Withdraw dossier' }).click();
    await page.getByText('Dossier withdrawn.').waitFor();
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Withdrawn by the applicant');
    expect(await page.getByRole('button', { name: 'Withdraw dossier' }).count()).toBe(0);
    const after = await congdan.get<Dossier & { events: { action: string; note: string | null }[] }>(
      `/api/dossiers/${code}`,
    );
    expect(after.status).toBe('withdrawn');
    expect(after.events.at(-1)).toMatchObject({ action: 'withdraw', note: 'Nộp nhầm thủ tục' });
    await saveJourneyScreenshot(page, 'citizen-withdraw');
  });

  it('fits a 360 px phone: home, search results and procedure detail never scroll sideways', async () => {
    const { page } = await suite.open({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto('/');
    await page.getByTestId('browse-fields').getByRole('link').first().waitFor();
    await expect.poll(() => scrollsSideways(page)).toBe(false);

    await page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).fill('cap giay phep lao dong');
    await page.getByTestId('procedure-results').getByRole('link').first().waitFor();
    await expect.poll(() => scrollsSideways(page)).toBe(false);

    await page.getByTestId('procedure-results').getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Căn cứ pháp lý' }).waitFor();
    await expect.poll(() => scrollsSideways(page)).toBe(false);
    await saveJourneyScreenshot(page, 'phone-procedure');
  });
});
