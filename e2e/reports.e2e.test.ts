/**
 * Issue 21.3 in a real browser: the procedure-control officer prepares last year's fourth-quarter
 * report (a closed period on any date) on the statutory reports page; a second officer signs and
 * submits it; the page shows it submitted with its PDF link, and the page passes axe.
 */
import { describe, expect, it } from 'vitest';
import { apiSession, browserSuite, DEMO_PASSWORD, expectAccessible, hasChromium, signIn } from './helpers.js';

(hasChromium ? describe : describe.skip)('statutory reports in the staff console (browser)', () => {
  const suite = browserSuite();

  it('prepares a quarterly report, another officer signs and submits it, the PDF link is offered', async () => {
    const admin = await apiSession(suite.url, 'admin', DEMO_PASSWORD);
    const kstthc = (
      await admin.get<{ items: { roles: { role: string; unitId: string | null }[] }[] }>('/api/users?q=kstthc')
    ).items[0]!;
    const unitId = kstthc.roles.find((r) => r.role === 'procedure_control_officer')!.unitId;
    const password = 'MatKhau-BaoCao-2026';
    await admin.post('/api/users', {
      username: 'kstthc-ky',
      fullName: 'Trần Thị Kiểm Soát',
      kind: 'staff',
      password,
      roles: [{ role: 'procedure_control_officer', unitId }],
    });
    const year = new Date().getFullYear() - 1;
    const periodId = `${year}-Q4`;

    const preparer = await suite.open();
    await signIn(preparer.page, 'kstthc', DEMO_PASSWORD);
    await preparer.page.getByRole('menuitem', { name: 'Báo cáo định kỳ' }).click();
    await preparer.page.getByLabel('Năm').fill(String(year));
    await preparer.page.getByLabel('Năm').press('Enter');
    await preparer.page.getByTestId(`prepare-${periodId}`).click();
    await preparer.page.getByTestId('reports-table').getByText('Dự thảo').waitFor();
    // The preparer may not sign: the page offers the button, the server refuses with its message.
    await preparer.page.getByTestId(`submit-${periodId}`).click();
    await preparer.page.getByText('Người lập báo cáo không được tự ký').waitFor();
    await expectAccessible(preparer.page);

    const signer = await suite.open();
    await signIn(signer.page, 'kstthc-ky', password);
    await signer.page.getByRole('menuitem', { name: 'Báo cáo định kỳ' }).click();
    await signer.page.getByLabel('Năm').fill(String(year));
    await signer.page.getByLabel('Năm').press('Enter');
    await signer.page.getByTestId(`submit-${periodId}`).click();
    await signer.page.getByTestId('reports-table').getByText('Đã ký, đang gửi').waitFor();
    const href = await signer.page.getByTestId(`pdf-${periodId}`).getAttribute('href');
    expect(href).toMatch(/^\/api\/reports\/[0-9a-f-]{36}\/file\?format=pdf$/);
    const pdf = await signer.page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  });
});
