/** The simulator's sign-in and consent page, in Vietnamese (plain HTML: the provider has no React). */
import { type SimPerson, VNEID_SIM_BASE, VNEID_SIM_PASSCODE } from './vneid-simulator.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What each scope hands over, as the consent list shows it. */
const SCOPE_LABELS: Record<string, string> = {
  vneid: 'Số định danh cá nhân',
  profile: 'Họ và tên, ngày sinh, giới tính',
  address: 'Nơi thường trú',
  phone: 'Số điện thoại',
};

export interface SimPageInput {
  uid: string;
  clientName: string;
  scopes: string[];
  people: readonly SimPerson[];
  error?: string;
  personalId?: string;
}

export function simLoginPage(input: SimPageInput): string {
  const shared = input.scopes.flatMap((s) => (SCOPE_LABELS[s] ? [`<li>${SCOPE_LABELS[s]}</li>`] : [])).join('');
  const demo = input.people
    .map((p) => `<li><code>${p.personalId}</code> — ${esc(p.fullName)} (mức ${p.level})</li>`)
    .join('');
  const action = `${VNEID_SIM_BASE}/interaction/${encodeURIComponent(input.uid)}`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Đăng nhập VNeID (mô phỏng)</title>
<style>
body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0;padding:2rem;color:#1f2937}
main{max-width:30rem;margin:auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;color:#b91c1c;margin-top:0}label{display:block;margin:.8rem 0 .3rem;font-weight:600}
input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem}
.error{color:#b91c1c;font-weight:600}.note{font-size:.85rem;color:#4b5563}
</style></head><body><main>
<h1>Đăng nhập bằng tài khoản định danh điện tử VNeID</h1>
<p class="note">Hệ thống mô phỏng VNeID dùng cho phát triển và kiểm thử, không phải VNeID thật.</p>
<p><strong>${esc(input.clientName)}</strong> đề nghị được sử dụng các thông tin sau của bạn:</p>
<ul>${shared}</ul>
${input.error ? `<p class="error" role="alert">${esc(input.error)}</p>` : ''}
<form method="post" action="${action}">
<label for="personalId">Số định danh cá nhân</label>
<input id="personalId" name="personalId" inputmode="numeric" autocomplete="username" value="${esc(input.personalId ?? '')}" required>
<label for="passcode">Mật khẩu</label>
<input id="passcode" name="passcode" type="password" autocomplete="current-password" required>
<button type="submit" name="decision" value="allow">Đồng ý và đăng nhập</button>
<button type="submit" name="decision" value="deny" formnovalidate>Hủy</button>
</form>
<details class="note"><summary>Tài khoản mô phỏng</summary>
<p>Mật khẩu của mọi tài khoản mô phỏng: <code>${VNEID_SIM_PASSCODE}</code>.</p><ul>${demo}</ul></details>
</main></body></html>`;
}
