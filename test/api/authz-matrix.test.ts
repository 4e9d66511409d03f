/**
 * The authorization matrix (issue 16 item 5), generated from the route table and the policy:
 * every operation of /api/openapi.json × (anonymous, the citizen who owns the record, another
 * citizen, an officer of the unit acted on, of an unrelated unit, of its parent unit, and that
 * officer's API token narrowed to every scope but the route's action). What each caller should
 * get comes from the route's declaration (config.access, src/kernel/http.ts RouteAccess) and
 * `can()` (modules/access/policy.ts) — nothing is listed per route here, so a new route is walked
 * as soon as it exists, and one without its declaration does not start (route-access.ts).
 *
 * Allowed callers must not get 401/403 (state-changing operations are not sent for them: the
 * matrix checks refusals only there). Refused callers get 401 when anonymous, else 403; 404 only
 * where the request names no seeded record (a random id: nothing to hide, nothing to find). Every
 * refusal carries the error shape. Staff reading a route declared `personalData` leave an audit row
 * of that very request.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiDocument, type Operation, operations } from '../../chaos/lib/openapi.js';
import { routeTable, type RouteEntry } from '../../src/app/route-access.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { queryRows } from '../../src/kernel/db.js';
import type { RouteAccess } from '../../src/kernel/http.js';
import { ACTIONS, type Action, can, rolesWith, type Target } from '../../src/modules/access/policy.js';
import { buildRequest, type Built, type Fixtures, type Seeded } from '../fixtures/authz-requests.js';
import { type Caller, Callers, UnitTree } from '../fixtures/authz.js';
import { type DemoProcedure, fileDossier } from '../fixtures/dossiers.js';
import { feedbackStep, submit } from '../fixtures/feedback.js';
import { startPayment } from '../fixtures/payments.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { demoUnits } from '../fixtures/units.js';

let t: TestApp;
let doc: OpenApiDocument;
let routes: Map<string, RouteEntry>;
let fx: Fixtures;
let tree: UnitTree;
let callers: Callers;
let owner: Caller;
let otherCitizen: Caller;

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A server-sent event stream never ends: inject would wait for ever (it is public: nothing to refuse). */
const isStream = (op: Operation) =>
  JSON.stringify(doc.paths[op.path]?.[op.method.toLowerCase()]?.responses?.['200'] ?? {}).includes('text/event-stream');
const toFastifyPath = (path: string) => path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
  routes = new Map(routeTable(t.app).map((r) => [`${r.method} ${r.url}`, r]));
  const admin = await t.login('admin');
  const congdan = await t.login('congdan');
  callers = new Callers(t, admin);
  owner = Callers.citizen('citizenOwner', congdan);
  otherCitizen = Callers.citizen('otherCitizen', await callers.newCitizen());
  tree = new UnitTree((await t.app.inject({ url: '/api/units' })).json().units);
  fx = await seedFixtures(congdan.user.id);
}, 120_000);
afterAll(() => t.close());

async function seedFixtures(ownerUserId: string): Promise<Fixtures> {
  const congdan = await t.login('congdan');
  const procedure = await procedureByCode<DemoProcedure>(t, '1.014199');
  const applicant = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '089095000123', phone: '0912345678' };
  const d = await fileDossier(congdan, procedure, { channel: 'online', applicant });
  const admin = await t.login('admin');
  const kstthc = await t.login('kstthc');
  const workflows = (await kstthc.request({ url: '/api/workflows' })).json().items as { id: string; unitId: string }[];
  const decisions = (await t.app.inject({ url: '/api/decisions' })).json().items as {
    id: string;
    issuingUnitId: string;
  }[];
  const { version, config } = (await kstthc.request({ url: '/api/kpi/config?year=2026' })).json();
  const tiepnhan = (await admin.request({ url: '/api/users?q=tiepnhan' })).json().items[0] as {
    id: string;
    homeUnitId: string;
  };
  const units = await demoUnits(t);
  return {
    feedback: await seedFeedback(congdan, ownerUserId, units('Sở Tư pháp')),
    payment: await seedPayment(congdan, ownerUserId, units('Sở Tư pháp')),
    booking: await seedBooking(congdan, ownerUserId, units('Trung tâm Phục vụ hành chính công', true)),
    dossier: {
      code: d.code,
      receivingUnitId: d.receivingUnit.id,
      touches: [d.receivingUnit.id, d.competentUnit.id],
      ownerUserId,
    },
    unitId: d.receivingUnit.id,
    procedureId: procedure.id,
    user: { id: tiepnhan.id, unitId: tiepnhan.homeUnitId },
    workflow: workflows[0]!,
    decision: { id: decisions[0]!.id, unitId: decisions[0]!.issuingUnitId },
    // Refinements no sampled value meets (weights summing to 100): the configuration in force.
    bodies: {
      'PUT /api/kpi/config': { version, config },
      'PUT /api/notifications/preferences': { items: [{ kind: 'dossier.received', medium: 'email', enabled: true }] },
    },
  };
}

/** Feedback the owner submitted, classified and routed by the provincial office to `unitId`. */
async function seedFeedback(congdan: Session, ownerUserId: string, unitId: string): Promise<Seeded> {
  const item = await submit(congdan, {
    channel: 'portal',
    title: 'Chậm trả kết quả chứng thực',
    content: 'Thủ tục chứng thực yêu cầu nộp bản sao giấy khai sinh dù đã có dữ liệu dân cư, đề nghị bỏ yêu cầu này',
    submitter: { name: 'Nguyễn Văn An' },
  });
  await feedbackStep(await t.login('kstthc'), item, 'classify', { category: 'regulation', unitId });
  return { id: item.id, unitId, ownerUserId };
}

/** An online payment of the fees the owner started on a dossier of theirs (2.000635: 8.000 ₫). */
async function seedPayment(congdan: Session, ownerUserId: string, competentUnitId: string) {
  const procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
  const applicant = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '089095000123', phone: '0912345678' };
  const d = await fileDossier(congdan, procedure, { channel: 'online', applicant, competentUnitId });
  const { payment } = await startPayment(t, congdan, d.code);
  return {
    id: payment.id as string,
    code: d.code as string,
    unitId: d.receivingUnit.id as string,
    touches: [d.receivingUnit.id, d.competentUnit.id] as string[],
    ownerUserId,
  };
}

/** A booking the owner made at the one-stop centre, in the first free slot of the coming weeks. */
async function seedBooking(congdan: Session, ownerUserId: string, centre: string): Promise<Seeded> {
  const officer = await t.login('tiepnhan');
  const procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
  const entries = [
    { fieldCode: 'HT', weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '09:00', minutes: 30, capacity: 5 },
  ];
  const template = await officer.request({
    method: 'PUT',
    url: `/api/queue/units/${centre}/template`,
    payload: { entries },
  });
  expect(template.statusCode, template.body).toBe(200);
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const made = await officer.request({
    method: 'POST',
    url: `/api/queue/units/${centre}/slots`,
    payload: { from: day(2), to: day(20) },
  });
  expect(made.statusCode, made.body).toBeLessThan(300);
  const slots = (
    await t.app.inject({ url: `/api/queue/slots?procedureId=${procedure.id}&from=${day(2)}&days=18` })
  ).json().slots as { id: string }[];
  const booked = await congdan.request({
    method: 'POST',
    url: '/api/queue/bookings',
    payload: { slotId: slots[0]!.id, procedureId: procedure.id, name: 'Nguyễn Văn An', phone: '0912345678' },
  });
  expect(booked.statusCode, booked.body).toBe(201);
  return { id: booked.json().code as string, unitId: centre, ownerUserId };
}

/** Where the action is checked for this request, in the policy's terms (null: no seeded target). */
function targetOf(access: Extract<RouteAccess, { action: string }>, built: Built): Target | null {
  const owner = built.ownerUserId ?? undefined;
  switch (access.scope) {
    case 'anywhere':
      return {};
    case 'owner':
      return built.ownerUserId ? { ownerUserId: owner } : null;
    case 'province':
      return { unitPath: [tree.root(built.unitId ?? fx.unitId)] };
    case 'own':
      return built.unitId ? { unitPath: tree.path(built.unitId) } : {};
    default:
      return built.unitId ? { unitPath: tree.path(built.unitId), ownerUserId: owner } : null;
  }
}

/** Whether the declaration and the policy let this caller through; 'unknown' without a seeded target. */
function allows(access: RouteAccess, caller: Caller, built: Built): boolean | 'unknown' {
  const actor = caller.actor;
  if ('public' in access) return true;
  if (!actor) return false;
  if ('signedIn' in access) {
    if (access.session && actor.tokenScopes) return false;
    return !access.only || (access.only === 'citizen') === (actor.kind === 'citizen');
  }
  const action = access.action as Action;
  const citizen = actor.kind === 'citizen';
  if ((access.scope === 'own' || access.scope === 'opened') && citizen) return true;
  // `record`: over a unit the record touches, or by the citizen who owns it (RouteAccess).
  if (access.scope === 'record' && citizen && built.ownerUserId !== null && built.ownerUserId === actor.userId)
    return true;
  // The matrix opens no access of its own: an id of someone else's (or of none) opens nothing.
  if (access.scope === 'opened') return false;
  const target = targetOf(access, built);
  return target === null ? 'unknown' : can(actor, action, target);
}

/** The callers of one operation: staff hold the role that grants the action, placed around its unit. */
async function callersFor(access: RouteAccess, built: Built): Promise<Caller[]> {
  const action = ('action' in access ? access.action : 'dossier.process') as Action;
  const role = rolesWith(action)[0]!;
  const home = 'action' in access && access.scope === 'province' ? tree.root(fx.unitId) : (built.unitId ?? fx.unitId);
  const stranger = 'action' in access && access.scope === 'province' ? fx.unitId : tree.stranger(home, built.touches);
  const parent = tree.parent.get(home) ?? null;
  const own = await callers.staffAt('ownUnit', role, home);
  const list = [Callers.anonymous(), owner, otherCitizen, own, await callers.staffAt('otherUnit', role, stranger)];
  if (parent) list.push(await callers.staffAt('parentUnit', role, parent));
  const token = await callers.narrowed(own, action);
  if (token) list.push(token);
  return list;
}

interface Outcome {
  op: string;
  caller: string;
  status: number;
  problem: string | null;
}

async function walk(op: Operation, route: RouteEntry): Promise<Outcome[]> {
  const access = route.access!;
  const built = buildRequest(doc, op, route, fx);
  const outcomes: Outcome[] = [];
  for (const caller of await callersFor(access, built)) {
    const allowed = allows(access, caller, built);
    if (allowed === true && MUTATING.has(op.method)) continue;
    const res = await t.app.inject({
      method: op.method as 'GET',
      url: built.url,
      ...(built.payload === undefined ? {} : { payload: built.payload as object }),
      cookies: caller.auth.cookies ?? {},
      headers: caller.auth.headers ?? {},
    });
    const problem = judge(allowed, caller, built, res.statusCode, res.body);
    const audited = problem ?? (await personalDataAudited(access, caller, res));
    outcomes.push({ op: op.id, caller: caller.name, status: res.statusCode, problem: audited });
  }
  return outcomes;
}

function judge(allowed: boolean | 'unknown', caller: Caller, built: Built, status: number, body: string) {
  if (status >= 500) return `answered ${status}`;
  const refusal = status === 401 || (status === 403 && !byRecordRule(body));
  if (allowed === true) return refusal ? `refused an allowed caller: ${status} ${body.slice(0, 160)}` : null;
  if (allowed === 'unknown' && status < 400) return null;
  const randomTarget = built.unitId === null || built.invalid.length > 0;
  const expected = caller.actor === null ? [401] : [403];
  if (randomTarget || allowed === 'unknown') expected.push(404);
  if (!expected.includes(status)) return `expected ${expected.join('/')}, got ${status} ${body.slice(0, 160)}`;
  const error = JSON.parse(body).error;
  if (typeof error?.code !== 'string' || typeof error?.message !== 'string') return `refusal without {code,message}`;
  return null;
}

/**
 * A 403 naming a step of the record's own workflow (e.g. `forward`: the dossier is not at a step
 * this caller may forward), not a policy action: the record's state refuses, not the route's rule.
 */
function byRecordRule(body: string): boolean {
  const action = JSON.parse(body).error?.details?.action;
  return typeof action === 'string' && !(ACTIONS as readonly string[]).includes(action);
}

/** A staff read of a personal-data route left an audit row of that very request. */
async function personalDataAudited(
  access: RouteAccess,
  caller: Caller,
  res: { statusCode: number; headers: Record<string, unknown> },
) {
  if (!('personalData' in access) || !access.personalData) return null;
  if (res.statusCode !== 200 || caller.actor?.kind !== 'staff') return null;
  const requestId = String(res.headers['x-request-id']);
  const rows = await queryRows<{ n: number }>(
    t.handle.db,
    sql`select count(*)::int as n from audit_log where request_id = ${requestId} and actor_id = ${caller.actor.userId}`,
  );
  return rows[0]!.n > 0 ? null : 'a staff read of personal data left no audit row';
}

describe('authorization matrix', () => {
  it('every operation has its route and declared access', () => {
    const undeclared = operations(doc)
      .filter((op) => !routes.get(`${op.method} ${toFastifyPath(op.path)}`)?.access)
      .map((op) => op.id);
    expect(undeclared).toEqual([]);
  });

  it('the routes of a feedback item, a payment and a booking name the seeded record, not a random id', () => {
    const expected: [RegExp, () => string][] = [
      [/^\/api\/feedback\/\{id\}/, () => fx.feedback.id],
      [/\{paymentId\}/, () => fx.payment.id],
      [/^\/api\/queue\/bookings\/\{code\}/, () => fx.booking.id],
    ];
    const walked = expected.map(([pattern, id]) => {
      const ops = operations(doc).filter((op) => pattern.test(op.path));
      const off = ops.filter((op) => {
        const built = buildRequest(doc, op, routes.get(`${op.method} ${toFastifyPath(op.path)}`)!, fx);
        return !built.url.includes(encodeURIComponent(id())) || built.unitId === null || built.ownerUserId === null;
      });
      return { pattern: String(pattern), ops: ops.length, off: off.map((op) => op.id) };
    });
    for (const w of walked) expect(w, w.pattern).toMatchObject({ ops: expect.any(Number), off: [] });
    expect(walked.every((w) => w.ops > 0)).toBe(true);
  });

  it('every operation answers each caller as its declaration and the policy say', async () => {
    const outcomes: Outcome[] = [];
    const invalid: string[] = [];
    for (const op of operations(doc).filter((o) => !isStream(o))) {
      const route = routes.get(`${op.method} ${toFastifyPath(op.path)}`)!;
      const built = buildRequest(doc, op, route, fx);
      if (built.invalid.length > 0) invalid.push(`${op.id}: ${built.invalid.join(', ')}`);
      outcomes.push(...(await walk(op, route)));
    }
    console.log(`authz matrix: ${outcomes.length} requests; not made valid: ${invalid.length}\n${invalid.join('\n')}`);
    const problems = outcomes.filter((o) => o.problem).map((o) => `${o.op} as ${o.caller}: ${o.problem}`);
    expect(problems).toEqual([]);
    // The walk is real: thousands of requests would not all be refusals or all be allowed.
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(50);
    expect(outcomes.filter((o) => o.status === 403).length).toBeGreaterThan(100);
  }, 300_000);
});
