/**
 * The KPI dashboards in a real browser: the public /dashboard (no login) shows the province's
 * index and the departments ranked as the public API computes them, on a phone too, without the
 * staff console's chunk; the staff dashboard /staff/kpi shows the index of the officer's unit and
 * leads from a count (the channel mix) to the dossier behind it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  browserSuite,
  builtChunk,
  DEMO_PASSWORD,
  hasChromium,
  procedureByCode,
  saveJourneyScreenshot,
  signIn,
  waitForPath,
} from './helpers.js';

if (!hasChromium)
  console.log('Dashboard browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).');

/** A minimal PDF: the upload checks the content's first bytes. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface PublicIndex {
  total: number;
  gradeName: string;
  groups: { name: string }[];
}

(hasChromium ? describe : describe.skip)('KPI dashboards (browser)', () => {
  const suite = browserSuite();
  let code: string;

  beforeAll(async () => {
    // One dossier received at the counter today, so the month has something to count.
    const tiepnhan = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    const procedure = await procedureByCode(suite.url, '2.000635');
    const fileId = await tiepnhan.upload(PDF, 'to-khai.pdf');
    ({ code } = await tiepnhan.post<{ code: string }>('/api/dossiers', {
      procedureId: procedure.id,
      channel: 'counter',
      competentUnitId: procedure.competentUnits.find((u) => u.name === 'Sở Tư pháp')!.id,
      applicant: { kind: 'citizen', fullName: 'Trần Thị Bích', idNumber: '089195000456' },
      components: procedure.components
        .filter((c) => c.mandatory)
        .map((c) => ({ componentId: c.id, fileIds: [fileId] })),
    }));
  }, 180_000);

  it('shows the province’s index and the ranked departments without login', async () => {
    const { page, scripts } = await suite.open({ viewport: { width: 360, height: 780 } });
    await page.goto('/dashboard');
    await page.getByRole('heading', { name: 'Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp' }).waitFor();
    const index = (await (await fetch(`${suite.url}/api/public/kpi/index`)).json()) as PublicIndex;
    const total = index.total.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
    await expect.poll(() => page.getByTestId('province-total').textContent(), { timeout: 30_000 }).toBe(total);
    await page.getByText(`Xếp loại: ${index.gradeName}`).waitFor();
    for (const g of index.groups) await page.getByTestId('province-groups').getByText(g.name).waitFor();

    // Departments without dossiers this month are not ranked (no 100 for 0/0): listed apart.
    const ranking = (await (await fetch(`${suite.url}/api/public/kpi/rankings`)).json()) as {
      items: { name: string; rank: number }[];
      unranked: { name: string }[];
    };
    expect(ranking.items.length + ranking.unranked.length).toBe(11);
    const rows = page.getByTestId('rankings').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(ranking.items.length);
    if (ranking.unranked.length > 0)
      await page.getByTestId('unranked').getByText(ranking.unranked[0]!.name, { exact: false }).waitFor();
    expect(await rows.first().locator('td').nth(1).textContent()).toBe(ranking.items[0]!.name);
    // A phone: the page fits, the wide table scrolls inside its own box.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(scripts).not.toContain(builtChunk('pages/staff/StaffConsole.tsx'));
    await saveJourneyScreenshot(page, 'dashboard');
  }, 120_000);

  it('leads a procedure control officer from a count on the staff dashboard to its dossier', async () => {
    const { page } = await suite.open();
    await signIn(page, 'kstthc', DEMO_PASSWORD);
    await page.goto('/staff/kpi');
    await page.getByRole('heading', { name: 'Theo dõi, đánh giá chất lượng phục vụ (Bộ chỉ số 766)' }).waitFor();
    await page.getByTestId('kpi-total').getByText('Ủy ban nhân dân tỉnh An Giang').waitFor({ timeout: 30_000 });
    await page.getByTestId('kpi-groups').getByText('Tiến độ giải quyết').waitFor();
    await page.getByTestId('kpi-channels').getByRole('button', { name: 'Trực tiếp: 1' }).click();
    const link = page.getByTestId('drill-list').getByRole('link', { name: code });
    await link.waitFor();
    await saveJourneyScreenshot(page, 'kpi-dashboard');
    await link.click();
    await waitForPath(page, `/staff/dossiers/${code}`);
  }, 120_000);
});
