/**
 * A citizen sees the state changes of their dossier in the portal's inbox, live: the unread count
 * in the menu and the messages on /thong-bao arrive over server-sent events without a reload. The
 * officials act through the API; the outbox relay (a periodic task, off in tests) is run by hand
 * with the dossiers' notice subscriber.
 */
import { describe, expect, it } from 'vitest';
import { dossierNotices } from '../src/modules/dossiers/dossier-notices.subscriber.js';
import { relayOutbox } from '../src/modules/outbox/relay.js';
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
  sampleEformFor,
} from './helpers.js';

const EXTRACT = '2.000635';
const CONGDAN = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '089095000123', phone: '0912345678' };

(hasChromium ? describe : describe.skip)('the citizen’s inbox (browser)', () => {
  const suite = browserSuite();

  it('shows each state change of the dossier in the portal inbox as it happens', async () => {
    const citizen = await apiSession(suite.url, 'congdan', DEMO_PASSWORD);
    const procedure = await procedureByCode(suite.url, EXTRACT);
    const units = flattenUnits((await citizen.get<{ units: UnitNode[] }>('/api/units')).units);
    const fileId = await citizen.upload(PDF, 'to-khai.pdf');
    const filed = await citizen.post<{ code: string; version: number }>('/api/dossiers', {
      procedureId: procedure.id,
      channel: 'online',
      applicant: CONGDAN,
      components: procedure.components
        .filter((c) => c.mandatory)
        .map((c) => ({ componentId: c.id, fileIds: [fileId] })),
      competentUnitId: units.find((u) => u.name === 'Sở Tư pháp')!.id,
      receivingUnitId: units.find((u) => u.name.startsWith('Trung tâm Phục vụ hành chính công'))!.id,
      eform: await sampleEformFor(suite.url, citizen, procedure.id),
    });
    const relay = () => relayOutbox(suite.server.db, [dossierNotices], new Date());

    const { page } = await suite.open();
    await signIn(page, 'congdan', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto('/thong-bao');
    await page.getByRole('heading', { name: 'Hộp thư thông báo' }).waitFor();
    expect(await page.getByTestId('inbox').getByText(filed.code).count()).toBe(0);

    // The one-stop officer accepts the online dossier: "received", with its appointment.
    const officer = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    let d = await officer.post<{ code: string; version: number }>(`/api/dossiers/${filed.code}/actions`, {
      action: 'accept',
      version: filed.version,
    });
    await relay();
    await page.getByTestId('inbox').getByText(`Đã tiếp nhận hồ sơ ${filed.code}`).waitFor();
    await page.getByTestId('nav-unread').getByText('1').waitFor();

    // Forwarded, then the official asks for a supplement: a legal notice with the official's note.
    d = await officer.post(`/api/dossiers/${d.code}/actions`, { action: 'forward', version: d.version });
    const official = await apiSession(suite.url, 'chuyenvien', DEMO_PASSWORD);
    await official.post(`/api/dossiers/${d.code}/actions`, {
      action: 'requestSupplement',
      version: d.version,
      note: 'Bổ sung bản sao giấy khai sinh',
    });
    await relay();
    await page.getByTestId('inbox').getByText(`Yêu cầu bổ sung hồ sơ ${filed.code}`).waitFor();
    await page
      .getByTestId('inbox')
      .getByText(/Bổ sung bản sao giấy khai sinh/)
      .waitFor();
    await page.getByTestId('nav-unread').getByText('2').waitFor();

    await page.getByRole('button', { name: 'Đánh dấu đã đọc tất cả' }).click();
    await page.getByTestId('inbox-unread').getByText('0 chưa đọc').waitFor();
    await expect.poll(() => page.getByTestId('nav-unread').count()).toBe(0);
    await saveJourneyScreenshot(page, 'notifications-portal-inbox');
  });

  it('the administrator previews a template change before saving it', async () => {
    const { page } = await suite.open();
    await signIn(page, 'admin', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.goto('/staff/notifications');
    await page.getByTestId('template-kind').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'dossier.resultReady' })
      .click();
    const subject = page.getByLabel('Tiêu đề');
    await expect.poll(() => subject.inputValue()).toBe('Hồ sơ {{code}} đã có kết quả');
    await subject.fill('Kết quả hồ sơ {{code}} đã sẵn sàng');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByTestId('template-preview').getByText('Kết quả hồ sơ [code] đã sẵn sàng').waitFor();
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await page.getByText('Phiên bản 1').waitFor();
    await saveJourneyScreenshot(page, 'notifications-template-admin');
  });
});
