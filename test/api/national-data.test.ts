/**
 * The national data-sharing platform at intake, through the real router and the in-process
 * simulator: the population-data check of a connected procedure (verified, not found, mismatch,
 * platform down), components taken from the national data store, and the simulator over HTTP.
 */
import { count as countRows } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureByCode } from '../fixtures/procedures.js';
import { citizen } from '../fixtures/kpi.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { PDF, upload } from '../fixtures/uploads.js';
import { storeReadId } from '../fixtures/store.js';
import { dossiers } from '../../src/modules/dossiers/dossiers.tables.js';

interface Procedure {
  id: string;
  competentUnits: { id: string; name: string }[];
  components: { id: string; name: string; mandatory: boolean }[];
  populationDataConnected?: boolean;
}

let t: TestApp;
let tiepnhan: Session;
/** Cấp bản sao Trích lục hộ tịch (hộ tịch: connected to population data), received for Sở Tư pháp. */
let civilCopy: Procedure;
/** Cấp giấy phép lao động (not connected). */
let labourPermit: Procedure;
let soTuPhap: string;

beforeAll(async () => {
  t = await createTestApp();
  tiepnhan = await t.login('tiepnhan');
  civilCopy = await procedureByCode(t, '2.000635');
  labourPermit = await procedureByCode(t, '1.014199');
  soTuPhap = civilCopy.competentUnits.find((u) => u.name.includes('Tư pháp'))!.id;
});
afterAll(() => t.close());

async function filed(session: Session, procedure: Procedure) {
  const fileId = (await upload(session, PDF, 'giay-to.pdf')).json().id as string;
  return procedure.components.filter((c) => c.mandatory).map((c) => ({ componentId: c.id, fileIds: [fileId] }));
}

async function intake(session: Session, procedure: Procedure, body: Record<string, unknown>) {
  const components = (body.components as unknown[] | undefined) ?? (await filed(session, procedure));
  const competentUnitId = procedure === civilCopy ? soTuPhap : undefined;
  return session.request({
    method: 'POST',
    url: '/api/dossiers',
    payload: { procedureId: procedure.id, channel: 'counter', competentUnitId, ...body, components },
  });
}

describe('population data at intake (CSDLQG về dân cư)', () => {
  it('the demo catalog connects hộ tịch procedures, not others', () => {
    expect(civilCopy.populationDataConnected).toBe(true);
    expect(labourPermit.populationDataConnected).toBe(false);
  });

  it('verifies a citizen the population database knows, and records when', async () => {
    const res = await intake(tiepnhan, civilCopy, { applicant: { ...citizen, birthDate: '1995-01-04' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ populationCheck: 'verified', populationCheckedAt: expect.any(String) });
  });

  it('refuses at the counter a name or birth date the database does not hold (422, Vietnamese), and keeps no dossier', async () => {
    const count = async () => (await t.handle.db.select({ n: countRows() }).from(dossiers))[0]!.n;
    const before = await count();
    const wrongName = await intake(tiepnhan, civilCopy, { applicant: { ...citizen, fullName: 'Nguyen Van An' } });
    expect(wrongName.statusCode).toBe(422);
    expect(wrongName.json().error).toMatchObject({
      code: 'POPULATION_DATA_MISMATCH',
      details: { fields: ['fullName'] },
    });
    expect(wrongName.json().error.message).toContain('Cơ sở dữ liệu quốc gia về dân cư');
    expect(wrongName.body).not.toContain(citizen.idNumber);
    const wrongBirth = await intake(tiepnhan, civilCopy, { applicant: { ...citizen, birthDate: '1995-04-01' } });
    expect(wrongBirth.json().error.details.fields).toEqual(['birthDate']);
    expect(await count()).toBe(before);
  });

  it('records a citizen the database does not know as notFound (the officer checks the papers)', async () => {
    const res = await intake(tiepnhan, civilCopy, { applicant: { ...citizen, idNumber: '089095999999' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ populationCheck: 'notFound', populationCheckedAt: expect.any(String) });
  });

  it('does not look up an unconnected procedure, nor an organisation', async () => {
    const res = await intake(tiepnhan, labourPermit, { applicant: citizen });
    expect(res.json()).toMatchObject({ populationCheck: null, populationCheckedAt: null });
    const org = await intake(tiepnhan, civilCopy, {
      applicant: { kind: 'organization', name: 'Công ty TNHH Một Cửa', taxCode: '0100109106' },
    });
    expect(org.statusCode, org.body).toBe(201);
    expect(org.json().populationCheck).toBeNull();
  });

  it('the catalog API shows the flag in the procedure version’s content, and a decision sets it', async () => {
    const procedure = (await t.app.inject({ url: `/api/procedures/${civilCopy.id}` })).json();
    expect(procedure.currentVersion.content.populationDataConnected).toBe(true);
    const kstthc = await t.login('kstthc');
    const units = (await t.app.inject({ url: '/api/units' })).json().units as { id: string; name: string }[];
    const content = {
      ...procedure.currentVersion.content,
      name: 'Thủ tục thử nghiệm kết nối dân cư',
      localCode: null,
      components: procedure.components.map(({ id: _id, ...c }: { id: string }) => c),
    };
    const issued = await kstthc.request({
      method: 'POST',
      url: '/api/decisions',
      payload: {
        number: '9/QĐ-TEST',
        signedDate: '2026-03-02',
        signer: 'Chủ tịch UBND tỉnh',
        issuingUnitId: units.find((u) => u.name === 'Ủy ban nhân dân tỉnh An Giang')!.id,
        effectiveDate: '2026-03-15',
        items: [
          { changeKind: 'new', nationalCode: '9.200001', content: { ...content, populationDataConnected: false } },
        ],
      },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const found = (await t.app.inject({ url: '/api/procedures?q=9.200001' })).json().items[0] as { id: string };
    expect((await t.app.inject({ url: `/api/procedures/${found.id}` })).json().populationDataConnected).toBe(false);
  });
});

describe('components taken from the national data store (Kho dữ liệu điện tử quốc gia)', () => {
  it('lists what the store holds for the applicant, and files it as a component (DuocLayTuKhoDMQG)', async () => {
    const readId = await storeReadId(tiepnhan, citizen.idNumber, civilCopy.id);
    const listed = await tiepnhan.request({ url: `/api/store/national?readId=${readId}` });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items).toEqual([
      {
        nationalDocumentId: 'KS-089095000123',
        kind: 'TRICH_LUC_KHAI_SINH',
        name: 'Trích lục khai sinh',
        issuedOn: '1995-01-04',
        issuer: 'UBND Phường Long Xuyên',
      },
    ]);
    const components = await filed(tiepnhan, civilCopy);
    components[0] = { componentId: components[0]!.componentId, nationalDocumentId: 'KS-089095000123' } as never;
    const res = await intake(tiepnhan, civilCopy, { applicant: citizen, components });
    expect(res.statusCode, res.body).toBe(201);
    const taken = res
      .json()
      .components.find((c: { componentId: string }) => c.componentId === components[0]!.componentId);
    expect(taken).toMatchObject({ nationalDocumentId: 'KS-089095000123', fileIds: [expect.any(String)] });
    const file = await tiepnhan.request({ url: `/api/files/${taken.fileIds[0]}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Received at the counter: the national copy joins the applicant's own store, from this dossier.
    const store = (await tiepnhan.request({ url: `/api/store?readId=${readId}` })).json().items as {
      sourceDossierCode: string;
      fileIds: string[];
    }[];
    expect(store.some((i) => i.sourceDossierCode === res.json().code && i.fileIds[0] === taken.fileIds[0])).toBe(true);
  });

  it('refuses a document the store does not hold for this applicant (422)', async () => {
    const components = await filed(tiepnhan, civilCopy);
    components[0] = { componentId: components[0]!.componentId, nationalDocumentId: 'KS-089095000123' } as never;
    const res = await intake(tiepnhan, civilCopy, { applicant: { ...citizen, idNumber: '089095999999' }, components });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NATIONAL_DOCUMENT_NOT_AVAILABLE');
  });

  it('a citizen sees their own national documents, not someone else’s', async () => {
    const congdan = await t.login('congdan');
    const own = await congdan.request({ url: '/api/store/national' });
    expect(own.json().items.map((i: { nationalDocumentId: string }) => i.nationalDocumentId)).toEqual([
      'KS-089095000123',
    ]);
  });
});

describe('the simulator over HTTP (/sim/ndxp)', () => {
  it('issues a token for the configured client and answers a lookup with it; 401 without', async () => {
    const token = await t.app.inject({
      method: 'POST',
      url: '/sim/ndxp/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${t.deps.env.NATIONAL_DATA_CLIENT_ID}&client_secret=${t.deps.env.NATIONAL_DATA_CLIENT_SECRET}`,
    });
    expect(token.statusCode, token.body).toBe(200);
    const bearer = token.json().access_token as string;
    const lookup = (authorization?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/sim/ndxp/dancu/v1/tra-cuu-cong-dan',
        headers: authorization ? { authorization } : {},
        payload: { soDinhDanh: citizen.idNumber, maYeuCau: 'test-1' },
      });
    expect((await lookup()).statusCode).toBe(401);
    const found = await lookup(`Bearer ${bearer}`);
    expect(found.json()).toMatchObject({ maKetQua: '00', duLieu: { hoVaTen: 'Nguyễn Văn An', gioiTinh: '1' } });
  });
});

describe('the platform down', () => {
  let down: TestApp;
  let officer: Session;
  beforeAll(async () => {
    // Nothing listens on the discard port: every call fails as a network error.
    down = await createTestApp({ env: { NATIONAL_DATA_URL: 'http://127.0.0.1:9' } });
    officer = await down.login('tiepnhan');
  });
  afterAll(() => down.close());

  it('keeps the dossier, recorded unverified (unavailable), and says so', async () => {
    const procedure = await procedureByCode<Procedure>(down, '2.000635');
    const unit = procedure.competentUnits.find((u) => u.name.includes('Tư pháp'))!.id;
    const fileId = (await upload(officer, PDF, 'to-khai.pdf')).json().id as string;
    const components = procedure.components
      .filter((c) => c.mandatory)
      .map((c) => ({ componentId: c.id, fileIds: [fileId] }));
    const res = await officer.request({
      method: 'POST',
      url: '/api/dossiers',
      payload: { procedureId: procedure.id, channel: 'counter', competentUnitId: unit, applicant: citizen, components },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'received', populationCheck: 'unavailable', populationCheckedAt: null });
    const readId = await storeReadId(officer, citizen.idNumber, procedure.id);
    const store = await officer.request({ url: `/api/store/national?readId=${readId}` });
    expect(store.statusCode).toBe(503);
    expect(store.json().error.code).toBe('NATIONAL_STORE_UNAVAILABLE');
  });
});
