/**
 * Issue 16: the remote-signing service in another process (REMOTE_SIGNING_URL). One app serves
 * the simulator on a port; the API app reaches it over HTTP through a TCP proxy. The leader's
 * signing works end to end (the certificate issued over there validates here: both share the
 * demo CA of MOTCUA_KEYS_DIR); while the service is down or hung, asking and polling answer 503
 * REMOTE_SIGNING_UNAVAILABLE in Vietnamese within the timeout, and the pending transaction
 * completes once it is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type TcpProxy } from '../../chaos/lib/proxy.js';
import { createTestApp, type Session, type TestApp } from '../../src/app/testing/app.js';
import { httpRemoteSigning } from '../../src/modules/signing/remote-signing-http.js';
import { blankPdf } from '../../src/modules/signing/testing/signed-pdfs.js';
import { type DemoProcedure, dossierAtApproval } from '../fixtures/dossiers.js';
import { procedureByCode } from '../fixtures/procedures.js';
import { upload } from '../fixtures/uploads.js';

/** Helper 3's port range (HELPERS.md): the simulator's process stand-in listens here. */
const SIM_PORT = 4130;
const TIMEOUT_MS = 800;

let sim: TestApp;
let api: TestApp;
let proxy: TcpProxy;
let tiepnhan: Session;
let chuyenvien: Session;
let lanhdao: Session;
let procedure: DemoProcedure;
let soTuPhap: string;

beforeAll(async () => {
  sim = await createTestApp({ demo: false });
  await sim.app.listen({ port: SIM_PORT, host: '127.0.0.1' });
  proxy = await startProxy(SIM_PORT);
  api = await createTestApp({
    env: {
      REMOTE_SIGNING_URL: `http://127.0.0.1:${proxy.port}/sim/remote-signing`,
      REMOTE_SIGNING_TIMEOUT_MS: String(TIMEOUT_MS),
    },
  });
  [tiepnhan, chuyenvien, lanhdao] = await Promise.all([
    api.login('tiepnhan'),
    api.login('chuyenvien'),
    api.login('lanhdao'),
  ]);
  procedure = await procedureByCode<DemoProcedure>(api, '2.000635');
  const tree = (await api.app.inject({ url: '/api/units' })).json().units[0].children as { id: string; name: string }[];
  soTuPhap = tree.find((u) => u.name === 'Sở Tư pháp')!.id;
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await api?.close();
  await sim?.close();
});

const atApproval = () => dossierAtApproval(tiepnhan, chuyenvien, procedure, soTuPhap);

const ask = (code: string, fileId: string) =>
  lanhdao.request({ method: 'POST', url: `/api/dossiers/${code}/result-signing`, payload: { fileId } });
const poll = (code: string, id: string) => lanhdao.request({ url: `/api/dossiers/${code}/result-signing/${id}` });
const confirmOnPhone = (id: string) =>
  fetch(`http://127.0.0.1:${SIM_PORT}/sim/remote-signing/app/transactions/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'decision=confirm',
    redirect: 'manual',
  });

describe('remote signing with the service in another process', () => {
  it('the API serves no simulator of its own; the phone page is the other process’s', async () => {
    expect((await api.app.inject({ url: '/sim/remote-signing/app/lanhdao' })).statusCode).toBe(404);
    const d = await atApproval();
    const fileId = (await upload(lanhdao, await blankPdf(), 'giay-phep.pdf')).json().id as string;
    const asked = await ask(d.code, fileId);
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().confirmationUrl).toBe(`http://127.0.0.1:${proxy.port}/sim/remote-signing/app/lanhdao`);
  }, 60_000);

  it('down, then hung: 503 REMOTE_SIGNING_UNAVAILABLE in Vietnamese within the timeout; back: the pending one completes', async () => {
    const d = await atApproval();
    const fileId = (await upload(lanhdao, await blankPdf(), 'giay-phep.pdf')).json().id as string;
    const asked = await ask(d.code, fileId);
    expect(asked.statusCode, asked.body).toBe(201);
    const { transactionId } = asked.json();

    for (const mode of ['down', 'blackhole'] as const) {
      proxy.setMode(mode);
      for (const attempt of [() => ask(d.code, fileId), () => poll(d.code, transactionId)]) {
        const started = performance.now();
        const r = await attempt();
        expect(r.statusCode, `${mode}: ${r.body}`).toBe(503);
        expect(r.json().error).toMatchObject({
          code: 'REMOTE_SIGNING_UNAVAILABLE',
          message: expect.stringContaining('ký số từ xa'),
        });
        expect(performance.now() - started).toBeLessThan(TIMEOUT_MS * 4);
      }
    }
    // The leader confirmed on the phone meanwhile (the phone reaches the provider, we do not).
    expect((await confirmOnPhone(transactionId)).status).toBe(303);
    proxy.setMode('up');

    const signed = await poll(d.code, transactionId);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', signer: expect.any(String) });
    // The certificate the other process issued validates against this process's trust list.
    expect(signed.json().signatureReport.status).toBe('valid');
    expect(signed.json().signatureReport.signatures.map((s: { field: string }) => s.field)).toEqual([
      'ChuKyNguoiCoThamQuyen',
      'ChuKyCoQuan',
    ]);
  }, 60_000);

  it('the client against the simulator: the chain, a request, the signature once confirmed; unknown → null', async () => {
    const client = httpRemoteSigning(`http://127.0.0.1:${SIM_PORT}/sim/remote-signing`, 5000);
    const chain = await client.certificateChain('001080000042', 'Phạm Thị Thử');
    expect(chain).toHaveLength(2);
    const digest = Buffer.alloc(32, 3);
    const { transactionId, expiresAt } = await client.requestSignature({
      userId: '001080000042',
      description: 'Thử ký',
      digest,
    });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await client.transaction(transactionId)).toMatchObject({ status: 'pending', userId: '001080000042' });
    await confirmOnPhone(transactionId);
    expect((await client.transaction(transactionId))?.signature).toHaveLength(256);
    expect(await client.transaction('no-such-transaction')).toBeNull();
  }, 30_000);
});
