/**
 * Accessibility of the main pages (issue 5: no serious axe-core violations): axe-core's WCAG 2 A
 * and AA rules run in a real browser on each page once it shows its data — the portal (home with
 * results, procedure detail, online filing, public lookup), the kiosk, the sign-in form and the
 * staff console (an official's worklist and dossier, the counter wizard's first step).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, it } from 'vitest';
import { PDF } from '../test/fixtures/uploads.js';
import {
  apiSession,
  browserSuite,
  DEMO_PASSWORD,
  expectAccessible,
  hasChromium,
  procedureByCode,
  type ProcedureForTest,
  saveJourneyScreenshot,
  signIn,
  waitForPath,
} from './helpers.js';

if (!hasChromium)
  console.log('Accessibility browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).');

const BIRTH = { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' };
/** Bản sao trích lục hộ tịch: received by tiepnhan at the provincial centre, processed by chuyenvien at Sở Tư pháp. */
const EXTRACT = { code: '2.000635', unit: 'Sở Tư pháp' };
/**
 * antd's Form.Item gives a required field's control aria-required; antd's Select passes it on both
 * to its combobox input (where it belongs, so screen readers still announce it) and to its root
 * <div>, which has no role allowing it. Not ours to change: allowed on .ant-select roots only.
 */
const SELECT_REQUIRED = {
  rule: 'aria-allowed-attr',
  selector: '.ant-select',
  why: 'antd Select copies aria-required onto its root div',
};
const APPLICANT = { kind: 'citizen', fullName: 'Trần Thị Mỹ Linh', idNumber: '089195000789', phone: '0912345678' };

(hasChromium ? describe : describe.skip)('accessibility of the main pages (axe-core, browser)', () => {
  const suite = browserSuite();
  let extract: ProcedureForTest;
  /** A dossier received at the counter and handed over to Sở Tư pháp's official. */
  let code: string;

  beforeAll(async () => {
    extract = await procedureByCode(suite.url, EXTRACT.code);
    const tiepnhan = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    const fileId = await tiepnhan.upload(PDF, 'to-khai.pdf');
    const dossier = await tiepnhan.post<{ code: string; version: number }>('/api/dossiers', {
      procedureId: extract.id,
      channel: 'counter',
      competentUnitId: extract.competentUnits.find((u) => u.name === EXTRACT.unit)!.id,
      applicant: APPLICANT,
      components: extract.components.filter((c) => c.mandatory).map((c) => ({ componentId: c.id, fileIds: [fileId] })),
    });
    code = dossier.code;
    await tiepnhan.post(`/api/dossiers/${code}/actions`, { action: 'forward', version: dossier.version });
  });

  async function signedIn(username: string, landing: string): Promise<Page> {
    const { page } = await suite.open();
    await signIn(page, username, DEMO_PASSWORD);
    await waitForPath(page, landing);
    return page;
  }

  it('portal home with search results, and a procedure detail', async () => {
    const { page } = await suite.open();
    await page.goto('/?q=khai%20sinh');
    await page.getByTestId('procedure-results').getByRole('link', { name: BIRTH.name, exact: true }).waitFor();
    await page.getByTestId('browse-fields').getByRole('link').first().waitFor();
    await expectAccessible(page);

    await page.getByTestId('procedure-results').getByRole('link', { name: BIRTH.name, exact: true }).click();
    await page.getByRole('heading', { name: 'Căn cứ pháp lý' }).waitFor();
    await expectAccessible(page);
    await saveJourneyScreenshot(page, 'a11y-procedure');
  });

  it('online filing form, signed in as a citizen', async () => {
    const birth = await procedureByCode(suite.url, BIRTH.code);
    const page = await signedIn('congdan', '/');
    await page.goto(`/nop-ho-so/${birth.id}`);
    await page.getByLabel('Họ và tên').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).waitFor();
    await expectAccessible(page, [SELECT_REQUIRED]);
    await saveJourneyScreenshot(page, 'a11y-submit');
  });

  it('public lookup result and the kiosk', async () => {
    const { page } = await suite.open();
    await page.goto(`/tra-cuu?ma=${encodeURIComponent(code)}`);
    await page.getByTestId('public-status').waitFor();
    await expectAccessible(page);

    const kiosk = (await suite.open({ viewport: { width: 1280, height: 1024 } })).page;
    await kiosk.goto('/kiosk');
    await kiosk.getByRole('button', { name: /Tra cứu thủ tục hành chính/ }).waitFor();
    await expectAccessible(kiosk);
    await kiosk.getByRole('button', { name: /Tra cứu thủ tục hành chính/ }).click();
    await kiosk.getByTestId('kiosk-keyboard').waitFor();
    await expectAccessible(kiosk);
    await saveJourneyScreenshot(kiosk, 'a11y-kiosk');
  });

  it('sign-in form', async () => {
    const { page } = await suite.open();
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').waitFor();
    await expectAccessible(page);
    await saveJourneyScreenshot(page, 'a11y-login');
  });

  it("an official's worklist and dossier", async () => {
    const page = await signedIn('chuyenvien', '/staff/dossiers');
    await page.getByTestId(`dossier-row-${code}`).waitFor();
    await expectAccessible(page);

    await page.getByTestId(`dossier-row-${code}`).getByRole('link', { name: code }).click();
    await waitForPath(page, `/staff/dossiers/${code}`);
    await page.getByTestId('dossier-actions').getByRole('button').first().waitFor();
    await expectAccessible(page);
    await saveJourneyScreenshot(page, 'a11y-dossier');
  });

  it("the counter wizard's first step", async () => {
    const page = await signedIn('tiepnhan', '/staff/counter');
    await page.goto('/staff/counter/new');
    await page.getByRole('searchbox', { name: 'Tìm thủ tục theo tên, mã hoặc chữ viết tắt' }).waitFor();
    await expectAccessible(page);
    await saveJourneyScreenshot(page, 'a11y-counter');
  });
});
