/** Browser-test helpers: Debian's chromium through playwright-core, and a small API client. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { WEB_DIR } from '../src/app/web.js';
import { startTestServer, type TestServer } from '../src/app/testing/server.js';
import { sampleEform } from '../src/modules/eforms/sample-values.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
// Every browser suite is `(hasChromium ? describe : describe.skip)`: say why once, not silently.
if (!hasChromium) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
export const DEMO_PASSWORD = 'motcua-demo';
/**
 * How long a locator, a navigation or an expect.poll waits (vitest.config.ts uses the same figure
 * for expect.poll): sized for a busy two-core machine, where a page can take 10–20 s to show what
 * a test waits for. A test that passes waits no longer; only a failure takes this long.
 */
export const E2E_WAIT_MS = 30_000;

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
  /** Every API answer of 400 or more: status, method, path and the start of the body. */
  refusals: string[];
}

/** A fresh context (own cookies and localStorage) with one page; records script requests. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<TrackedPage> {
  const context = await browser.newContext({ baseURL, locale: 'vi-VN', timezoneId: 'UTC', ...options });
  context.setDefaultTimeout(E2E_WAIT_MS);
  context.setDefaultNavigationTimeout(E2E_WAIT_MS);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // What the API refused, kept to be printed if the test fails (a toast is gone by then).
  const refusals: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.status() < 400 || !url.pathname.startsWith('/api/')) return;
    void response
      .text()
      .catch(() => '')
      .then((body) =>
        refusals.push(`${response.status()} ${response.request().method()} ${url.pathname} ${body.slice(0, 300)}`),
      );
  });
  return { context, page, scripts, refusals };
}

/** The built file of a source module (from Vite's manifest), e.g. "/assets/StaffConsole-xyz.js". */
export function builtChunk(source: string): string {
  const manifest = JSON.parse(readFileSync(join(WEB_DIR, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
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
  await page
    .locator('.ant-select', { has: combobox(page, label) })
    .last()
    .click();
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
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: `${unitName} (` })
    .first()
    .click();
}

/** An API session from Node (cookie + CSRF token), to check state behind the UI. */
export async function apiSession(baseURL: string, username: string, password: string) {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('motcua_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async get<T>(path: string): Promise<T> {
      const r = await fetch(`${baseURL}${path}`, { headers: { cookie } });
      if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
    /** POST JSON (with the CSRF token); the answer's JSON, or a thrown error with the status and body. */
    async post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
      const r = await fetch(`${baseURL}${path}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`POST ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
    /** PUT JSON (with the CSRF token); the answer's JSON, or a thrown error with the status and body. */
    async put<T>(path: string, body: unknown): Promise<T> {
      const r = await fetch(`${baseURL}${path}`, {
        method: 'PUT',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`PUT ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
    /** POST /api/files with one file; its stored id. */
    async upload(data: Buffer, filename: string): Promise<string> {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)]), filename);
      const r = await fetch(`${baseURL}/api/files`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
      if (r.status !== 201) throw new Error(`upload ${filename}: ${r.status} ${await r.text()}`);
      return ((await r.json()) as { id: string }).id;
    },
    csrfToken,
  };
}

/**
 * The e-form a citizen sends when filing a procedure that has one online (a sample for every
 * field, under the citizen's own prefill); undefined when the procedure has none.
 */
export function sampleEformFor(
  baseURL: string,
  citizen: { get<T>(path: string): Promise<T> },
  procedureId: string,
): Promise<{ values: Record<string, unknown> } | undefined> {
  return sampleEform(async (path) => {
    // The form itself is public; the prefill is the citizen's own.
    if (path.endsWith('/prefill')) return { status: 200, body: await citizen.get(path) };
    const res = await fetch(baseURL + path);
    return { status: res.status, body: res.status === 404 ? null : await res.json() };
  }, procedureId);
}

export async function loginStatus(baseURL: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

/**
 * The pages a test opens: `open` as openPage; `settle` after each test closes them, and on a
 * failure first saves a screenshot of each and prints the error texts it showed.
 */
export function pageTracker() {
  let opened: TrackedPage[] = [];
  return {
    async open(browser: Browser, baseURL: string, options?: BrowserContextOptions): Promise<TrackedPage> {
      const tracked = await openPage(browser, baseURL, options);
      opened.push(tracked);
      return tracked;
    },
    async settle(ctx: { task: { name: string; result?: { state?: string } } }): Promise<void> {
      if (ctx.task.result?.state === 'fail') {
        for (const [i, { page, refusals }] of opened.entries()) {
          if (page.isClosed()) continue;
          const file = join(tmpdir(), `motcua-e2e-${ctx.task.name.replace(/\W+/g, '-').slice(0, 60)}-${i}.png`);
          await page.screenshot({ path: file, fullPage: true }).catch(() => {});
          const errors = await page
            .locator('.ant-alert-message, .ant-form-item-explain-error, .ant-message-notice')
            .allTextContents();
          console.log(
            `failure at ${page.url()}: screenshot ${file}; messages on the page: ${JSON.stringify(errors)}; API refusals: ${JSON.stringify(refusals)}`,
          );
        }
      }
      await Promise.all(opened.map(({ context }) => context.close().catch(() => {})));
      opened = [];
    },
  };
}

/**
 * One server and one browser for a test file or describe block: registers the hooks that start
 * them (nothing without chromium: the block is skipped) and close them, and the page tracker that
 * settles each test's pages; `env`: the server's settings over the test defaults. Fields are read
 * inside tests and hooks, once `beforeAll` has run.
 */
export function browserSuite(options: { env?: Record<string, string> } = {}) {
  const suite = {
    server: undefined as unknown as TestServer,
    browser: undefined as unknown as Browser,
    pages: pageTracker(),
    get url(): string {
      return suite.server.url;
    },
    open: (options?: BrowserContextOptions) => suite.pages.open(suite.browser, suite.server.url, options),
  };
  beforeAll(async () => {
    if (!hasChromium) return;
    suite.server = await startTestServer(options);
    suite.browser = await launchBrowser();
  });
  afterEach((ctx) => suite.pages.settle(ctx));
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** A journey's last screen, kept under test-results/ (the issue asks for one per journey). */
export async function saveJourneyScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync('test-results', { recursive: true });
  const path = join('test-results', `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A procedure as GET /api/procedures/{id} gives it, as far as the journeys need. */
export interface ProcedureForTest {
  id: string;
  name: string;
  components: { id: string; name: string; mandatory: boolean; kind?: string; formTemplate?: string | null }[];
  competentUnits: { id: string; name: string }[];
}

/** A demo procedure by its national code (d.dddddd), through the public API. */
export async function procedureByCode(baseURL: string, code: string): Promise<ProcedureForTest> {
  const found = (await (await fetch(`${baseURL}/api/procedures?q=${code}`)).json()) as { items: { id: string }[] };
  return (await (await fetch(`${baseURL}/api/procedures/${found.items[0]!.id}`)).json()) as ProcedureForTest;
}

/** A violation that may stay, for one rule on elements matching one selector, with the reason. */
export interface AxeAllowance {
  rule: string;
  selector: string;
  why: string;
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core (its source injected into the page) with the WCAG 2 A and AA rules and throws on
 * any serious or critical violation, listing rule, help and the first targets. `allow` exempts a
 * rule on the elements matching a selector only (antd internals we cannot change), never a rule.
 */
export async function expectAccessible(page: Page, allow: AxeAllowance[] = []): Promise<void> {
  // A closing dropdown, modal or message is still in the page while it fades out (antd's motion
  // classes: …-leave-active), half transparent: checked then, its options fail contrast and ARIA
  // rules that the settled page passes. Wait for the page at rest; an animation that does not end
  // (a looping one) is no reason to skip the check, so after 5 s it runs anyway.
  await page
    .waitForFunction(() => document.querySelector('[class*="-leave-active"]') === null, undefined, { timeout: 5_000 })
    .catch(() => undefined);
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (allowances: AxeAllowance[]) => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    });
    // Only the last selector of a target names the element (earlier ones are frames / shadow hosts).
    const allowed = (id: string, node: AxeNode) => {
      const el = document.querySelector(String(node.target.at(-1)));
      return allowances.some((a) => a.rule === id && el?.matches(a.selector));
    };
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        nodes: nodes.filter((n) => !allowed(id, n)).map(({ target, failureSummary }) => ({ target, failureSummary })),
      }))
      .filter((v) => v.nodes.length > 0);
  }, allow);
  if (violations.length === 0) return;
  const report = violations
    .map((v) => {
      const targets = v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ');
      const first = v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').slice(0, 300);
      return `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s): ${targets}\n  first: ${first}`;
    })
    .join('\n');
  throw new Error(`axe-core violations at ${page.url()}:\n${report}`);
}

/** A unit as GET /api/units gives it (a tree). */
export interface UnitNode {
  id: string;
  name: string;
  children: UnitNode[];
}

/** Every unit of the tree, parents before their children. */
export const flattenUnits = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flattenUnits(n.children)]);
