/**
 * Running online payments from the staff console, in a real browser: a unit leader reconciles a
 * day on the reconciliation page and opens the run's discrepancies (a payment the platform took
 * whose IPN never arrived); the procedure control officer switches a channel's online payment on
 * in the catalog (issued as an amending decision).
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { PDF } from '../test/fixtures/uploads.js';
import {
  apiSession,
  browserSuite,
  chooseUnit,
  DEMO_PASSWORD,
  expectAccessible,
  flattenUnits,
  hasChromium,
  procedureByCode,
  saveJourneyScreenshot,
  signIn,
  type UnitNode,
  waitForPath,
  sampleEformFor,
} from './helpers.js';

const CONGDAN = { kind: 'citizen', fullName: 'Phạm Thị Hoa', idNumber: '089095000456', phone: '0912000456' };
const todayVn = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

(hasChromium ? describe : describe.skip)('payment operations in the staff console (browser)', () => {
  const suite = browserSuite();

  it('a leader reconciles today and sees the payment the platform took whose IPN was lost', async () => {
    // An online payment confirmed at the platform, its callback lost: ours is still pending.
    const citizen = await apiSession(suite.url, 'congdan', DEMO_PASSWORD);
    const procedure = await procedureByCode(suite.url, '2.000635');
    const units = flattenUnits((await citizen.get<{ units: UnitNode[] }>('/api/units')).units);
    const fileId = await citizen.upload(PDF, 'to-khai.pdf');
    const { code } = await citizen.post<{ code: string }>('/api/dossiers', {
      procedureId: procedure.id,
      channel: 'online',
      applicant: CONGDAN,
      components: procedure.components
        .filter((c) => c.mandatory)
        .map((c) => ({ componentId: c.id, fileIds: [fileId] })),
      competentUnitId: units.find((u) => u.name === 'Sở Tư pháp')!.id,
      eform: await sampleEformFor(suite.url, citizen, procedure.id),
    });
    const { redirectUrl } = await citizen.post<{ redirectUrl: string }>(`/api/dossiers/${code}/payments`, {});
    const transactionId = redirectUrl.split('/').pop()!;
    await suite.server.db.execute(
      sql`update paygov_sim_transactions set status = 'success', bank_code = 'VCB', completed_at = now() where transaction_id = ${transactionId}`,
    );

    const { page } = await suite.open();
    await signIn(page, 'lanhdao', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Đối soát thanh toán' }).click();
    await waitForPath(page, '/staff/reconciliations');
    await page.getByTestId('rec-none').waitFor();

    const day = page.getByLabel('Ngày cần đối soát', { exact: true });
    await day.fill(ddmmyyyy(todayVn()));
    await day.press('Enter');
    await page.getByTestId('rec-run').click();
    const runs = page.getByTestId('rec-runs');
    const open = runs.getByRole('button', { name: `Xem chênh lệch ${ddmmyyyy(todayVn())}` });
    await open.waitFor();
    await runs.getByText('Phạm Minh Đức').waitFor();
    await expectAccessible(page);

    await open.click();
    const lines = page.getByTestId('rec-lines');
    const line = lines.locator('tr', { hasText: code });
    await line.getByText('Lệch trạng thái').waitFor();
    await line.getByText('Đang chờ').waitFor();
    await line.getByText('Thành công').waitFor();
    expect(await line.textContent()).toContain(transactionId);
    await saveJourneyScreenshot(page, 'payments-reconciliation');
  });

  it('the procedure control officer switches online payment on for a channel, through an amending decision', async () => {
    const copy = await procedureByCode(suite.url, '2.000815'); // chứng thực bản sao: counter only, not integrated
    const { page } = await suite.open();
    await signIn(page, 'kstthc', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Danh mục TTHC' }).click();
    await waitForPath(page, '/staff/catalog');
    await page.getByPlaceholder('Tìm theo tên, mã hoặc chữ viết tắt').fill('2.000815');
    await page.getByPlaceholder('Tìm theo tên, mã hoặc chữ viết tắt').press('Enter');
    await page.getByRole('link', { name: copy.name }).click();
    const flag = page.getByTestId('online-payment-counter');
    await expect.poll(() => flag.textContent()).toBe('Không');

    await page.getByTestId('edit-online-payment').click();
    // The dialog opens over the procedure's drawer (itself a dialog): found by what it holds, not
    // by its accessible name, which a loaded CI machine once did not resolve within 15 s.
    const toggle = page.getByTestId('online-payment-switch-counter');
    await toggle.waitFor();
    const dialog = page.getByRole('dialog').filter({ has: toggle });
    await dialog.getByText('Cập nhật tích hợp thanh toán', { exact: true }).waitFor();
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await dialog.getByLabel('Số quyết định').fill('21/QĐ-UBND');
    await dialog.getByLabel('Người ký').fill('Chủ tịch UBND tỉnh');
    await chooseUnit(page, 'Cơ quan ban hành', 'Ủy ban nhân dân tỉnh An Giang');
    for (const label of ['Ngày ký', 'Ngày có hiệu lực']) {
      const input = dialog.getByLabel(label, { exact: true });
      await input.fill(ddmmyyyy(todayVn()));
      await input.press('Enter');
    }
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã ghi nhận quyết định 21/QĐ-UBND.').waitFor();
    await expect.poll(() => flag.textContent()).toBe('Có');

    const detail = await (await fetch(`${suite.url}/api/procedures/${copy.id}`)).json();
    expect(detail.channels.find((c: { channel: string }) => c.channel === 'counter').onlinePayment).toBe(true);
    await saveJourneyScreenshot(page, 'catalog-online-payment');
  });
});
