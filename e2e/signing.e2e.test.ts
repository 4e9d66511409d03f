/**
 * Issue 19 in a real browser: the leader approves a result in the staff console, the dialog says
 * "confirm on your phone" with the transaction id, the remote-signing simulator's phone page
 * confirms it, the dossier moves on, and the signed result (official + seal) passes poppler's
 * pdfsig, a verifier we did not write. A refusal on the phone is said in Vietnamese and the
 * dialog stays open. The dialog waiting for the phone passes axe (WCAG 2 A/AA).
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  blankPdf,
  pdfsig,
  signedByOfficialAndSeal,
  signedByRevoked,
  testTrust,
} from '../src/modules/signing/testing/signed-pdfs.js';
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

const hasPdfsig = ['/usr/bin/pdfsig', '/usr/local/bin/pdfsig'].some((p) => existsSync(p));
if (!hasPdfsig)
  console.warn('signing e2e: pdfsig (poppler-utils) is not installed, the signed file is not checked by it');

const SIGN = 'Phê duyệt, ký kết quả';

/** Today in Vietnam as dd/mm/yyyy (the date pickers' format). */
function vietnamToday(): string {
  const d = new Date(Date.now() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

(hasChromium ? describe : describe.skip)('remote signing of a result in the staff console (browser)', () => {
  const suite = browserSuite();
  let procedure: ProcedureForTest;
  let pdf: Buffer;

  beforeAll(async () => {
    procedure = await procedureByCode(suite.url, '2.000635');
    pdf = await blankPdf();
  });

  /** A counter dossier for Sở Tư pháp forwarded through the API up to the leader's approval. */
  async function atApproval(): Promise<string> {
    const tiepnhan = await apiSession(suite.url, 'tiepnhan', DEMO_PASSWORD);
    const fileId = await tiepnhan.upload(pdf, 'to-khai.pdf');
    const unit = procedure.competentUnits.find((u) => u.name === 'Sở Tư pháp')!;
    let d = await tiepnhan.post<{ code: string; version: number }>('/api/dossiers', {
      procedureId: procedure.id,
      channel: 'counter',
      competentUnitId: unit.id,
      applicant: { kind: 'citizen', fullName: 'Đỗ Thị Thu', idNumber: '089196007788' },
      components: procedure.components
        .filter((c) => c.mandatory)
        .map((c) => ({ componentId: c.id, fileIds: [fileId] })),
    });
    d = await tiepnhan.post(`/api/dossiers/${d.code}/actions`, { action: 'forward', version: d.version });
    const chuyenvien = await apiSession(suite.url, 'chuyenvien', DEMO_PASSWORD);
    d = await chuyenvien.post(`/api/dossiers/${d.code}/actions`, { action: 'forward', version: d.version });
    return d.code;
  }

  /** The leader's dossier page with the signing dialog filled, the result file picked. */
  async function fillSigningDialog(code: string, number: string): Promise<Page> {
    const { page } = await suite.open({ acceptDownloads: true });
    await signIn(page, 'lanhdao', DEMO_PASSWORD);
    await waitForPath(page, '/staff/dossiers');
    await page.goto(`/staff/dossiers/${code}`);
    await page.getByTestId('dossier-actions').getByRole('button', { name: SIGN }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(SIGN) });
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'giay-phep.pdf', mimeType: 'application/pdf', buffer: pdf });
    await dialog.getByText('giay-phep.pdf').waitFor();
    await dialog.getByLabel('Số văn bản, giấy tờ').fill(number);
    await dialog.getByLabel('Ngày ban hành').fill(vietnamToday());
    await dialog.getByLabel('Ngày ban hành').press('Enter');
    await dialog.locator('.ant-select-selection-item', { hasText: '(mặc định)' }).waitFor();
    await dialog.getByLabel('Ý kiến, ghi chú chuyển bước').fill('Đồng ý, trả kết quả');
    return page;
  }

  /** The simulator's phone page (a page of its own, as a phone would be), answering the one pending request. */
  async function onPhone(confirmationUrl: string, button: 'Xác nhận ký' | 'Từ chối', code: string) {
    const { page } = await suite.open();
    await page.goto(confirmationUrl);
    const request = page.locator('li', { hasText: `Phê duyệt, ký kết quả hồ sơ ${code}` });
    await request.getByRole('button', { name: button }).click();
    await page.getByTestId('sim-sign-empty').waitFor();
  }

  it('the leader signs through the phone: the dossier moves on, the result carries two valid signatures', async () => {
    const code = await atApproval();
    const page = await fillSigningDialog(code, '88/GP-STP');
    const dialog = page.getByRole('dialog', { name: new RegExp(SIGN) });
    await dialog.getByRole('button', { name: SIGN }).click();

    // Waiting for the phone: the transaction id and the way to the (simulated) phone app.
    const waiting = dialog.getByTestId('signing-state');
    await waiting.getByText('Đang chờ anh/chị xác nhận ký số trên điện thoại').waitFor();
    const transactionId = (await waiting.getByTestId('signing-transaction').textContent())!.trim();
    expect(transactionId.length).toBeGreaterThan(8);
    const confirmationUrl = (await waiting.getByTestId('signing-phone-link').getAttribute('href'))!;
    expect(confirmationUrl).toBe('/sim/remote-signing/app/lanhdao');
    await expectAccessible(page);

    await onPhone(confirmationUrl, 'Xác nhận ký', code);
    await page.getByText('Đã ký số, đóng dấu và phê duyệt kết quả.').waitFor();
    await page.getByTestId('dossier-results').getByText('Số 88/GP-STP', { exact: false }).waitFor();
    await saveJourneyScreenshot(page, 'result-remote-signing');

    // The dossier moved on to the counter, its result recorded as verified.
    const lanhdao = await apiSession(suite.url, 'lanhdao', DEMO_PASSWORD);
    const d = await lanhdao.get<{
      currentStepKey: string | null;
      results: { number: string; fileId: string; verification: string; signer: string }[];
    }>(`/api/dossiers/${code}`);
    expect(d.currentStepKey).not.toBe('phe-duyet');
    expect(d.results).toHaveLength(1);
    expect(d.results[0]).toMatchObject({ number: '88/GP-STP', verification: 'valid', signer: 'Phạm Minh Đức' });

    // The signed file as downloaded from the page's session.
    const download = await page.request.get(`/api/files/${d.results[0]!.fileId}`);
    expect(download.status()).toBe(200);
    const signed = await download.body();
    expect(signed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!hasPdfsig) {
      console.log('signing e2e: pdfsig check skipped (poppler-utils not installed)');
      return;
    }
    const verdict = await pdfsig(signed);
    expect(verdict.match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
    expect(verdict).toContain('Signer Certificate Common Name: Phạm Minh Đức');
    expect(verdict).toContain('Signer Certificate Common Name: Con dấu điện tử');
  });

  it('a refusal on the phone is said in Vietnamese; the dossier stays at the approval', async () => {
    const code = await atApproval();
    const page = await fillSigningDialog(code, '89/GP-STP');
    const dialog = page.getByRole('dialog', { name: new RegExp(SIGN) });
    await dialog.getByRole('button', { name: SIGN }).click();
    const link = dialog.getByTestId('signing-phone-link');
    await link.waitFor();
    await onPhone((await link.getAttribute('href'))!, 'Từ chối', code);
    await dialog.getByRole('alert').getByText('Anh/chị đã từ chối ký trên điện thoại', { exact: false }).waitFor();
    const lanhdao = await apiSession(suite.url, 'lanhdao', DEMO_PASSWORD);
    const d = await lanhdao.get<{ currentStepKey: string | null; results: unknown[] }>(`/api/dossiers/${code}`);
    expect(d).toMatchObject({ currentStepKey: 'phe-duyet', results: [] });
  });

  it('the public lookup page checks a result PDF: signer, seal, time, certificate, revocation, integrity', async () => {
    // The server's demo CA (the test key directory): a sealed result, and one by a revoked certificate.
    const trust = await testTrust();
    const sealed = await signedByOfficialAndSeal(trust, pdf);
    const revoked = await signedByRevoked(trust);
    const { page } = await suite.open();
    await page.goto('/tra-cuu');
    await page.getByRole('heading', { name: 'Kiểm tra văn bản điện tử có ký số' }).waitFor();
    const pick = async (name: string, buffer: Buffer) => {
      await page
        .locator('input[type=file][accept*="pdf"]')
        .setInputFiles({ name, mimeType: 'application/pdf', buffer });
      await page.getByTestId('verify-report').getByText(name, { exact: false }).waitFor();
    };

    await pick('ket-qua-da-ky.pdf', sealed);
    const report = page.getByTestId('verify-report');
    await report.getByText('Văn bản có 2 chữ ký số, tất cả hợp lệ').waitFor();
    const official = page.getByTestId('verify-signature-1');
    await official.getByText('Chữ ký số thứ 1: của người có thẩm quyền').waitFor();
    await official.getByText('Nguyễn Văn Ánh', { exact: false }).waitFor();
    await official.getByText('theo dấu thời gian', { exact: false }).waitFor();
    await official.getByText('còn hiệu lực tại thời điểm ký', { exact: false }).waitFor();
    await official.getByText('Chưa bị thu hồi (kiểm tra trực tuyến qua OCSP)').waitFor();
    await official.getByText('Nội dung đã ký không bị thay đổi').waitFor();
    const seal = page.getByTestId('verify-signature-2');
    await seal.getByText('Chữ ký số thứ 2: của cơ quan, tổ chức (con dấu điện tử)').waitFor();
    await seal.getByText('Con dấu điện tử TEST-UNIT', { exact: false }).waitFor();
    await expectAccessible(page);

    await pick('bi-thu-hoi.pdf', revoked);
    await report.getByText('Văn bản có chữ ký số không hợp lệ').waitFor();
    await page.getByTestId('verify-signature-1').getByText('Đã bị thu hồi từ', { exact: false }).waitFor();
    await saveJourneyScreenshot(page, 'result-verification');
  });
});
