/**
 * Issue 21, in a real browser: the provincial office's plan (seed 003) is imported through the
 * API; the head of Phòng Hành chính tổ chức - Quản trị tài vụ opens it in the staff console,
 * reports task 1.1.1 done, and the plan's completion moves; the progress report downloads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  apiSession,
  browserSuite,
  chooseOption,
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

  it('the lead unit reports a task done; the completion changes; the report downloads', async () => {
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
    const kstthc = await apiSession(suite.url, 'kstthc', DEMO_PASSWORD);
    type Preview = { heading: Record<string, string | null>; tasks: Record<string, unknown>[] };
    const preview = await kstthc.post<Preview>('/api/plans/preview', { issuerUnitId: vp, source: 'text', text: SEED });
    const h = preview.heading;
    const plan = await kstthc.post<{ id: string }>('/api/plans', {
      issuerUnitId: vp,
      source: 'text',
      issuerName: h.issuerName,
      number: h.number,
      issuedOn: h.issuedOn,
      title: h.title,
      legalBasis: h.legalBasis,
      periodFrom: h.periodFrom,
      periodTo: h.periodTo,
      tasks: preview.tasks.map(({ number, title, timeframeText, expectedOutput, notes, lead, coordinating }) => ({
        number,
        title,
        timeframeText,
        expectedOutput,
        notes,
        lead,
        coordinating,
      })),
    });

    const { page } = await suite.open();
    await signIn(page, 'tp-hctc', password);
    await page.getByRole('menuitem', { name: 'Kế hoạch, nhiệm vụ' }).click();
    await waitForPath(page, '/staff/plans');
    await page.getByTestId('plans-table').getByText('Thực hiện công tác cải cách hành chính năm 2025').click();
    await waitForPath(page, `/staff/plans/${plan.id}`);
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

    const href = await page.getByTestId('plan-report-xlsx').getAttribute('href');
    const report = await page.request.get(href!);
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toContain('spreadsheetml');
  });
});
