/**
 * Issue 19: the leader approves the result → the remote-signing service asks for confirmation on
 * the phone → the official's signature, then the competent unit's seal by incremental update →
 * stored with its validation report → recorded by signResult → the citizen downloads it; pdfsig
 * (poppler, a verifier we did not write) finds both signatures valid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { blankPdf, pdfsig } from '../../src/modules/signing/testing/signed-pdfs.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { type DemoProcedure, fileDossier, step } from '../fixtures/dossiers.js';
import { upload } from '../fixtures/uploads.js';

let t: TestApp;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let procedure: DemoProcedure;
let soTuPhap: string;

beforeAll(async () => {
  t = await createTestApp();
  [tiepnhan, chuyenvien, lanhdao] = await Promise.all([t.login('tiepnhan'), t.login('chuyenvien'), t.login('lanhdao')]);
  procedure = await procedureByCode<DemoProcedure>(t, '2.000635');
  const tree = (await t.app.inject({ url: '/api/units' })).json().units[0].children as { id: string; name: string }[];
  soTuPhap = tree.find((u) => u.name === 'Sở Tư pháp')!.id;
}, 60_000);
afterAll(() => t.close());

async function atApproval() {
  let d = await fileDossier(tiepnhan, procedure, {
    channel: 'counter',
    applicant: { kind: 'citizen', fullName: 'Trần Thị Bích', idNumber: '089196000456', phone: '0987000111' },
    competentUnitId: soTuPhap,
  });
  d = await step(tiepnhan, d.code, d.version, 'forward');
  d = await step(chuyenvien, d.code, d.version, 'forward');
  expect(d.currentStepKey).toBe('phe-duyet');
  return d as { code: string; version: number };
}

const ask = async (session: Session, code: string, fileId: string) =>
  session.request({ method: 'POST', url: `/api/dossiers/${code}/result-signing`, payload: { fileId } });
const poll = async (session: Session, code: string, id: string) =>
  session.request({ url: `/api/dossiers/${code}/result-signing/${id}` });
const onPhone = (id: string, decision: 'confirm' | 'refuse') =>
  t.app.inject({
    method: 'POST',
    url: `/sim/remote-signing/app/transactions/${id}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `decision=${decision}`,
  });

describe('Phê duyệt, ký kết quả through the remote-signing service', () => {
  it('confirm on the phone → official + seal signatures, valid for pdfsig; signResult records it valid; audited', async () => {
    let d = await atApproval();
    const fileId = (await upload(lanhdao, await blankPdf(), 'giay-phep.pdf')).json().id as string;
    // Only the one who may approve now may ask for the signature.
    expect((await ask(chuyenvien, d.code, fileId)).statusCode).toBe(403);
    const asked = await ask(lanhdao, d.code, fileId);
    expect(asked.statusCode, asked.body).toBe(201);
    const { transactionId, confirmationUrl } = asked.json();
    expect(asked.json()).toMatchObject({ status: 'pending', fileId: null });
    expect(confirmationUrl).toBe('/sim/remote-signing/app/lanhdao');
    const phone = await t.app.inject({ url: confirmationUrl });
    expect(phone.body).toContain(`Phê duyệt, ký kết quả hồ sơ ${d.code}`);
    expect((await poll(lanhdao, d.code, transactionId)).json().status).toBe('pending');
    // Another official cannot read the leader's transaction.
    expect((await poll(chuyenvien, d.code, transactionId)).statusCode).toBe(404);

    expect((await onPhone(transactionId, 'confirm')).statusCode).toBe(303);
    const signed = (await poll(lanhdao, d.code, transactionId)).json();
    expect(signed).toMatchObject({
      status: 'signed',
      signer: expect.any(String),
      certificateSerial: expect.any(String),
    });
    expect(signed.signatureReport.status).toBe('valid');
    expect(signed.signatureReport.signatures.map((s: { field: string }) => s.field)).toEqual([
      'ChuKyNguoiCoThamQuyen',
      'ChuKyCoQuan',
    ]);
    // Polling again answers the same file (signed once).
    expect((await poll(lanhdao, d.code, transactionId)).json().fileId).toBe(signed.fileId);

    const file = await lanhdao.request({ url: `/api/files/${signed.fileId}` });
    expect(file.statusCode, file.body.slice(0, 200)).toBe(200);
    const verdict = await pdfsig(file.rawPayload);
    expect(verdict.match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
    expect(verdict).toContain('Signer Certificate Common Name: Con dấu điện tử');

    d = await step(lanhdao, d.code, d.version, 'signResult', {
      result: {
        fileId: signed.fileId,
        number: '77/GP-STP',
        issuedOn: new Date().toISOString().slice(0, 10),
        issuer: 'Sở Tư pháp tỉnh An Giang',
        signer: signed.signer,
        certificateSerial: signed.certificateSerial,
      },
    });
    const result = (d as unknown as { results: { verification: string; signer: string }[] }).results[0]!;
    expect(result).toMatchObject({ verification: 'valid', signer: signed.signer });

    const audited = await t.handle.db
      .select({ action: auditLog.action, summary: auditLog.summary })
      .from(auditLog)
      .where(inArray(auditLog.action, ['result.signatureRequested', 'result.signed', 'document.sealed']));
    expect(new Set(audited.map((r) => r.action))).toEqual(
      new Set(['result.signatureRequested', 'result.signed', 'document.sealed']),
    );
    // Hashes and ids only: no key, no content.
    expect(JSON.stringify(audited)).not.toMatch(/PRIVATE KEY|%PDF/);
  }, 60_000);

  it('refused on the phone: no signed file; a transaction id that is not known: 404', async () => {
    const d = await atApproval();
    const fileId = (await upload(lanhdao, await blankPdf(), 'giay-phep.pdf')).json().id as string;
    const { transactionId } = (await ask(lanhdao, d.code, fileId)).json();
    await onPhone(transactionId, 'refuse');
    expect((await poll(lanhdao, d.code, transactionId)).json()).toMatchObject({ status: 'refused', fileId: null });
    const unknown = await poll(lanhdao, d.code, 'no-such-transaction');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('SIGNING_TRANSACTION_NOT_FOUND');
  }, 60_000);
});
