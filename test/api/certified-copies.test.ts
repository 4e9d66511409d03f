/**
 * Issue 19, part 4: chứng thực bản sao điện tử từ bản chính. At a commune, a certification
 * dossier reaches "Phê duyệt"; the certifying official confirms the scan was compared with the
 * original → the copy is numbered in the unit's register and rendered with the statement → signed
 * by the existing remote signing and sealed → recorded by signResult → counted by the 766
 * indicator digitization.certifiedCopies once processed; one processed with an unsigned result is
 * not. pdftotext and pdfsig (poppler, which we did not write) read the PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { vietnamDateOf } from '../../src/modules/calendar/dates.js';
import { nextRegisterNumber } from '../../src/modules/certification/certified-copy.service.js';
import { reportingMonthOf } from '../../src/modules/kpi/periods.rules.js';
import { pdfsig } from '../../src/modules/signing/testing/signed-pdfs.js';
import { type DemoProcedure, fileDossier, read, resultOf, staffAt, step } from '../fixtures/dossiers.js';
import { citizen } from '../fixtures/kpi.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { PNG, upload } from '../fixtures/uploads.js';

let t: TestApp;
let commune: string;
let officer: Session;
let official: Session;
let leader: Session;
let kstthc: Session;
let certification: DemoProcedure;
let civil: DemoProcedure;
const month = reportingMonthOf(vietnamDateOf(new Date()));
const year = Number(vietnamDateOf(new Date()).slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  kstthc = await t.login('kstthc');
  type Node = { id: string; kind: string; children: Node[] };
  const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
  commune = flat((await t.app.inject({ url: '/api/units' })).json().units).find((u) => u.kind === 'commune')!.id;
  officer = await staffAt(t, admin, 'xa.motcua', 'one_stop_officer', commune);
  official = await staffAt(t, admin, 'xa.tuphap', 'processing_official', commune);
  leader = await staffAt(t, admin, 'xa.chutich', 'unit_leader', commune);
  certification = await procedureByCode<DemoProcedure>(t, '2.000815');
  civil = await procedureByCode<DemoProcedure>(t, '2.000635');
}, 120_000);
afterAll(() => t.close());

/** A dossier filed at the commune's counter and moved to the leader's "Phê duyệt". */
async function atApproval(procedure: DemoProcedure) {
  let d = await fileDossier(officer, procedure, { channel: 'counter', applicant: citizen, competentUnitId: commune });
  d = await step(officer, d.code, d.version, 'forward');
  d = await step(official, d.code, d.version, 'forward');
  expect(d.currentStepKey).toBe('phe-duyet');
  return d as { code: string; version: number; components: { fileIds: string[] }[] };
}

const certify = (session: Session, code: string, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url: `/api/dossiers/${code}/certified-copies`, payload });

/** The PDF's text, lines joined (the statement wraps at the layout's width). */
function pdftotext(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ban-sao-'));
  try {
    writeFileSync(join(dir, 'c.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'c.pdf'), '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function signThroughPhone(code: string, fileId: string) {
  const asked = await leader.request({
    method: 'POST',
    url: `/api/dossiers/${code}/result-signing`,
    payload: { fileId },
  });
  expect(asked.statusCode, asked.body).toBe(201);
  const { transactionId } = asked.json();
  const phone = await t.app.inject({
    method: 'POST',
    url: `/sim/remote-signing/app/transactions/${transactionId}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'decision=confirm',
  });
  expect(phone.statusCode).toBe(303);
  const signed = (await leader.request({ url: `/api/dossiers/${code}/result-signing/${transactionId}` })).json();
  expect(signed.status).toBe('signed');
  return signed as { fileId: string; signer: string; certificateSerial: string };
}

/** After signResult the dossier is at "Trả kết quả"; finishing it there makes it processed. */
async function finish(code: string, version: number) {
  const d = await step(officer, code, version, 'finish');
  expect(d.status).toBe('processed');
}

async function certifiedCopiesDrill(part: 'numerator' | 'denominator') {
  const res = await kstthc.request({
    url: `/api/kpi/766/drilldown?unit=${commune}&period=${month}&indicator=digitization.certifiedCopies&part=${part}&pageSize=200`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { code: string }[]).map((i) => i.code);
}

describe('chứng thực bản sao điện tử từ bản chính', () => {
  let signedCode = '';

  it('compared scan → numbered copy with the statement → signed and sealed (pdfsig: 2 valid) → the result', async () => {
    const d = await atApproval(certification);
    const scanFileId = d.components[0]!.fileIds[0]!; // scanned at the counter at intake
    const standing = (await leader.request({ url: `/api/dossiers/${d.code}/certified-copies` })).json();
    expect(standing).toEqual({ certification: true, mayCertify: true, copies: [] });
    // Only the certifying official at this step: the officials before them may not.
    for (const other of [official, officer]) {
      const refused = await certify(other, d.code, { scanFileId, comparedWithOriginal: true });
      expect(refused.statusCode, refused.body).toBe(403);
    }
    const notCompared = await certify(leader, d.code, { scanFileId, comparedWithOriginal: false });
    expect(notCompared.statusCode).toBe(422);
    expect(notCompared.json().error).toMatchObject({
      code: 'CERTIFIED_COPY_NOT_COMPARED',
      message: expect.stringContaining('đối chiếu'),
    });

    const made = await certify(leader, d.code, {
      scanFileId,
      comparedWithOriginal: true,
      certifierTitle: 'Phó Chủ tịch Ủy ban nhân dân xã',
    });
    expect(made.statusCode, made.body).toBe(201);
    const copy = made.json();
    expect(copy).toMatchObject({
      number: expect.any(Number),
      year,
      register: `${copy.number} - Quyển số 01/${year}-SCT/BS`,
      pages: 1,
      certifierName: 'Cán bộ xa.chutich',
      scanFileId,
    });
    const file = await leader.request({ url: `/api/files/${copy.file.id}` });
    expect(file.statusCode).toBe(200);
    const text = pdftotext(file.rawPayload);
    for (const words of [
      'LỜI CHỨNG',
      'Chứng thực bản sao đúng với bản chính.',
      `Số chứng thực: ${copy.number}`,
      `Quyển số: 01/${year}-SCT/BS`,
      'Bản sao gồm 1 trang',
      'PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ',
      'Cán bộ xa.chutich',
      d.code,
    ])
      expect(text).toContain(words);
    expect((await leader.request({ url: `/api/dossiers/${d.code}/certified-copies` })).json().copies).toEqual([copy]);

    const signed = await signThroughPhone(d.code, copy.file.id);
    const signedPdf = (await leader.request({ url: `/api/files/${signed.fileId}` })).rawPayload;
    const verdict = await pdfsig(signedPdf).catch((e: Error) => {
      console.log(`pdfsig not run: ${e.message}`);
      return null;
    });
    if (verdict) expect(verdict.match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
    expect(pdftotext(signedPdf)).toContain('Chứng thực bản sao đúng với bản chính.');

    const after = await step(leader, d.code, (await read(leader, d.code)).version, 'signResult', {
      result: {
        fileId: signed.fileId,
        name: 'Bản sao được chứng thực từ bản chính',
        number: copy.register,
        issuedOn: vietnamDateOf(new Date()),
        issuer: 'Ủy ban nhân dân xã',
        signer: signed.signer,
        certificateSerial: signed.certificateSerial,
      },
    });
    expect(after.results[0]).toMatchObject({ verification: 'valid', number: copy.register });
    await finish(d.code, after.version);
    signedCode = d.code;

    const audited = await t.handle.db
      .select({ action: auditLog.action, summary: auditLog.summary })
      .from(auditLog)
      .where(inArray(auditLog.action, ['certification.copyCertified']));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.summary).toMatchObject({ after: { code: d.code, register: copy.register } });
  }, 120_000);

  it('counts for 766 digitization.certifiedCopies once processed with the signed copy; an unsigned result does not', async () => {
    const d = await atApproval(certification);
    const after = await step(leader, d.code, d.version, 'signResult', { result: await resultOf(leader) });
    await finish(d.code, after.version);
    expect(await certifiedCopiesDrill('denominator')).toEqual(expect.arrayContaining([signedCode, d.code]));
    const numerator = await certifiedCopiesDrill('numerator');
    expect(numerator).toContain(signedCode);
    expect(numerator).not.toContain(d.code);
  }, 120_000);

  it('numbers the next copy of the unit’s register, from an image scan the official uploaded', async () => {
    const d = await atApproval(certification);
    const scanFileId = (await upload(leader, PNG, 'ban-chinh.png')).json().id as string;
    const first = (await certify(leader, d.code, { scanFileId, comparedWithOriginal: true })).json();
    const second = await certify(leader, d.code, { scanFileId, comparedWithOriginal: true });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ number: first.number + 1, pages: 1, certifierTitle: null });
    expect(pdftotext((await leader.request({ url: `/api/files/${second.json().file.id}` })).rawPayload)).toContain(
      'NGƯỜI THỰC HIỆN CHỨNG THỰC',
    );
    // Someone else's upload is not a scan the official may certify.
    const foreign = (await upload(officer, PNG, 'khac.png')).json().id as string;
    expect((await certify(leader, d.code, { scanFileId: foreign, comparedWithOriginal: true })).statusCode).toBe(403);
  }, 120_000);

  it('gives concurrent certifications distinct numbers; one that rolls back gives its number to the next (no gap)', async () => {
    const next = () => t.handle.db.transaction((tx) => nextRegisterNumber(tx, commune, 1999));
    const numbers = await Promise.all(Array.from({ length: 20 }, next));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await expect(
      t.handle.db.transaction(async (tx) => {
        await nextRegisterNumber(tx, commune, 1999);
        throw new Error('rendering failed');
      }),
    ).rejects.toThrow('rendering failed');
    expect(await next()).toBe(21);
    expect(await t.handle.db.transaction((tx) => nextRegisterNumber(tx, commune, 2000))).toBe(1);
  });

  it('refuses a dossier whose procedure is not a certification (409)', async () => {
    const d = await atApproval(civil);
    const scanFileId = d.components[0]!.fileIds[0]!;
    const refused = await certify(leader, d.code, { scanFileId, comparedWithOriginal: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CERTIFIED_COPY_NOT_CERTIFICATION');
    expect((await leader.request({ url: `/api/dossiers/${d.code}/certified-copies` })).json()).toMatchObject({
      certification: false,
      mayCertify: false,
    });
  }, 60_000);
});
