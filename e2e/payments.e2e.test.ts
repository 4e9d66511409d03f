/**
 * Paying a dossier's fees online in a real browser: the citizen's dossier page → the simulated
 * national payment platform's page (choose a bank, confirm) → back to the portal, which shows the
 * payment as our server recorded it from the platform's signed callback, with its e-receipt.
 * Then the one-stop officer records a counter payment on another dossier in the staff console.
 */
import { describe, expect, it } from 'vitest';
import { PDF } from '../test/fixtures/uploads.js';
import {
  apiSession,
  browserSuite,
  DEMO_PASSWORD,
  flattenUnits,
  hasChromium,
  procedureByCode,
  saveJourneyScreenshot,
  signIn,
  type UnitNode,
  waitForPath,
  sampleEformFor,
} from './helpers.js';

/** Bản sao trích lục hộ tịch: 8.000 ₫, its online channel integrated with online payment. */
const EXTRACT = '2.000635';
const CONGDAN = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '089095000123', phone: '0912345678' };

(hasChromium ? describe : describe.skip)('paying fees (browser)', () => {
  const suite = browserSuite();

  async function file(username: string, channel: 'online' | 'counter'): Promise<string> {
    const session = await apiSession(suite.url, username, DEMO_PASSWORD);
    const procedure = await procedureByCode(suite.url, EXTRACT);
    const units = flattenUnits((await session.get<{ units: UnitNode[] }>('/api/units')).units);
    const fileId = await session.upload(PDF, 'to-khai.pdf');
    const components = procedure.components
      .filter((c) => c.mandatory)
      .map((c) => ({ componentId: c.id, fileIds: [fileId] }));
    const dossier = await session.post<{ code: string }>('/api/dossiers', {
      procedureId: procedure.id,
      channel,
      applicant: CONGDAN,
      components,
      competentUnitId: units.find((u) => u.name === 'Sở Tư pháp')!.id,
      ...(channel === 'online' ? { eform: await sampleEformFor(suite.url, session, procedure.id) } : {}),
    });
    return dossier.code;
  }

  it('the citizen pays online through the platform page and comes back to a paid result with its receipt', async () => {
    const code = await file('congdan', 'online');
    const { page } = await suite.open();
    await signIn(page, 'congdan', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto(`/ho-so-cua-toi/${code}`);
    const card = page.getByTestId('payment-card');
    await card.getByTestId('payment-due').getByText('8.000').waitFor();
    await card.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();

    // The platform's page: the amount, a bank, confirm.
    await page.waitForURL(/\/sim\/paygov\/pay\/PG\d+$/);
    expect(await page.getByTestId('sim-amount').textContent()).toContain('8.000');
    await page.getByLabel('BIDV').check();
    await page.getByRole('button', { name: 'Xác nhận thanh toán' }).click();

    // Back on the portal: paid, with the electronic receipt number.
    await waitForPath(page, `/ho-so-cua-toi/${code}`);
    const result = page.getByTestId('payment-result');
    await result.getByText(/Đã thanh toán 8\.000.*Số biên lai điện tử: BL-\d{4}-\d{7}/).waitFor();
    await page.getByTestId('payment-nothing-due').waitFor();
    await page.getByTestId('payments-table').getByText('Đã thanh toán').waitFor();
    await saveJourneyScreenshot(page, 'payments-online-paid');
  });

  it('the one-stop officer records a counter payment with its receipt number', async () => {
    const code = await file('tiepnhan', 'counter');
    const { page } = await suite.open();
    await signIn(page, 'tiepnhan', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto(`/staff/dossiers/${code}`);
    const card = page.getByTestId('dossier-payments');
    await card.getByText('8.000').first().waitFor();
    await card.getByTestId('counter-receipt').fill('BL-QUAY-000123');
    await card.getByTestId('counter-pay').click();
    await card.getByText('Hồ sơ không còn khoản phải nộp.').waitFor();
    await card.getByTestId('payments-table').getByText('BL-QUAY-000123').waitFor();
    await saveJourneyScreenshot(page, 'payments-counter-recorded');
    // A 390 px phone: the receipt ("Biên lai") and its number stay on screen, not cut off.
    await page.setViewportSize({ width: 390, height: 844 });
    const receipt = card.getByTestId('payments-table').getByText('BL-QUAY-000123');
    await receipt.waitFor();
    for (const shown of [card.getByTestId('payments-table').getByText('Biên lai', { exact: true }), receipt]) {
      const box = (await shown.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await saveJourneyScreenshot(page, 'issue15-payments-390');
  });
});
