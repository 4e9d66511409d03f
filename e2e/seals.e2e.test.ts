/**
 * Issue 19: the system administrator replaces a unit's seal certificate in the staff console —
 * the list shows the current serial, "Thay chứng thư số con dấu" asks for confirmation, the new
 * serial replaces it and the old one is listed as retired; and the public verification names an
 * intermediate CA revoked at the root. Accessibility checked with axe-core.
 * A key directory of its own: no other test's seal rotates under it.
 */
import { describe, expect, it } from 'vitest';
import { signPdf } from '../src/modules/signing/pades.js';
import { serialHex } from '../src/modules/signing/pki.js';
import { officialBox } from '../src/modules/signing/signature-boxes.js';
import { secondSubordinateCa } from '../src/modules/signing/testing/second-ca.js';
import { blankPdf, testKeysDir } from '../src/modules/signing/testing/signed-pdfs.js';
import { browserSuite, DEMO_PASSWORD, expectAccessible, hasChromium, signIn, waitForPath } from './helpers.js';

(hasChromium ? describe : describe.skip)('seal certificates (browser)', () => {
  const suite = browserSuite({ env: { MOTCUA_KEYS_DIR: testKeysDir('seals-e2e') } });

  it('lists the unit’s seal and replaces its certificate after confirmation', async () => {
    // The service centre (Trung tâm Phục vụ hành chính công) gets its seal on its first sealing.
    const unitCode = '000.00.02.H91';
    const seal = await (await suite.server.deps.services.trust.get()).seals.sealSigner(unitCode);
    const oldSerial = serialHex((await seal.chain())[0]!);

    const { page } = await suite.open();
    await signIn(page, 'admin', DEMO_PASSWORD);
    await waitForPath(page, '/staff/units');
    await page.getByRole('menuitem', { name: 'Con dấu điện tử' }).click();
    await waitForPath(page, '/staff/seals');
    const row = page.getByTestId('seals').locator('tr', { hasText: unitCode });
    await row.getByText(oldSerial).waitFor();
    await expectAccessible(page);

    await row.getByRole('button', { name: 'Thay chứng thư số con dấu' }).click();
    await page.getByText(/^Thay chứng thư số con dấu của .+\?$/).waitFor();
    // The confirmation zooms in half transparent (antd's …-enter-active / …-appear-active): checked at rest.
    await page.waitForFunction(
      () => document.querySelector('[class*="-enter-active"], [class*="-appear-active"]') === null,
    );
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Có' }).click();
    await page.getByText(/Đã thay chứng thư số con dấu của .+: số hiệu mới [0-9a-f]+\./).waitFor();

    await expect.poll(async () => ((await row.textContent()) ?? '').includes(oldSerial)).toBe(false);
    await row.getByRole('button', { name: /Expand row|Mở rộng/ }).click();
    await page
      .getByRole('list', { name: /Chứng thư số đã thay của/ })
      .getByText(oldSerial)
      .waitFor();
    await expectAccessible(page);
  }, 180_000);

  it('the public verification names the intermediate CA revoked before the signature', async () => {
    const trust = await suite.server.deps.services.trust.get();
    const caName = `MotCua Test CA bị thu hồi ${Date.now().toString(36)}`;
    const second = await secondSubordinateCa(trust, caName, () => new Date());
    await trust.revoke(serialHex(second.certificate), new Date(Date.now() - 60_000), 'root');
    const when = new Date();
    const pdf = await signPdf(await blankPdf(), second.signer, trust.tsa, {
      fieldName: 'ChuKyNguoiCoThamQuyen',
      signerName: 'Người ký',
      reason: 'Thử',
      location: 'VN',
      signingTime: when,
      box: officialBox({ name: 'Người ký', signedAt: when }),
    });
    const { page } = await suite.open();
    await page.goto('/tra-cuu');
    await page.getByRole('heading', { name: 'Kiểm tra văn bản điện tử có ký số' }).waitFor();
    await page
      .locator('input[type=file][accept*="pdf"]')
      .setInputFiles({ name: 'ca-bi-thu-hoi.pdf', mimeType: 'application/pdf', buffer: pdf });
    const signature = page.getByTestId('verify-signature-1');
    await signature.getByText('CA trung gian', { exact: false }).first().waitFor();
    await signature
      .getByRole('listitem')
      .filter({ hasText: caName })
      .getByText('Đã bị thu hồi từ', { exact: false })
      .waitFor();
    await expectAccessible(page);
  }, 180_000);
});
