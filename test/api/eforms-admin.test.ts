/**
 * The catalog administrators' form editor through the real router: only catalog.manage may check,
 * draft, publish, list or import forms; an invalid definition is refused with a Vietnamese message,
 * a stable code and each problem; publishing a draft makes the version's next form version, which
 * new filings use while dossiers filed before keep the version they were filed with; the catalog's
 * forms bundle survives an export → import round trip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { citizen } from '../fixtures/kpi.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { PDF, upload } from '../fixtures/uploads.js';
import { BIRTH_REGISTRATION_TYPED } from '../fixtures/eforms.js';

interface Procedure {
  id: string;
  currentVersionId: string;
  competentUnits: { id: string; name: string }[];
  components: { id: string; name: string; mandatory: boolean; formTemplate: string | null }[];
}
type Definition = {
  key: string;
  legalSource: string;
  ui: { sections: { key: string; fields: string[] }[]; fields: Record<string, { label: { vi: string } }> };
} & Record<string, unknown>;

let t: TestApp;
let kstthc: Session;
let congdan: Session;
let birth: Procedure;

beforeAll(async () => {
  t = await createTestApp();
  kstthc = await t.login('kstthc');
  congdan = await t.login('congdan');
  birth = await procedureByCode<Procedure>(t, '1.001193');
});
afterAll(() => t.close());

const versionUrl = () => `/api/procedure-versions/${birth.currentVersionId}`;

async function publishedDefinition(): Promise<Definition> {
  const res = await kstthc.request({ url: `${versionUrl()}/eforms` });
  expect(res.statusCode, res.body).toBe(200);
  return structuredClone(res.json().published[0].definition) as Definition;
}

const typed = BIRTH_REGISTRATION_TYPED;

/** Files birth registration online with the e-form (prefill + typed values); returns the dossier code. */
async function fileBirth(): Promise<string> {
  const prefill = await congdan.request({ url: `/api/procedures/${birth.id}/eform/prefill` });
  expect(prefill.statusCode, prefill.body).toBe(200);
  const values = Object.fromEntries(
    Object.entries(prefill.json().values as Record<string, { value: unknown }>).map(([k, v]) => [k, v.value]),
  );
  const fileId = (await upload(congdan, PDF, 'giay-chung-sinh.pdf')).json().id as string;
  const res = await congdan.request({
    method: 'POST',
    url: '/api/dossiers',
    payload: {
      procedureId: birth.id,
      channel: 'online',
      competentUnitId: birth.competentUnits[0]!.id,
      applicant: citizen,
      components: birth.components
        .filter((c) => c.mandatory && !c.formTemplate?.startsWith('Tờ khai'))
        .map((c) => ({ componentId: c.id, fileIds: [fileId] })),
      eform: { values: { ...values, ...typed } },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code as string;
}

describe('who may edit forms', () => {
  it('lets only the catalog administrator check, draft, publish, list and import (401 anonymous, 403 others)', async () => {
    const definition = await publishedDefinition();
    const calls = [
      { method: 'POST', url: '/api/eforms/definition-check', payload: { definition } },
      { method: 'GET', url: `${versionUrl()}/eforms` },
      { method: 'PUT', url: `${versionUrl()}/eform-draft`, payload: { definition } },
      { method: 'POST', url: `${versionUrl()}/eform-draft/publish` },
      { method: 'POST', url: '/api/catalog/imports/eforms', payload: { format: 'motcua-eforms/1', forms: [] } },
    ] as const;
    const others = await Promise.all(['congdan', 'tiepnhan', 'admin', 'chuyenvien'].map((u) => t.login(u)));
    for (const call of calls) {
      expect((await t.app.inject(call)).statusCode, `${call.method} ${call.url} anonymous`).toBe(401);
      for (const other of others) {
        const res = await other.request(call);
        expect(res.statusCode, `${call.method} ${call.url} as ${other.user.username}`).toBe(403);
      }
    }
    // Nothing was drafted by the refused calls.
    expect((await kstthc.request({ url: `${versionUrl()}/eforms` })).json().draft).toBeNull();
  });
});

describe('checking a definition', () => {
  it('answers the problems of an invalid definition with codes, paths and Vietnamese messages, and its fields when valid', async () => {
    const good = await publishedDefinition();
    const ok = await kstthc.request({
      method: 'POST',
      url: '/api/eforms/definition-check',
      payload: { definition: good },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().problems).toEqual([]);
    expect(ok.json().fields.map((f: { key: string }) => f.key)).toContain('childFullName');

    const bad = structuredClone(good);
    bad.legalSource = '';
    bad.key = 'Tờ khai';
    bad.ui.sections[0]!.fields.push('khongCo');
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/eforms/definition-check',
      payload: { definition: bad },
    });
    expect(res.statusCode).toBe(200);
    const problems = res.json().problems as { code: string; path: string; message: string }[];
    expect(problems.map((p) => p.code).sort()).toEqual(['CITATION', 'KEY', 'LAYOUT_UNKNOWN_FIELD']);
    expect(problems.find((p) => p.code === 'LAYOUT_UNKNOWN_FIELD')?.path).toBe(
      `ui.sections.0.fields.${good.ui.sections[0]!.fields.length}`,
    );
    expect(problems.find((p) => p.code === 'CITATION')?.message).toMatch(/văn bản pháp luật/);
    expect(res.json().fields).toEqual([]);
  });

  it('refuses to save an invalid draft: 422 EFORM_DEFINITION_INVALID with each problem, nothing saved', async () => {
    const bad = await publishedDefinition();
    delete bad.ui.fields.childFullName;
    const res = await kstthc.request({
      method: 'PUT',
      url: `${versionUrl()}/eform-draft`,
      payload: { definition: bad },
    });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('EFORM_DEFINITION_INVALID');
    expect(error.message).toMatch(/Định nghĩa tờ khai chưa hợp lệ/);
    expect(error.details.problems).toContainEqual({
      code: 'SCHEMA_WITHOUT_UI',
      path: 'schema.properties.childFullName',
      message: expect.stringContaining('chưa có bố cục'),
    });
    expect((await kstthc.request({ url: `${versionUrl()}/eforms` })).json().draft).toBeNull();

    const notObject = await kstthc.request({
      method: 'PUT',
      url: `${versionUrl()}/eform-draft`,
      payload: { definition: 'không phải đối tượng' },
    });
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('answers 409 EFORM_DRAFT_MISSING when publishing without a draft, 404 for an unknown version', async () => {
    const res = await kstthc.request({ method: 'POST', url: `${versionUrl()}/eform-draft/publish` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'EFORM_DRAFT_MISSING',
      message: expect.stringContaining('bản nháp'),
    });
    const unknown = await kstthc.request({
      url: '/api/procedure-versions/00000000-0000-4000-8000-000000000000/eforms',
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('draft, publish and the dossiers', () => {
  it('publishes a draft as the next form version: new filings use it, earlier dossiers keep theirs', async () => {
    const before = await fileBirth();
    const definition = await publishedDefinition();
    definition.ui.fields.childFullName!.label.vi = 'Họ, chữ đệm, tên của trẻ (đã sửa)';

    const saved = await kstthc.request({ method: 'PUT', url: `${versionUrl()}/eform-draft`, payload: { definition } });
    expect(saved.statusCode, saved.body).toBe(200);
    // A draft is not in force: citizens still see version 1.
    const stillOld = (await t.app.inject({ url: `/api/procedures/${birth.id}/eform` })).json();
    expect(stillOld.version).toBe(1);
    const listed = (await kstthc.request({ url: `${versionUrl()}/eforms` })).json();
    expect(listed.draft.definition.ui.fields.childFullName.label.vi).toBe('Họ, chữ đệm, tên của trẻ (đã sửa)');
    expect(listed.published.map((p: { formVersion: number }) => p.formVersion)).toEqual([1]);

    const published = await kstthc.request({ method: 'POST', url: `${versionUrl()}/eform-draft/publish` });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      formVersion: 2,
      procedureVersionId: birth.currentVersionId,
      decision: { id: listed.decision.id, number: listed.decision.number },
    });
    const after = (await kstthc.request({ url: `${versionUrl()}/eforms` })).json();
    expect(after.draft).toBeNull();
    expect(after.published.map((p: { formVersion: number }) => p.formVersion)).toEqual([2, 1]);

    const form = (await t.app.inject({ url: `/api/procedures/${birth.id}/eform` })).json();
    expect(form.version).toBe(2);
    expect(form.fields.find((f: { key: string }) => f.key === 'childFullName').label).toBe(
      'Họ, chữ đệm, tên của trẻ (đã sửa)',
    );

    const later = await fileBirth();
    const eformOf = async (code: string) => (await congdan.request({ url: `/api/dossiers/${code}/eform` })).json();
    expect((await eformOf(before)).version).toBe(1);
    expect((await eformOf(later)).version).toBe(2);

    // The publication is audited.
    const admin = await t.login('admin');
    const audit = await admin.request({ url: `/api/audit?action=eform.publish&targetId=${birth.id}` });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items.filter((i: { actorId: string | null }) => i.actorId === kstthc.user.id)).toHaveLength(1);
  });
});

describe('export and import with the catalog', () => {
  it('round-trips the forms bundle: every exported form imports as a draft equal to it', async () => {
    const exported = await t.app.inject({ url: '/api/catalog/export/eforms.json' });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-disposition']).toContain('danh-muc-tthc-to-khai.json');
    const bundle = exported.json() as {
      format: string;
      forms: { nationalCode: string; formVersion: number; definition: Definition }[];
    };
    expect(bundle.format).toBe('motcua-eforms/1');
    const codes = bundle.forms.map((f) => f.nationalCode);
    expect(codes).toContain('1.001193');
    expect(codes.length).toBeGreaterThanOrEqual(12);
    const birthForm = bundle.forms.find((f) => f.nationalCode === '1.001193')!;
    expect(birthForm.formVersion).toBe(2);
    expect(birthForm.definition.ui.fields.childFullName!.label.vi).toBe('Họ, chữ đệm, tên của trẻ (đã sửa)');

    const imported = await kstthc.request({
      method: 'POST',
      url: '/api/catalog/imports/eforms',
      payload: {
        format: bundle.format,
        forms: [
          ...bundle.forms,
          { nationalCode: '9.999999', definition: birthForm.definition },
          { nationalCode: '1.004873', definition: { ...birthForm.definition, commitment: '' } },
        ],
      },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const reply = imported.json();
    expect(reply.drafted.map((d: { nationalCode: string }) => d.nationalCode).sort()).toEqual([...codes].sort());
    expect(reply.rejected).toEqual([
      {
        index: bundle.forms.length,
        nationalCode: '9.999999',
        reasons: [{ code: 'PROCEDURE_NOT_FOUND', path: 'nationalCode', message: expect.any(String) }],
      },
      {
        index: bundle.forms.length + 1,
        nationalCode: '1.004873',
        reasons: [{ code: 'COMMITMENT', path: 'commitment', message: expect.stringContaining('cam đoan') }],
      },
    ]);
    // The draft is the exported definition, and publishing it is a deliberate act (still version 2).
    const listed = (await kstthc.request({ url: `${versionUrl()}/eforms` })).json();
    expect(listed.draft.definition).toEqual(birthForm.definition);
    expect(listed.published[0].formVersion).toBe(2);
    // Export again: the same bundle (drafts are not exported).
    expect((await t.app.inject({ url: '/api/catalog/export/eforms.json' })).json()).toEqual(bundle);
  });

  it('refuses a bundle of another format (400)', async () => {
    const res = await kstthc.request({
      method: 'POST',
      url: '/api/catalog/imports/eforms',
      payload: { format: 'other/1', forms: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
