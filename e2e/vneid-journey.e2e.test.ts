/**
 * One citizen's journey across sign-in, filing and notifications, in a real browser (issue 20,
 * "Done when"): Trần Thị Bình signs in through the VNeID simulator (level 2, a new account), opens
 * the judicial-record procedure (3.000333), whose tờ khai điện tử is prefilled — her phone from the
 * identity provider, her identity from the population database — files it, finds it under "Hồ sơ
 * của tôi", asks for SMS too in her notification settings, and when the one-stop officer receives
 * the dossier the message is in her portal inbox, at a real SMTP server started here (the server's
 * SMTP_URL), and at the SMS and Zalo simulators (their lists, read over HTTP). Then every later
 * change, driven by an officer over the HTTP API, reaches her the same way: supplement requested
 * (a legal notice: SMS too), which she answers in the portal by uploading; processing resumed;
 * fee due (a financial obligation, then confirmed: resumed again); result ready (the steps worked, the result signed); returned (the
 * fee paid at the counter). axe-core checks each page she visits (WCAG 2 A/AA, serious and
 * critical). The outbox relay and the delivery task (periodic tasks, off in tests) are run by
 * hand; quiet hours are off so any hour passes.
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

interface Dossier {
  code: string;
  version: number;
  status: string;
  receivingUnit: { id: string };
  allowedActions: string[];
}
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

  it('a level-2 citizen signs in with VNeID, files a prefilled e-form, and hears of each change on every channel', async () => {
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

    // The staff of the journey: one officer holding the one-stop, processing and leader roles at the
    // top of the organisation (grants cover the units below), so that each step can be worked.
    const own = await page.request.get(`/api/dossiers/${encodeURIComponent(code)}`);
    expect(own.status()).toBe(200);
    let d = (await own.json()) as Dossier;
    expect(d.status).toBe('registered');
    const admin = await apiSession(server.url, 'admin', DEMO_PASSWORD);
    const tops = ((await (await fetch(`${server.url}/api/units`)).json()) as { units: { id: string }[] }).units;
    await admin.post('/api/users', {
      username: 'motcua.journey',
      fullName: 'Lê Thị Tiếp Nhận',
      kind: 'staff',
      homeUnitId: d.receivingUnit.id,
      password: 'Mot-cua-journey-2025!',
      roles: tops.flatMap((u) =>
        (['one_stop_officer', 'processing_official', 'unit_leader'] as const).map((role) => ({ role, unitId: u.id })),
      ),
    });
    const officer = await apiSession(server.url, 'motcua.journey', 'Mot-cua-journey-2025!');
    const path = `/api/dossiers/${encodeURIComponent(code)}`;
    const act = async (action: string, fields: Record<string, unknown> = {}) => {
      d = await officer.post<Dossier>(`${path}/actions`, { action, version: d.version, ...fields });
    };

    // Each change: the outbox relay and the delivery task run; the message is in her portal inbox,
    // at the SMTP server, and at the SMS / Zalo simulators for the channels she has on.
    const { notificationChannels, notifier } = server.deps.services;
    const listed = async (path: string) =>
      ((await (await fetch(`${server.url}${path}`)).json()) as { items: Record<string, unknown>[] }).items;
    const texts = (items: Record<string, unknown>[]) =>
      items.map((i) => JSON.stringify(i)).filter((s) => s.includes(code));
    const subjects: string[] = [];
    const sent = { sms: 0, zalo: 0 };
    const heard = async (subject: string, channels: { sms: boolean }) => {
      await relayOutbox(server.db, [dossierNotices], new Date());
      const delivered = await deliverDue(server.db, notificationChannels, new Date(), notifier.settings);
      expect(delivered.failed).toBe(0);
      await page.goto('/thong-bao');
      await page.getByTestId('inbox').getByText(subject).first().waitFor();
      subjects.push(subject);
      const mails = smtp.received().filter((m) => m.to === BINH_EMAIL);
      expect(mails.map((m) => m.subject)).toEqual(subjects);
      expect(mails.at(-1)!.text).toContain(code);
      sent.sms += channels.sms ? 1 : 0;
      sent.zalo += 1;
      const smsSent = texts(await listed('/sim/sms/messages'));
      expect(smsSent).toHaveLength(sent.sms);
      for (const m of smsSent) expect(m).toContain('913001357');
      const zaloSent = texts(await listed('/sim/zalo/messages'));
      expect(zaloSent).toHaveLength(sent.zalo);
      for (const m of zaloSent) expect(m).toContain('913001357');
    };

    // Received: the one-stop officer accepts it (SMS too: she switched it on).
    await act('accept');
    expect(d.status).toBe('received');
    await heard(`Đã tiếp nhận hồ sơ ${code}`, { sms: true });
    await page.getByTestId('nav-unread').getByText('1').waitFor();
    await expectAccessible(page, [SELECT_REQUIRED]);
    await saveJourneyScreenshot(page, 'vneid-journey-inbox');

    // Supplement requested (mẫu 02): a legal notice, so by SMS too whatever her settings say.
    const supplementNote = 'Đề nghị bổ sung bản sao căn cước có chứng thực';
    await act('requestSupplement', { note: supplementNote });
    expect(d.status).toBe('awaitingSupplement');
    await heard(`Yêu cầu bổ sung hồ sơ ${code}`, { sms: true });
    await page.getByTestId('inbox').getByText(supplementNote, { exact: false }).first().waitFor();

    // She answers it in the portal, uploading the paper asked for; the dossier is being processed.
    await page.goto(`/ho-so-cua-toi/${encodeURIComponent(code)}`);
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Chờ bổ sung');
    await page.getByRole('button', { name: 'Bổ sung hồ sơ' }).click();
    const dialog = page.getByRole('dialog');
    const slot = dialog.getByTestId('supply-component').filter({ hasText: mandatory[0]!.name });
    await slot
      .locator('input[type=file]')
      .setInputFiles({ name: 'ban-sao-bo-sung.pdf', mimeType: 'application/pdf', buffer: PDF });
    await slot.getByText('ban-sao-bo-sung.pdf').waitFor();
    await expectAccessible(page, [SELECT_REQUIRED]);
    await dialog.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.getByText('Đã gửi hồ sơ bổ sung.').waitFor();
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đang xử lý');
    d = await officer.get<Dossier>(path);
    expect(d.status).toBe('processing');
    // The clock restarts: she hears it, with the appointment moved by her wait.
    await heard(`Hồ sơ ${code} tiếp tục được giải quyết`, { sms: false });

    // Fee due: the unit asks for a financial obligation (an extra copy of the certificate).
    await act('requestPayment', {
      obligation: { description: 'Chi phí cấp thêm bản Phiếu lý lịch tư pháp', amountVnd: 5000 },
    });
    expect(d.status).toBe('awaitingPayment');
    await heard(`Nộp phí, lệ phí hồ sơ ${code}`, { sms: false });
    await page.getByTestId('inbox').getByText('5.000 đồng', { exact: false }).first().waitFor();
    await act('confirmPayment', { receiptNumber: `BL-JOURNEY-${code}` });
    expect(d.status).toBe('processing');
    await heard(`Hồ sơ ${code} tiếp tục được giải quyết`, { sms: false });

    // Result ready: the steps are worked to the end, the leader signs the electronic result.
    for (let i = 0; i < 10 && d.status !== 'processed'; i += 1) {
      if (d.allowedActions.includes('signResult')) {
        const fileId = await officer.upload(PDF, 'ket-qua.pdf');
        await act('signResult', {
          result: {
            fileId,
            number: `LLTP-${i + 1}/2026`,
            issuedOn: new Date().toISOString().slice(0, 10),
            issuer: 'Công an tỉnh',
            signer: 'Nguyễn Văn Ký',
            certificateSerial: '5403A1B2C3D4E5F6',
          },
        });
      } else if (d.allowedActions.includes('finish')) await act('finish');
      else if (d.allowedActions.includes('forward')) await act('forward');
      else throw new Error(`no way on from ${d.status} (${d.allowedActions.join(', ')})`);
    }
    expect(d.status).toBe('processed');
    await heard(`Hồ sơ ${code} đã có kết quả`, { sms: false });

    // Returned: the fee paid at the counter, the result handed over online.
    const { due } = await officer.get<{ due: { obligationId: string | null; amountVnd: number }[] }>(
      `${path}/payments`,
    );
    for (const [i, item] of due.entries()) {
      await officer.post(`${path}/payments/counter`, { ...item, receiptNumber: `BL-JOURNEY-${code}-${i}` });
    }
    await act('returnResult', { resultChannel: 'online' });
    expect(d.status).toBe('returned');
    await heard(`Đã trả kết quả hồ sơ ${code}`, { sms: false });
    await expectAccessible(page, [SELECT_REQUIRED]);
    await saveJourneyScreenshot(page, 'vneid-journey-returned');
  });
});
