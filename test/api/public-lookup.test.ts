import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossiers } from '../../src/modules/dossiers/dossiers.tables.js';
import { workflowDefinitions } from '../../src/modules/workflows/workflows.tables.js';
import { readEnv } from '../../src/kernel/env.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { PDF, upload } from '../fixtures/uploads.js';

let t: TestApp;
let tiepnhan: Session;
let congdan: Session;
let labourPermit: { id: string; nationalCode: string; name: string; components: { id: string; mandatory: boolean }[] };

beforeAll(async () => {
  t = await createTestApp();
  tiepnhan = await t.login('tiepnhan');
  congdan = await t.login('congdan');
  labourPermit = await procedureByCode(t, '1.014199');
});
afterAll(() => t.close());

const citizen = {
  kind: 'citizen',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '089195000456',
  phone: '0912345678',
  email: 'anh.tuyet@example.vn',
  address: 'Số 12 đường Trần Hưng Đạo, Phường Long Xuyên, An Giang',
  representative: {
    fullName: 'Lê Văn Hùng',
    idNumber: '089090001234',
    phone: '0987654321',
    authority: 'Giấy ủy quyền số 7',
  },
};
/** Every personal value filed above: none may appear in a public answer. */
const PERSONAL = [
  citizen.fullName,
  citizen.idNumber,
  citizen.phone,
  citizen.email,
  citizen.address,
  citizen.representative.fullName,
  citizen.representative.idNumber,
  citizen.representative.phone,
  citizen.representative.authority,
  // Parts that would give the game away on their own.
  'Tuyết',
  '000456',
  '345678',
  'anh.tuyet',
  'Trần Hưng Đạo',
  'Hùng',
];

async function file(session: Session, channel: 'counter' | 'online') {
  const fileId = (await upload(session, PDF, 'to-khai.pdf')).json().id as string;
  const components = labourPermit.components
    .filter((c) => c.mandatory)
    .map((c) => ({ componentId: c.id, fileIds: [fileId] }));
  const res = await session.request({
    method: 'POST',
    url: '/api/dossiers',
    payload: { procedureId: labourPermit.id, channel, applicant: citizen, components },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as {
    code: string;
    receivedAt: string | null;
    submittedAt: string;
    appointmentAt: string | null;
    currentStepKey: string | null;
    receivingUnit: { name: string };
    competentUnit: { name: string };
  };
}

const lookup = (code: string, remoteAddress = '198.51.100.1') =>
  t.app.inject({ url: `/api/public/dossiers/${encodeURIComponent(code)}`, remoteAddress });

async function stepNameOf(code: string, key: string) {
  const [row] = await t.handle.db
    .select({ steps: workflowDefinitions.steps })
    .from(dossiers)
    .innerJoin(workflowDefinitions, eq(workflowDefinitions.id, dossiers.workflowId))
    .where(eq(dossiers.code, code));
  return (row!.steps as { key: string; name: string }[]).find((s) => s.key === key)!.name;
}

describe('GET /api/public/dossiers/{code}', () => {
  it('shows a received counter dossier without login: procedure, units, dates, status, first step, fees, no result yet', async () => {
    const d = await file(tiepnhan, 'counter');
    const res = await lookup(d.code);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      code: d.code,
      status: { name: 'received', nationalCode: 2, label: 'Đã tiếp nhận' },
      channel: 'counter',
      procedure: { nationalCode: labourPermit.nationalCode, name: labourPermit.name },
      receivingUnit: { name: d.receivingUnit.name },
      competentUnit: { name: d.competentUnit.name },
      submittedAt: d.submittedAt,
      receivedAt: d.receivedAt,
      appointmentAt: d.appointmentAt,
      applicant: { maskedName: 'N***** T** Á** T****' },
      totalFeeVnd: expect.any(Number),
      steps: [
        {
          action: 'receive',
          label: 'Tiếp nhận hồ sơ',
          stepKey: d.currentStepKey,
          stepName: await stepNameOf(d.code, d.currentStepKey!),
          at: d.receivedAt,
          outcome: null, // the step has only started
        },
      ],
      result: { available: false },
    });
    expect(body.appointmentAt).not.toBeNull();
    expect(body.steps[0].stepName).toEqual(expect.any(String));
  });

  it('shows an online dossier that is only registered: no receipt, no appointment, no step yet', async () => {
    const d = await file(congdan, 'online');
    const res = await lookup(d.code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: d.code,
      status: { name: 'registered', nationalCode: 1, label: 'Mới đăng ký' },
      channel: 'online',
      submittedAt: d.submittedAt,
      receivedAt: null,
      appointmentAt: null,
      applicant: { maskedName: 'N***** T** Á** T****' },
      steps: [
        {
          action: 'register',
          label: 'Nộp hồ sơ trực tuyến',
          stepKey: null,
          stepName: null,
          at: d.submittedAt,
          outcome: null,
        },
      ],
      result: { available: false },
    });
  });

  it('shows a step that has ended with its name, when it was due and that it ended on time', async () => {
    const found = (await t.app.inject({ url: '/api/procedures?q=2.000635' })).json().items[0];
    const procedure = (await t.app.inject({ url: `/api/procedures/${found.id}` })).json() as typeof labourPermit & {
      competentUnits: { id: string; name: string }[];
    };
    const soTuPhap = procedure.competentUnits.find((u) => u.name === 'Sở Tư pháp')!;
    const fileId = (await upload(tiepnhan, PDF, 'ho-so.pdf')).json().id as string;
    const components = procedure.components
      .filter((c) => c.mandatory)
      .map((c) => ({ componentId: c.id, fileIds: [fileId] }));
    const filed = await tiepnhan.request({
      method: 'POST',
      url: '/api/dossiers',
      payload: {
        procedureId: procedure.id,
        channel: 'counter',
        applicant: citizen,
        components,
        competentUnitId: soTuPhap.id,
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const d = filed.json();
    const forwarded = await tiepnhan.request({
      method: 'POST',
      url: `/api/dossiers/${d.code}/actions`,
      payload: { action: 'forward', version: d.version },
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);

    const body = (await lookup(d.code)).json();
    expect(body.status).toEqual({ name: 'processing', nationalCode: 4, label: 'Đang xử lý' });
    expect(body.steps).toHaveLength(2);
    const [received, forward] = body.steps;
    expect(received).toMatchObject({
      action: 'receive',
      stepKey: d.currentStepKey,
      stepName: await stepNameOf(d.code, d.currentStepKey),
      outcome: null,
    });
    expect(forward).toMatchObject({
      action: 'forward',
      label: 'Chuyển bước tiếp theo',
      stepKey: d.currentStepKey,
      stepName: received.stepName,
    });
    expect(forward.outcome).toEqual({
      dueAt: expect.any(String),
      result: expect.stringMatching(/^(early|onTime)$/),
      onTime: true,
    });
    expect(new Date(forward.outcome.dueAt).getTime()).toBeGreaterThan(new Date(forward.at).getTime());
  });

  it('leaks no personal data: no name, identifier, phone, email, address or representative in the raw body', async () => {
    for (const d of [await file(tiepnhan, 'counter'), await file(congdan, 'online')]) {
      const res = await lookup(d.code);
      expect(res.statusCode).toBe(200);
      const raw = res.body.normalize('NFC');
      for (const value of PERSONAL) expect(raw, value).not.toContain(value.normalize('NFC'));
      // Nor anything about the officers or the internals.
      expect(raw).not.toContain('Trần Thị Bích'); // the receiving officer
      expect(Object.keys(res.json()).sort()).toEqual(
        [
          'applicant',
          'appointmentAt',
          'channel',
          'code',
          'competentUnit',
          'procedure',
          'receivedAt',
          'receivingUnit',
          'result',
          'status',
          'steps',
          'submittedAt',
          'totalFeeVnd',
        ].sort(),
      );
      expect(Object.keys(res.json().applicant)).toEqual(['maskedName']);
    }
  });

  it('finds a code typed in lower case or with spaces around it', async () => {
    const d = await file(tiepnhan, 'counter');
    const res = await lookup(`  ${d.code.toLowerCase()} `);
    expect(res.statusCode).toBe(200);
    expect(res.json().code).toBe(d.code);
  });

  it('answers 404 DOSSIER_NOT_FOUND for a well-formed unknown code and 400 for a malformed one', async () => {
    const unknown = await lookup('000.00.02.H91-200101-9999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('DOSSIER_NOT_FOUND');
    for (const bad of ['x', '000.00.02.H91-201301-0001', '000.00.02.H91-200101-0000', "1' or '1'='1", 'a'.repeat(90)]) {
      const res = await lookup(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(['DOSSIER_CODE_INVALID', 'VALIDATION_FAILED'], bad).toContain(res.json().error.code);
    }
    expect((await lookup('x')).json().error.code).toBe('DOSSIER_CODE_INVALID');
  });

  it('limits each IP to 30 lookups a minute: the 31st gets 429 with Retry-After, another IP still gets 200', async () => {
    const d = await file(tiepnhan, 'counter');
    for (let i = 0; i < 30; i += 1) expect((await lookup(d.code, '203.0.113.9')).statusCode).toBe(200);
    const refused = await lookup(d.code, '203.0.113.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Malformed codes count too (an enumeration would otherwise be free).
    expect((await lookup('x', '203.0.113.9')).statusCode).toBe(429);
    expect((await lookup(d.code, '203.0.113.10')).statusCode).toBe(200);
    // Staff pages are not limited by it.
    expect((await tiepnhan.request({ url: `/api/dossiers/${d.code}`, remoteAddress: '203.0.113.9' })).statusCode).toBe(
      200,
    );
  });
});

describe('PUBLIC_LOOKUP_RATE_PER_MINUTE', () => {
  it('sets the allowance per IP', async () => {
    const small = await createTestApp({ demo: false, env: { PUBLIC_LOOKUP_RATE_PER_MINUTE: '2' } });
    try {
      const get = () =>
        small.app.inject({ url: '/api/public/dossiers/000.00.02.H91-200101-0001', remoteAddress: '192.0.2.1' });
      expect((await get()).statusCode).toBe(404);
      expect((await get()).statusCode).toBe(404);
      expect((await get()).statusCode).toBe(429);
    } finally {
      await small.close();
    }
  });

  it('must be a positive whole number', () => {
    expect(readEnv({}).PUBLIC_LOOKUP_RATE_PER_MINUTE).toBe(30);
    for (const bad of ['0', '-1', '2.5', 'many'])
      expect(() => readEnv({ PUBLIC_LOOKUP_RATE_PER_MINUTE: bad }), bad).toThrow(/PUBLIC_LOOKUP_RATE_PER_MINUTE/);
  });
});
