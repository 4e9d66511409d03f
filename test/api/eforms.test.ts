/**
 * Tờ khai điện tử through the real router: the form of a procedure, prefill with provenance for
 * the signed-in citizen (population database via the simulator), online filing with the form (no
 * scan of the tờ khai), server-side refusal of invalid or tampered values with field paths,
 * drafts, and the filled form as data and as a PDF under the dossier's reading rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { pdfText } from '../../src/modules/documents/testing/pdf-text.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { citizen } from '../fixtures/kpi.js';
import { PDF, upload } from '../fixtures/uploads.js';
import { BIRTH_REGISTRATION_TYPED } from '../fixtures/eforms.js';

interface Procedure {
  id: string;
  competentUnits: { id: string; name: string }[];
  components: { id: string; name: string; mandatory: boolean; formTemplate: string | null }[];
}

let t: TestApp;
let congdan: Session;
let birth: Procedure;
let commune: string;

beforeAll(async () => {
  t = await createTestApp();
  congdan = await t.login('congdan');
  birth = await procedureByCode(t, '1.001193');
  commune = birth.competentUnits.find((u) => u.name.includes('Long Xuyên'))?.id ?? birth.competentUnits[0]!.id;
});
afterAll(() => t.close());

const typed = BIRTH_REGISTRATION_TYPED;

async function prefilled() {
  const res = await congdan.request({ url: `/api/procedures/${birth.id}/eform/prefill` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { values: Record<string, { value: unknown; source: string }>; prefilledShare: number };
}

async function file(values: Record<string, unknown> | undefined, withScanOfForm = false) {
  const fileId = (await upload(congdan, PDF, 'giay-chung-sinh.pdf')).json().id as string;
  const others = birth.components.filter(
    (c) => c.mandatory && (withScanOfForm || !c.formTemplate?.startsWith('Tờ khai')),
  );
  return congdan.request({
    method: 'POST',
    url: '/api/dossiers',
    payload: {
      procedureId: birth.id,
      channel: 'online',
      competentUnitId: commune,
      applicant: citizen,
      components: others.map((c) => ({ componentId: c.id, fileIds: [fileId] })),
      ...(values ? { eform: { values } } : {}),
    },
  });
}

const asValues = (p: Awaited<ReturnType<typeof prefilled>>) =>
  Object.fromEntries(Object.entries(p.values).map(([k, v]) => [k, v.value]));

describe('the form of a procedure', () => {
  it('serves the birth registration form: schema 2020-12, layout, flattened fields in the legal order', async () => {
    const res = await t.app.inject({ url: `/api/procedures/${birth.id}/eform` });
    expect(res.statusCode, res.body).toBe(200);
    const form = res.json();
    expect(form.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(form.legalSource).toContain('04/2024/TT-BTP');
    expect(form.version).toBe(1);
    const keys = form.fields.map((f: { key: string }) => f.key);
    expect(keys.slice(0, 4)).toEqual([
      'requesterFullName',
      'requesterResidence',
      'requesterPersonalId',
      'relationship',
    ]);
    expect(form.fields.find((f: { key: string }) => f.key === 'childBirthDate')).toMatchObject({
      label: 'Ngày, tháng, năm sinh',
      type: 'date',
      required: true,
    });
  });

  it('answers 404 EFORM_NOT_DEFINED for a procedure without a form', async () => {
    const labour = await procedureByCode<Procedure>(t, '1.014199');
    const res = await t.app.inject({ url: `/api/procedures/${labour.id}/eform` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('EFORM_NOT_DEFINED');
  });

  it('lists communes of a province after the 2025 reform', async () => {
    const res = await t.app.inject({ url: '/api/addresses/provinces/91/communes' });
    expect(res.json().items).toContainEqual({ code: '30307', name: 'Phường Long Xuyên' });
  });
});

describe('prefill and filing', () => {
  it('prefills at least a fifth of the fields from data, each value with its source', async () => {
    const p = await prefilled();
    expect(p.prefilledShare).toBeGreaterThanOrEqual(0.2);
    expect(p.values.requesterFullName).toEqual({ value: 'Nguyễn Văn An', source: 'population' });
    expect(p.values.requesterResidence).toEqual({
      value: { provinceCode: '91', communeCode: '30307', detail: 'Số 1 Tôn Đức Thắng, khóm Mỹ Long' },
      source: 'population',
    });
    expect(p.values.fatherBirthYear).toEqual({ value: 1995, source: 'population' });
  });

  it('requires the form online, and refuses missing and invalid values naming each field path (422)', async () => {
    const none = await file(undefined);
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'eform' }] });

    const p = await prefilled();
    const { childFullName: _, ...missing } = { ...asValues(p), ...typed };
    const res = await file({ ...missing, childBirthDate: '31/02/2025' });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(['childBirthDate', 'childFullName']);
    expect(error.details[0].message).toMatch(/chưa nhập|không hợp lệ/);
  });

  it('accepts a scan of the tờ khai besides the e-form (the component is no longer mandatory, not refused)', async () => {
    const p = await prefilled();
    const res = await file({ ...asValues(p), ...typed }, true);
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses a population value changed in the browser', async () => {
    const p = await prefilled();
    const res = await file({ ...asValues(p), ...typed, requesterFullName: 'Nguyễn Văn Ân' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      { in: 'eform', path: 'requesterFullName', message: expect.stringContaining('Cơ sở dữ liệu quốc gia về dân cư') },
    ]);
  });

  it('files online with the form, keeps values with sources, and renders the filled tờ khai as a PDF', async () => {
    const p = await prefilled();
    const draft = await congdan.request({
      method: 'PUT',
      url: `/api/me/eform-drafts/${birth.id}`,
      payload: { values: { childFullName: 'Nguyễn Minh Khôi' } },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect((await congdan.request({ url: `/api/me/eform-drafts/${birth.id}` })).json().values).toEqual({
      childFullName: 'Nguyễn Minh Khôi',
    });

    const res = await file({ ...asValues(p), ...typed });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().code as string;
    const eform = (await congdan.request({ url: `/api/dossiers/${code}/eform` })).json();
    expect(eform.values.requesterFullName).toEqual({ value: 'Nguyễn Văn An', source: 'population' });
    expect(eform.values.childFullName).toEqual({ value: 'Nguyễn Minh Khôi', source: 'typed' });
    expect(eform.values.childBirthDateInWords.source).toBe('computed');
    expect(eform.fieldsPrefilled / eform.fieldsTotal).toBeGreaterThanOrEqual(0.2);
    // Filing dropped the draft.
    expect((await congdan.request({ url: `/api/me/eform-drafts/${birth.id}` })).json().updatedAt).toBeNull();

    const pdf = await congdan.request({ url: `/api/dossiers/${code}/eform.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).text.replace(/\s+/g, ' ');
    expect(text).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    expect(text).toContain('Nguyễn Minh Khôi');
    expect(text).toContain('Trần Thị Bích Ngọc');
    expect(text).toContain('Phường Long Xuyên');
    expect(text).toContain('Ngày năm tháng chín năm hai nghìn không trăm hai mươi lăm');

    // The measured cut in fields, for the province over today: this dossier counts, its share ≥ 20 %.
    const kstthc = await t.login('kstthc');
    const roots = (await t.app.inject({ url: '/api/units' })).json().units as { id: string; name: string }[];
    const province = roots.find((u) => u.name === 'Ủy ban nhân dân tỉnh An Giang')!.id;
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const cut = await kstthc.request({ url: `/api/eforms/field-cut?unit=${province}&from=${today}&to=${today}` });
    expect(cut.statusCode, cut.body).toBe(200);
    const birthCut = cut.json().procedures.find((p: { nationalCode: string }) => p.nationalCode === '1.001193');
    expect(birthCut).toMatchObject({ dossiers: 2, fieldsPrefilled: 2 * eform.fieldsPrefilled, meetsTarget: true });
    expect(cut.json().total.dossiers).toBe(2);
    expect(
      (await congdan.request({ url: `/api/eforms/field-cut?unit=${province}&from=${today}&to=${today}` })).statusCode,
    ).toBe(403);

    const other = await t.login('tiepnhan');
    const stranger = await other.request({ url: `/api/dossiers/${code}/eform.pdf` });
    expect([403, 404]).toContain(stranger.statusCode);
  });
});
