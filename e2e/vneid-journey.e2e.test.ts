/**
 * One citizen's journey across sign-in, filing and notifications, in a real browser (issue 20,
 * "Done when"): Trần Thị Bình signs in through the VNeID simulator (level 2, a new account), opens
 * the judicial-record procedure (3.000333), whose tờ khai điện tử is prefilled — her phone from the
 * identity provider, her identity from the population database — files it, finds it under "Hồ sơ
 * của tôi", asks for SMS too in her notification settings, and when the one-stop officer receives
 * the dossier the message is in her portal inbox, at a real SMTP server started here (the server's
 * SMTP_URL), and at the SMS and Zalo simulators (their lists, read over HTTP). axe-core checks
 * each page she visits (WCAG 2 A/AA, serious and critical). The outbox relay and the delivery task
 * (periodic tasks, off in tests) are run by hand; quiet hours are off so any hour passes.
 */
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../chaos/lib/smtp-sink.js';
import { startTestServer, type TestServer } from '../src/app/testing/server.js';
import { dossierNotices } from '../src/modules/dossiers/dossier-notices.subscriber.js';
import { deliverDue } from '../src/modules/notifications/deliver.service.js';
import { relayOutbox } from '../src/modules/outbox/relay.js';
import { PDF } from '../test/fixtures/uploads.js';
import {
  type AxeAllowance,
  apiSession,
  DEMO_PASSWORD,
  expectAccessible,
  hasChromium,
  launchBrowser,
  pageTracker,
  procedureByCode,
  saveJourneyScreenshot,
  waitForPath,
} from './helpers.js';

const BINH = { personalId: '089196001357', fullName: 'Trần Thị Bình', phone: '0913001357' };
const BINH_EMAIL = 'tranthibinh@example.vn';
const JUDICIAL_RECORD = '3.000333';
const SELECT_REQUIRED: AxeAllowance = {
  rule: 'aria-allowed-attr',
  selector: '.ant-select',
  why: 'antd Select copies aria-required onto its root div',
};

const LOCKED_SELECT: AxeAllowance = {
  rule: 'color-contrast',
  selector: '.ant-select-disabled .ant-select-selection-item',
  why: 'a locked (disabled) population value: WCAG 1.4.3 sets no contrast for inactive components, and axe does not see the antd Select as disabled',
};

/** Fills an enabled, empty input (one the prefill left to the citizen). */
async function fillIfEmpty(page: Page, selector: string, value: string): Promise<void> {
  const input = page.locator(selector);
  if ((await input.isEnabled()) && (await input.inputValue()) === '') await input.fill(value);
}

describe.skipIf(!hasChromium)('VNeID sign-in → prefilled e-form → filing → inbox, e-mail, SMS, Zalo', () => {
  let smtp: SmtpSink;
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const pages = pageTracker();

  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, NOTIFY_QUIET_HOURS: '' } });
    browser = await launchBrowser();
  });
  afterEach((ctx) => pages.settle(ctx));
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('a level-2 citizen signs in with VNeID, files a prefilled e-form, and hears of it on every channel', async () => {
    const procedure = await procedureByCode(server.url, JUDICIAL_RECORD);
    const { page } = await pages.open(browser, server.url);

    // The procedure's page; filing asks for a sign-in, through VNeID.
    await page.goto(`/thu-tuc/${procedure.id}`);
    await page.getByRole('heading', { name: 'Căn cứ pháp lý' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await waitForPath(page, '/login');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();

    // The simulator's page: the identifier and passcode of a level-2 identity.
    await page.waitForURL(/\/sim\/vneid\/interaction\//);
    await page.getByLabel('Số định danh cá nhân').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Số định danh cá nhân').fill(BINH.personalId);
    await page.getByLabel('Mật khẩu').fill('123456');
    await page.getByRole('button', { name: 'Đồng ý và đăng nhập' }).click();

    // Back on the filing form, signed in as the new account made from her identity.
    await waitForPath(page, `/nop-ho-so/${procedure.id}`);
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe(BINH.fullName);
    await expect.poll(() => page.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).toBe(BINH.personalId);
    const phone = page.getByLabel('Số điện thoại');
    if ((await phone.inputValue()) === '') await phone.fill(BINH.phone);
    const where = page.getByRole('combobox', { name: /^(\* )?Nơi giải quyết hồ sơ$/ });
    if ((await where.count()) > 0 && (await where.isEnabled())) {
      await page.locator('.ant-select', { has: where }).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    }
    await expectAccessible(page, [SELECT_REQUIRED]);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // The tờ khai: the phone from the identity provider, the identity from the population database.
    await page.getByTestId('eform').waitFor();
    await expect.poll(() => page.locator('#eform-phone').inputValue()).toBe(BINH.phone);
    await page.getByTestId('eform-source-phone').getByText('Từ nhà cung cấp định danh (VNeID)').waitFor();
    await expect.poll(() => page.locator('#eform-fullName').inputValue()).toBe(BINH.fullName);
    await expect.poll(() => page.locator('#eform-personalId').inputValue()).toBe(BINH.personalId);
    await expect.poll(() => page.locator('#eform-birthDate').inputValue()).toBe('12/07/1996');
    await expectAccessible(page, [SELECT_REQUIRED, LOCKED_SELECT]);
    if ((await page.locator('#eform-gender input:checked').count()) === 0) {
      await page.locator('#eform-gender').getByText('Nữ', { exact: true }).click();
    }
    await fillIfEmpty(page, '#eform-birthPlace', 'Bệnh viện Đa khoa Trung tâm An Giang');
    await fillIfEmpty(page, '#eform-nationality', 'Việt Nam');
    await fillIfEmpty(page, '#eform-ethnicity', 'Kinh');
    await fillIfEmpty(page, '#eform-fatherName', 'Trần Văn Hùng');
    await fillIfEmpty(page, '#eform-motherName', 'Lê Thị Hoa');
    await page.getByRole('button', { name: 'Thêm dòng' }).click();
    await page.locator('#eform-residenceHistory-0-from').fill('12/07/2010');
    await page.locator('#eform-residenceHistory-0-place').fill('Số 12 Trần Hưng Đạo, Phường Long Xuyên, An Giang');
    await page.locator('#eform-residenceHistory-0-occupation').fill('Học sinh, sinh viên, nhân viên văn phòng');
    await page.locator('#eform-certificateKind').getByText('Phiếu số 2').click();
    await page.locator('#eform-copyCount').fill('1');
    await page.locator('#eform-purpose').fill('Bổ sung hồ sơ xin việc');
    await page.locator('#eform-commitment').check();
    await saveJourneyScreenshot(page, 'vneid-journey-eform');
    await page.getByTestId('eform-next').click();

    // The papers but the tờ khai, then review, pledge, file.
    // The tờ khai component is the e-form itself (eforms/fields.rules.ts formComponentOf): no scan.
    const mandatory = procedure.components.filter(
      (c) => c.mandatory && !c.name.toLocaleLowerCase('vi').includes('tờ khai yêu cầu cấp phiếu lý lịch tư pháp'),
    );
    expect(mandatory).toHaveLength(procedure.components.filter((c) => c.mandatory).length - 1);
    for (const [i, component] of mandatory.entries()) {
      const row = page.getByTestId('component').filter({ hasText: component.name });
      await row
        .locator('input[type=file]')
        .setInputFiles({ name: `giay-to-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await row.getByText(`giay-to-${i + 1}.pdf`).waitFor();
    }
    await expect.poll(() => page.getByText('Còn thiếu thành phần bắt buộc:').count()).toBe(0);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByTestId('review').getByText(BINH.fullName).waitFor();
    await expectAccessible(page, [SELECT_REQUIRED]);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const code = (await page.getByTestId('dossier-code').textContent())!.trim();
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/);

    // "Hồ sơ của tôi" lists it.
    await page.goto('/ho-so-cua-toi');
    await page.getByText(code).first().waitFor();
    await expectAccessible(page);

    // Her settings: "received" by SMS too (in-app, e-mail and Zalo are on by default).
    await page.goto('/thong-bao');
    await page.getByRole('heading', { name: 'Hộp thư thông báo' }).waitFor();
    const sms = page.getByTestId('pref-dossier.received-sms');
    await expect.poll(() => sms.getAttribute('aria-checked')).toBe('false');
    await sms.click();
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByText('Đã lưu cài đặt nhận thông báo.').waitFor();
    await expectAccessible(page, [SELECT_REQUIRED]);

    // The account has her phone from the identity provider; an e-mail address as the portal keeps one.
    await server.db.execute(sql`update users set email = ${BINH_EMAIL} where username = ${BINH.personalId}`);

    // The one-stop officer of the receiving unit accepts it; the relay and the delivery task run.
    const own = await page.request.get(`/api/dossiers/${encodeURIComponent(code)}`);
    expect(own.status()).toBe(200);
    const filed = (await own.json()) as { version: number; status: string; receivingUnit: { id: string } };
    expect(filed.status).toBe('registered');
    const admin = await apiSession(server.url, 'admin', DEMO_PASSWORD);
    await admin.post('/api/users', {
      username: 'motcua.journey',
      fullName: 'Lê Thị Tiếp Nhận',
      kind: 'staff',
      homeUnitId: filed.receivingUnit.id,
      password: 'Mot-cua-journey-2025!',
      roles: [{ role: 'one_stop_officer', unitId: filed.receivingUnit.id }],
    });
    const officer = await apiSession(server.url, 'motcua.journey', 'Mot-cua-journey-2025!');
    await officer.post(`/api/dossiers/${encodeURIComponent(code)}/actions`, {
      action: 'accept',
      version: filed.version,
    });
    await relayOutbox(server.db, [dossierNotices], new Date());
    const { notificationChannels, notifier } = server.deps.services;
    const delivered = await deliverDue(server.db, notificationChannels, new Date(), notifier.settings);
    expect(delivered).toMatchObject({ sent: 3, failed: 0 });

    // The portal inbox, live.
    await page.getByTestId('inbox').getByText(`Đã tiếp nhận hồ sơ ${code}`).waitFor();
    await page.getByTestId('nav-unread').getByText('1').waitFor();
    await expectAccessible(page, [SELECT_REQUIRED]);
    await saveJourneyScreenshot(page, 'vneid-journey-inbox');

    // The SMTP server received the e-mail; the SMS and Zalo simulators list theirs.
    const mails = smtp.received().filter((m) => m.to === BINH_EMAIL);
    expect(mails.map((m) => m.subject)).toEqual([`Đã tiếp nhận hồ sơ ${code}`]);
    expect(mails[0]!.text).toContain(`Hồ sơ ${code}`);
    const listed = async (path: string) =>
      ((await (await fetch(`${server.url}${path}`)).json()) as { items: Record<string, unknown>[] }).items;
    const texts = (items: Record<string, unknown>[]) =>
      items.map((i) => JSON.stringify(i)).filter((s) => s.includes(code));
    const smsSent = texts(await listed('/sim/sms/messages'));
    expect(smsSent).toHaveLength(1);
    expect(smsSent[0]).toContain('913001357');
    const zaloSent = texts(await listed('/sim/zalo/messages'));
    expect(zaloSent).toHaveLength(1);
    expect(zaloSent[0]).toContain('913001357');
  });
});
