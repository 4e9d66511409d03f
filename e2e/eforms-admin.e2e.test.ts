/**
 * The catalog administrator's e-form editor in Chromium (issue 18 §2): open a procedure's tờ khai,
 * see a broken definition's problems inline, change a field's label and see it in the live preview
 * (the portal's own renderer), publish it with the version's decision, and find the new label on
 * the citizen's online filing form. Then the counter wizard's e-form step (§3): prefilled for the
 * applicant the officer names, validated, filed with the dossier. Accessibility checked with axe-core.
 */
import { describe, expect, it } from 'vitest';
import { PDF } from '../test/fixtures/uploads.js';
import {
  apiSession,
  browserSuite,
  chooseOption,
  DEMO_PASSWORD,
  expectAccessible,
  hasChromium,
  procedureByCode,
  saveJourneyScreenshot,
  signIn,
  waitForPath,
} from './helpers.js';

const BIRTH = { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' };
/** Phiếu lý lịch tư pháp: received at the provincial centre (tiepnhan), its form has a repeatable group. */
const LLTP = '3.000333';
const NEW_LABEL = 'Họ, chữ đệm, tên của trẻ (ghi theo giấy chứng sinh)';
/** antd Select copies aria-required onto its root div (see a11y.e2e.test.ts). */
const SELECT_REQUIRED = {
  rule: 'aria-allowed-attr',
  selector: '.ant-select',
  why: 'antd Select copies aria-required onto its root div',
};

type Definition = { legalSource: string; ui: { fields: Record<string, { label: { vi: string } }> } };

(hasChromium ? describe : describe.skip)('e-form editor (catalog administrator, browser)', () => {
  const suite = browserSuite();

  it('edits a field label with a live preview, publishes it, and the citizen files with the new form', async () => {
    const birth = await procedureByCode(suite.url, BIRTH.code);
    const { page } = await suite.open();
    await signIn(page, 'kstthc', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Danh mục TTHC' }).click();
    await waitForPath(page, '/staff/catalog');
    await page.getByPlaceholder('Tìm theo tên, mã hoặc chữ viết tắt').fill(BIRTH.code);
    await page.getByPlaceholder('Tìm theo tên, mã hoặc chữ viết tắt').press('Enter');
    await page.getByRole('link', { name: BIRTH.name, exact: true }).click();
    await page.getByTestId('edit-eform').click();

    // The form in force, checked by the server, previewed with the portal's renderer.
    await page.getByTestId('eform-admin-status').getByText('Đang áp dụng: phiên bản 1').waitFor();
    await page.getByTestId('eform-valid').waitFor();
    const preview = page.getByTestId('eform-preview');
    await preview.getByTestId('eform-field-childFullName').getByText('Họ, chữ đệm, tên', { exact: true }).waitFor();
    await expectAccessible(page, [SELECT_REQUIRED]);

    const editor = page.getByTestId('eform-definition');
    const definition = JSON.parse(await editor.inputValue()) as Definition;

    // A definition without its legal source: the problem shows inline, no preview, saving refused.
    await editor.fill(JSON.stringify({ ...definition, legalSource: '' }, null, 2));
    const problems = page.getByTestId('eform-problems');
    await problems.getByText('CITATION').waitFor();
    await problems.getByText(/Cần trích dẫn văn bản pháp luật/).waitFor();
    await preview.getByText('Sửa hết lỗi để xem trước tờ khai.').waitFor();
    await expectAccessible(page, [SELECT_REQUIRED]);

    // The label changed: the preview shows it.
    definition.ui.fields.childFullName!.label.vi = NEW_LABEL;
    await editor.fill(JSON.stringify(definition, null, 2));
    await page.getByTestId('eform-valid').waitFor();
    await preview.getByTestId('eform-field-childFullName').getByText(NEW_LABEL).waitFor();

    // Publish (with a confirmation): version 2 under the version's decision.
    await page.getByTestId('eform-admin-publish').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Công bố' }).click();
    await page.getByText(/Đã công bố tờ khai phiên bản 2 theo Quyết định/).waitFor();
    await page.getByTestId('eform-admin-status').getByText('Đang áp dụng: phiên bản 2').waitFor();
    await saveJourneyScreenshot(page, 'eform-admin-editor');

    // The API agrees: the form served to citizens is version 2 with the new label.
    const kstthc = await apiSession(suite.url, 'kstthc', DEMO_PASSWORD);
    const form = await kstthc.get<{ version: number; fields: { key: string; label: string }[] }>(
      `/api/procedures/${birth.id}/eform`,
    );
    expect(form.version).toBe(2);
    expect(form.fields.find((f) => f.key === 'childFullName')?.label).toBe(NEW_LABEL);

    // The citizen's filing form shows the new label.
    const citizen = await suite.open();
    await signIn(citizen.page, 'congdan', DEMO_PASSWORD);
    await waitForPath(citizen.page, '/');
    await citizen.page.goto(`/nop-ho-so/${birth.id}`);
    await expect.poll(() => citizen.page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Văn An');
    await citizen.page.getByLabel('Số điện thoại').fill('0987654321');
    await chooseOption(citizen.page, 'Nơi giải quyết hồ sơ', birth.competentUnits[0]!.name);
    await citizen.page.getByRole('button', { name: 'Tiếp tục' }).click();
    await citizen.page.getByTestId('eform').waitFor();
    await citizen.page.getByTestId('eform-field-childFullName').getByText(NEW_LABEL).waitFor();
    expect(await citizen.page.getByTestId('eform-field-childFullName').textContent()).toContain(NEW_LABEL);
  });

  it('the counter wizard shows the procedure’s e-form prefilled for the applicant and files its values', async () => {
    const lltp = await procedureByCode(suite.url, LLTP);
    const { page } = await suite.open();
    await signIn(page, 'tiepnhan', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto('/staff/counter/new');
    await page.getByRole('searchbox', { name: 'Tìm thủ tục theo tên, mã hoặc chữ viết tắt' }).fill(LLTP);
    await page
      .getByRole('button', { name: /^Chọn: / })
      .first()
      .click();
    await page.getByTestId('chosen-procedure').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Văn An');
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill('089095000123');
    await page.getByLabel('Địa chỉ', { exact: true }).fill('Số 1 Tôn Đức Thắng, Phường Long Xuyên');
    if (await page.getByLabel('Nơi giải quyết hồ sơ').count())
      await chooseOption(page, 'Nơi giải quyết hồ sơ', lltp.competentUnits[0]!.name);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // The tờ khai, prefilled from the population database for this applicant (locked).
    await page.getByTestId('eform').waitFor();
    await expect.poll(() => page.locator('#eform-fullName').inputValue()).toBe('Nguyễn Văn An');
    expect(await page.locator('#eform-fullName').isDisabled()).toBe(true);
    await page.getByTestId('eform-source-fullName').getByText('Từ CSDLQG về dân cư').waitFor();
    await expectAccessible(page, [SELECT_REQUIRED]);
    // Next with required fields empty: the errors show and the wizard stays.
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText(/Tờ khai còn \d+ trường chưa hợp lệ/).waitFor();

    await page.getByTestId('eform-field-gender').getByText('Nam', { exact: true }).click();
    await page.locator('#eform-birthPlace').fill('Long Xuyên, An Giang');
    await page.locator('#eform-ethnicity').fill('Kinh');
    await page.locator('#eform-fatherName').fill('Nguyễn Văn Bình');
    await page.locator('#eform-motherName').fill('Lê Thị Cúc');
    if ((await page.locator('#eform-phone').inputValue()) === '') await page.locator('#eform-phone').fill('0912345678');
    await page.getByTestId('eform-field-residenceHistory').getByRole('button', { name: 'Thêm dòng' }).click();
    await page.locator('#eform-residenceHistory-0-from').fill('01/01/2009');
    await page.locator('#eform-residenceHistory-0-place').fill('Phường Long Xuyên, An Giang');
    await page.locator('#eform-residenceHistory-0-occupation').fill('Học sinh');
    await page.getByTestId('eform-field-certificateKind').getByText('Phiếu số 2', { exact: true }).click();
    await page.locator('#eform-copyCount').fill('1');
    await page.locator('#eform-purpose').fill('Bổ sung hồ sơ xin việc');
    await page.locator('#eform-commitment').check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Components: the tờ khai is no longer needed as a scan.
    for (const component of lltp.components.filter((c) => c.mandatory && !c.formTemplate?.includes('LLTP'))) {
      const row = page.getByTestId('component').filter({ hasText: component.name });
      await row
        .locator('input[type=file]')
        .setInputFiles({ name: 'ban-scan.pdf', mimeType: 'application/pdf', buffer: PDF });
      await row.getByText('ban-scan.pdf').waitFor();
    }
    expect(await page.getByText(/Chưa có thành phần bắt buộc/).count()).toBe(0);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Tiếp nhận và cấp giấy hẹn' }).click();
    await page.locator('.ant-result-title', { hasText: 'Đã tiếp nhận hồ sơ' }).waitFor();
    const code = (await page.getByTestId('dossier-code').first().textContent())!.trim();
    await saveJourneyScreenshot(page, 'counter-eform');

    const tiepnhan = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    const filed = await tiepnhan.get<{ values: Record<string, { value: unknown; source: string }> }>(
      `/api/dossiers/${code}/eform`,
    );
    expect(filed.values.fullName).toEqual({ value: 'Nguyễn Văn An', source: 'population' });
    expect(filed.values.purpose).toEqual({ value: 'Bổ sung hồ sơ xin việc', source: 'typed' });
    expect(filed.values.residenceHistory?.value).toEqual([
      { from: '01/01/2009', place: 'Phường Long Xuyên, An Giang', occupation: 'Học sinh' },
    ]);
  });
});
