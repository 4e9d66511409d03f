/**
 * Issue 21 §4 in a real browser: the public accountability pages for an anonymous visitor — the
 * published monthly late list (a period picked, each late dossier's apology-letter status, no
 * applicant data, dossier codes masked), the one-stop directory, the public dashboard showing a
 * chosen weekly or monthly publication of the 766 index — each checked with axe-core (WCAG 2 A
 * and AA); and the system administrator editing the directory in the staff console, the change
 * then on the public page.
 *
 * The publications are made by the publications module's own task (publishDue) at a pinned
 * instant, 08:00 on 5 March 2026 in Vietnam (PUBLIC_LATE_LIST_DAY = 5): the late list and index of
 * reporting month 2026-02 (21 Jan → 20 Feb) and the index of ISO week 2026-W09. The late dossiers
 * are copies of a real dossier placed in that month, as the API tests do.
 */
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../src/app/testing/env.js';
import { queryRows } from '../src/kernel/db.js';
import { publishDue } from '../src/modules/publications/publications.service.js';
import { insertCase } from '../test/fixtures/kpi.js';
import { PDF } from '../test/fixtures/uploads.js';
import {
  apiSession,
  browserSuite,
  chooseOption,
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
} from './helpers.js';

if (!hasChromium)
  console.log('Publications browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).');

const PUBLISHED_AT = new Date('2026-03-05T01:00:00Z');
const APPLICANT = { kind: 'citizen', fullName: 'Lê Thị Hồng Nhung', idNumber: '089195000321', phone: '0918765432' };
const LATE_CODES = ['000.00.12.H01-260202-7101', '000.00.12.H01-260202-7102'];
/** antd Select copies aria-required onto its root div (see a11y.e2e.test.ts). */
const SELECT_REQUIRED = {
  rule: 'aria-allowed-attr',
  selector: '.ant-select',
  why: 'antd Select copies aria-required onto its root div',
};

interface LateList {
  period: string;
  content: { total: number; withApology: number; dossiers: { code: string; apologySent: boolean }[] };
}
interface PublishedIndex {
  publishedAt: string;
  content: { index: { total: number | null }; departments: { items: { name: string }[] } };
}

/** The text of the page's main content (header and menu aside). */
const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

(hasChromium ? describe : describe.skip)('public accountability pages (browser)', () => {
  const suite = browserSuite();
  let soTuPhap: string;

  beforeAll(async () => {
    const admin = await apiSession(suite.url, 'admin', DEMO_PASSWORD);
    soTuPhap = flattenUnits((await admin.get<{ units: UnitNode[] }>('/api/units')).units).find(
      (u) => u.name === 'Sở Tư pháp',
    )!.id;
    // A dossier filed at the counter today: the model of the late ones placed in 2026-02.
    const tiepnhan = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    const procedure = await procedureByCode(suite.url, '2.000635');
    const fileId = await tiepnhan.upload(PDF, 'to-khai.pdf');
    const { code } = await tiepnhan.post<{ code: string }>('/api/dossiers', {
      procedureId: procedure.id,
      channel: 'counter',
      competentUnitId: soTuPhap,
      applicant: APPLICANT,
      components: procedure.components
        .filter((c) => c.mandatory)
        .map((c) => ({ componentId: c.id, fileIds: [fileId] })),
    });
    const db = { handle: { db: suite.server.db } };
    await insertCase(db, code, {
      code: LATE_CODES[0]!,
      status: 'processed',
      received: '2026-02-02T02:00:00Z',
      due: '2026-02-05T10:00:00Z',
      completed: '2026-02-10T02:00:00Z',
      outcome: 'late',
    });
    await insertCase(db, code, {
      code: LATE_CODES[1]!,
      status: 'processing',
      received: '2026-02-02T02:00:00Z',
      due: '2026-02-10T10:00:00Z',
    });
    // The first was the official's, who sent the applicant an apology letter with a new date.
    const [official] = await queryRows<{ id: string }>(
      suite.server.db,
      sql`select id from users where username = 'chuyenvien'`,
    );
    await suite.server.db.execute(
      sql`update dossiers set current_assignee_id = ${official!.id} where code = ${LATE_CODES[0]!}`,
    );
    await suite.server.db.execute(sql`insert into dossier_extensions (dossier_id, reason, previous_appointment_at, new_appointment_at, approved_by, created_at)
      select id, 'Cần xác minh thêm', '2026-02-05T10:00:00Z', '2026-02-12T10:00:00Z', ${official!.id}, '2026-02-04T02:00:00Z'
      from dossiers where code = ${LATE_CODES[0]!}`);
    const { published } = await publishDue(suite.server.db, testEnv(), PUBLISHED_AT);
    expect(published).toBe(3); // the late list and index of 2026-02, the index of 2026-W09
    await admin.post('/api/directory', {
      unitId: soTuPhap,
      role: 'head',
      fullName: 'Phạm Minh Tâm',
      title: 'Trưởng Bộ phận Một cửa',
      phone: '0296 3852 100',
    });
  }, 180_000);

  it('shows the published late list of a chosen month, apology letters, no applicant data', async () => {
    const list = (await (await fetch(`${suite.url}/api/public/late-list?period=2026-02`)).json()) as LateList;
    expect(list.content).toMatchObject({ total: 2, withApology: 1 });
    const { page } = await suite.open({ viewport: { width: 360, height: 780 } });
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Chức năng của cổng' })
      .getByRole('link', { name: 'Công khai chậm, muộn' })
      .click();
    await waitForPath(page, '/cong-khai/cham-muon');
    await page
      .getByRole('heading', { name: 'Danh sách cơ quan, đơn vị, cán bộ giải quyết hồ sơ chậm, muộn' })
      .waitFor();
    await page.getByTestId('late-list').waitFor();
    // The month picked (the latest by default) names its reporting period.
    await page.getByTestId('late-period').getByText('Tháng 02/2026 (21/01/2026 – 20/02/2026)').waitFor();
    const rows = page.getByTestId('late-dossier');
    await expect.poll(() => rows.count()).toBe(list.content.total);
    const apology = list.content.dossiers.filter((d) => d.apologySent).length;
    await expect.poll(() => rows.filter({ hasText: 'Đã gửi' }).count()).toBe(apology);
    await expect.poll(() => rows.filter({ hasText: 'Chưa gửi' }).count()).toBe(list.content.total - apology);
    await page.getByTestId('late-units').getByText('Sở Tư pháp').waitFor();
    // Nothing of the applicant, and no whole dossier code to look up.
    const text = await mainText(page);
    for (const value of [APPLICANT.fullName, APPLICANT.idNumber, APPLICANT.phone, ...LATE_CODES])
      expect(text).not.toContain(value);
    for (const code of LATE_CODES) expect(text).toContain(code.slice(-4));
    // A phone: the page fits; the wide tables scroll inside their own boxes.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
    await saveJourneyScreenshot(page, 'public-late-list');
  });

  it('shows the one-stop directory per unit', async () => {
    const { page } = await suite.open();
    await page.goto('/cong-khai/danh-ba');
    await page.getByRole('heading', { name: 'Danh bạ Bộ phận Một cửa' }).waitFor();
    const unit = page.getByTestId('directory-unit').filter({ hasText: 'Sở Tư pháp' });
    const head = unit.getByRole('row').filter({ hasText: 'Phạm Minh Tâm' });
    await head.getByRole('cell', { name: 'Trưởng bộ phận', exact: true }).waitFor();
    await head.getByRole('cell', { name: 'Trưởng Bộ phận Một cửa', exact: true }).waitFor();
    expect(await head.getByRole('link', { name: '0296 3852 100' }).getAttribute('href')).toBe('tel:02963852100');
    await chooseOption(page, 'Đơn vị', 'Sở Tư pháp');
    await expect.poll(() => page.getByTestId('directory-unit').count()).toBe(1);
    await expectAccessible(page);
  });

  it('lets the dashboard show a chosen publication of the 766 index, saying which', async () => {
    const month = (await (
      await fetch(`${suite.url}/api/public/kpi/publication?period=2026-02`)
    ).json()) as PublishedIndex;
    const { page } = await suite.open();
    await page.goto('/dashboard');
    await page.getByRole('heading', { name: 'Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp' }).waitFor();
    await chooseOption(page, 'Số liệu hiển thị', 'Bản công bố tháng 02/2026 (21/01/2026 – 20/02/2026)');
    await page.getByTestId('dash-published-note').getByText('05/03/2026 08:00:00').waitFor();
    const total = month.content.index.total;
    const shown = total === null ? '—' : total.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
    await expect.poll(() => page.getByTestId('province-total').textContent()).toBe(shown);
    await expect
      .poll(() => page.getByTestId('rankings').locator('tbody tr').count())
      .toBe(month.content.departments.items.length);
    await expectAccessible(page);
    // The week's publication is offered too.
    await chooseOption(page, 'Số liệu hiển thị', 'Bản công bố tuần 2026-W09 (23/02/2026 – 01/03/2026)');
    await page.getByTestId('dash-published-note').getByText('05/03/2026 08:00:00').waitFor();
    await saveJourneyScreenshot(page, 'public-dashboard-publication');
  });

  it('the system administrator edits the directory in the console; the public page shows it', async () => {
    const { page } = await suite.open();
    await signIn(page, 'admin', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: 'Danh bạ một cửa' }).click();
    await waitForPath(page, '/staff/directory');
    await chooseUnit(page, 'Đơn vị', 'Sở Tư pháp');
    const table = page.getByTestId('dir-admin-table');
    await table.getByText('Phạm Minh Tâm').waitFor();
    await expectAccessible(page, [SELECT_REQUIRED]);

    // Edit the head's title and phone.
    await table.getByRole('button', { name: 'Sửa Phạm Minh Tâm' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa thông tin Phạm Minh Tâm' });
    await dialog.getByLabel('Chức danh').fill('Phó Giám đốc Sở, Trưởng Bộ phận Một cửa');
    await dialog.getByLabel('Điện thoại').fill('0296 3852 199');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await table.getByText('Phó Giám đốc Sở, Trưởng Bộ phận Một cửa').waitFor();

    // Add a staff member.
    await page.getByTestId('dir-admin-add').click();
    const add = page.getByRole('dialog', { name: 'Thêm người vào danh bạ' });
    await add.getByLabel('Họ và tên').fill('Võ Thị Thu');
    await add.getByLabel('Chức danh').fill('Chuyên viên tiếp nhận hồ sơ');
    await add.getByLabel('Điện thoại').fill('0296 3852 101');
    await add.getByRole('button', { name: 'Lưu' }).click();
    await table.getByText('Võ Thị Thu').waitFor();

    const visitor = await suite.open();
    await visitor.page.goto(`/cong-khai/danh-ba?don-vi=${soTuPhap}`);
    const unit = visitor.page.getByTestId('directory-unit').filter({ hasText: 'Sở Tư pháp' });
    const head = unit.getByRole('row').filter({ hasText: 'Phạm Minh Tâm' });
    await head.getByText('Phó Giám đốc Sở, Trưởng Bộ phận Một cửa').waitFor();
    await head.getByRole('link', { name: '0296 3852 199' }).waitFor();
    await unit
      .getByRole('row')
      .filter({ hasText: 'Võ Thị Thu' })
      .getByRole('cell', { name: 'Công chức', exact: true })
      .waitFor();
    await saveJourneyScreenshot(visitor.page, 'public-directory-edited');
  });
});
