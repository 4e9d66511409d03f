/**
 * The e-form at the counter (issue 18 §3–4): the one-stop officer asks the prefill for the
 * applicant they name (`?applicant=`, e.g. read from the chip card), files the dossier with the
 * form's values on the counter channel, and the dossier keeps them with their sources; a
 * population value changed at the counter is refused like online; the form stays optional there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { PDF, upload } from '../fixtures/uploads.js';

interface Procedure {
  id: string;
  competentUnits: { id: string; name: string }[];
  components: { id: string; name: string; mandatory: boolean; formTemplate: string | null }[];
}

/** Nguyễn Văn An, known to the population database (simulator). */
const APPLICANT = { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '089095000123', phone: '0912345678' };

/** What the officer types on the criminal-record form (Mẫu 01/2025/LLTP) besides the prefill. */
const TYPED = {
  gender: 'Nam',
  birthPlace: 'Long Xuyên, An Giang',
  ethnicity: 'Kinh',
  fatherName: 'Nguyễn Văn Bình',
  motherName: 'Lê Thị Cúc',
  phone: '0912345678',
  residenceHistory: [{ from: '01/01/2009', place: 'Phường Long Xuyên, An Giang', occupation: 'Học sinh' }],
  certificateKind: '2',
  copyCount: 1,
  purpose: 'Bổ sung hồ sơ xin việc',
  commitment: true,
};

let t: TestApp;
let tiepnhan: Session;
let lltp: Procedure;

beforeAll(async () => {
  t = await createTestApp();
  tiepnhan = await t.login('tiepnhan');
  lltp = await procedureByCode<Procedure>(t, '3.000333');
});
afterAll(() => t.close());

async function prefill(applicant?: string) {
  return tiepnhan.request({
    url: `/api/procedures/${lltp.id}/eform/prefill${applicant ? `?applicant=${applicant}` : ''}`,
  });
}

async function receive(eform?: Record<string, unknown>, withScanOfForm = false) {
  const fileId = (await upload(tiepnhan, PDF, 'ban-scan.pdf')).json().id as string;
  return tiepnhan.request({
    method: 'POST',
    url: '/api/dossiers',
    payload: {
      procedureId: lltp.id,
      channel: 'counter',
      competentUnitId: lltp.competentUnits[0]!.id,
      applicant: APPLICANT,
      components: lltp.components
        .filter((c) => c.mandatory && (withScanOfForm || !c.formTemplate?.includes('LLTP')))
        .map((c) => ({ componentId: c.id, fileIds: [fileId] })),
      ...(eform ? { eform: { values: eform } } : {}),
    },
  });
}

describe('the e-form at the counter', () => {
  it('prefills for the applicant the officer names; without one, 400 EFORM_APPLICANT_REQUIRED', async () => {
    const none = await prefill();
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({
      code: 'EFORM_APPLICANT_REQUIRED',
      message: expect.stringContaining('số định danh'),
    });

    const res = await prefill(APPLICANT.idNumber);
    expect(res.statusCode, res.body).toBe(200);
    const { values } = res.json();
    expect(values.fullName).toEqual({ value: 'Nguyễn Văn An', source: 'population' });
    expect(values.personalId.value).toBe(APPLICANT.idNumber);
    expect(values.permanentResidence.source).toBe('population');

    const citizen = await t.login('congdan');
    expect(
      (await citizen.request({ url: `/api/procedures/${lltp.id}/eform/prefill?applicant=089196001357` })).json(),
    ).not.toHaveProperty('values.fullName.value', 'Trần Thị Bình');
  });

  it('receives a dossier with the form: values kept with their sources, the tờ khai component not needed', async () => {
    const values = Object.fromEntries(
      Object.entries((await prefill(APPLICANT.idNumber)).json().values as Record<string, { value: unknown }>).map(
        ([k, v]) => [k, v.value],
      ),
    );
    const res = await receive({ ...values, ...TYPED });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().code as string;
    const filed = await tiepnhan.request({ url: `/api/dossiers/${code}/eform` });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().values.fullName).toEqual({ value: 'Nguyễn Văn An', source: 'population' });
    expect(filed.json().values.purpose).toEqual({ value: 'Bổ sung hồ sơ xin việc', source: 'typed' });
    expect(filed.json().fieldsPrefilled).toBeGreaterThan(0);

    // A population value changed at the counter is refused, naming the field.
    const tampered = await receive({ ...values, ...TYPED, fullName: 'Nguyễn Văn Ân' });
    expect(tampered.statusCode).toBe(422);
    expect(tampered.json().error.details).toEqual([
      { in: 'eform', path: 'fullName', message: expect.stringContaining('Cơ sở dữ liệu quốc gia về dân cư') },
    ]);
  });

  it('still receives the paper form scanned instead (the form is optional at the counter)', async () => {
    const withoutForm = await receive(undefined);
    expect(withoutForm.statusCode).toBe(422);
    expect(withoutForm.json().error.code).toBe('DOSSIER_INCOMPLETE');
    const scanned = await receive(undefined, true);
    expect(scanned.statusCode, scanned.body).toBe(201);
  });
});
