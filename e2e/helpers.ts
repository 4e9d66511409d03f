/** Browser-test helpers: Debian's chromium through playwright-core, and a small API client. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WEB_DIR } from '../src/server/http/web.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const DEMO_PASSWORD = 'motcua-demo';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  /** Paths of every script the page requested, in order. */
  scripts: string[];
}

/** A fresh context (own cookies and localStorage) with one page; records script requests. */
export async function openPage(browser: Browser, baseURL: string): Promise<TrackedPage> {
  const context = await browser.newContext({ baseURL, locale: 'vi-VN', timezoneId: 'UTC' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return { context, page, scripts };
}

/** The built file of a source module (from Vite's manifest), e.g. "/assets/StaffConsole-xyz.js". */
export function builtChunk(source: string): string {
  const manifest = JSON.parse(readFileSync(join(WEB_DIR, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
  const entry = manifest[source];
  if (!entry) throw new Error(`${source} is not in the Vite manifest`);
  return `/${entry.file}`;
}

/** Fills the sign-in form and submits it. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

export async function waitForPath(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
}

/** A select's combobox by its label; a required field's name starts with antd's "* " mark. */
function combobox(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('combobox', { name: new RegExp(`^(\\* )?${escaped}$`) });
}

/**
 * Opens an antd Select found by its label (the selected value covers the input itself). With
 * several (rows of a list), the last one: the row just added.
 */
export async function openSelect(page: Page, label: string): Promise<void> {
  await page.locator('.ant-select', { has: combobox(page, label) }).last().click();
}

/** Picks an option of an antd Select (the dropdown renders outside the form). */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await openSelect(page, label);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** Picks a unit in a UnitPicker (TreeSelect), searching by name. */
export async function chooseUnit(page: Page, label: string, unitName: string): Promise<void> {
  await openSelect(page, label);
  await combobox(page, label).last().fill(unitName);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: `${unitName} (` }).first().click();
}

/** An API session from Node (cookie + CSRF token), to check state behind the UI. */
export async function apiSession(baseURL: string, username: string, password: string) {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('motcua_session='))!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async get<T>(path: string): Promise<T> {
      const r = await fetch(`${baseURL}${path}`, { headers: { cookie } });
      if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
    csrfToken,
  };
}

export async function loginStatus(baseURL: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}
