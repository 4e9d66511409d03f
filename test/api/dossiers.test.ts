import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { procedureByCode } from '../fixtures/procedures.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { PDF, PNG, upload } from '../fixtures/uploads.js';
import { pdfText } from '../../src/modules/documents/testing/pdf-text.js';
import { pdfsig } from '../../src/modules/signing/testing/signed-pdfs.js';

let t: TestApp;
let tiepnhan: Session;
let congdan: Session;
let labourPermit: {
  id: string;
  competentUnits: { id: string }[];
  components: { id: string; name: string; kind: string; mandatory: boolean }[];
  channels: { channel: string; timeLimit: { value: number; unit: string } }[];
};
let soNoiVuId: string;

beforeAll(async () => {
  t = await createTestApp();
  tiepnhan = await t.login('tiepnhan');
  congdan = await t.login('congdan');
  labourPermit = await procedureByCode(t, '1.014199');
  soNoiVuId = labourPermit.competentUnits[0]!.id;
});
afterAll(() => t.close());

const citizen = {
  kind: 'citizen',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  idNumber: '089195000456',
  phone: '0912345678',
  address: 'Phường Long Xuyên, An Giang',
};

async function componentsFor(session: Session) {
  const fileId = (await upload(session, PDF, 'to-khai.pdf')).json().id as string;
  return labourPermit.components.filter((c) => c.mandatory).map((c) => ({ componentId: c.id, fileIds: [fileId] }));
}

function intake(session: Session, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return session.request({ method: 'POST', url: '/api/dossiers', payload: body, headers });
}

describe('counter intake', () => {
  it('receives a complete dossier: code, times, appointment from the calendar, first step, fees', async () => {
    const res = await intake(tiepnhan, {
      procedureId: labourPermit.id,
      channel: 'counter',
      applicant: citizen,
      components: await componentsFor(tiepnhan),
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    // The service centre's code, today in Vietnam, a 4-digit daily number.
    expect(d.code).toMatch(/^000\.00\.02\.H91-\d{6}-\d{4}$/);
    expect(d).toMatchObject({ status: 'received', nationalStatusCode: 2, channel: 'counter', version: 1 });
    expect(d.receivedAt).toBe(d.submittedAt);
    const limit = labourPermit.channels.find((c) => c.channel === 'counter')!.timeLimit;
    const due = (
      await t.app.inject({
        url: `/api/calendar/due?from=${encodeURIComponent(d.receivedAt)}&${limit.unit}=${limit.value}`,
      })
    ).json().due;
    expect(new Date(d.appointmentAt).getTime()).toBe(new Date(due).getTime());
    expect(d.competentUnit.id).toBe(soNoiVuId);
    expect(d.currentStepKey).toEqual(expect.any(String));
    expect(d.events).toEqual([
      expect.objectContaining({ action: 'receive', toStatus: 'received', actorName: 'Trần Thị Bích' }),
    ]);
    expect(d.components.length).toBe(labourPermit.components.filter((c) => c.mandatory).length);
  });

  it('answers from what the intake transaction has: no read after commit, the same as GET', async () => {
    // Under load the read-back after commit queued behind every other intake for a connection.
    const components = await componentsFor(tiepnhan);
    const db = t.handle.db;
    const transaction = db.transaction.bind(db);
    const afterCommit: string[] = [];
    let committed = false;
    const spies = [
      vi.spyOn(db, 'transaction').mockImplementation(async (work, config) => {
        const result = await transaction(work, config);
        committed = true;
        return result;
      }),
      ...(['select', 'execute', 'insert', 'update', 'delete'] as const).map((method) => {
        const original = (db[method] as (...a: unknown[]) => unknown).bind(db);
        return vi.spyOn(db, method).mockImplementation(((...args: unknown[]) => {
          // Background loops (the audit chainer, job runners) share the handle; only the request counts.
          if (committed && !/work-loop|audit\.chainer/.test(new Error().stack ?? '')) afterCommit.push(method);
          return original(...args);
        }) as never);
      }),
    ];
    let res: Awaited<ReturnType<typeof intake>>;
    try {
      res = await intake(tiepnhan, {
        procedureId: labourPermit.id,
        channel: 'counter',
        applicant: citizen,
        components,
      });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(res.statusCode, res.body).toBe(201);
    expect(committed).toBe(true);
    expect(afterCommit).toEqual([]);
    const read = await tiepnhan.request({ url: `/api/dossiers/${res.json().code}` });
    expect(res.json()).toEqual(read.json());
  });

  it('takes a paper checked against its original (đã đối chiếu bản chính) instead of a file, noting who and when', async () => {
    // Gia hạn giấy phép lao động: its plain copy (bản sao) may be shown with the original.
    const renewal = await procedureByCode<typeof labourPermit>(t, '1.014201');
    const fileId = (await upload(tiepnhan, PDF, 'to-khai.pdf')).json().id as string;
    const copy = renewal.components.find((c) => c.kind === 'copy')!;
    const res = await intake(tiepnhan, {
      procedureId: renewal.id,
      channel: 'counter',
      applicant: citizen,
      components: [
        ...renewal.components.filter((c) => c.mandatory).map((c) => ({ componentId: c.id, fileIds: [fileId] })),
        { componentId: copy.id, originalChecked: true },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = (await tiepnhan.request({ url: `/api/dossiers/${res.json().code}` })).json();
    const checked = d.components.find((c: { componentId: string }) => c.componentId === copy.id);
    expect(checked).toMatchObject({ fileIds: [], originalCheck: { byName: 'Trần Thị Bích', at: d.receivedAt } });
    expect(d.components.filter((c: { originalCheck: unknown }) => c.originalCheck !== null)).toHaveLength(1);
    expect(res.json()).toEqual(d);
  });

  it('refuses a check against the original for a paper to hand in (bản chính), naming it', async () => {
    const [first, ...rest] = await componentsFor(tiepnhan);
    const res = await intake(tiepnhan, {
      procedureId: labourPermit.id,
      channel: 'counter',
      applicant: citizen,
      components: [{ componentId: first!.componentId, originalChecked: true }, ...rest],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DOSSIER_INCOMPLETE');
    expect(res.json().error.details.problems).toMatchObject([
      { componentId: first!.componentId, problem: 'notCheckable', name: labourPermit.components[0]!.name },
    ]);
  });

  it('leaves the check against the original to the counter: an online filing must upload', async () => {
    const [first, ...rest] = await componentsFor(congdan);
    const res = await intake(congdan, {
      procedureId: labourPermit.id,
      channel: 'online',
      applicant: citizen,
      components: [{ componentId: first!.componentId, originalChecked: true }, ...rest],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ORIGINAL_CHECK_AT_COUNTER');
  });

  it('refuses a receipt while a mandatory component is missing, naming it', async () => {
    const components = (await componentsFor(tiepnhan)).slice(1);
    const res = await intake(tiepnhan, {
      procedureId: labourPermit.id,
      channel: 'counter',
      applicant: citizen,
      components,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DOSSIER_INCOMPLETE');
    expect(res.json().error.details.problems).toEqual([
      expect.objectContaining({ componentId: labourPermit.components[0]!.id, problem: 'missing' }),
    ]);
  });

  it('checks the applicant: a bad identifier or tax code is a 400 naming the field', async () => {
    const badId = await intake(tiepnhan, {
      procedureId: labourPermit.id,
      channel: 'counter',
      applicant: { ...citizen, idNumber: '08919500045' },
      components: [],
    });
    expect(badId.statusCode).toBe(400);
    expect(JSON.stringify(badId.json().error.details)).toContain('idNumber');
    const badTax = await intake(tiepnhan, {
      procedureId: labourPermit.id,
      channel: 'counter',
      applicant: { kind: 'organization', name: 'Công ty TNHH Một Cửa', taxCode: '0101243151' },
      components: [],
    });
    expect(badTax.statusCode).toBe(400);
    expect(JSON.stringify(badTax.json().error.details)).toContain('taxCode');
  });

  it('does not let staff without the receiving role, or files of someone else, in', async () => {
    const chuyenvien = await t.login('chuyenvien');
    const refused = await intake(chuyenvien, {
      procedureId: labourPermit.id,
      channel: 'counter',
      applicant: citizen,
      components: [],
    });
    expect(refused.statusCode).toBe(403);
    const othersFiles = await componentsFor(congdan);
    const res = await intake(tiepnhan, {
      procedureId: labourPermit.id,
      channel: 'counter',
      applicant: citizen,
      components: othersFiles,
    });
    expect(res.statusCode).toBe(403);
  });

  it('answers a retried request with the same Idempotency-Key with the same dossier', async () => {
    const body = {
      procedureId: labourPermit.id,
      channel: 'counter',
      applicant: citizen,
      components: await componentsFor(tiepnhan),
    };
    const [a, b] = await Promise.all([
      intake(tiepnhan, body, { 'idempotency-key': 'retry-1' }),
      intake(tiepnhan, body, { 'idempotency-key': 'retry-1' }),
    ]);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().code).toBe(a.json().code);
    const other = await intake(tiepnhan, { ...body, channel: 'postal' }, { 'idempotency-key': 'retry-1' });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('gives 200 concurrent intakes at one unit distinct, consecutive codes', async () => {
    const components = await componentsFor(tiepnhan);
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        intake(tiepnhan, { procedureId: labourPermit.id, channel: 'counter', applicant: citizen, components }),
      ),
    );
    expect(results.filter((r) => r.statusCode !== 201).map((r) => r.body)).toEqual([]);
    const codes = results.map((r) => r.json().code as string);
    expect(new Set(codes).size).toBe(200);
    // Consecutive within each day's sequence (a run across midnight in Vietnam starts a new one).
    const byDay = new Map<string, string[]>();
    for (const c of codes) {
      const day = c.slice(0, c.lastIndexOf('-'));
      byDay.set(day, [...(byDay.get(day) ?? []), c]);
    }
    for (const day of byDay.values()) {
      const numbers = day.map((c) => Number(c.split('-').pop())).sort((x, y) => x - y);
      expect(numbers.at(-1)! - numbers[0]!).toBe(day.length - 1);
    }
    // 200 intakes with their files and audit rows take ~10 s on a quiet machine and three times
    // that on a busy two-core one: the time limit is for load, the property is unchanged.
  }, 120_000);
});

describe('online filing', () => {
  it('registers a citizen’s dossier without starting the clock, and only the citizen and the unit may read it', async () => {
    const res = await intake(congdan, {
      procedureId: labourPermit.id,
      channel: 'online',
      applicant: citizen,
      components: await componentsFor(congdan),
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      status: 'registered',
      nationalStatusCode: 1,
      receivedAt: null,
      appointmentAt: null,
      currentStepKey: null,
    });
    // Sở Nội vụ receives at the provincial service centre: its workflow's reception step.
    expect(d.receivingUnit.name).toMatch(/^Trung tâm Phục vụ hành chính công/);
    expect(d.competentUnit.id).toBe(soNoiVuId);
    expect((await congdan.request({ url: `/api/dossiers/${d.code}` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/dossiers/${d.code}` })).statusCode).toBe(401);
    const kstthc = await t.login('kstthc');
    expect((await kstthc.request({ url: `/api/dossiers/${d.code}` })).statusCode).toBe(200); // province-wide read
    const lanhdao = await t.login('lanhdao'); // leader of Sở Tư pháp, not Sở Nội vụ
    expect((await lanhdao.request({ url: `/api/dossiers/${d.code}` })).statusCode).toBe(403);
  });

  it('is for citizens: an officer cannot file online', async () => {
    const res = await intake(tiepnhan, {
      procedureId: labourPermit.id,
      channel: 'online',
      applicant: citizen,
      components: [],
    });
    expect(res.statusCode).toBe(403);
  });

  it('asks which commune when a commune-level procedure has many competent units', async () => {
    const birth = (await t.app.inject({ url: '/api/procedures?q=1.001193' })).json().items[0];
    const res = await intake(congdan, { procedureId: birth.id, channel: 'online', applicant: citizen, components: [] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('COMPETENT_UNIT_REQUIRED');
  });
});

describe('form 01', () => {
  it('renders the receipt as a PDF with the code and the applicant’s Vietnamese name', async () => {
    const d = (
      await intake(tiepnhan, {
        procedureId: labourPermit.id,
        channel: 'counter',
        applicant: citizen,
        components: await componentsFor(tiepnhan),
      })
    ).json();
    const res = await tiepnhan.request({ url: `/api/dossiers/${d.code}/forms/01` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(res.rawPayload);
    expect(text).toContain(d.code);
    expect(text).toContain('Nguyễn Thị Ánh Tuyết');
    // Issue 19: the receipt carries the receiving unit's seal signature (PAdES-B-T), valid for poppler.
    const verdict = await pdfsig(res.rawPayload);
    expect(verdict).toContain('Signature Field Name: ChuKyCoQuan');
    expect(verdict).toContain('Signature Validation: Signature is Valid.');
    expect(verdict).toContain('Signature Type: ETSI.CAdES.detached');
    expect(verdict).toContain('Total document signed');
  });

  it('has no receipt for a dossier not yet received', async () => {
    const d = (
      await intake(congdan, {
        procedureId: labourPermit.id,
        channel: 'online',
        applicant: citizen,
        components: await componentsFor(congdan),
      })
    ).json();
    const res = await congdan.request({ url: `/api/dossiers/${d.code}/forms/01` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('DOSSIER_NOT_RECEIVED');
  });

  it('answers 404 for an unknown dossier code', async () => {
    const res = await tiepnhan.request({ url: '/api/dossiers/000.00.02.H91-261123-9999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('DOSSIER_NOT_FOUND');
  });
});

describe('components may be images', () => {
  it('accepts a scanned PNG as a component file', async () => {
    const fileId = (await upload(tiepnhan, PNG, 'anh.png')).json().id as string;
    const components = labourPermit.components
      .filter((c) => c.mandatory)
      .map((c) => ({ componentId: c.id, fileIds: [fileId] }));
    expect(
      (await intake(tiepnhan, { procedureId: labourPermit.id, channel: 'postal', applicant: citizen, components }))
        .statusCode,
    ).toBe(201);
  });
});

describe('the version a dossier is filed under', () => {
  it('is the one in force today, not an amendment published to take effect later', async () => {
    const detail = (await t.app.inject({ url: `/api/procedures/${labourPermit.id}` })).json();
    const inForce = detail.currentVersion.id as string;
    const province = (await t.app.inject({ url: '/api/units' })).json().units[0].id as string;
    const kstthc = await t.login('kstthc');
    const amended = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: {
        number: '99/QĐ-UBND-TUONGLAI',
        signedDate: '2026-11-20',
        signer: 'Chủ tịch UBND tỉnh',
        issuingUnitId: province,
        effectiveDate: '2099-01-01',
        items: [
          {
            changeKind: 'amended',
            nationalCode: '1.014199',
            content: { ...detail.currentVersion.content, name: 'Tên sẽ có hiệu lực năm 2099' },
          },
        ],
      },
    });
    expect(amended.statusCode).toBe(201);
    const res = await intake(tiepnhan, {
      procedureId: labourPermit.id,
      channel: 'counter',
      applicant: citizen,
      components: await componentsFor(tiepnhan),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().procedure.versionId).toBe(inForce);
  });
});
