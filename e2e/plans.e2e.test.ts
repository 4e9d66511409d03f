/**
 * Issue 21, in a real browser: the procedure-control officer imports the provincial office's
 * plan (seed 003, pasted text) with its preview; the head of Phòng Hành chính tổ chức - Quản trị tài vụ opens it in the staff console,
 * reports task 1.1.1 done, and the plan's completion moves; the progress report downloads (XLSX
 * from the page's button, read back: the completion and the task's status as reported; and PDF).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  apiSession,
  browserSuite,
  chooseOption,
  chooseUnit,
  DEMO_PASSWORD,
  flattenUnits,
  hasChromium,
  saveJourneyScreenshot,
  signIn,
  type UnitNode,
  waitForPath,
} from './helpers.js';

const SEED = readFileSync(new URL('../test/fixtures/plans/003-bac-kan-cchc-2025.txt', import.meta.url), 'utf8');

(hasChromium ? describe : describe.skip)('plans in the staff console (browser)', () => {
  const suite = browserSuite();

  it('the office imports the plan with a preview; the lead unit reports a task done; completion moves; the report downloads', async () => {
    const admin = await apiSession(suite.url, 'admin', DEMO_PASSWORD);
    const units = flattenUnits((await admin.get<{ units: UnitNode[] }>('/api/units')).units);
    const vp = units.find((u) => u.name === 'Văn phòng Ủy ban nhân dân tỉnh')!.id;
    const hctc = await admin.post<{ id: string }>('/api/units', {
      parentId: vp,
      name: 'Phòng Hành chính tổ chức - Quản trị tài vụ',
      kind: 'division',
      officialCode: '001.01.00.H91',
      validFrom: '2024-01-01',
    });
    const password = 'MatKhau-KeHoach-2026';
    await admin.post('/api/users', {
      username: 'tp-hctc',
      fullName: 'Hoàng Văn Tú',
      kind: 'staff',
      homeUnitId: hctc.id,
      password,
      roles: [{ role: 'unit_leader', unitId: hctc.id }],
    });
    // The procedure-control officer imports the plan on the import page: paste, preview, save.
    const office = await suite.open();
    await signIn(office.page, 'kstthc', DEMO_PASSWORD);
    await office.page.getByRole('menuitem', { name: 'Kế hoạch, nhiệm vụ' }).click();
    await office.page.getByTestId('plans-import').click();
    await waitForPath(office.page, '/staff/plans/nhap');
    await chooseUnit(office.page, 'Đơn vị ban hành (dùng để khớp tên cơ quan)', 'Văn phòng Ủy ban nhân dân tỉnh');
    await office.page.getByTestId('plan-text').fill(SEED);
    await office.page.getByTestId('plan-preview').click();
    const preview = office.page.getByTestId('plan-preview-result');
    await preview.getByText('Xem trước: 96 dòng').waitFor();
    // "Nhà khách tỉnh" is not in the tree: listed for review with its tasks.
    await office.page.getByTestId('plan-unmatched').locator('strong', { hasText: 'Nhà khách tỉnh' }).waitFor();
    await office.page.getByTestId('plan-save').click();
    await office.page.waitForURL((url) => /^\/staff\/plans\/[0-9a-f-]{36}$/.test(url.pathname));
    const planId = office.page.url().split('/').pop()!;
    await expect.poll(() => office.page.getByTestId('plan-completion').textContent()).toContain('0/68');

    const { page } = await suite.open();
    await signIn(page, 'tp-hctc', password);
    await page.getByRole('menuitem', { name: 'Kế hoạch, nhiệm vụ' }).click();
    await waitForPath(page, '/staff/plans');
    await page.getByTestId('plans-table').getByText('Thực hiện công tác cải cách hành chính năm 2025').click();
    await waitForPath(page, `/staff/plans/${planId}`);
    const completion = page.getByTestId('plan-completion');
    await expect.poll(() => completion.textContent()).toContain('0/68');

    await page.locator('tr[data-number="1.1.1"]').click();
    const panel = page.getByTestId('task-panel');
    await panel.getByText('1.1.1. Xây dựng và ban hành kế hoạch CCHC năm').waitFor();
    await chooseOption(page, 'Trạng thái', 'Hoàn thành');
    await page.getByTestId('task-comment').fill('Đã ban hành Kế hoạch số 05/KH-VP');
    await page.getByTestId('task-submit').click();
    await panel.getByText('Đã ban hành Kế hoạch số 05/KH-VP').waitFor();
    await expect.poll(() => completion.textContent()).toContain('1/68 nhiệm vụ hoàn thành (1%)');
    await saveJourneyScreenshot(page, 'plans-task-update');

    // The progress report downloads from the page and carries the update: the plan's completion
    // and task 1.1.1 done at 100 %. (The task's panel is closed first: its mask covers the page.)
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-report-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    expect(rows.find((r) => r[0]?.startsWith('Mức độ thực hiện kế hoạch'))?.[0]).toContain(
      '1/68 nhiệm vụ hoàn thành (1%)',
    );
    const reported = rows.find((r) => r[0] === '1.1.1')!;
    expect(reported.slice(4, 6)).toEqual(['Hoàn thành', '100%']);
    expect(rows.find((r) => r[0] === '1.1.2')!.slice(4, 6)).toEqual(['Chưa thực hiện', '0%']);
    const pdf = await page.request.get(`/api/plans/${planId}/report?format=pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
  });
});
