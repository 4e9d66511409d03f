/**
 * The foundation journeys in a real browser against the real server (fresh database with the
 * demo province): portal, sign-in, units, audit chain, users and roles, language, own password,
 * API tokens, sign-out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  browserSuite,
  builtChunk,
  chooseOption,
  chooseUnit,
  DEMO_PASSWORD,
  hasChromium,
  loginStatus,
  openSelect,
  signIn,
  waitForPath,
} from './helpers.js';

if (!hasChromium) console.log('Browser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).');

const PROVINCE = 'Ủy ban nhân dân tỉnh An Giang';
const SERVICE_CENTRE = 'Trung tâm Phục vụ hành chính công tỉnh An Giang';
const NEW_UNIT = 'Trung tâm Chuyển đổi số E2E';
const NEW_USER = { username: 'e2e.chuyenvien', fullName: 'Đặng Thị Thu', temporary: 'TamThoi2025x' };
/** The account the password journey makes for itself (through the API), so no test needs another's. */
const OWN_PASSWORD_USER = {
  username: 'e2e.doimatkhau',
  fullName: 'Phan Thị Hạnh',
  temporary: 'TamThoi2025z',
  changed: 'MatKhauMoi2025y',
};

interface UnitNode {
  id: string;
  name: string;
  parentId: string | null;
  children: UnitNode[];
}
/** dd/mm/yyyy hh:mm:ss in Asia/Ho_Chi_Minh, computed independently of the app's formatter. */
function vietnamTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000); // Vietnam has no daylight saving
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

const flatten = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

(hasChromium ? describe : describe.skip)('web foundation (browser)', () => {
  const suite = browserSuite();
  let staffChunk: string;

  beforeAll(async () => {
    staffChunk = builtChunk('pages/staff/StaffConsole.tsx');
  });

  it('serves the portal in Vietnamese without downloading the staff console', async () => {
    const { page, scripts } = await suite.open();
    await page.goto('/');
    await expect.poll(() => page.getByTestId('province-name').textContent()).toBe(PROVINCE);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ' }).waitFor();
    await page.getByText(/\d+ đơn vị đang hoạt động trong hệ thống/).waitFor();

    // Search as you type (the portal's own journeys are in portal.e2e.test.ts).
    await page.getByPlaceholder('Tìm thủ tục hành chính').fill('khai sinh');
    await page
      .getByTestId('procedure-results')
      .getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts).not.toContain(staffChunk);

    await page.getByRole('link', { name: 'Đăng nhập' }).first().click();
    await waitForPath(page, '/login');
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(scripts).not.toContain(staffChunk);
  });

  it('shows the Vietnamese errors for a wrong password and for throttled sign-in', async () => {
    const { page } = await suite.open();
    await signIn(page, 'admin', 'sai-mat-khau-1');
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(new URL(page.url()).pathname).toBe('/login');

    // Failures from one place slow down: after 5, each doubles the wait before the next try (1 s,
    // 2 s, 4 s, 8 s; identity/throttle.rules.ts). Fail 9 times, sitting out each wait: the next
    // try is refused for 16 s, and the page says so in Vietnamese.
    for (let failed = 0; failed < 9; ) {
      const status = await loginStatus(suite.url, 'khong.ton.tai', 'sai-mat-khau-1');
      expect([401, 429]).toContain(status);
      if (status === 401) failed += 1;
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await signIn(page, 'khong.ton.tai', 'sai-mat-khau-1');
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toBe(
        'Đăng nhập sai nhiều lần liên tiếp từ nơi này. Vui lòng chờ giây lát (mỗi lần sai thêm, thời gian chờ tăng gấp đôi) rồi thử lại.',
      );
  });

  it('lets the administrator browse units, create one and verify the audit chain', async () => {
    const { page, scripts } = await suite.open();
    await signIn(page, 'admin', DEMO_PASSWORD);
    await waitForPath(page, '/staff/units');
    await page.getByTestId('units-tree').getByText(SERVICE_CENTRE).waitFor();
    expect(scripts).toContain(staffChunk);

    // Details come from GET /api/units/{id}.
    await page.getByTestId('units-tree').getByText(SERVICE_CENTRE).click();
    await page.getByTestId('unit-detail').getByText('000.00.02.H91').waitFor();
    await page.getByTestId('unit-detail').getByText(PROVINCE).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog');
    await chooseUnit(page, 'Đơn vị cấp trên', PROVINCE);
    await dialog.getByLabel('Tên đơn vị').fill(NEW_UNIT);
    await dialog.getByLabel('Tên viết tắt').fill('TT CĐS');
    await chooseOption(page, 'Loại đơn vị', 'Khác');
    await dialog.getByLabel('Mã định danh').fill('000.00.99.H91');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(`Đã tạo đơn vị ${NEW_UNIT}.`).waitFor();
    await page.getByTestId('units-tree').getByText(NEW_UNIT).waitFor();
    await page.getByTestId('unit-detail').getByText('Khác').waitFor();

    const units = flatten(((await (await fetch(`${suite.url}/api/units`)).json()) as { units: UnitNode[] }).units);
    const created = units.find((u) => u.name === NEW_UNIT);
    const province = units.find((u) => u.name === PROVINCE);
    expect(created?.parentId).toBe(province?.id);

    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('unit-detail').waitFor({ state: 'detached' });
    await page.getByRole('menuitem', { name: 'Nhật ký' }).click();
    await waitForPath(page, '/staff/audit');
    const newest = page.locator('.ant-table-tbody tr').first();
    await newest.getByText('unit.create').waitFor();
    expect(await newest.textContent()).toContain(created!.id);
    expect(await newest.textContent()).toContain('admin');

    await page.getByRole('button', { name: 'Kiểm tra chuỗi' }).click();
    const verdict = page.getByTestId('audit-verify');
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(/Chuỗi nhật ký toàn vẹn: đã kiểm tra \d+ bản ghi\./);
    const admin = await apiSession(suite.url, 'admin', DEMO_PASSWORD);
    const audit = await admin.get<{ items: { targetId: string | null; occurredAt: string }[] }>(
      '/api/audit?action=unit.create&pageSize=5',
    );
    expect(audit.items[0]?.targetId).toBe(created!.id);
    // The browser runs in UTC; the page shows Vietnam time.
    expect(await newest.locator('td').nth(1).textContent()).toBe(vietnamTime(audit.items[0]!.occurredAt));
  });

  it('lets the administrator create a user and assign a role', async () => {
    const { page } = await suite.open();
    await signIn(page, 'admin', DEMO_PASSWORD);
    await waitForPath(page, '/staff/units');
    await page.getByRole('menuitem', { name: 'Người dùng' }).click();
    await waitForPath(page, '/staff/users');
    await page.getByRole('cell', { name: 'tiepnhan' }).waitFor();

    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill(NEW_USER.username);
    await dialog.getByLabel('Họ và tên').fill(NEW_USER.fullName);
    await chooseUnit(page, 'Đơn vị công tác', 'Sở Tư pháp');
    await dialog.getByLabel('Mật khẩu ban đầu').fill(NEW_USER.temporary);
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    await page.getByText(`Đã tạo tài khoản ${NEW_USER.username}.`).waitFor();

    // The drawer of the new account: give it a role over Sở Tư pháp.
    const detail = page.getByTestId('user-detail');
    await detail.getByText(NEW_USER.fullName).waitFor();
    await page.getByRole('button', { name: 'Phân quyền' }).click();
    const rolesDialog = page.locator('.ant-modal-content', { hasText: `Vai trò của ${NEW_USER.username}` });
    await rolesDialog.getByRole('button', { name: 'Thêm vai trò' }).click();
    await chooseOption(page, 'Vai trò', 'Chuyên viên xử lý');
    await chooseUnit(page, 'Trên đơn vị', 'Sở Tư pháp');
    await rolesDialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã cập nhật vai trò.').waitFor();
    await detail.getByText('Chuyên viên xử lý — Sở Tư pháp').waitFor();

    // The list finds it by search, and the API holds the role.
    await page.locator('.ant-drawer-close').click();
    await detail.waitFor({ state: 'detached' });
    await page.getByPlaceholder('Tìm theo họ tên hoặc tên đăng nhập').fill('e2e.chuyen');
    await page.getByPlaceholder('Tìm theo họ tên hoặc tên đăng nhập').press('Enter');
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await page.locator('.ant-table-tbody').getByRole('cell', { name: NEW_USER.username }).waitFor();

    const admin = await apiSession(suite.url, 'admin', DEMO_PASSWORD);
    const found = await admin.get<{
      items: { username: string; roles: { role: string; unitName: string | null }[] }[];
    }>(`/api/users?q=${NEW_USER.username}`);
    expect(found.items).toHaveLength(1);
    expect(found.items[0]!.roles).toEqual([
      { role: 'processing_official', unitId: expect.any(String), unitName: 'Sở Tư pháp' },
    ]);
  });

  it('switches to English, keeps the choice and the session across a reload, and issues an API token', async () => {
    const { page } = await suite.open();
    await signIn(page, 'admin', DEMO_PASSWORD);
    await waitForPath(page, '/staff/units');
    const menu = page.getByTestId('staff-menu');
    await menu.getByText('Đơn vị').waitFor();

    await page.getByText('EN', { exact: true }).click();
    await menu.getByRole('menuitem', { name: 'Units' }).waitFor();
    const labels = (await menu.getByRole('menuitem').allTextContents()).map((s) => s.trim());
    // The administrator runs the payment platform's daily reconciliation too (policy: payment.reconcile)
    // and rotates the agencies' seal certificates (seal.manage).
    expect(labels).toEqual([
      'Units',
      'One-stop directory',
      'Users',
      'Working calendar',
      'Audit log',
      'Notification templates',
      'Agency seals',
      'Payment reconciliation',
      'Notifications',
      'My account',
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // After a reload the language comes from localStorage and the CSRF token from GET /api/me:
    // issuing a token (a POST) must work.
    await page.getByRole('menuitem', { name: 'My account' }).click();
    await waitForPath(page, '/staff/account');
    await page.reload();
    await page.getByRole('menuitem', { name: 'My account' }).waitFor();
    await page.getByPlaceholder('Name').fill('e2e integration');
    await openSelect(page, 'Scopes');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'audit.read' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    const token = (await secret.textContent())!.trim();
    expect(token).toMatch(/^mct_/);
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('cell', { name: 'e2e integration' }).waitFor();

    // The token works against the API, for its scope.
    const verify = await fetch(`${suite.url}/api/audit/verify`, { headers: { authorization: `Bearer ${token}` } });
    expect(verify.status).toBe(200);
    expect(((await verify.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('lets a user change their own password, sign out, and sign in with the new one', async () => {
    // Its own account, made through the API: a processing official of Sở Tư pháp with a temporary password.
    const NEW_USER = OWN_PASSWORD_USER;
    const admin = await apiSession(suite.url, 'admin', DEMO_PASSWORD);
    const units = flatten(((await (await fetch(`${suite.url}/api/units`)).json()) as { units: UnitNode[] }).units);
    const tuPhap = units.find((u) => u.name === 'Sở Tư pháp')!.id;
    await admin.post('/api/users', {
      username: NEW_USER.username,
      fullName: NEW_USER.fullName,
      kind: 'staff',
      homeUnitId: tuPhap,
      password: NEW_USER.temporary,
      roles: [{ role: 'processing_official', unitId: tuPhap }],
    });

    const { page } = await suite.open();
    await signIn(page, NEW_USER.username, NEW_USER.temporary);
    // A processing official lands on the dossiers, handles feedback routed to the unit, and reads the unit's tracking book, and sees neither users nor the audit log.
    await waitForPath(page, '/staff/dossiers');
    await page.getByText('Tài khoản đang dùng mật khẩu tạm').waitFor();
    const labels = (await page.getByTestId('staff-menu').getByRole('menuitem').allTextContents()).map((s) => s.trim());
    expect(labels).toEqual([
      'Hồ sơ',
      'Phản ánh, kiến nghị',
      'Sổ theo dõi hồ sơ',
      'Kế hoạch, nhiệm vụ',
      'Đơn vị',
      'Thông báo',
      'Tài khoản',
    ]);

    await page.getByRole('menuitem', { name: 'Tài khoản' }).click();
    await waitForPath(page, '/staff/account');
    await page.getByLabel('Mật khẩu hiện tại').fill(NEW_USER.temporary);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_USER.changed);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_USER.changed);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Đã đổi mật khẩu.').waitFor();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await waitForPath(page, '/login');
    // The session is gone: the console sends us back to the sign-in page.
    await page.goto('/staff/units');
    await waitForPath(page, '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/staff/units');

    expect(await loginStatus(suite.url, NEW_USER.username, NEW_USER.temporary)).toBe(401);
    await signIn(page, NEW_USER.username, NEW_USER.changed);
    await waitForPath(page, '/staff/dossiers');
    await page.getByTestId('current-user').getByText(NEW_USER.fullName).waitFor();
    expect(await page.getByText('Tài khoản đang dùng mật khẩu tạm').count()).toBe(0);
  });
});
