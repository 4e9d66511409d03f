import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDecision } from '../../src/modules/catalog/decisions.service.js';
import { ProcedureContent } from '../../src/modules/catalog/procedure.content.js';
import { todayInVietnam } from '../../src/modules/org/units.service.js';
import { seedDemoWorkflows } from '../../src/modules/workflows/demo-workflows.js';
import { validateWorkflow } from '../../src/modules/workflows/workflow.rules.js';
import type { WorkflowStepInput } from '../../src/modules/workflows/workflow.steps.js';
import { dayCounter, minutesPerWorkingDay } from '../../src/modules/workflows/workflow-calendar.js';
import { workflowCompliance } from '../../src/modules/workflows/compliance.rules.js';
import { activeWorkflowFor } from '../../src/modules/workflows/workflows.service.js';
import { systemContext } from '../../src/kernel/context.js';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { procedures, procedureVersions } from '../../src/modules/catalog/catalog.tables.js';
import { outboxEvents } from '../../src/modules/outbox/outbox.table.js';
import { workflowDefinitions } from '../../src/modules/workflows/workflows.tables.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';

let t: TestApp;
let kstthc: Session;
let lanhdao: Session;
let chuyenvien: Session;
let congdan: Session;
const unit: Record<string, string> = {};
/** Fixture procedures at Sở Tư pháp: decision signed 2 days ago (early approval) and 30 days ago (late). */
let earlyProcedureId: string;
let lateProcedureId: string;
let earlyDecisionId: string;

const daysAgo = (n: number) =>
  new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

async function fixtureProcedure(code: string, name: string, signedDaysAgo: number) {
  const content = ProcedureContent.parse({
    name,
    fieldCode: 'LLTP',
    levels: ['province'],
    channels: [
      { channel: 'counter', timeLimit: { value: 10, unit: 'workingDays' }, fees: [] },
      { channel: 'online', timeLimit: { value: 10, unit: 'workingDays' }, fees: [] },
    ],
    components: [{ name: 'Tờ khai', kind: 'original', count: 1, digitizationRequired: true }],
    applicantTypes: ['citizen'],
    result: { name: 'Phiếu lý lịch tư pháp', electronic: true, paper: true },
    legalBasis: ['Luật Lý lịch tư pháp 2009'],
    onlineLevel: 'full',
    postal: false,
    locationIndependent: true,
    interAgency: false,
    competentUnitIds: [unit.soTuPhap],
  });
  const decision = await t.handle.db.transaction((tx) =>
    issueDecision(
      tx,
      systemContext('test'),
      {
        number: `${code}/QĐ-UBND`,
        signedDate: daysAgo(signedDaysAgo),
        signer: 'Chủ tịch UBND tỉnh',
        issuingUnitId: unit.province!,
        effectiveDate: daysAgo(signedDaysAgo),
        items: [{ changeKind: 'new', nationalCode: code, content }],
      },
      new Date(),
    ),
  );
  const [p] = await t.handle.db.select({ id: procedures.id }).from(procedures).where(eq(procedures.nationalCode, code));
  return { procedureId: p!.id, decisionId: decision.id };
}

/** Tiếp nhận (TT PVHCC) → Thụ lý (Phòng HCTP, with Sở Xây dựng consulted beside it) → Phê duyệt → Trả kết quả: 10 working days. */
function steps(thuLyDays = 6): WorkflowStepInput[] {
  return [
    {
      key: 'tiep-nhan',
      name: 'Tiếp nhận hồ sơ',
      unitId: unit.ttpvhcc!,
      assignee: { role: 'one_stop_officer' },
      allotment: { value: 0.5, unit: 'workingDays' },
      actions: ['forward'],
      next: ['thu-ly'],
    },
    {
      key: 'thu-ly',
      name: 'Thụ lý hồ sơ',
      unitId: unit.phongHctp!,
      assignee: { role: 'processing_official' },
      allotment: { value: thuLyDays, unit: 'workingDays' },
      actions: ['forward', 'return', 'consult', 'transfer'],
      next: ['phe-duyet'],
      returnTo: ['tiep-nhan'],
      consultations: [
        {
          key: 'y-kien-sxd',
          name: 'Lấy ý kiến Sở Xây dựng',
          unitId: unit.soXayDung!,
          allotment: { value: 3, unit: 'workingDays' },
        },
      ],
    },
    {
      key: 'phe-duyet',
      name: 'Lãnh đạo Sở phê duyệt',
      unitId: null,
      assignee: { role: 'unit_leader' },
      allotment: { value: 2, unit: 'workingDays' },
      actions: ['forward', 'return'],
      next: ['tra-ket-qua'],
      returnTo: ['thu-ly'],
    },
    {
      key: 'tra-ket-qua',
      name: 'Trả kết quả',
      unitId: unit.ttpvhcc!,
      assignee: { role: 'one_stop_officer' },
      allotment: { value: 4, unit: 'workingHours' },
      actions: [],
      next: [],
    },
  ];
}

const post = (s: Session, url: string, payload?: object) =>
  s.request({ method: 'POST', url, ...(payload === undefined ? {} : { payload }) });
const create = (s: Session, procedureId: string, stepList = steps(), unitId = unit.soTuPhap!) =>
  post(s, '/api/workflows', { procedureId, unitId, name: 'Quy trình cấp phiếu LLTP', steps: stepList });

beforeAll(async () => {
  t = await createTestApp();
  kstthc = await t.login('kstthc');
  lanhdao = await t.login('lanhdao');
  chuyenvien = await t.login('chuyenvien');
  congdan = await t.login('congdan');
  type Node = { id: string; name: string; children: Node[] };
  const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
  const all = flat((await t.app.inject({ url: '/api/units' })).json().units as Node[]);
  const byName = (name: string) => all.find((u) => u.name === name)!.id;
  unit.province = byName('Ủy ban nhân dân tỉnh An Giang');
  unit.soTuPhap = byName('Sở Tư pháp');
  unit.soXayDung = byName('Sở Xây dựng');
  unit.phongHctp = byName('Phòng Hành chính tư pháp');
  unit.ttpvhcc = byName('Trung tâm Phục vụ hành chính công tỉnh An Giang');
  unit.commune = all.find((u) => u.name.startsWith('UBND '))!.id;
  ({ procedureId: earlyProcedureId, decisionId: earlyDecisionId } = await fixtureProcedure(
    '9.900001',
    'Cấp phiếu lý lịch tư pháp (thử nghiệm)',
    2,
  ));
  ({ procedureId: lateProcedureId } = await fixtureProcedure('9.900002', 'Cấp bản sao trích lục (thử nghiệm)', 30));
});
afterAll(() => t.close());

describe('workflow lifecycle', () => {
  let v1: { id: string; updatedAt: string; steps: unknown[] };
  let v2: { id: string; updatedAt: string };

  it('kstthc creates a draft v1 linked to the current procedure version and its decision', async () => {
    const res = await create(kstthc, earlyProcedureId);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      versionNo: 1,
      status: 'draft',
      unitName: 'Sở Tư pháp',
      nationalCode: '9.900001',
      decisionId: earlyDecisionId,
    });
    expect(body.validation).toMatchObject({ valid: true, problems: [], minutesPerWorkingDay: 450 });
    // 0.5 + max(6, 3 consulted) + 2 working days + 4 working hours.
    expect(body.validation.pathMinutes).toBe(8.5 * 450 + 240);
    expect(body.validation.longestPath).toEqual(['tiep-nhan', 'thu-ly', 'phe-duyet', 'tra-ket-qua']);
    expect(body.compliance).toMatchObject({
      dayKind: 'calendar',
      approvalDeadline: daysAgo(-8),
      approvedWithinLimit: null,
      activatedWithinLimit: null,
    });
    v1 = body;
  });

  it('a draft may be saved invalid, but cannot be approved: 422 WORKFLOW_INVALID with every problem', async () => {
    const bad = steps(9);
    bad[2]!.next = ['tra-ket-qua', 'nowhere'];
    const res = await create(kstthc, earlyProcedureId, bad);
    expect(res.statusCode).toBe(201);
    v2 = res.json();
    expect(res.json()).toMatchObject({ versionNo: 2, validation: { valid: false } });
    const approve = await post(lanhdao, `/api/workflows/${v2.id}/approve`);
    expect(approve.statusCode).toBe(422);
    expect(approve.json().error.code).toBe('WORKFLOW_INVALID');
    expect(
      approve.json().error.details.problems.map((p: { code: string; path: unknown[] }) => [p.code, p.path]),
    ).toEqual([
      ['NEXT_NOT_FOUND', ['steps', 2, 'next', 1]],
      ['OVER_TIME_LIMIT', ['steps']],
      ['OVER_TIME_LIMIT', ['steps']],
    ]);
  });

  it('edits a draft with the updatedAt it read; a stale edit is 409 VERSION_CONFLICT', async () => {
    const fixed = await kstthc.request({
      method: 'PUT',
      url: `/api/workflows/${v2.id}`,
      payload: { steps: steps(5), updatedAt: v2.updatedAt },
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().validation.valid).toBe(true);
    const stale = await kstthc.request({
      method: 'PUT',
      url: `/api/workflows/${v2.id}`,
      payload: { name: 'Tên khác', updatedAt: v2.updatedAt },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    v2 = fixed.json();
  });

  it('lanhdao approves v1 as reviewed (an edit since the review is a 409); approved versions can no longer be edited (422)', async () => {
    const unseen = await post(lanhdao, `/api/workflows/${v1.id}/approve`, { updatedAt: '2020-01-01T00:00:00.000Z' });
    expect(unseen.statusCode).toBe(409);
    const res = await post(lanhdao, `/api/workflows/${v1.id}/approve`, { updatedAt: v1.updatedAt });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      approvedBy: lanhdao.user.id,
      compliance: { approvedWithinLimit: true, activatedWithinLimit: null },
    });
    const edit = await kstthc.request({
      method: 'PUT',
      url: `/api/workflows/${v1.id}`,
      payload: { name: 'Sửa sau phê duyệt', updatedAt: res.json().updatedAt },
    });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().error.code).toBe('WORKFLOW_NOT_DRAFT');
    expect((await post(lanhdao, `/api/workflows/${v1.id}/approve`)).json().error.code).toBe('WORKFLOW_NOT_DRAFT');
  });

  it('only an approved version can be activated', async () => {
    const res = await post(lanhdao, `/api/workflows/${v2.id}/activate`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('WORKFLOW_NOT_APPROVED');
  });

  it('activates v1, then v2 retires v1 in the same step; v1 stays readable and unchanged', async () => {
    const a1 = await post(lanhdao, `/api/workflows/${v1.id}/activate`);
    expect(a1.statusCode).toBe(200);
    expect(a1.json()).toMatchObject({
      status: 'active',
      compliance: { approvedWithinLimit: true, activatedWithinLimit: true },
    });
    expect((await activeWorkflowFor(t.handle.db, earlyProcedureId, unit.soTuPhap!))?.id).toBe(v1.id);

    expect((await post(lanhdao, `/api/workflows/${v2.id}/approve`)).statusCode).toBe(200);
    // The procedure control officer may also activate (configure) an approved version.
    const a2 = await post(kstthc, `/api/workflows/${v2.id}/activate`);
    expect(a2.statusCode).toBe(200);
    expect(a2.json()).toMatchObject({ status: 'active', activatedBy: kstthc.user.id });

    const old = (await kstthc.request({ method: 'GET', url: `/api/workflows/${v1.id}` })).json();
    expect(old).toMatchObject({ status: 'retired', versionNo: 1 });
    expect(old.retiredAt).not.toBeNull();
    expect(old.steps).toEqual(v1.steps);
    const active = await activeWorkflowFor(t.handle.db, earlyProcedureId, unit.soTuPhap!);
    expect(active).toMatchObject({ id: v2.id, versionNo: 2, status: 'active' });
    expect(active!.steps.map((s) => s.key)).toEqual(['tiep-nhan', 'thu-ly', 'phe-duyet', 'tra-ket-qua']);
    const rows = await t.handle.db
      .select({ status: workflowDefinitions.status })
      .from(workflowDefinitions)
      .where(and(eq(workflowDefinitions.procedureId, earlyProcedureId), eq(workflowDefinitions.status, 'active')));
    expect(rows).toHaveLength(1);
  });

  it('copies a retired version into a new draft (v3) with the same steps, as a revision without a decision', async () => {
    const res = await post(kstthc, `/api/workflows/${v1.id}/copy`);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      versionNo: 3,
      status: 'draft',
      decisionId: null,
      compliance: { approvalDeadline: null },
    });
    expect(res.json().steps).toEqual(v1.steps);
  });

  it('lists versions by procedure, unit and status', async () => {
    const all = (await kstthc.request({ method: 'GET', url: `/api/workflows?procedureId=${earlyProcedureId}` })).json();
    expect(all.items.map((w: { versionNo: number; status: string }) => [w.versionNo, w.status])).toEqual([
      [3, 'draft'],
      [2, 'active'],
      [1, 'retired'],
    ]);
    const active = (
      await chuyenvien.request({
        method: 'GET',
        url: `/api/workflows?procedureId=${earlyProcedureId}&unitId=${unit.soTuPhap}&status=active`,
      })
    ).json();
    expect(active).toMatchObject({ total: 1, items: [{ versionNo: 2 }] });
  });

  it('every change is audited and published to the outbox', async () => {
    const ids = [v1.id, v2.id];
    const audits = await t.handle.db
      .select({ action: auditLog.action, targetId: auditLog.targetId })
      .from(auditLog)
      .where(inArray(auditLog.targetId, ids));
    expect(audits.map((a) => `${a.action} ${a.targetId === v1.id ? 'v1' : 'v2'}`).sort()).toEqual(
      [
        'workflow.create v1',
        'workflow.approve v1',
        'workflow.activate v1',
        'workflow.retire v1',
        'workflow.create v2',
        'workflow.update v2',
        'workflow.approve v2',
        'workflow.activate v2',
      ].sort(),
    );
    const events = await t.handle.db
      .select({ topic: outboxEvents.topic })
      .from(outboxEvents)
      .where(inArray(outboxEvents.aggregateId, ids));
    expect(events.map((e) => e.topic)).toEqual(
      expect.arrayContaining(['workflow.approve', 'workflow.activate', 'workflow.retire']),
    );
  });
});

describe('compliance with seed 002', () => {
  it('an approval 30 days after the decision is late; activation the same day is on time', async () => {
    const draft = (await create(kstthc, lateProcedureId)).json();
    expect(draft.compliance).toMatchObject({
      decisionSignedDate: daysAgo(30),
      approvalDeadline: daysAgo(20),
      approvedWithinLimit: false,
    });
    const approved = (await post(lanhdao, `/api/workflows/${draft.id}/approve`)).json();
    expect(approved.compliance).toMatchObject({
      approvedWithinLimit: false,
      activationDeadline: daysAgo(-5),
      activatedWithinLimit: null,
    });
    const active = (await post(lanhdao, `/api/workflows/${draft.id}/activate`)).json();
    expect(active.compliance).toMatchObject({ approvedWithinLimit: false, activatedWithinLimit: true });
  });
});

describe('compliance counted in working days (the alternative reading of "ngày")', () => {
  it('uses the stored calendar: Tết 2026 (16–20 Feb) does not count', async () => {
    const between = await dayCounter(t.handle.db, t.deps.env, 'working', ['2026-02-10', '2026-02-27']);
    expect(between('2026-02-13', '2026-02-23')).toBe(1);
    const rule = { approvalDays: 10, activationDays: 5, dayKind: 'working' as const };
    // Signed Tue 10 Feb: working days 11, 12, 13, then 23–27 Feb (5), 2–3 Mar → the 10th is Tue 3 Mar.
    const c = workflowCompliance(
      { decisionSignedDate: '2026-02-10', approvedDate: '2026-03-03', activatedDate: null, today: '2026-03-03' },
      rule,
      between,
    );
    expect(c).toMatchObject({
      approvalDeadline: '2026-03-03',
      approvedWithinLimit: true,
      activationDeadline: '2026-03-10',
    });
    expect(minutesPerWorkingDay(t.deps.env)).toBe(450);
  });
});

describe('authorization', () => {
  it('refuses anonymous callers and citizens, to read as well as to write', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/workflows' })).statusCode).toBe(401);
    expect((await congdan.request({ method: 'GET', url: '/api/workflows' })).statusCode).toBe(403);
    const res = await create(congdan, earlyProcedureId);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('a processing official cannot create drafts nor approve', async () => {
    expect((await create(chuyenvien, earlyProcedureId)).statusCode).toBe(403);
    const draft = (await create(kstthc, earlyProcedureId)).json();
    expect((await post(chuyenvien, `/api/workflows/${draft.id}/approve`)).statusCode).toBe(403);
    // …and the officer who drafts cannot approve its own draft (separation of duties).
    expect((await post(kstthc, `/api/workflows/${draft.id}/approve`)).statusCode).toBe(403);
  });

  it("the leader of Sở Tư pháp cannot approve another unit's workflow", async () => {
    const [birth] = await t.handle.db
      .select({ id: procedures.id, content: procedureVersions.content })
      .from(procedures)
      .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
      .where(eq(procedures.nationalCode, '1.001193'));
    const communeId = birth!.content.competentUnitIds[0]!;
    const communeSteps: WorkflowStepInput[] = [
      {
        key: 'tiep-nhan',
        name: 'Tiếp nhận',
        unitId: null,
        assignee: { role: 'one_stop_officer' },
        allotment: { value: 1, unit: 'workingHours' },
        actions: ['forward'],
        next: ['giai-quyet'],
      },
      {
        key: 'giai-quyet',
        name: 'Giải quyết',
        unitId: null,
        assignee: { role: 'processing_official' },
        allotment: { value: 3, unit: 'workingHours' },
        actions: [],
        next: [],
      },
    ];
    const draft = await create(kstthc, birth!.id, communeSteps, communeId);
    expect(draft.statusCode).toBe(201);
    expect(draft.json().validation.valid).toBe(true);
    const res = await post(lanhdao, `/api/workflows/${draft.json().id}/approve`);
    expect(res.statusCode).toBe(403);
    expect((await post(lanhdao, `/api/workflows/${draft.json().id}/activate`)).statusCode).toBe(403);
  });

  it('refuses a unit that is not a competent unit of the procedure', async () => {
    const res = await create(kstthc, earlyProcedureId, steps(), unit.soXayDung);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('WORKFLOW_UNIT_NOT_COMPETENT');
  });

  it('404 for an unknown workflow', async () => {
    const res = await kstthc.request({ method: 'GET', url: '/api/workflows/00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('WORKFLOW_NOT_FOUND');
  });
});

describe('POST /api/workflows/validate (dry run)', () => {
  it('returns the problems without saving anything', async () => {
    const before = await t.handle.db.select({ id: workflowDefinitions.id }).from(workflowDefinitions);
    const bad = steps();
    bad[1]!.returnTo = ['phe-duyet'];
    bad[3]!.assignee = { userId: '00000000-0000-4000-8000-000000000001' };
    const res = await post(chuyenvien, '/api/workflows/validate', {
      procedureId: earlyProcedureId,
      unitId: unit.soTuPhap,
      steps: bad,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().valid).toBe(false);
    expect(
      res.json().problems.map((p: { code: string; path: unknown[]; message: string }) => [p.code, p.path]),
    ).toEqual([
      ['RETURN_NOT_EARLIER', ['steps', 1, 'returnTo', 0]],
      ['UNKNOWN_USER', ['steps', 3, 'assignee', 'userId']],
    ]);
    expect(res.json().problems[0].message).toMatch(/trả lại bước trước/);
    expect(await t.handle.db.select({ id: workflowDefinitions.id }).from(workflowDefinitions)).toHaveLength(
      before.length,
    );
  });

  it('a shape error (assignee with role and official) is 400 VALIDATION_FAILED', async () => {
    const bad = steps() as unknown as Record<string, unknown>[];
    bad[0]!.assignee = { role: 'one_stop_officer', userId: '00000000-0000-4000-8000-000000000001' };
    const res = await post(kstthc, '/api/workflows/validate', {
      procedureId: earlyProcedureId,
      unitId: unit.soTuPhap,
      steps: bad,
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('demo workflows', () => {
  it('the demo seed leaves an active, valid standard workflow for every active procedure at each competent unit', async () => {
    const current = await t.handle.db
      .select({ id: procedures.id, content: procedureVersions.content })
      .from(procedures)
      .innerJoin(procedureVersions, eq(procedureVersions.id, procedures.currentVersionId))
      .where(eq(procedures.status, 'active'));
    const active = await t.handle.db
      .select({ procedureId: workflowDefinitions.procedureId, unitId: workflowDefinitions.unitId })
      .from(workflowDefinitions)
      .where(eq(workflowDefinitions.status, 'active'));
    const pairs = new Set(active.map((a) => `${a.procedureId}:${a.unitId}`));
    const demo = current.filter((p) => !p.content.name.includes('thử nghiệm'));
    for (const p of demo)
      for (const u of p.content.competentUnitIds)
        expect(pairs.has(`${p.id}:${u}`), `${p.content.name} at ${u}`).toBe(true);

    // The 4-working-hour birth registration at a commune fits in hours; valid by the same rules.
    const birth = current.find((p) => p.content.name.toLowerCase().includes('khai sinh'))!;
    const wf = await activeWorkflowFor(t.handle.db, birth.id, birth.content.competentUnitIds[1]!);
    expect(wf!.steps.map((s) => s.allotment.unit)).toEqual([
      'workingHours',
      'workingHours',
      'workingHours',
      'workingHours',
    ]);
    const limits = birth.content.channels.map((c) => ({ channel: c.channel, ...c.timeLimit }));
    expect(validateWorkflow(wf!.steps, { timeLimits: limits, minutesPerWorkingDay: 450 }).problems).toEqual([]);
    // Running it again creates nothing for pairs that already have a workflow.
    expect(await t.handle.db.transaction((tx) => seedDemoWorkflows(tx, systemContext('test'), new Date()))).toBe(0);
  });

  it('seeds thousands of workflows (on an emptied table, rolled back)', async () => {
    class Rollback extends Error {}
    let created = 0;
    await t.handle.db
      .transaction(async (tx) => {
        await tx.delete(workflowDefinitions);
        created = await seedDemoWorkflows(tx, systemContext('test'), new Date());
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    // 15+ demo procedures, most at ~100 communes. (How fast is bench's business, not a test's.)
    expect(created).toBeGreaterThan(1000);
  });
});

describe('OpenAPI', () => {
  it('documents every workflow route', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const ops = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        'GET /api/workflows',
        'POST /api/workflows',
        'POST /api/workflows/validate',
        'GET /api/workflows/{id}',
        'PUT /api/workflows/{id}',
        'POST /api/workflows/{id}/approve',
        'POST /api/workflows/{id}/activate',
        'POST /api/workflows/{id}/copy',
      ]),
    );
    expect(JSON.stringify(spec)).toContain('"WorkflowDetail"');
  });
});
