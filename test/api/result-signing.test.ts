/**
 * Issue 19: the leader approves the result → the remote-signing service asks for confirmation on
 * the phone → the official's signature, then the competent unit's seal by incremental update →
 * stored with its validation report → recorded by signResult → the citizen downloads it; pdfsig
 * (poppler, a verifier we did not write) finds both signatures valid.
 *
 * The pending request lives in the database: a second app over the same database stands for
 * another API process (or one restarted). Both apps talk to the same remote-signing simulator,
 * the first app's `services.remoteSigning`, as every process talks to the one provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { auditLog } from '../../src/modules/audit/audit.table.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { appDeps } from '../../src/app/composition.js';
import { buildApp } from '../../src/app/http-app.js';
import { testEnv } from '../../src/app/testing/env.js';
import { type Clock, fixedClock } from '../../src/kernel/clock.js';
import type { App } from '../../src/kernel/http.js';
import { storedFiles } from '../../src/modules/files/files.table.js';
import { resultSigningRequests } from '../../src/modules/dossiers/result-signing.table.js';
import { pruneSigningRequests } from '../../src/modules/dossiers/result-signing.prune.js';
import { REMOTE_SIGNING_TTL_MS } from '../../src/modules/signing/remote-signing.js';
import type { RemoteSigningProvider } from '../../src/modules/signing/remote-signing.config.js';
import { blankPdf, pdfsig } from '../../src/modules/signing/testing/signed-pdfs.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { type DemoProcedure, dossierAtApproval, step } from '../fixtures/dossiers.js';
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

const atApproval = () => dossierAtApproval(tiepnhan, chuyenvien, procedure, soTuPhap);

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
    expect(await requestRow(transactionId)).toMatchObject({ status: 'refused', signedFileId: null });
  }, 60_000);
});

/** Another API process: its own app and services over the same database, the same provider. */
async function anotherProcess(clock?: Clock, remoteSigning = t.deps.services.remoteSigning): Promise<App> {
  const deps = appDeps(t.handle, testEnv(), clock);
  const app = await buildApp({ ...deps, services: { ...deps.services, remoteSigning } });
  await app.ready();
  return app;
}

/** The same provider answering a signature value that is not the official's (a faulty provider). */
function garbling(provider: RemoteSigningProvider): RemoteSigningProvider {
  return {
    ...provider,
    async get() {
      const real = await provider.get();
      return {
        ...real,
        async transaction(id) {
          const found = await real.transaction(id);
          return found?.signature ? { ...found, signature: Buffer.alloc(found.signature.length, 1) } : found;
        },
      };
    },
  };
}

/** The session's requests sent to another process (sessions live in the database). */
const via = (app: App, session: Session) => (options: InjectOptions) =>
  app.inject({
    ...options,
    cookies: { motcua_session: session.cookie },
    headers: { 'x-csrf-token': session.csrfToken },
  });

const requestRow = async (transactionId: string) =>
  (
    await t.handle.db.select().from(resultSigningRequests).where(eq(resultSigningRequests.transactionId, transactionId))
  )[0];

describe('across API processes (the pending request is in result_signing_requests)', () => {
  let other: App;
  beforeAll(async () => {
    other = await anotherProcess();
  });
  afterAll(() => other.close());

  async function confirmedRequest(name: string) {
    const d = await atApproval();
    const fileId = (await upload(lanhdao, await blankPdf(), name)).json().id as string;
    const asked = await ask(lanhdao, d.code, fileId);
    expect(asked.statusCode, asked.body).toBe(201);
    const { transactionId } = asked.json() as { transactionId: string };
    return { d, transactionId, confirm: () => onPhone(transactionId, 'confirm') };
  }

  it('asked in one process, polled in another: signed there, valid for pdfsig; another user: 404', async () => {
    const { d, transactionId, confirm } = await confirmedRequest('khac-tien-trinh.pdf');
    const pollThere = (session: Session) =>
      via(other, session)({ url: `/api/dossiers/${d.code}/result-signing/${transactionId}` });
    expect((await pollThere(lanhdao)).json()).toMatchObject({ status: 'pending', fileId: null });
    const stranger = await pollThere(chuyenvien);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.code).toBe('SIGNING_TRANSACTION_NOT_FOUND');

    expect((await confirm()).statusCode).toBe(303);
    const signed = await pollThere(lanhdao);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', signatureReport: { status: 'valid' } });
    // Polling the first process afterwards answers the same file.
    expect((await poll(lanhdao, d.code, transactionId)).json()).toEqual(signed.json());
    expect(await requestRow(transactionId)).toMatchObject({ status: 'signed', signedFileId: signed.json().fileId });
    expect((await pollThere(chuyenvien)).statusCode).toBe(404);

    const file = await via(other, lanhdao)({ url: `/api/files/${signed.json().fileId}` });
    expect(file.statusCode).toBe(200);
    expect((await pdfsig(file.rawPayload)).match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
  }, 60_000);

  it('two processes polling at once: one signed file, audited once; every later poll answers it', async () => {
    const { d, transactionId, confirm } = await confirmedRequest('cung-luc.pdf');
    await confirm();
    const url = `/api/dossiers/${d.code}/result-signing/${transactionId}`;
    const answers = (await Promise.all([poll(lanhdao, d.code, transactionId), via(other, lanhdao)({ url })])).map(
      (r) => {
        expect(r.statusCode, r.body).toBe(200);
        return r.json() as { status: string; fileId: string | null };
      },
    );
    // The process that lost the claim answers "pending" (the winner is still sealing) or, if the
    // winner was already done, the same signed answer.
    const signedOnes = answers.filter((a) => a.status === 'signed');
    expect(signedOnes.length).toBeGreaterThanOrEqual(1);
    for (const a of answers) if (a.status !== 'signed') expect(a).toMatchObject({ status: 'pending', fileId: null });
    const [first, second] = [await poll(lanhdao, d.code, transactionId), await via(other, lanhdao)({ url })];
    expect(first.json()).toEqual(signedOnes[0]);
    expect(second.json()).toEqual(signedOnes[0]);

    const stored = await t.handle.db
      .select({ id: storedFiles.id })
      .from(storedFiles)
      .where(eq(storedFiles.originalName, 'cung-luc-da-ky.pdf'));
    expect(stored.map((f) => f.id)).toEqual([signedOnes[0]!.fileId]);
    const audited = await t.handle.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'result.signed'),
          sql`${auditLog.summary} -> 'after' ->> 'transactionId' = ${transactionId}`,
        ),
      );
    expect(audited).toHaveLength(1);
  }, 60_000);

  it('past the expiry without an answer: recorded expired (audited), and stays so when the phone confirms late', async () => {
    const { d, transactionId, confirm } = await confirmedRequest('het-han.pdf');
    const later = await anotherProcess(fixedClock(new Date(Date.now() + REMOTE_SIGNING_TTL_MS + 60_000)));
    try {
      const expired = await via(later, lanhdao)({ url: `/api/dossiers/${d.code}/result-signing/${transactionId}` });
      expect(expired.json()).toMatchObject({ status: 'expired', fileId: null, confirmationUrl: null });
    } finally {
      await later.close();
    }
    expect(await requestRow(transactionId)).toMatchObject({ status: 'expired', signedFileId: null });
    // The simulator's own clock has not reached its expiry: a late confirmation signs nothing here.
    await confirm();
    expect((await poll(lanhdao, d.code, transactionId)).json()).toMatchObject({ status: 'expired', fileId: null });
    const audited = await t.handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(sql`${auditLog.summary} -> 'after' ->> 'transactionId' = ${transactionId}`);
    expect(audited.map((a) => a.action).sort()).toEqual(['result.signatureExpired', 'result.signatureRequested']);
  }, 60_000);

  it('a signature value that does not verify: failed once (audited), 502 on every poll, nothing stored', async () => {
    const { d, transactionId, confirm } = await confirmedRequest('sai-chu-ky.pdf');
    await confirm();
    const faulty = await anotherProcess(undefined, garbling(t.deps.services.remoteSigning));
    try {
      const failed = await via(faulty, lanhdao)({ url: `/api/dossiers/${d.code}/result-signing/${transactionId}` });
      expect(failed.statusCode, failed.body).toBe(502);
      expect(failed.json().error.code).toBe('SIGNING_FAILED');
    } finally {
      await faulty.close();
    }
    expect(await requestRow(transactionId)).toMatchObject({ status: 'failed', signedFileId: null, claimedUntil: null });
    // The request is over: the right signature now at the provider is not embedded into it.
    expect((await poll(lanhdao, d.code, transactionId)).json().error.code).toBe('SIGNING_FAILED');
    const stored = await t.handle.db
      .select({ id: storedFiles.id })
      .from(storedFiles)
      .where(eq(storedFiles.originalName, 'sai-chu-ky-da-ky.pdf'));
    expect(stored).toEqual([]);
    const audited = await t.handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(sql`${auditLog.summary} -> 'after' ->> 'transactionId' = ${transactionId}`);
    expect(audited.map((a) => a.action).sort()).toEqual(['result.signatureFailed', 'result.signatureRequested']);
  }, 60_000);

  it('requests are pruned 30 days after their expiry, whatever they ended as', async () => {
    const [{ n }] = (await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(resultSigningRequests)) as [
      { n: number },
    ];
    expect(n).toBeGreaterThan(0);
    expect(await pruneSigningRequests(t.handle.db, new Date(Date.now() + 29 * 24 * 3600_000))).toBe(0);
    expect(await pruneSigningRequests(t.handle.db, new Date(Date.now() + 31 * 24 * 3600_000))).toBe(n);
  });
});
