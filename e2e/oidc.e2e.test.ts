/**
 * Signing in through the VNeID simulator in a real browser: the citizen clicks "Đăng nhập bằng
 * VNeID" on the portal's login page, signs in on the simulator's page (a level-2 identity), and
 * lands back on the portal signed in, the account page prefilled from the identity provider.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite, hasChromium, saveJourneyScreenshot, waitForPath } from './helpers.js';

if (!hasChromium) console.log('VNeID browser tests skipped: /usr/bin/chromium is not installed.');

const BINH = { personalId: '089196001357', fullName: 'Trần Thị Bình' };

describe.skipIf(!hasChromium)('sign-in through VNeID (simulator)', () => {
  const suite = browserSuite();

  it('a level-2 citizen signs in with VNeID and lands signed in, the profile prefilled', async () => {
    const { page } = await suite.open();
    await page.goto('/login?next=%2Ftai-khoan');
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();

    // The simulator's page: what will be shared, then the identifier and passcode.
    await page.waitForURL(/\/sim\/vneid\/interaction\//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('VNeID');
    expect(await page.textContent('main')).toContain('Số định danh cá nhân');
    await page.getByLabel('Số định danh cá nhân').fill(BINH.personalId);
    await page.getByLabel('Mật khẩu').fill('123456');
    await page.getByRole('button', { name: 'Đồng ý và đăng nhập' }).click();

    await waitForPath(page, '/tai-khoan');
    const account = page.getByTestId('my-account');
    await expect.poll(() => account.textContent()).toContain('Nguồn: nhà cung cấp định danh');
    const text = (await account.textContent()) ?? '';
    expect(text).toContain(BINH.fullName);
    expect(text).toContain(BINH.personalId);
    expect(text).toContain('12/07/1996');
    expect(text).toContain('Nữ');
    expect(text).toContain('Số 12 Trần Hưng Đạo');
    expect(text).toContain('Tài khoản định danh điện tử mức độ 2');
    await saveJourneyScreenshot(page, 'oidc-vneid-sign-in');
  });
});
